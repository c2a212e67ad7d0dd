package io.revlens.ingest;

import io.revlens.model.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ingest run against the DuckDB file: registers each file in {@code source_files} (replacing
 * the rows of an earlier load of the same path, so re-ingesting never duplicates), and at the end
 * writes each file's counts and the pipeline's stage order.
 */
final class LoadSession implements AutoCloseable {

    private static final List<String> LINEAGE_TABLES = List.of("opportunities", "opportunity_stage_history", "accounts",
            "reps", "revenue_lines", "leads", "rejects");

    private final Connection connection;
    private final ProfileCatalog catalog;
    private final Map<String, String> profileOverrides;
    private final List<FileLoad> files = new ArrayList<>();

    LoadSession(Path databaseFile, ProfileCatalog catalog, Map<String, String> profileOverrides) throws SQLException {
        this.connection = Workspace.open(databaseFile);
        this.catalog = catalog;
        this.profileOverrides = profileOverrides;
    }

    Connection connection() {
        return connection;
    }

    List<FileLoad> files() {
        return files;
    }

    /** Registers the file, replacing an earlier load of the same path, and returns its load state. */
    FileLoad register(Path file) throws SQLException, IOException {
        String path = file.toAbsolutePath().normalize().toString();
        List<Integer> previous = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement("select source_file_id from source_files where path = ?")) {
            find.setString(1, path);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    previous.add(rs.getInt(1));
                }
            }
        }
        for (int id : previous) {
            for (String table : LINEAGE_TABLES) {
                try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where source_file_id = ?")) {
                    delete.setInt(1, id);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from source_files where source_file_id = ?")) {
                delete.setInt(1, id);
                delete.executeUpdate();
            }
        }
        int id;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select nextval('source_file_seq')")) {
            rs.next();
            id = rs.getInt(1);
        }
        FileLoad load = new FileLoad(id, file.toAbsolutePath().normalize(), sha256(file), Files.size(file));
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into source_files (source_file_id, path, sha256, size_bytes, format, kind, status, loaded_at)
                values (?, ?, ?, ?, 'unknown', 'unknown', 'loading', ?)""")) {
            insert.setInt(1, id);
            insert.setString(2, path);
            insert.setString(3, load.sha256);
            insert.setLong(4, load.sizeBytes);
            insert.setObject(5, LocalDateTime.now());
            insert.executeUpdate();
        }
        files.add(load);
        return load;
    }

    /** The profile named for this file in the job file, if any. */
    String overrideFor(Path file) {
        return profileOverrides.get(file.getFileName().toString());
    }

    ProfileCatalog catalog() {
        return catalog;
    }

    /** Writes every file's counts, layout, date range and status, then the pipeline stage order. */
    void finish() throws SQLException {
        for (FileLoad file : files) {
            try (PreparedStatement update = connection.prepareStatement("""
                    update source_files set format = ?, encoding = ?, delimiter = ?, sheet = ?, header_row = ?,
                        kind = ?, profile = ?, rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_skipped = ?,
                        status = ?, message = ?
                    where source_file_id = ?""")) {
                TabularSource.Layout layout = file.layout;
                update.setString(1, layout == null ? formatOf(file.path) : layout.format());
                update.setString(2, layout == null ? null : layout.encoding());
                update.setString(3, layout == null ? null : layout.delimiter());
                update.setString(4, layout == null ? null : layout.sheet());
                update.setObject(5, layout == null || layout.headerRow() == 0 ? null : layout.headerRow());
                update.setString(6, file.kind);
                update.setString(7, file.profileName());
                update.setLong(8, file.rowsRead);
                update.setLong(9, file.rowsLoaded);
                update.setLong(10, file.rowsRejected);
                update.setLong(11, file.rowsSkipped);
                update.setString(12, file.status);
                update.setString(13, file.message);
                update.setInt(14, file.sourceFileId);
                update.executeUpdate();
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : io.revlens.model.SqlScript.statements(Workspace.readResource("sql/ingest/source_file_dates.sql"))) {
                statement.execute(sql);
            }
        }
        PipelineStages.write(connection, files);
    }

    private static String formatOf(Path path) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".xlsx") ? "xlsx" : name.endsWith(".xls") ? "xls" : "csv";
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per-file counts by outcome, for progress lines. */
    Map<String, Long> totals() {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("read", files.stream().mapToLong(f -> f.rowsRead).sum());
        totals.put("loaded", files.stream().mapToLong(f -> f.rowsLoaded).sum());
        return totals;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
