package io.revlens.ingest.load;

import io.revlens.ingest.map.MappedRow;
import io.revlens.ingest.read.SourceRow;

/**
 * What flows through the load step: a file's physical row (before processing), its mapped row (after),
 * a whole CSV file for DuckDB's reader ({@code bulk}), or the marker that the file has ended.
 */
record LoadItem(FileSlot slot, SourceRow row, MappedRow mapped, boolean bulk) {

    LoadItem(FileSlot slot, SourceRow row, MappedRow mapped) {
        this(slot, row, mapped, false);
    }

    static LoadItem bulk(FileSlot slot) {
        return new LoadItem(slot, null, null, true);
    }

    boolean isFileEnd() {
        return row == null && mapped == null && !bulk;
    }
}
