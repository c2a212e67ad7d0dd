package io.revlens.ingest.map;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of mapping one physical row: loaded (values in {@link io.revlens.model.CanonicalTable#columns()} order, plus
 * stage-history entries), rejected (with every reason found), or skipped (blank, subtotal, footer...); a document
 * skipped for its status or type names itself ({@code skippedDocument}), else null.
 */
public record MappedRow(long rowNumber, Outcome outcome, Object[] values, List<StageEntry> stageHistory,
                        List<Reject> rejects, String skipReason, SkippedDocument skippedDocument) {

    /** A document an export holds and does not load (voided, deleted, a payment): its number and customer. */
    public record SkippedDocument(String documentNumber, String customerName) {
    }

    /** What happened to the row. */
    public enum Outcome { LOADED, REJECTED, SKIPPED }

    /** A date a deal entered a stage: the file's stage column {@code stageIndex} (in profile order) names it. */
    public record StageEntry(int stageIndex, String stage, LocalDate enteredDate) {
    }

    public static MappedRow skipped(long rowNumber, String reason) {
        return new MappedRow(rowNumber, Outcome.SKIPPED, null, List.of(), List.of(), reason, null);
    }

    static MappedRow skippedDocument(long rowNumber, String reason, SkippedDocument document) {
        return new MappedRow(rowNumber, Outcome.SKIPPED, null, List.of(), List.of(), reason, document);
    }

    static MappedRow rejected(long rowNumber, List<Reject> rejects) {
        return new MappedRow(rowNumber, Outcome.REJECTED, null, List.of(), List.copyOf(rejects), null, null);
    }
}
