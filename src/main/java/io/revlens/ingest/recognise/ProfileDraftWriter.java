package io.revlens.ingest.recognise;

import io.revlens.ingest.read.ValueCoercer;
import io.revlens.ingest.read.SourceRow;
import io.revlens.model.CanonicalTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a profile YAML for one export ({@code revlens inspect <folder> --draft-profile FILE}): the best reading
 * RevLens found (or the file's first headers when it found none), sample values beside each mapped column, the
 * columns it could not place and the canonical columns it did not find, for the user to edit and put in
 * {@code profiles/} inside the client's folder. A draft names its file's headers in {@code match.required}, so
 * once in place it reads that export as a known one.
 */
public final class ProfileDraftWriter {

    private static final int SAMPLES = 3;

    private final ProfileCatalog catalog;

    public ProfileDraftWriter(ProfileCatalog catalog) {
        this.catalog = catalog;
    }

    /** Writes the draft for {@code export} into {@code folder}; returns the file written. */
    public Path write(Path export, Path folder) throws IOException {
        OpenedExport opened = new ExportOpener(catalog).open(export, null);
        try (opened) {
            if (opened.header().isEmpty()) {
                throw new IllegalArgumentException(export.getFileName() + ": no header row to draft a profile from"
                        + (opened.message() == null ? "" : " (" + opened.message() + ")"));
            }
            List<SourceRow> sample = new ArrayList<>();
            SourceRow row;
            while (sample.size() < SAMPLES && opened.rows() != null && (row = opened.rows().next()) != null) {
                if (!row.isBlank()) {
                    sample.add(row);
                }
            }
            String name = slug(export.getFileName().toString());
            if (catalog.profiles().containsKey(name)) {
                name = name + "-export";
            }
            Path file = folder.resolve(name + ".yml");
            Files.createDirectories(folder);
            Files.writeString(file, yaml(name, export.getFileName().toString(), opened, best(opened), sample),
                    StandardCharsets.UTF_8);
            return file;
        }
    }

    /** The loadable reading to start from: the chosen one, else the best-scored one, else none. */
    private static ResolvedProfile best(OpenedExport opened) {
        if (opened.profile() != null) {
            return opened.profile();
        }
        if (opened.recognition() == null) {
            return null;
        }
        return opened.recognition().candidates().stream().filter(c -> c.resolved() != null)
                .map(Recognition.Candidate::resolved).findFirst().orElse(null);
    }

    private static String yaml(String name, String fileName, OpenedExport opened, ResolvedProfile best,
                               List<SourceRow> sample) {
        List<String> header = opened.header();
        StringBuilder out = new StringBuilder();
        out.append("# Draft profile for ").append(fileName).append(". Check the kind and every mapping below,\n")
                .append("# then put this file in profiles/ inside the client's folder (./revlens inspect <folder>\n")
                .append("# shows whether it now reads the export as intended). Keys: docs/data-model.md.\n");
        if (opened.recognition() != null && !opened.recognition().candidates().isEmpty()) {
            Recognition.Candidate top = opened.recognition().candidates().get(0);
            out.append("# RevLens's best reading: ").append(top.label()).append(" at ")
                    .append(Recognition.percent(top.score())).append('\n');
        }
        out.append("name: ").append(name).append('\n');
        out.append("description: ").append(quote(fileName + " export")).append('\n');
        CanonicalTable table = best == null ? null : best.table();
        out.append("kind: ").append(table == null ? "opportunities" : table.tableName())
                .append("   # one of opportunities, accounts, reps, revenue_lines, leads, users\n");
        out.append("priority: 70\n");
        Map<String, List<Integer>> mapped = best == null ? Map.of() : canonicalOnly(best);
        Set<Integer> used = new LinkedHashSet<>();
        mapped.values().forEach(used::addAll);
        List<String> required = new ArrayList<>();
        for (List<Integer> indexes : mapped.values()) {
            String h = header.get(indexes.get(0));
            if (required.size() < 4 && !required.contains(h)) {
                required.add(h);
            }
        }
        for (int i = 0; required.size() < 2 && i < header.size(); i++) {
            if (!header.get(i).isBlank() && !required.contains(header.get(i))) {
                required.add(header.get(i));
            }
        }
        out.append("match:\n  # headers that identify this export (all must be present)\n  required: [")
                .append(String.join(", ", required.stream().map(ProfileDraftWriter::quote).toList())).append("]\n");
        out.append("columns:\n");
        if (mapped.isEmpty()) {
            out.append("  {}   # nothing placed: map canonical columns to this file's headers, e.g. amount: [Total]\n");
        }
        mapped.forEach((column, indexes) -> out.append("  ").append(column).append(": [")
                .append(String.join(", ", indexes.stream().map(i -> quote(header.get(i))).toList())).append("]")
                .append(samples(sample, indexes.get(0))).append('\n'));
        if (table != null) {
            List<String> missing = table.columns().stream().map(CanonicalTable.Column::name)
                    .filter(c -> !mapped.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                out.append("# Columns of ").append(table.tableName()).append(" not found in this file: ")
                        .append(String.join(", ", missing)).append('\n');
            }
            if (table == CanonicalTable.OPPORTUNITIES && !mapped.containsKey("stage") && !mapped.containsKey("status")) {
                out.append("# No stage or status column: if every row is won (an export of won deals), add\n")
                        .append("# constants:\n#   status: won\n");
            }
        }
        List<String> unplaced = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!used.contains(i) && !header.get(i).isBlank()) {
                unplaced.add(header.get(i) + samples(sample, i).replace("   # sample:", ":"));
            }
        }
        if (!unplaced.isEmpty()) {
            out.append("# Columns not placed (map any that matter above):\n");
            unplaced.forEach(u -> out.append("#   ").append(u).append('\n'));
        }
        return out.toString();
    }

    /** The reading's mapping restricted to the table's canonical columns (helpers kept for is_won and names). */
    private static Map<String, List<Integer>> canonicalOnly(ResolvedProfile resolved) {
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        resolved.columnIndexes().forEach((column, indexes) -> {
            if (!indexes.isEmpty()) {
                columns.put(column, indexes);
            }
        });
        return columns;
    }

    private static String samples(List<SourceRow> sample, int index) {
        List<String> values = new ArrayList<>();
        for (SourceRow row : sample) {
            String text = ValueCoercer.text(row.cell(index));
            if (text != null) {
                values.add(text.length() > 30 ? text.substring(0, 30) + "…" : text);
            }
        }
        return values.isEmpty() ? "" : "   # sample: " + String.join(" | ", values);
    }

    /** A YAML flow scalar: double-quoted, with quotes and backslashes escaped. */
    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String slug(String fileName) {
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String slug = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "draft" : slug;
    }
}
