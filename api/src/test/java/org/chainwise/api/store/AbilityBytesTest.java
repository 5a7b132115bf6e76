package org.chainwise.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.chainwise.engine.mastery.Ability;
import org.junit.jupiter.api.Test;

class AbilityBytesTest {

    private static List<Double> randomLike(List<Double> shape, Random random) {
        return shape.stream().map(ignored -> random.nextGaussian() * Math.pow(10, random.nextInt(-300, 300))).toList();
    }

    @Test
    void evidencePacksAndUnpacksExactly() {
        Random random = new Random(7);
        Ability none = Ability.NONE;
        Ability ability = new Ability(randomLike(none.precision(), random), randomLike(none.information(), random),
                randomLike(none.successes(), random), randomLike(none.failures(), random));

        assertThat(AbilityBytes.unpack(AbilityBytes.pack(ability))).isEqualTo(ability);
        assertThat(AbilityBytes.unpack(AbilityBytes.pack(none))).isEqualTo(none);
    }

    @Test
    void missingTruncatedOrForeignShapedEvidenceStartsAfresh() {
        byte[] packed = AbilityBytes.pack(new Ability(Ability.NONE.precision(), Ability.NONE.information(),
                Ability.NONE.successes().stream().map(s -> 1.0).toList(), Ability.NONE.failures()));

        assertThat(AbilityBytes.unpack(null)).isEqualTo(Ability.NONE);
        assertThat(AbilityBytes.unpack(Arrays.copyOf(packed, packed.length - 1))).isEqualTo(Ability.NONE);
        assertThat(AbilityBytes.unpack(Arrays.copyOf(packed, packed.length + 8))).isEqualTo(Ability.NONE);
        // Lists of other lengths (a version with other skills) are not this version's evidence.
        assertThat(AbilityBytes.unpack(new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
                .isEqualTo(Ability.NONE);
        assertThat(AbilityBytes.unpack(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff})).isEqualTo(Ability.NONE);
    }
}
