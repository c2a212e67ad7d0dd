package io.revlens.ingest.read;

import java.util.Locale;

/** Order of day and month in slash/dot/dash dates such as 03/04/2026. */
public enum DateOrder {
    MDY, DMY,
    /** The file writes dates both ways: a date reads only when one part is over 12, else it is rejected. */
    MIXED;

    /** Parses a profile or job-file hint; {@code auto} and blank return null (detect from the data). */
    public static DateOrder fromHint(String hint) {
        if (hint == null || hint.isBlank() || hint.equalsIgnoreCase("auto")) {
            return null;
        }
        return valueOf(hint.strip().toUpperCase(Locale.ROOT));
    }
}
