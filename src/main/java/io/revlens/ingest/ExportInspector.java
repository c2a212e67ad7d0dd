package io.revlens.ingest;

import io.revlens.ingest.recognise.ProfileOverrides;
import io.revlens.ingest.map.RowMapper;
import io.revlens.ingest.map.MappedRow;
import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.ingest.recognise.ExportOpener;
import io.revlens.ingest.recognise.OpenedExport;
import io.revlens.ingest.read.DateOrder;
import io.revlens.ingest.read.ExportFormat;
import io.revlens.ingest.read.ExcludeGlobs;
import io.revlens.ingest.read.InputScanner;
import io.revlens.ingest.read.SourceRow;
import io.revlens.model.CanonicalTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Describes what ingest would do with each file, without loading anything: format, encoding, delimiter,
 * sheet, header row, profile and column mapping, and a few sample rows as coerced values (or the reject
 * reasons they would get). Backs {@code revlens inspect <folder>}.
 */
public final class ExportInspector {

    /** Sample rows shown per file. */
    public static final int SAMPLE_ROWS = 3;

    private final ProfileCatalog catalog;
    private final Map<String, String> profileOverrides;

    public ExportInspector(ProfileCatalog catalog, Map<String, String> profileOverrides) {
        this.catalog = catalog;
        this.profileOverrides = profileOverrides == null ? Map.of() : profileOverrides;
    }

    /** {@code revlens inspect <folder>}: built-in profiles plus any in {@code <folder>/profiles}. */
    public static String describe(Path folder) {
        return describe(folder, ExcludeGlobs.none());
    }

    /** {@code revlens inspect <folder> --exclude GLOB}: excluded files are listed, not read. */
    public static String describe(Path folder, ExcludeGlobs exclude) {
        return new ExportInspector(ProfileCatalog.load(folder.resolve("profiles")), Map.of()).inspectFolder(folder, exclude);
    }

    /** What one file of a folder was recognised as: its path inside the folder, profile and table, or why not. */
    public record Recognised(String file, String profile, String kind, boolean loadable, String message) {
    }

    /** Every export file under {@code folder} (built-in profiles plus {@code <folder>/profiles}), by path. */
    public static List<Recognised> recognise(Path folder) {
        ExportOpener opener = new ExportOpener(ProfileCatalog.load(folder.resolve("profiles")));
        Path root = folder.toAbsolutePath().normalize();
        List<Recognised> found = new ArrayList<>();
        for (Path file : InputScanner.scan(folder)) {
            String relative = root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
            try (OpenedExport opened = opener.open(file, null)) {
                found.add(new Recognised(relative, opened.profileName(), opened.kind(), opened.loadable(), opened.message()));
            } catch (IOException | RuntimeException e) {
                found.add(new Recognised(relative, null, "unknown", false, e.getMessage()));
            }
        }
        return found;
    }

    /** The inspection of every export file under {@code folder} as printable text. */
    public String inspectFolder(Path folder) {
        return inspectFolder(folder, ExcludeGlobs.none());
    }

    private String inspectFolder(Path folder, ExcludeGlobs exclude) {
        StringBuilder out = new StringBuilder();
        List<Path> files = InputScanner.scan(folder);
        out.append(files.size()).append(files.size() == 1 ? " export file" : " export files").append(" in ")
                .append(folder).append('\n');
        Path root = folder.toAbsolutePath().normalize();
        for (Path file : files) {
            String glob = exclude.matching(root, file);
            if (glob != null) {
                out.append('\n').append(file.getFileName()).append('\n');
                line(out, "status", "excluded (" + glob + "): not read");
                continue;
            }
            out.append('\n').append(inspect(file));
        }
        for (java.util.Map.Entry<Path, String> refused : InputScanner.refused(folder).entrySet()) {
            out.append('\n').append(refused.getKey().getFileName()).append('\n');
            line(out, "status", "not read: " + refused.getValue());
        }
        return out.toString();
    }

