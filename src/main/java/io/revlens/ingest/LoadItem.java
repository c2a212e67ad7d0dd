package io.revlens.ingest;

/** A row after mapping (loaded or rejected), on its way to the DuckDB writer. */
record LoadItem(FileLoad file, long rowNumber, RowMapper.Outcome outcome) {
}
