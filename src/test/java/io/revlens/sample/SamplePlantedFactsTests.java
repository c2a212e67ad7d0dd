package io.revlens.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The story the sample must tell, checked on the committed raw files (no RevLens code involved). */
class SamplePlantedFactsTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    @Test
    void plantedFactsHoldInTheRawFiles() throws Exception {
        RawSampleFacts facts = RawSampleFacts.read(Path.of("sample-data"));
        Map<String, BigDecimal> now = facts.revenueT12m(AS_OF);
        Map<String, BigDecimal> prior = facts.revenuePriorT12m(AS_OF);

        String lastYearsLargest = RawSampleFacts.largest(prior);
        assertThat(prior.get(lastYearsLargest)).isBetween(new BigDecimal("450000"), new BigDecimal("650000"));
        BigDecimal decline = BigDecimal.ONE.subtract(now.get(lastYearsLargest).divide(prior.get(lastYearsLargest), MathContext.DECIMAL64));
        assertThat(decline).isBetween(new BigDecimal("0.35"), new BigDecimal("0.50"));

        String largest = RawSampleFacts.largest(now);
        assertThat(largest).isNotEqualTo(lastYearsLargest);
        assertThat(RawSampleFacts.share(now, largest)).isBetween(new BigDecimal("0.20"), new BigDecimal("0.25"));

        assertThat(facts.proposalWinRateT12m(AS_OF).value()).isBetween(new BigDecimal("0.20"), new BigDecimal("0.30"));

        RawSampleFacts.Rep chloe = rep(facts, "Chloe Tanaka");
        RawSampleFacts.Rep lucas = rep(facts, "Lucas Moreno");
        assertThat(chloe.hireDate()).isBetween(AS_OF.minusMonths(5), AS_OF.minusMonths(4));
        assertThat(lucas.hireDate()).isBetween(AS_OF.minusMonths(6), AS_OF.minusMonths(5));

        Map<String, LocalDate> lastCreated = facts.lastCreateDateByRep();
        assertThat(lastCreated.get("Marcus Oyelaran")).isBefore(AS_OF.minusWeeks(3));
        assertThat(rep(facts, "Marcus Oyelaran").hireDate()).isBefore(AS_OF.minusYears(3));
    }

    private static RawSampleFacts.Rep rep(RawSampleFacts facts, String name) {
        return facts.reps().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
