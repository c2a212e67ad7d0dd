package io.revlens.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What every page of a report states: whose numbers, in which currency, as of when, made when. */
public record ReportContext(String companyName, String currency, LocalDate asOfDate, String periodLabel,
                            OffsetDateTime generatedAt, String jobName) {
}
