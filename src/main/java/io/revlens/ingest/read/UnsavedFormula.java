package io.revlens.ingest.read;

/**
 * A workbook cell holding a formula whose result the file does not contain (a workbook written by a program that
 * never calculated it). Its value is unknown, so a column that needs it rejects the row with this reason rather
 * than loading an empty value.
 */
public record UnsavedFormula(String formula) {

    public String reason() {
        return "a formula (=" + formula + ") whose result the workbook does not hold: open and save the file in"
                + " Excel (or export values only) so that its values are stored";
    }

    @Override
    public String toString() {
        return "=" + formula;
    }
}
