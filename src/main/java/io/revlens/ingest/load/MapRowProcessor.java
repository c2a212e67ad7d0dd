package io.revlens.ingest.load;

import io.revlens.ingest.map.MappedRow;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Maps and coerces each physical row with its file's profile; never filters, so every row is counted. */
final class MapRowProcessor implements ItemProcessor<LoadItem, LoadItem> {

    @Override
    public LoadItem process(LoadItem item) {
        if (item.isFileEnd() || item.bulk()) {
            return item;
        }
        FileSlot slot = item.slot();
        long started = System.nanoTime();
        MappedRow mapped = slot.mapper == null
                ? MappedRow.skipped(item.row().rowNumber(), "file not loaded")
                : slot.mapper.map(item.row());
        slot.spentSince(started);
        return new LoadItem(slot, null, mapped);
    }
}
