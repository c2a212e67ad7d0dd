package io.revlens.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bulk load counts dot marks only when {@link FileConventions#dotMarksMatter} says they can change the decision. */
class FileConventionsTests {

    @Test
    void withoutCommaMarksTheDotMarksDecideNothing() {
        List<DateOrder> hints = Arrays.asList(null, DateOrder.DMY, DateOrder.MDY);
        for (long commas : new long[] {0, 1, 7}) {
            for (DateOrder hint : hints) {
                for (boolean profileComma : new boolean[] {false, true}) {
                    FileConventions noDots = FileConventions.decide(2, 0, commas, 0, hint, profileComma);
                    FileConventions dots = FileConventions.decide(2, 0, commas, 5, hint, profileComma);
                    if (!FileConventions.dotMarksMatter(commas)) {
                        assertThat(dots).as("commas=%d hint=%s profileComma=%s", commas, hint, profileComma)
                                .isEqualTo(noDots);
                    }
                }
            }
        }
        // With comma marks the dots decide whether the file is mixed, so they must be counted.
        assertThat(FileConventions.dotMarksMatter(1)).isTrue();
        assertThat(FileConventions.decide(0, 0, 1, 0, null, false).decimalComma()).isTrue();
        assertThat(FileConventions.decide(0, 0, 1, 1, null, false).mixedMarks()).isTrue();
    }

    @Test
    void theEvidenceCountsBothMarks() {
        FileConventions.Evidence evidence = new FileConventions.Evidence();
        evidence.amount("1.234,56");
        evidence.amount("99,50");
        assertThat(evidence.decide(null, false)).isEqualTo(new FileConventions(DateOrder.MDY, true, false));
        evidence.amount("$1,234.56");
        assertThat(evidence.decide(null, false)).isEqualTo(new FileConventions(DateOrder.MDY, false, true));
    }
}
