package org.chainwise.bank.family;

import java.util.ArrayList;
import java.util.List;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.generate.Inner;
import org.chainwise.bank.generate.Outer;

/** The one list of registered families; adding a family is adding it here. */
public final class Families {

    private Families() {
    }

    public static List<Family> all() {
        List<Family> families = new ArrayList<>();
        for (Outer outer : Outer.values()) {
            families.add(ChainFamily.withOuter(outer));
        }
        for (Inner inner : Inner.values()) {
            families.add(ChainFamily.withInner(inner));
        }
        families.add(ChainFamily.nested());
        families.add(new ConstantMultipleFamily());
        families.add(new ProductVsChainFamily());
        families.add(new OppositeNestingFamily());
        families.add(new EvaluatedAtFamily());
        families.add(new EvaluateAtPointFamily());
        families.add(new DecomposeFamily());
        families.add(new SpotTheErrorFamily());
        families.add(new GraphPathsFamily());
        families.add(new JacobianFamily());
        families.add(new PredictFamily());
        return List.copyOf(families);
    }
}