    /** The inspection of one file as printable text. */
    public String inspect(Path file) {
        String override = ProfileOverrides.forFile(profileOverrides, file);
        StringBuilder out = new StringBuilder();
        out.append(file.getFileName()).append('\n');
        OpenedExport opened;
        try {
            opened = new ExportOpener(catalog).open(file, override);
        } catch (IllegalArgumentException e) {
            return out.append("  error:      ").append(e.getMessage()).append('\n').toString();
        }
        try (opened) {
            line(out, "format", opened.format() == null ? "unknown" : opened.format().label());
            if (opened.encoding() != null) {
                line(out, "encoding", opened.encoding());
                line(out, "delimiter", opened.delimiter());
            }
            if (opened.sheet() != null) {
                line(out, "sheet", opened.sheet());
            }
            if (opened.headerRow() != null) {
                line(out, "header row", String.valueOf(opened.headerRow()));
            }
            line(out, "status", opened.loadable() ? "would load" : opened.status());
            if (opened.message() != null) {
                line(out, "note", opened.message());
            }
            if (opened.profile() == null) {
                readings(out, opened);
                return out.toString();
            }
            line(out, "profile", opened.profile().name() + " -> " + opened.kind()
                    + (override != null ? " (set in the job)" : ""));
            readings(out, opened);
            line(out, "dates", opened.dateOrder() == DateOrder.DMY ? "day/month/year"
                    : opened.dateOrder() == DateOrder.MIXED ? "mixed: day first and month first both appear; a date that could be either is rejected"
                    : "month/day/year"
                    + " when ambiguous");
            out.append("  mapping:\n");
            for (String mapping : opened.profile().mappingLines()) {
                out.append("    ").append(mapping).append('\n');
            }
            List<String> unmapped = new ArrayList<>();
            List<Integer> used = new ArrayList<>();
            opened.profile().columnIndexes().values().forEach(used::addAll);
            opened.profile().stageColumns().forEach(c -> used.add(c.index()));
            for (int i = 0; i < opened.header().size(); i++) {
                if (!used.contains(i) && !opened.header().get(i).isBlank()) {
                    unmapped.add(opened.header().get(i));
                }
            }
            if (!unmapped.isEmpty()) {
                line(out, "not used", String.join(", ", unmapped));
            }
            out.append("  sample:\n");
            RowMapper mapper = new RowMapper(opened.profile(), opened.dateOrder(), opened.date1904(),
                    opened.format() == ExportFormat.CSV);
            int shown = 0;
            SourceRow row;
            while (shown < SAMPLE_ROWS && (row = opened.rows().next()) != null) {
                MappedRow mapped = mapper.map(row);
                if (mapped.outcome() == MappedRow.Outcome.SKIPPED) {
                    continue;
                }
                shown++;
                out.append("    row ").append(row.rowNumber()).append(": ").append(describe(opened, mapped)).append('\n');
            }
            if (shown == 0) {
                out.append("    (no data rows)\n");
            }
        } catch (IOException e) {
            line(out, "error", file.getFileName() + ": " + e.getMessage());
        }
        return out.toString();
    }

    private static String describe(OpenedExport opened, MappedRow mapped) {
        if (mapped.outcome() == MappedRow.Outcome.REJECTED) {
            List<String> reasons = mapped.rejects().stream()
                    .map(r -> (r.column() == null ? "" : r.column() + " ") + (r.rawValue() == null ? ""
                            : "'" + r.rawValue() + "' ") + r.reason())
                    .toList();
            return "REJECTED " + String.join("; ", reasons);
        }
        CanonicalTable table = opened.profile().table();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            Object value = mapped.values()[i];
            if (value != null) {
                parts.add(table.columns().get(i).name() + "=" + value);
            }
        }
        if (!mapped.stageHistory().isEmpty()) {
            parts.add("stages=" + mapped.stageHistory().stream()
                    .map(e -> e.stage() + "@" + e.enteredDate()).toList());
        }
        return String.join(", ", parts);
    }

    /** The recognition decision and every reading with its score and evidence. */
    private static void readings(StringBuilder out, OpenedExport opened) {
        if (opened.recognition() == null) {
            return;
        }
        List<String> lines = opened.recognition().lines();
        line(out, "reading", lines.get(0));
        for (String evidence : lines.subList(1, lines.size())) {
            out.append("    ").append(evidence).append('\n');
        }
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("  ").append(String.format("%-11s", label + ":")).append(value).append('\n');
    }
}
