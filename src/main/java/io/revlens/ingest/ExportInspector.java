package io.revlens.ingest;

import java.nio.file.Path;
import java.util.List;

/** Describes what RevLens recognises in each file of a folder, reading a few rows and loading nothing. */
public final class ExportInspector {

    private static final int SAMPLE_ROWS = 3;

    private ExportInspector() {
    }

    public static String describe(Path folder) {
        ProfileCatalog catalog = ProfileCatalog.withUserFolder(folder.resolve("profiles"));
        StringBuilder out = new StringBuilder();
        List<Path> files = InputScanner.scan(folder);
        out.append(files.size()).append(" file(s) in ").append(folder).append(System.lineSeparator());
        for (Path file : files) {
            out.append(System.lineSeparator()).append(folder.relativize(file)).append(System.lineSeparator());
            try (TabularSource source = ExportOpener.open(file, header -> catalog.match(header).isPresent())) {
                TabularSource.Layout layout = source.layout();
                out.append(String.format("  format %s%s%s%s, header on row %d%n", layout.format(),
                        layout.encoding() == null ? "" : ", encoding " + layout.encoding(),
                        layout.delimiter() == null ? "" : ", delimiter '" + layout.delimiter() + "'",
                        layout.sheet() == null ? "" : ", sheet '" + layout.sheet() + "'", layout.headerRow()));
                var mapping = catalog.match(source.header());
                if (mapping.isEmpty()) {
                    out.append("  not recognised; header: ").append(source.header()).append(System.lineSeparator());
                    continue;
                }
                FileMapping m = mapping.get();
                out.append(String.format("  profile %s → %s (%s)%n  mapping:%n", m.profile().name(), m.profile().kind(),
                        m.profile().description()));
                out.append(m.describe());
                RowMapper mapper = new RowMapper(m, DateOrderDetector.detect(file, m), "csv".equals(layout.format()));
                CanonicalTable table = m.profile().table();
                int shown = 0;
                RawRow row;
                while (shown < SAMPLE_ROWS && (row = source.next()) != null) {
                    RowMapper.Outcome outcome = mapper.map(row);
                    if (outcome instanceof RowMapper.Mapped mapped) {
                        StringBuilder values = new StringBuilder();
                        for (int i = 0; i < table.columns().size(); i++) {
                            if (mapped.values()[i] != null) {
                                values.append(table.columns().get(i).name()).append('=').append(mapped.values()[i]).append("  ");
                            }
                        }
                        out.append("  row ").append(row.rowNumber()).append(": ").append(values.toString().strip())
                                .append(System.lineSeparator());
                        shown++;
                    } else if (outcome instanceof RowMapper.Rejected rejected) {
                        out.append("  row ").append(row.rowNumber()).append(": would be rejected: ").append(rejected.reason())
                                .append(rejected.column() == null ? "" : " (" + rejected.column() + ")").append(System.lineSeparator());
                        shown++;
                    }
                }
            } catch (UnreadableExportException e) {
                out.append("  cannot be read: ").append(e.getMessage()).append(System.lineSeparator());
            } catch (Exception e) {
                out.append("  cannot be read: ").append(e.getMessage()).append(System.lineSeparator());
            }
        }
        return out.toString();
    }
}
