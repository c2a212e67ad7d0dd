package io.revlens.ingest.check;

import io.revlens.ingest.recognise.ExportOpener;
import io.revlens.ingest.recognise.OpenedExport;
import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.ingest.recognise.ResolvedProfile;
import io.revlens.model.SqlScript;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares each export's header with what its profile mapped on the last run (table {@code column_signatures}):
 * a column the profile mapped last time that is missing now (removed or renamed) is a change that stops the
 * run before anything is loaded, unless accepted. Files whose name was read with another profile last time
 * are compared with that profile's columns. Passing (or accepted) files record their shape for the next run.
 */
public final class ColumnChangeCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT_BY_PROFILE = SqlScript.loadOne("sql/ingest/column_signature_of_profile.sql");
    private static final String SELECT_BY_FILE = SqlScript.loadOne("sql/ingest/column_signature_of_file.sql");
    private static final String DELETE = SqlScript.loadOne("sql/ingest/delete_column_signature.sql");
    private static final String INSERT = SqlScript.loadOne("sql/ingest/insert_column_signature.sql");

    /** One export whose columns changed since the last run. */
    public record Change(String file, String profile, List<String> missing, List<String> added) {

        /** "deals.csv: columns changed since the last run (profile hubspot-deals) — missing: Amount; new: Deal amount". */
        public String describe() {
            return file + ": columns changed since the last run (profile " + profile + ") — missing: "
                    + String.join(", ", missing) + (added.isEmpty() ? "" : "; new: " + String.join(", ", added)
                    + (missing.isEmpty() ? "" : " (renamed?)"));
        }
    }

    private ColumnChangeCheck() {
    }

    /**
     * Checks every file and returns the changes; records the shape of the files that pass, and of all files
     * when {@code accept} is true (the changes are then returned but not binding).
     *
     * @param profileOverrides file name to profile name
     * @param unchanged        files byte for byte as an earlier run loaded them with the same profiles and override
     *                         ({@code UnchangedFiles}): their header and profile are the ones checked then, so they are
     *                         not opened again
     */
    public static List<Change> check(Connection db, List<Path> files, Map<String, String> profileOverrides,
                                     ProfileCatalog catalog, boolean accept, Set<Path> unchanged) throws SQLException {
        ExportOpener opener = new ExportOpener(catalog);
        List<Change> changes = new ArrayList<>();
        List<Object[]> record = new ArrayList<>();
        for (Path file : files) {
            if (unchanged.contains(file)) {
                continue;
            }
            String name = file.getFileName().toString();
            Map<String, String> mapped;
            List<String> header;
            String profile;
            try (OpenedExport opened = opener.open(file, profileOverrides.get(name))) {
                if (!opened.loadable() && !"ok".equals(opened.status()) && opened.header().isEmpty()) {
                    continue; // unreadable: the load step reports it
                }
                header = opened.header();
                profile = opened.profile() == null ? null : opened.profile().name();
                mapped = opened.profile() == null ? Map.of() : mappedColumns(opened.profile());
            } catch (IOException | RuntimeException e) {
                continue;
            }
            Previous previous = profile == null ? null : previous(db, SELECT_BY_PROFILE, profile);
            String previousProfile = profile;
            Previous byFile = previous(db, SELECT_BY_FILE, name);
            if (byFile != null && !byFile.key().equals(profile)) {
                previous = byFile;
                previousProfile = byFile.key();
            }
            Change change = previous == null ? null : compare(name, previousProfile, previous, mapped, header);
            if (change != null) {
                changes.add(change);
            }
            if (profile != null && (change == null || accept)) {
                record.add(new Object[] {profile, name, json(mapped), json(header)});
            }
        }
        if (changes.isEmpty() || accept) {
            for (Object[] row : record) {
                try (PreparedStatement delete = db.prepareStatement(DELETE)) {
                    delete.setString(1, (String) row[0]);
                    delete.setString(2, (String) row[1]);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = db.prepareStatement(INSERT)) {
                    for (int i = 0; i < 4; i++) {
                        insert.setString(i + 1, (String) row[i]);
                    }
                    insert.executeUpdate();
                }
            }
        }
        return changes;
    }

    private record Previous(String key, Map<String, String> mapped, List<String> header) {
    }

    private static Change compare(String file, String profile, Previous previous, Map<String, String> mapped,
                                  List<String> header) {
        Set<String> present = new LinkedHashSet<>();
        header.forEach(h -> present.add(ProfileCatalog.normalize(h)));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> column : previous.mapped().entrySet()) {
            // still mapped (perhaps through another synonym), or the same header still there: not missing
            if (!mapped.containsKey(column.getKey()) && !present.contains(ProfileCatalog.normalize(column.getValue()))) {
                missing.add(column.getValue());
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        Set<String> before = new LinkedHashSet<>();
        previous.header().forEach(h -> before.add(ProfileCatalog.normalize(h)));
        List<String> added = new ArrayList<>();
        for (String h : header) {
            if (!h.isBlank() && !before.contains(ProfileCatalog.normalize(h))) {
                added.add(h);
            }
        }
        return new Change(file, profile, missing, added);
    }

    private static Map<String, String> mappedColumns(ResolvedProfile profile) {
        Map<String, String> mapped = new LinkedHashMap<>();
        for (String column : profile.columnIndexes().keySet()) {
            mapped.put(column, profile.sourceName(column));
        }
        return mapped;
    }

    private static Previous previous(Connection db, String sql, String key) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Previous(rs.getString(1), JSON.readValue(rs.getString(2), new TypeReference<Map<String, String>>() { }),
                        JSON.readValue(rs.getString(3), new TypeReference<List<String>>() { }));
            } catch (JsonProcessingException e) {
                return null; // an unreadable record is treated as no record
            }
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
