package io.revlens.ingest.map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A profile's pattern that backtracks without end stops with a message instead of holding the load. */
class BoundedPatternTests {

    @Test
    void ordinaryPatternsMatchAsJavaDoes() {
        BoundedPattern total = new BoundedPattern("(?i)^total\\b.*");
        assertThat(total.matches("Total for Acme")).isTrue();
        assertThat(total.matches("Totally Acme")).isFalse();
        assertThat(new BoundedPattern("Won|Lost").find("Closed Won")).isTrue();
    }

    @Test
    void catastrophicBacktrackingStopsWithThePatternNamed() {
        // Nested repetition with a back-reference (which defeats the engine's loop memo): against forty a's and a
        // '!' it tries the 2^39 ways to split the a's before failing (26 a's already take a second unbounded).
        BoundedPattern nested = new BoundedPattern("^(?:(a+)+)\\1$");
        assertThatThrownBy(() -> nested.matches("a".repeat(40) + "!"))
                .isInstanceOf(BoundedPattern.TooSlow.class)
                .hasMessage("the profile's pattern ^(?:(a+)+)\\1$ takes too long on this value (it backtracks without end);"
                        + " simplify the pattern in the profile");
        assertThat(nested.matches("aaaa")).isTrue();
    }
}
