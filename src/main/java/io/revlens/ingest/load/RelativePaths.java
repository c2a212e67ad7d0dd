package io.revlens.ingest.load;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names each loaded file by its path relative to its input folder ({@code source_files.relative_path}), the
 * name every output uses for lineage: it stays the same when the project folder moves and when a file is loaded
 * again, where the absolute path and the internal {@code source_file_id} do not. A job reading several input
 * folders prefixes the folder's name ({@code crm/deals.csv}); a name another file of the database already has
 * (a folder kept with {@code --keep-history}) gets the folder's name too. A workbook loaded from several data
 * sheets names each by its sheet as well ({@code deals.xlsx#Deals 2025}), so a row's lineage finds its sheet.
 */
public final class RelativePaths {

    private static final String FILE_NAMES = SqlScript.loadOne("sql/ingest/file_names.sql");
    private static final String SET_RELATIVE_PATH = SqlScript.loadOne("sql/ingest/set_relative_path.sql");

    private RelativePaths() {
    }

    public static void assign(Connection connection, List<Path> inputFolders) throws SQLException {
        List<Path> folders = inputFolders.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        Map<Integer, String> paths = new LinkedHashMap<>();
        Map<Integer, String> sheets = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(FILE_NAMES)) {
            while (rs.next()) {
                paths.put(rs.getInt(1), rs.getString(2));
                sheets.put(rs.getInt(1), rs.getString(4));
                if (rs.getString(3) != null && !isUnder(Path.of(rs.getString(2)), folders)) {
                    taken.add(rs.getString(3)); // a kept file of another folder keeps its name
                }
            }
        }
        Map<Integer, String> named = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> file : paths.entrySet()) {
            Path path = Path.of(file.getValue()).toAbsolutePath().normalize();
            Path folder = folders.stream().filter(path::startsWith).findFirst().orElse(null);
            if (folder == null) {
                continue;
            }
            String relative = folder.relativize(path).toString().replace('\\', '/');
            String prefixed = (folder.getFileName() == null ? "" : folder.getFileName() + "/") + relative;
            String name = folders.size() > 1 || taken.contains(relative) ? prefixed : relative;
            String sheet = sheets.get(file.getKey());
            named.put(file.getKey(), sheet == null ? name : name + "#" + sheet);
        }
        if (named.isEmpty()) {
            return;
        }
        Workspace.inTransaction(connection, () -> {
            try (PreparedStatement update = connection.prepareStatement(SET_RELATIVE_PATH)) {
                for (Map.Entry<Integer, String> file : named.entrySet()) {
                    update.setString(1, file.getValue());
                    update.setInt(2, file.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    private static boolean isUnder(Path file, List<Path> folders) {
        Path path = file.toAbsolutePath().normalize();
        return folders.stream().anyMatch(path::startsWith);
    }
}
