package io.revlens.ingest.read;

import java.io.Closeable;
import java.io.IOException;

/** A forward-only stream of the physical rows of one CSV file or one sheet. */
public interface RowSource extends Closeable {

    /** The next row, or null at the end. */
    SourceRow next() throws IOException;
}
