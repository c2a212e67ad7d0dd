package io.revlens.ingest.load;

import io.revlens.ingest.map.Reject;
import io.revlens.ingest.map.StageVocabulary;
import io.revlens.ingest.map.MappedRow;
import io.revlens.ingest.recognise.ExportProfile;
import io.revlens.ingest.recognise.ResolvedProfile;
import io.revlens.ingest.recognise.OpenedExport;
import io.revlens.ingest.read.SourceRow;
import io.revlens.model.CanonicalTable;
import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import org.duckdb.DuckDBAppender;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes each chunk to DuckDB in one transaction: a file's first chunk replaces what an earlier ingest of
 * the same path loaded and registers it in source_files; rows go through one Appender per table; rejects
 * go to the rejects table; the file's accounting is updated in the same transaction, and completed (status,
 * dates, pipeline stages) at its end-of-file item.
 */
final class CanonicalRowWriter implements ItemStreamWriter<LoadItem>, StepExecutionListener {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CanonicalRowWriter.class);

    private static final List<String> LINEAGE = List.of("source_file_id", "source_row");
    private static final List<String> STAGE_ENTRY_COLUMNS = List.of("source_file_id", "source_row", "stage_index",
            "entered_date");
    private static final List<String> REJECT_COLUMNS = List.of("source_file_id", "file", "row_number",
            "column_name", "raw_value", "reason");

    private final Path databaseFile;
    private final IngestProgress progress;
    private static final String REGISTER = SqlScript.loadOne("sql/ingest/register_file.sql");
    private static final String LOADED_BEFORE = SqlScript.loadOne("sql/ingest/file_loaded_before.sql");
    private static final String STAGE_COLUMN = SqlScript.loadOne("sql/ingest/insert_file_stage_column.sql");
    private static final String FILE_HASH = SqlScript.loadOne("sql/ingest/record_file_hash.sql");
    private static final String LOAD_METHOD = SqlScript.loadOne("sql/ingest/record_load_method.sql");
    private static final String COUNTS = SqlScript.loadOne("sql/ingest/update_counts.sql");
    private static final String FINISH = SqlScript.loadOne("sql/ingest/finish_file.sql");
    private static final String LOAD_KEY = SqlScript.loadOne("sql/ingest/record_load_key.sql");
    private static final String REUSE = SqlScript.loadOne("sql/ingest/reuse_file.sql");
    private static final List<String> DATES = SqlScript.load("sql/ingest/source_file_dates.sql");
    private static final String STAGES_OF_STAGE_CHANGES = SqlScript.loadOne("sql/ingest/stages_of_stage_changes.sql");
    private static final String STAGES_OF_OPPORTUNITIES = SqlScript.loadOne("sql/ingest/stages_of_opportunities.sql");
    private static final String STAGE_SIGNALS = SqlScript.loadOne("sql/ingest/stage_signals.sql");
    private static final String KNOWN_STAGES = SqlScript.loadOne("sql/ingest/known_pipeline_stages.sql");
    private static final String NET_INCLUDED_TAX = SqlScript.loadOne("sql/ingest/net_included_tax.sql");
    private static final String SKIPPED_DOCUMENT = SqlScript.loadOne("sql/ingest/record_skipped_document.sql");
    private static final String CLEAR_STAGES = SqlScript.loadOne("sql/ingest/clear_pipeline_stages.sql");
    private static final String FILE_STAGE = SqlScript.loadOne("sql/ingest/insert_file_pipeline_stage.sql");
    private static final String PIPELINE_STAGE = SqlScript.loadOne("sql/ingest/insert_pipeline_stage.sql");
    private Connection connection;
    private final Map<CanonicalTable, TableAppender> tables = new EnumMap<>(CanonicalTable.class);
    private TableAppender stageHistory;
    private TableAppender rejects;
    private final Set<FileSlot> registered = new HashSet<>();
    /** Rows of the files this step execution finished: read, loaded, rejected, skipped (blank, total rows). */
    private final long[] rows = new long[4];

    CanonicalRowWriter(Path databaseFile, IngestProgress progress) {
        this.databaseFile = databaseFile;
        this.progress = progress == null ? IngestProgress.NONE : progress;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        try {
            long started = System.nanoTime();
            connection = Workspace.open(databaseFile);
            log.debug("{}: opened in {} ms", databaseFile.getFileName(), (System.nanoTime() - started) / 1_000_000);
            connection.setAutoCommit(false);
            Map<String, List<String[]>> physical = TableAppender.physicalColumns(connection);
            for (CanonicalTable table : CanonicalTable.values()) {
                List<String> columns = new ArrayList<>(table.columns().stream().map(CanonicalTable.Column::name).toList());
                columns.addAll(LINEAGE);
                tables.put(table, new TableAppender(table.tableName(), columns, physical));
            }
            stageHistory = new TableAppender("stage_entries", STAGE_ENTRY_COLUMNS, physical);
            rejects = new TableAppender("rejects", REJECT_COLUMNS, physical);
        } catch (SQLException e) {
            throw new ItemStreamException("Cannot open " + databaseFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws ItemStreamException {
        if (connection != null) {
            try {
                long started = System.nanoTime();
                connection.close();
                log.debug("{}: closed in {} ms", databaseFile.getFileName(), (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException e) {
                throw new ItemStreamException(e);
            } finally {
                connection = null;
            }
        }
    }

    /**
     * The step's counts are rows, not items: a bulk-loaded CSV file travels as one item, so Spring Batch's own
     * counts would say "read 7" for 34,000 rows. Read = rows read, written = loaded, filtered = skipped (blank,
     * subtotal and total rows), skipped = rejected, so read = written + filtered + skipped, as in source_files.
     */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        stepExecution.setReadCount(rows[0]);
        stepExecution.setWriteCount(rows[1]);
        stepExecution.setProcessSkipCount(rows[2]);
        stepExecution.setFilterCount(rows[3]);
        return stepExecution.getExitStatus();
    }

    @Override
    public void write(Chunk<? extends LoadItem> chunk) throws Exception {
        try {
            writeChunk(chunk);
            long started = System.nanoTime();
            connection.commit();
            log.debug("commit in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            // A failed write (a full disk, say) can end DuckDB's transaction itself; the original
            // error is the one to report, not the rollback's "no transaction is active".
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        Map<FileSlot, Boolean> touched = new LinkedHashMap<>();
        for (LoadItem item : chunk) {
            touched.put(item.slot(), item.isFileEnd());
        }
        touched.forEach((slot, ended) -> {
            if (ended) {
                rows[0] += slot.read;
                rows[1] += slot.loaded;
                rows[2] += slot.rejected;
                rows[3] += slot.skipped;
                progress.fileRead(slot.file, slot.read, slot.busyNanos / 1_000_000, slot.finalStatus, slot.finalMessage);
            } else {
                progress.rowsRead(slot.file, slot.read);
            }
        });
    }

    private void writeChunk(Chunk<? extends LoadItem> chunk) throws SQLException {
        // Statements first: DuckDB's Appender ignores a rollback unless the transaction ran a statement.
        for (LoadItem item : chunk) {
            if (!registered.contains(item.slot())) {
                long started = System.nanoTime();
                register(item.slot());
                item.slot().spentSince(started);
                log.debug("{}: registered in {} ms", item.slot().file.getFileName(), (System.nanoTime() - started) / 1_000_000);
            }
        }
        List<FileSlot> ended = new ArrayList<>();
        Set<FileSlot> inChunk = new java.util.LinkedHashSet<>();
        try (ChunkAppenders appenders = new ChunkAppenders()) {
            for (LoadItem item : chunk) {
                FileSlot slot = item.slot();
                inChunk.add(slot);
                long started = System.nanoTime();
                if (item.isFileEnd()) {
                    ended.add(slot);
                } else if (item.bulk()) {
                    loadWhole(slot, appenders);
                } else {
                    accept(slot, item.mapped(), appenders);
                }
                slot.spentSince(started);
            }
        }
        for (FileSlot slot : inChunk) {
            if (ended.contains(slot)) {
                long started = System.nanoTime();
                finish(slot);
                slot.spentSince(started);
                log.debug("{}: finished in {} ms", slot.file.getFileName(), (System.nanoTime() - started) / 1_000_000);
            } else {
                try (PreparedStatement statement = connection.prepareStatement(COUNTS)) {
                    statement.setLong(1, slot.read);
                    statement.setLong(2, slot.loaded);
                    statement.setLong(3, slot.rejected);
                    statement.setLong(4, slot.skipped);
                    statement.setInt(5, slot.sourceFileId);
                    statement.executeUpdate();
                }
            }
        }
    }

    /** The Appenders opened in one chunk, closed (flushed) at its end. */
    private final class ChunkAppenders implements AutoCloseable {
        private final Map<CanonicalTable, DuckDBAppender> open = new EnumMap<>(CanonicalTable.class);
        private DuckDBAppender history;
        private DuckDBAppender rejected;

        DuckDBAppender table(CanonicalTable table) throws SQLException {
            DuckDBAppender appender = open.get(table);
            if (appender == null) {
                appender = tables.get(table).open(connection);
                open.put(table, appender);
            }
            return appender;
        }

        DuckDBAppender history() throws SQLException {
            if (history == null) {
                history = stageHistory.open(connection);
            }
            return history;
        }

        DuckDBAppender rejects() throws SQLException {
            if (rejected == null) {
                rejected = rejects.open(connection);
            }
            return rejected;
        }

        @Override
        public void close() throws SQLException {
            for (DuckDBAppender appender : open.values()) {
                appender.close();
            }
            open.clear();
            if (history != null) {
                history.close();
                history = null;
            }
            if (rejected != null) {
                rejected.close();
                rejected = null;
            }
        }
    }

    /** Counts one mapped row and appends it (loaded) or its reasons (rejected). */
    private void accept(FileSlot slot, MappedRow row, ChunkAppenders appenders) throws SQLException {
        slot.read++;
        switch (row.outcome()) {
            case SKIPPED -> {
                slot.skipped++;
                if (row.skippedDocument() != null) {
                    slot.skippedDocuments.add(row);
                }
            }
            case REJECTED -> {
                slot.rejected++;
                for (Reject reject : row.rejects()) {
                    rejects.append(appenders.rejects(), new Object[]{slot.sourceFileId, slot.file.toString(),
                            reject.rowNumber(), reject.column(), reject.rawValue(), reject.reason()});
                }
            }
            case LOADED -> {
                slot.loaded++;
                CanonicalTable table = slot.opened.profile().table();
                Object[] values = row.values();
                Object[] withLineage = java.util.Arrays.copyOf(values, values.length + 2);
                withLineage[values.length] = slot.sourceFileId;
                withLineage[values.length + 1] = row.rowNumber();
                tables.get(table).append(appenders.table(table), withLineage);
                noteRow(slot, table, values);
                for (MappedRow.StageEntry entry : row.stageHistory()) {
                    stageHistory.append(appenders.history(), new Object[]{slot.sourceFileId, row.rowNumber(),
                            entry.stageIndex(), entry.enteredDate()});
                    slot.stages.computeIfAbsent(entry.stage(), s -> new long[3]);
                }
            }
        }
    }

    /**
     * Loads a whole CSV file: through DuckDB's reader when it reads the file exactly as commons-csv would,
     * else row by row here (the reader handed the file over unread). Either way in this chunk's transaction.
     */
    private void loadWhole(FileSlot slot, ChunkAppenders appenders) throws SQLException {
        try {
            BulkCsvLoad.Outcome outcome = new BulkCsvLoad(connection, slot).load(row -> accept(slot, row, appenders));
            if (!slot.sha256.isEmpty()) {
                try (PreparedStatement statement = connection.prepareStatement(FILE_HASH)) {
                    statement.setString(1, slot.sha256);
                    statement.setInt(2, slot.sourceFileId);
                    statement.executeUpdate();
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(LOAD_METHOD)) {
                statement.setString(1, outcome.loaded() ? "bulk" : "rows");
                statement.setInt(2, slot.sourceFileId);
                statement.executeUpdate();
            }
            if (outcome.loaded()) {
                log.debug("{}: {} of {} rows loaded in SQL, {} mapped row by row", slot.file.getFileName(),
                        outcome.sqlLoaded(), outcome.records(), outcome.slowRows());
                closeQuietly(slot);
                slot.read += outcome.sqlLoaded();
                slot.loaded += outcome.sqlLoaded();
                slot.rowsEmitted = outcome.records();
                noteStages(slot);
                return;
            }
            log.debug("{}: loading row by row: {}", slot.file.getFileName(), outcome.why());
        } catch (SQLException e) {
            closeQuietly(slot);
            throw e;
        }
        long emitted = 0;
        try {
            SourceRow row;
            while ((row = slot.opened.rows().next()) != null) {
                emitted++;
                accept(slot, slot.mapper.map(row), appenders);
                if (emitted % LoadExportsStep.CHUNK_SIZE == 0) {
                    progress.rowsRead(slot.file, slot.read);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            slot.readError = "reading stopped after " + emitted + " data rows: " + e.getMessage();
        } finally {
            closeQuietly(slot);
        }
        slot.rowsEmitted = emitted;
    }

    /** Stages (with whether they are won or lost) of what the file loaded, for writeStages. */
    private void noteStages(FileSlot slot) throws SQLException {
        if (slot.opened.profile().table() == CanonicalTable.STAGE_CHANGES) {
            try (PreparedStatement statement = connection.prepareStatement(STAGES_OF_STAGE_CHANGES)) {
                statement.setInt(1, slot.sourceFileId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        slot.stages.computeIfAbsent(rs.getString(1), s -> new long[3]);
                    }
                }
            }
            return;
        }
        if (slot.opened.profile().table() != CanonicalTable.OPPORTUNITIES) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(STAGES_OF_OPPORTUNITIES)) {
            statement.setInt(1, slot.sourceFileId);
            statement.setInt(2, slot.sourceFileId);
            statement.setInt(3, slot.sourceFileId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long[] tally = slot.stages.computeIfAbsent(rs.getString(1), s -> new long[3]);
                    for (int i = 0; i < tally.length; i++) {
                        tally[i] += rs.getLong(i + 2);
                    }
                }
            }
        }
    }

    private static void closeQuietly(FileSlot slot) {
        try {
            slot.opened.close();
        } catch (java.io.IOException e) {
            log.debug("closing {}", slot.file, e);
        }
    }

    private static void noteRow(FileSlot slot, CanonicalTable table, Object[] values) {
        if (table == CanonicalTable.STAGE_CHANGES) {
            slot.stages.computeIfAbsent((String) values[table.indexOf("stage")], s -> new long[3]);
        }
        if (table == CanonicalTable.OPPORTUNITIES) {
            String stage = (String) values[table.indexOf("stage")];
            if (stage != null) {
                String status = (String) values[table.indexOf("status")];
                long[] tally = slot.stages.computeIfAbsent(stage, s -> new long[3]);
                tally[0]++;
                tally[1] += "won".equals(status) ? 1 : 0;
                tally[2] += "lost".equals(status) ? 1 : 0;
            }
        }
    }

    /** Whether an earlier load of this path left rows to replace (else the eight deletes are skipped). */
    private boolean loadedBefore(String path) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOADED_BEFORE)) {
            statement.setString(1, path);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** The file's stage columns, by index: what its stage entries refer to. */
    private void registerStages(FileSlot slot) throws SQLException {
        if (slot.opened.profile() == null) {
            return;
        }
        List<ResolvedProfile.StageColumn> stageColumns = slot.opened.profile().stageColumns();
        try (PreparedStatement statement = connection.prepareStatement(STAGE_COLUMN)) {
            for (int i = 0; i < stageColumns.size(); i++) {
                statement.setInt(1, slot.sourceFileId);
                statement.setInt(2, i);
                statement.setString(3, stageColumns.get(i).stage());
                statement.addBatch();
            }
            if (!stageColumns.isEmpty()) {
                statement.executeBatch();
            }
        }
    }

    private void register(FileSlot slot) throws SQLException {
        if (slot.kept != null) {
            keep(slot);
            return;
        }
        String path = slot.file.toString();
        if (loadedBefore(path)) {
            LoadedRows.remove(connection, path, slot.replacesSheet);
        }
        OpenedExport o = slot.opened;
        try (PreparedStatement statement = connection.prepareStatement(REGISTER)) {
            statement.setString(1, path);
            statement.setString(2, slot.sha256);
            statement.setLong(3, slot.size);
            statement.setString(4, o.format() == null ? "unknown" : o.format().label());
            statement.setString(5, o.encoding());
            statement.setString(6, o.delimiter());
            statement.setString(7, o.sheet());
            if (o.headerRow() == null) {
                statement.setNull(8, Types.INTEGER);
            } else {
                statement.setInt(8, o.headerRow());
            }
            statement.setString(9, o.kind());
            statement.setString(10, o.profileName());
            statement.setString(11, o.message());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                slot.sourceFileId = rs.getInt(1);
            }
        }
        registerStages(slot);
        slot.read = 0;
        slot.loaded = 0;
        slot.rejected = 0;
        slot.skipped = 0;
        slot.stages.clear();
        registered.add(slot);
        progress.fileStarted(slot.index + 1, slot.total, slot.file, o.profile() == null ? null : o.profile().name());
    }

    /** An unchanged file: its earlier load (rows, rejects, accounting) stays and is marked as reused. */
    private void keep(FileSlot slot) throws SQLException {
        EarlierLoads.Load kept = slot.kept;
        slot.sourceFileId = kept.sourceFileId();
        try (PreparedStatement statement = connection.prepareStatement(REUSE)) {
            statement.setInt(1, slot.sourceFileId);
            statement.executeUpdate();
        }
        slot.read = kept.read();
        slot.loaded = kept.loaded();
        slot.rejected = kept.rejected();
        slot.skipped = kept.skipped();
        registered.add(slot);
        progress.fileStarted(slot.index + 1, slot.total, slot.file, kept.profile());
    }

    private void finish(FileSlot slot) throws SQLException {
        if (slot.kept != null) {
            slot.finalStatus = "unchanged";
            slot.finalMessage = "reused from the earlier load (same content, sha256 " + slot.kept.sha256().substring(0, 12)
                    + "…): " + slot.read + " rows read = " + slot.loaded + " loaded + " + slot.rejected + " rejected + "
                    + slot.skipped + " skipped";
            return;
        }
        OpenedExport o = slot.opened;
        String status = switch (o.status()) {
            case "ok" -> "loaded";
            default -> o.status();
        };
        List<String> messages = new ArrayList<>();
        if (o.message() != null) {
            messages.add(o.message());
        }
        if (slot.readError != null) {
            status = "failed";
            messages.add(slot.file.getFileName() + ": " + slot.readError);
        }
        if (slot.read != slot.rowsEmitted || slot.read != slot.loaded + slot.rejected + slot.skipped) {
            status = "failed";
            messages.add("row accounting mismatch: reader emitted " + slot.rowsEmitted + ", writer counted "
                    + slot.read + " = " + slot.loaded + " + " + slot.rejected + " + " + slot.skipped);
        }
        if ("loaded".equals(status) && slot.rejected > 0) {
            messages.add(slot.rejected + " rows rejected (see rejects)");
        }
        if ("loaded".equals(status) && slot.mapper != null && slot.mapper.reportNote() != null) {
            messages.add(slot.mapper.reportNote());
        }
        try (PreparedStatement statement = connection.prepareStatement(FINISH)) {
            statement.setLong(1, slot.read);
            statement.setLong(2, slot.loaded);
            statement.setLong(3, slot.rejected);
            statement.setLong(4, slot.skipped);
            statement.setString(5, status);
            statement.setString(6, messages.isEmpty() ? null : String.join("; ", messages));
            statement.setInt(7, slot.sourceFileId);
            statement.executeUpdate();
        }
        String loadKey = slot.loadKey == null || !"loaded".equals(status) ? null : slot.loadKey.apply(slot.sha256);
        try (PreparedStatement statement = connection.prepareStatement(LOAD_KEY)) {
            statement.setString(1, loadKey);
            statement.setInt(2, slot.sourceFileId);
            statement.executeUpdate();
        }
        if (o.profile() != null && (o.profile().table() == CanonicalTable.OPPORTUNITIES
                || o.profile().table() == CanonicalTable.STAGE_CHANGES)) {
            writeStages(slot);
        }
        if (!slot.skippedDocuments.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(SKIPPED_DOCUMENT)) {
                for (MappedRow row : slot.skippedDocuments) {
                    statement.setInt(1, slot.sourceFileId);
                    statement.setString(2, row.skippedDocument().documentNumber());
                    statement.setString(3, row.skippedDocument().customerName());
                    statement.setString(4, row.skipReason());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (o.profile() != null && o.profile().table() == CanonicalTable.REVENUE_LINES
                && !o.profile().indexes("tax_amount").isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(NET_INCLUDED_TAX)) {
                statement.setInt(1, slot.sourceFileId);
                statement.setInt(2, slot.sourceFileId);
                statement.executeUpdate();
            }
        }
        // Business date range of what the file loaded (open deals' expected close dates do not count).
        for (String sql : DATES) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setInt(1, slot.sourceFileId);
                statement.execute();
            }
        }
        slot.finalStatus = status;
        slot.finalMessage = messages.isEmpty() ? null : String.join("; ", messages);
    }

    private void writeStages(FileSlot slot) throws SQLException {
        ExportProfile.Stages declared = slot.opened.profile().profile().stages;
        boolean statusApart = !slot.opened.profile().indexes("status").isEmpty();
        Map<String, long[]> stages = new LinkedHashMap<>();
        if (declared.declareAll) {
            declared.order.forEach(s -> stages.put(s, new long[3]));
        }
        slot.stages.forEach((stage, tally) -> stages.merge(stage, tally,
                (a, b) -> new long[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]}));
        List<String> unknown = new ArrayList<>();
        for (String stage : stages.keySet()) {
            if (indexIgnoreCase(declared.order, stage) < 0) {
                unknown.add(stage);
            }
        }
        // Undeclared stages: by the CRM's forecast category when the export has one (the org's own configuration),
        // then by the pipeline words in their labels (StageVocabulary), then by win probability, then alphabetically.
        Map<String, double[]> signals = stageSignals(slot);
        boolean forecast = signals.values().stream().anyMatch(s -> !Double.isNaN(s[0]));
        unknown.sort(java.util.Comparator.comparingDouble((String s) -> forecast
                        ? signal(signals, s, 0, 2.5) : 0)
                .thenComparingInt(StageVocabulary::rank)
                .thenComparingDouble(s -> signal(signals, s, 1, Double.MAX_VALUE))
                .thenComparing(String.CASE_INSENSITIVE_ORDER));
        // Declared stages in the profile's order, then undeclared ones, numbered 1..n.
        List<String> ordered = new ArrayList<>(stages.keySet());
        ordered.removeAll(unknown);
        ordered.sort(java.util.Comparator.comparingInt((String stage) -> indexIgnoreCase(declared.order, stage)));
        List<String> declaredInFile = List.copyOf(ordered);
        for (String stage : unknown) {
            // With the CRM's forecast categories an undeclared stage goes before the first declared stage the org's
            // configuration places later (an org's "Discovery" at Pipeline 20% before the standard "Proposal/Price
            // Quote" at Best Case 60%); without them, after every declared stage.
            int at = ordered.size();
            if (forecast) {
                for (String other : declaredInFile) {
                    if (placedLater(signals, other, stage)) {
                        at = Math.min(at, ordered.indexOf(other));
                        break;
                    }
                }
            }
            ordered.add(at, stage);
        }
        // Stages already known from an earlier file keep their rows and their order; this file's new stages go
        // where their pipeline words place them among those (a history file adds the stages no deal is in now).
        List<String> merged = new ArrayList<>();
        Map<String, boolean[]> flags = new LinkedHashMap<>();
        Map<String, String> bases = new java.util.HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(KNOWN_STAGES)) {
            while (rs.next()) {
                merged.add(rs.getString(1));
                flags.put(rs.getString(1).toLowerCase(Locale.ROOT), new boolean[]{rs.getBoolean(2), rs.getBoolean(3)});
                bases.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(4));
            }
        }
        List<String> known = List.copyOf(merged);
        int previous = -1;
        for (String stage : ordered) {
            int found = indexIgnoreCase(merged, stage);
            if (found >= 0) {
                previous = Math.max(previous, found);
                continue;
            }
            // Before the first earlier-known stage whose words rank later, but after this file's previous stage.
            int at = merged.size();
            for (int i = 0; i < merged.size(); i++) {
                if (indexIgnoreCase(known, merged.get(i)) >= 0
                        && StageVocabulary.rank(merged.get(i)) > StageVocabulary.rank(stage)) {
                    at = i;
                    break;
                }
            }
            at = Math.max(at, previous + 1);
            merged.add(at, stage);
            previous = at;
            // A stage is a closed one when the profile declares it or its label is a closed-deal label. Else, when
            // the deals' outcome comes from the stage or from the CRM's flags (a deal is moved to a closed stage, as in
            // Salesforce and HubSpot), when every deal in it has that outcome. Not when the export has a status of its
            // own (Pipedrive's open/won/lost): there a won or lost deal stays in the stage it reached, so a stage
            // holding only lost deals is still a step of the pipeline.
            long[] tally = stages.get(stage);
            String label = StageVocabulary.outcome(stage);
            boolean byDeals = tally[0] > 0 && !statusApart;
            boolean won = indexIgnoreCase(declared.won, stage) >= 0 || "won".equals(label)
                    || (byDeals && tally[1] == tally[0]);
            boolean lost = indexIgnoreCase(declared.lost, stage) >= 0 || "lost".equals(label)
                    || (byDeals && tally[2] == tally[0]);
            flags.put(stage.toLowerCase(Locale.ROOT), new boolean[]{won, lost && !won});
            bases.put(stage.toLowerCase(Locale.ROOT), orderBasis(declared, stage, won || lost, forecast, signals));
        }
        try (PreparedStatement clear = connection.prepareStatement(CLEAR_STAGES)) {
            clear.executeUpdate();
        }
        try (PreparedStatement own = connection.prepareStatement(FILE_STAGE)) {
            for (String stage : ordered) {
                own.setInt(1, slot.sourceFileId);
                own.setString(2, stage);
                own.addBatch();
            }
            own.executeBatch();
        }
        for (int i = 0; i < merged.size(); i++) {
            String stage = merged.get(i);
            boolean[] flag = flags.get(stage.toLowerCase(Locale.ROOT));
            try (PreparedStatement statement = connection.prepareStatement(PIPELINE_STAGE)) {
                statement.setString(1, stage);
                statement.setInt(2, i + 1);
                statement.setBoolean(3, flag[0]);
                statement.setBoolean(4, flag[1]);
                statement.setString(5, bases.get(stage.toLowerCase(Locale.ROOT)));
                statement.setInt(6, StageVocabulary.rank(stage));
                statement.setString(7, stage);
                statement.executeUpdate();
            }
        }
    }

    /**
     * What places a new stage in the pipeline order, in the order the sort above asks them (pipeline_stages.order_basis):
     * "unknown" when nothing does, and the stage stands after the others only by its name.
     */
    private static String orderBasis(ExportProfile.Stages declared, String stage, boolean closed, boolean forecast,
                                     Map<String, double[]> signals) {
        double[] signal = signals.get(stage.toLowerCase(Locale.ROOT));
        if (indexIgnoreCase(declared.order, stage) >= 0) {
            return "declared";
        } else if (closed) {
            return "closed";
        } else if (forecast && signal != null && !Double.isNaN(signal[0])) {
            return "forecast category";
        } else if (StageVocabulary.rank(stage) < StageVocabulary.UNRANKED) {
            return "stage words";
        } else if (signal != null && !Double.isNaN(signal[1])) {
            return "probability";
        }
        return "unknown";
    }

    /** Per stage of a deals file: {forecast rank, average probability}, NaN where the export has none. */
    private Map<String, double[]> stageSignals(FileSlot slot) throws SQLException {
        Map<String, double[]> signals = new java.util.HashMap<>();
        if (slot.opened.profile().table() != CanonicalTable.OPPORTUNITIES) {
            return signals;
        }
        try (PreparedStatement statement = connection.prepareStatement(STAGE_SIGNALS)) {
            statement.setInt(1, slot.sourceFileId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    double rank = rs.getDouble(2);
                    double rankValue = rs.wasNull() ? Double.NaN : rank;
                    double probability = rs.getDouble(3);
                    signals.put(rs.getString(1).toLowerCase(Locale.ROOT),
                            new double[]{rankValue, rs.wasNull() ? Double.NaN : probability});
                }
            }
        }
        return signals;
    }

    /**
     * Whether the export's forecast category, then its probability, places {@code stage} after {@code than}; false
     * when either has no category (a declared stage absent from the file) or they tie.
     */
    private static boolean placedLater(Map<String, double[]> signals, String stage, String than) {
        double rank = signal(signals, stage, 0, Double.NaN);
        double thanRank = signal(signals, than, 0, Double.NaN);
        if (Double.isNaN(rank) || Double.isNaN(thanRank) || rank != thanRank) {
            return !Double.isNaN(rank) && !Double.isNaN(thanRank) && rank > thanRank;
        }
        double probability = signal(signals, stage, 1, Double.NaN);
        double thanProbability = signal(signals, than, 1, Double.NaN);
        return !Double.isNaN(probability) && !Double.isNaN(thanProbability) && probability > thanProbability;
    }

    private static double signal(Map<String, double[]> signals, String stage, int which, double missing) {
        double[] values = signals.get(stage.toLowerCase(Locale.ROOT));
        return values == null || Double.isNaN(values[which]) ? missing : values[which];
    }

    private static int indexIgnoreCase(List<String> list, String value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}
