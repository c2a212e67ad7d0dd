package io.revlens.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code pipeline_stages}: the stages present in the loaded opportunities and stage
 * history, in the order the exports' profiles declare, then unknown open stages, then won and lost.
 */
final class PipelineStages {

    private PipelineStages() {
    }

    static void write(Connection connection, List<FileLoad> files) throws SQLException {
        List<String> present = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select stage from (select stage from opportunities union select stage from opportunity_stage_history)
                     where stage is not null order by stage""")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        List<String> order = new ArrayList<>();
        List<String> won = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (FileLoad file : files) {
            if (file.mapping != null && file.mapping.profile().stages() != null) {
                var stages = file.mapping.profile().stages();
                addAll(order, stages.order());
                addAll(won, stages.won());
                addAll(lost, stages.lost());
            }
        }
        Map<String, int[]> rows = new LinkedHashMap<>();
        for (String declared : order) {
            for (String stage : present) {
                if (same(stage, declared) && !rows.containsKey(stage)) {
                    rows.put(stage, new int[] {rows.size() + 1, 0, 0});
                }
            }
        }
        for (String stage : present) {
            boolean isWon = won.stream().anyMatch(w -> same(w, stage));
            boolean isLost = lost.stream().anyMatch(l -> same(l, stage));
            if (!rows.containsKey(stage) && !isWon && !isLost) {
                rows.put(stage, new int[] {rows.size() + 1, 0, 0});
            }
        }
        int terminal = rows.size() + 1;
        for (String stage : present) {
            if (won.stream().anyMatch(w -> same(w, stage))) {
                rows.putIfAbsent(stage, new int[] {terminal, 1, 0});
            } else if (lost.stream().anyMatch(l -> same(l, stage))) {
                rows.putIfAbsent(stage, new int[] {terminal, 0, 1});
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("delete from pipeline_stages");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into pipeline_stages (stage, stage_order, is_won, is_lost) values (?, ?, ?, ?)")) {
            for (var entry : rows.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setInt(2, entry.getValue()[0]);
                insert.setBoolean(3, entry.getValue()[1] == 1);
                insert.setBoolean(4, entry.getValue()[2] == 1);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void addAll(List<String> target, List<String> values) {
        if (values != null) {
            target.addAll(values);
        }
    }

    private static boolean same(String a, String b) {
        return a.toLowerCase(Locale.ROOT).replace(" ", "").equals(b.toLowerCase(Locale.ROOT).replace(" ", ""));
    }
}
