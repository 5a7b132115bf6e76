package org.chainwise.engine.mastery.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AucTest {

    @Test
    void perfectReversedTiedAndPartialRankings() {
        boolean[] outcomes = {false, false, true, true};

        assertThat(Auc.of(new double[] {0.1, 0.2, 0.8, 0.9}, outcomes)).isEqualTo(1.0);
        assertThat(Auc.of(new double[] {0.9, 0.8, 0.2, 0.1}, outcomes)).isEqualTo(0.0);
        assertThat(Auc.of(new double[] {0.5, 0.5, 0.5, 0.5}, outcomes)).isEqualTo(0.5);
        // Pairs (right, wrong): (0.3 vs 0.1, 0.4) and (0.8 vs 0.1, 0.4): three of four ordered.
        assertThat(Auc.of(new double[] {0.1, 0.4, 0.3, 0.8}, outcomes)).isCloseTo(0.75, within(1e-12));
        assertThat(Auc.of(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNaN();
    }
}
