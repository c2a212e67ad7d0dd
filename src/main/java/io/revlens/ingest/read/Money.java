package io.revlens.ingest.read;

import java.math.BigDecimal;

/** An amount with the currency written next to it (ISO code, or null when none was written). */
public record Money(BigDecimal amount, String currency) {
}
