package io.revlens.ingest.load;

import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What earlier runs loaded into the run's database, and whether a file's earlier load can be kept instead of loading
 * the file again: the same content (sha256), sheet, profile, profile catalog, override and RevLens version (the load
 * key), a complete load (status loaded, read = loaded + rejected + skipped) none of whose rows a later export
 * superseded. Deals take their account and owner names from the accounts, users and reps exports after loading
 * (ReferenceResolver), so a deals file is kept only while none of those changed. Loads of a database holding
 * pseudonyms are never kept (their rows no longer carry the names). When in doubt the file is loaded again.
 */
final class EarlierLoads {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EarlierLoads.class);
    private static final String EARLIER = SqlScript.loadOne("sql/ingest/earlier_loads.sql");
    private static final String PSEUDONYMISED = SqlScript.loadOne("sql/ingest/people_pseudonymised.sql");
    /** The kinds whose rows give deals their names (resolve_references.sql). */
    private static final Set<String> REFERENCE_KINDS = Set.of("accounts", "users", "reps");
    /** Kinds of a changed file that cannot change another file's rows (anything else might). */
    private static final Set<String> SELF_CONTAINED_KINDS = Set.of("opportunities", "revenue_lines", "leads",
            "stage_changes", "activities");
    /** The message supersede_overlaps.sql gives a file whose rows a later export replaced. */
    private static final String SUPERSEDED = "superseded by the later export";

    static final EarlierLoads NONE = new EarlierLoads(List.of(), null);

    /** One file (or workbook sheet) as an earlier run left it in source_files. */
    record Load(int sourceFileId, String path, String sheet, String sha256, long size, String loadKey, String kind,
                String profile, String status, String message, long read, long loaded, long rejected, long skipped) {

        /** A complete load whose rows are all still its own. */
        boolean complete() {
            return "loaded".equals(status) && loadKey != null && !sha256.isEmpty()
                    && read == loaded + rejected + skipped && (message == null || !message.contains(SUPERSEDED));
        }
    }

    private final List<Load> loads;
    private final Map<String, Load> byPathAndSheet = new HashMap<>();
    private final String catalogKey;
    private Boolean referencesSteady;

    private EarlierLoads(List<Load> loads, String catalogKey) {
        this.loads = loads;
        this.catalogKey = catalogKey;
        loads.forEach(load -> byPathAndSheet.put(load.path() + "\u0000" + load.sheet(), load));
    }

    /** The earlier loads in the database (none when it does not exist yet, cannot be read or holds pseudonyms). */
    static EarlierLoads read(Path databaseFile, ProfileCatalog catalog) {
        String catalogKey = catalog.key();
        if (databaseFile == null || !Files.exists(databaseFile) || catalogKey == null) {
            return new EarlierLoads(List.of(), catalogKey);
        }
        List<Load> loads = new ArrayList<>();
        try (Connection connection = Workspace.open(databaseFile); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(PSEUDONYMISED)) {
                if (rs.next() && rs.getLong(1) > 0) {
                    return new EarlierLoads(List.of(), catalogKey);
                }
            }
            try (ResultSet rs = statement.executeQuery(EARLIER)) {
                while (rs.next()) {
                    loads.add(new Load(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14)));
                }
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("No earlier loads to keep from {}: {}", databaseFile, e.getMessage());
            return new EarlierLoads(List.of(), catalogKey);
        }
        return new EarlierLoads(loads, catalogKey);
    }

    boolean isEmpty() {
        return loads.isEmpty();
    }

    /** Every earlier load of this path (one per workbook sheet), in the order they were loaded. */
    List<Load> allAt(String path) {
        return loads.stream().filter(load -> load.path().equals(path)).toList();
    }

    /** The earlier load of this path and sheet (null for a CSV), or null. */
    Load at(String path, String sheet) {
        return byPathAndSheet.get(path + "\u0000" + sheet);
    }

    /**
     * Whether every earlier load of this file (each sheet of a workbook) is complete, of this size, and had this
     * content and the load key this content and override give now. The content hash is asked for only when the sizes
     * match. Such a file, recognised again, would give the same header and profile.
     */
    boolean sameAsLoaded(Path file, long size, java.util.function.Supplier<String> sha256, String override) {
        String path = file.toAbsolutePath().normalize().toString();
        List<Load> atPath = allAt(path);
        if (atPath.isEmpty() || atPath.stream().anyMatch(load -> !load.complete() || load.size() != size)) {
            return false;
        }
        String hash = sha256.get();
        String key = loadKey(hash, override);
        return key != null && atPath.stream().allMatch(load -> hash.equals(load.sha256()) && key.equals(load.loadKey()));
    }

    /**
     * The key of a load of a file with this content and override: what, besides the file, decides what loading it
     * gives (the profiles it can be recognised by, the override naming its profile, the RevLens version). Null when
     * it cannot be known: the load is then never kept.
     */
    String loadKey(String sha256, String override) {
        if (catalogKey == null || sha256 == null || sha256.isEmpty()) {
            return null;
        }
        return sha256Hex("revlens-load-1\n" + io.revlens.model.Fingerprint.build() + "\n" + catalogKey + "\n" + Objects.toString(override, "")
                + "\n" + sha256);
    }

    /**
     * Whether the exports deals take their names from (accounts, users, reps) are the ones loaded before, and no
     * input file that is new or changed could be one of them: only then may a deals file's earlier rows, named by
     * the earlier run, be kept.
     *
     * @param hashOf  the content hash of the input file at an index ("" when unreadable)
     * @param override the profile override of an input file
     */
    boolean referencesSteady(List<Path> files, IntFunction<String> hashOf, Function<Path, String> override) {
        if (referencesSteady == null) {
            referencesSteady = computeReferencesSteady(files, hashOf, override);
        }
        return referencesSteady;
    }

    private boolean computeReferencesSteady(List<Path> files, IntFunction<String> hashOf, Function<Path, String> override) {
        Map<String, Integer> indexByPath = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            indexByPath.put(files.get(i).toAbsolutePath().normalize().toString(), i);
        }
        for (Load load : loads) {
            if (REFERENCE_KINDS.contains(load.kind())) {
                Integer index = indexByPath.get(load.path());
                if (index == null || !Objects.equals(loadKey(hashOf.apply(index), override.apply(files.get(index))),
                        load.loadKey())) {
                    return false;
                }
            }
        }
        for (int i = 0; i < files.size(); i++) {
            String path = files.get(i).toAbsolutePath().normalize().toString();
            String key = loadKey(hashOf.apply(i), override.apply(files.get(i)));
            List<Load> atPath = loads.stream().filter(load -> load.path().equals(path)).toList();
            if (atPath.isEmpty()) {
                return false; // a new file: it may be an accounts, users or reps export
            }
            for (Load load : atPath) {
                if (!Objects.equals(key, load.loadKey()) && !SELF_CONTAINED_KINDS.contains(load.kind())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The SHA-256 of the text (UTF-8), in hex. */
    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
