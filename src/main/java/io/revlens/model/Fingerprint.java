package io.revlens.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 fingerprints of what a step's result depends on, to tell whether an earlier result is still the one the
 * step would produce: texts, query results, folders of files, and the RevLens build itself.
 */
public final class Fingerprint {

    private final MessageDigest digest;

    public Fingerprint(String what) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        add(what).add(build());
    }

    /** Adds a text, delimited so that ("ab", "c") and ("a", "bc") differ; null differs from "". */
    public Fingerprint add(String text) {
        if (text == null) {
            digest.update((byte) 0);
        } else {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            digest.update((byte) 1);
            digest.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        return this;
    }

    /** Adds every row of a query (its order is the query's: give it an order by). */
    public Fingerprint addQuery(Connection connection, String sql) throws SQLException {
        add(sql);
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                add("row");
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    add(value == null ? null : value.toString());
                }
            }
        }
        return this;
    }

    /** Adds the names and contents of the files directly in a folder (with the given name ending), in name order. */
    public Fingerprint addFolder(Path folder, String ending) throws java.io.IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            return add("no folder");
        }
        try (var listing = Files.list(folder)) {
            for (Path file : listing.filter(f -> f.getFileName().toString().endsWith(ending) && Files.isRegularFile(f))
                    .sorted().toList()) {
                add(file.getFileName().toString());
                digest.update(Files.readAllBytes(file));
            }
        }
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256(String text) {
        return new Fingerprint("text").add(text).hex();
    }

    /** The RevLens build: its version, and the jar's size and time when it runs from one (looked up once). */
    public static String build() {
        return Build.ID;
    }

    /** Holds the build's identity, read on first use: it cannot change while the process runs. */
    private static final class Build {
        static final String ID = identify();
    }

    private static String identify() {
        String version = Objects.toString(Fingerprint.class.getPackage().getImplementationVersion(), "dev");
        try {
            // The jar this class was read from, found through its resource URL: a class loaded from a class-data
            // sharing archive may not carry its code source, but its resource still names the jar.
            String self = String.valueOf(Fingerprint.class.getResource("Fingerprint.class"));
            Path code = self.startsWith("jar:file:") && self.contains("!/")
                    ? Path.of(java.net.URI.create(self.substring("jar:".length(), self.indexOf("!/")))) : null;
            if (code != null && Files.isRegularFile(code)) {
                version += " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            }
        } catch (Exception e) {
            // no code location to tell builds apart: the version alone
        }
        return version;
    }
}
