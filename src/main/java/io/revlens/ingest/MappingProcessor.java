package io.revlens.ingest;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Maps each raw row with its file's {@link RowMapper}; skipped rows are counted here and dropped. */
final class MappingProcessor implements ItemProcessor<SourceRow, LoadItem> {

    @Override
    public LoadItem process(SourceRow item) {
        RowMapper.Outcome outcome = item.file().rowMapper.map(item.row());
        if (outcome instanceof RowMapper.Skipped) {
            item.file().rowsSkipped++;
            return null;
        }
        return new LoadItem(item.file(), item.row().rowNumber(), outcome);
    }
}
