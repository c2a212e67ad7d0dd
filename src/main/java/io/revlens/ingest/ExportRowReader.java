package io.revlens.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of every input file in turn. Each file is recognised when it is reached
 * (format, header, profile); a file that cannot be read or recognised is recorded with its reason
 * and its rows counted as skipped, and reading goes on with the next file.
 *
 * <p>No position is saved for restart: a restarted load reads every file again, and registering
 * a file replaces the rows of its earlier load, so a restart ends with exactly a clean run's rows.
 */
final class ExportRowReader implements ItemStreamReader<SourceRow> {

    private static final long PROGRESS_EVERY = 50_000;

    private final LoadSession session;
    private final List<Path> files;
    private final IngestProgress progress;
    private int nextFile;
    private FileLoad current;
    private TabularSource source;
    private long startedAt;

    ExportRowReader(LoadSession session, List<Path> files, IngestProgress progress) {
        this.session = session;
        this.files = files;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
    }

    @Override
    public SourceRow read() throws Exception {
        while (true) {
            if (source == null && !openNextFile()) {
                return null;
            }
            RawRow row;
            try {
                row = source.next();
            } catch (UnreadableExportException e) {
                current.status = "failed";
                current.message = current.path.getFileName() + ": " + e.getMessage() + " (rows after row "
                        + current.rowsRead + " were not read)";
                row = null;
            }
            if (row == null) {
                finishFile();
                continue;
            }
            current.rowsRead++;
            if (current.rowsRead % PROGRESS_EVERY == 0) {
                progress.rowsRead(current.path, current.rowsRead);
            }
            if (current.rowMapper == null) {
                current.rowsSkipped++; // an unrecognised file: counted, not loaded
                continue;
            }
            return new SourceRow(current, row);
        }
    }

    private boolean openNextFile() throws Exception {
        if (nextFile >= files.size()) {
            return false;
        }
        Path file = files.get(nextFile++);
        startedAt = System.currentTimeMillis();
        current = session.register(file);
        String override = session.overrideFor(file);
        try {
            source = ExportOpener.open(file, header -> override != null || session.catalog().match(header).isPresent());
        } catch (UnreadableExportException e) {
            current.status = "failed";
            current.message = e.getMessage();
            progress.fileStarted(nextFile, files.size(), file, null);
            finishFile();
            return nextFile < files.size() ? openNextFile() : false;
        }
        current.layout = source.layout();
        FileMapping mapping = recognise(source.header(), override);
        progress.fileStarted(nextFile, files.size(), file, mapping == null ? null : mapping.profile().name());
        if (mapping != null) {
            current.mapping = mapping;
            current.kind = mapping.profile().kind();
            current.rowMapper = new RowMapper(mapping, DateOrderDetector.detect(file, mapping),
                    "csv".equals(source.layout().format()));
        }
        return true;
    }

    private FileMapping recognise(List<String> header, String override) {
        if (header.isEmpty()) {
            current.status = "ignored";
            current.message = "no header row found (empty, or only one column); nothing loaded";
            return null;
        }
        if (override != null) {
            ExportProfile profile = session.catalog().named(override).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown profile '" + override + "' named for " + current.path + "; known profiles: "
                            + session.catalog().all().stream().map(ExportProfile::name).toList()));
            FileMapping mapping = FileMapping.of(profile, header);
            if (!mapping.isComplete()) {
                current.status = "failed";
                current.message = "profile " + override + " needs columns " + mapping.missingRequired()
                        + " that the header " + header + " lacks; fix the profile or the export";
                return null;
            }
            return mapping;
        }
        return session.catalog().match(header).orElseGet(() -> {
            current.status = "ignored";
            current.message = "not recognised as a known export (header: " + String.join(", ", header)
                    + "); add a mapping profile to load it";
            return null;
        });
    }

    private void finishFile() throws IOException {
        if (source != null) {
            source.close();
            source = null;
        }
        progress.fileRead(current.path, current.rowsRead, System.currentTimeMillis() - startedAt, current.status, current.message);
    }

    @Override
    public void close() throws ItemStreamException {
        try {
            if (source != null) {
                source.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException(e);
        }
    }
}
