package io.revlens.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Whether the outputs of a completed run are still in its output folder as it wrote them: "nothing to do" for an
 * identical run is only true when they are (run-summary.json lists each document with its SHA-256).
 */
final class OutputsCheck {

    private OutputsCheck() {
    }

    static boolean intact(RunRequest request) {
        try {
            if (!Files.exists(request.summaryJson()) || !Files.exists(request.rejectsCsv())
                    || !Files.isDirectory(request.metricsDir())) {
                return false;
            }
            JsonNode outputs = new ObjectMapper().readTree(request.summaryJson().toFile()).path("outputs");
            JsonNode hashes = outputs.path("hashes");
            for (JsonNode document : outputs.path("documents")) {
                Path file = Path.of(document.asText());
                if (!Files.exists(file)) {
                    return false;
                }
                if (hashes.has(document.asText()) && !hashes.path(document.asText()).asText().equals(sha256(file))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the last run summary lists exactly these documents, each with its SHA-256, and each is still on disk
     * with that hash (the documents a run would write again are there as written).
     */
    static boolean documentsIntact(RunRequest request, java.util.List<String> documents) {
        try {
            if (!Files.exists(request.summaryJson())) {
                return false;
            }
            JsonNode outputs = new ObjectMapper().readTree(request.summaryJson().toFile()).path("outputs");
            java.util.List<String> listed = new java.util.ArrayList<>();
            outputs.path("documents").forEach(document -> listed.add(document.asText()));
            if (!listed.equals(documents)) {
                return false;
            }
            JsonNode hashes = outputs.path("hashes");
            for (String document : documents) {
                Path file = Path.of(document);
                if (!hashes.has(document) || !Files.isRegularFile(file)
                        || !hashes.path(document).asText().equals(sha256(file))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
