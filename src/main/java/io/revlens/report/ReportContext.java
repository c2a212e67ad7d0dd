package io.revlens.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What every page of a report states: whose numbers, in which currency, as of when, made when; and the project's own
 * {@code reports/} folder, whose templates replace the bundled ones of the same name (null: the bundled ones only).
 */
public record ReportContext(String companyName, String currency, LocalDate asOfDate, String periodLabel,
                            OffsetDateTime generatedAt, String jobName, java.nio.file.Path projectTemplates) {

    public ReportContext(String companyName, String currency, LocalDate asOfDate, String periodLabel,
                         OffsetDateTime generatedAt, String jobName) {
        this(companyName, currency, asOfDate, periodLabel, generatedAt, jobName, null);
    }
}
