package io.revlens.job;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import io.revlens.report.ReportFormats;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reader acts on without opening the report: the top issues (persistent ones first, as page 1 orders them)
 * and the key numbers with their status. Told by the e-mail and by the console after a run.
 */
record Headline(List<String> triggers, List<Kpi> kpis) {

    private static final String TRIGGERS = SqlScript.loadOne("sql/job/headline_triggers.sql");
    private static final String KPIS = SqlScript.loadOne("sql/job/headline_kpis.sql");

    /** A key number as shown: its label, its value in the run's currency or unit, its status (none when unknown). */
    record Kpi(String label, String value, String status) {
        String line() {
            return label + ": " + value + ("none".equals(status) || status == null ? "" : " (" + status + ")");
        }
    }

    static Headline read(Connection connection, String currency, int topTriggers) throws SQLException {
        List<String> triggers = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(TRIGGERS)) {
            statement.setInt(1, topTriggers);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    triggers.add(rs.getString(1) + (rs.getString(2) == null ? "" : " " + rs.getString(2)));
                }
            }
        }
        List<Kpi> kpis = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(KPIS)) {
            while (rs.next()) {
                kpis.add(new Kpi(ReportFormats.kpiLabel(rs.getString(1)),
                        ReportFormats.kpi((Number) rs.getObject(3), rs.getString(2), currency), rs.getString(4)));
            }
        }
        return new Headline(triggers, kpis);
    }

    /** From the run's database; empty when its metrics were not computed (a run that failed before them). */
    static Headline read(Path database, String currency, int topTriggers) {
        try (Connection connection = Workspace.open(database)) {
            return read(connection, currency, topTriggers);
        } catch (SQLException | RuntimeException e) {
            return new Headline(List.of(), List.of());
        }
    }
}
