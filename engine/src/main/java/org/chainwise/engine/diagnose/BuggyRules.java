package org.chainwise.engine.diagnose;

import java.util.List;

/**
 * The one ordered registry of buggy rules. The order is the tie-break between explanations of the same
 * answer at the same layer, most common in students' work first: a dropped inner factor, then the
 * outer derivative read at x (which for {@code e^(2x)} also reads as a reversed nesting), then a slip
 * in an elementary derivative, then the rarer structural confusions.
 */
public final class BuggyRules {

    public static final List<BuggyRule> IN_ORDER = List.of(
            new MissingInner(),
            new OuterAtX(),
            new WrongOuterDerivative(),
            new ComposedDerivatives(),
            new AddedNotMultiplied(),
            new ProductRuleOnComposition(),
            new ReversedNesting());

    private BuggyRules() {
    }
}
