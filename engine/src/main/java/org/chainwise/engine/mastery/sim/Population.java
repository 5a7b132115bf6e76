package org.chainwise.engine.mastery.sim;

import java.util.Locale;
import java.util.SplittableRandom;

/** The generating student models of the simulator, by the name the {@code simulate} command takes. */
public enum Population {
    /** Knowledge tracing with individual learning pace and forgetting. */
    BKT,
    /** Performance factors analysis with decaying practice counts. */
    PFA,
    /** Elo ability with learning from surprise and decay towards the start. */
    ELO;

    /** A new student drawn from this population. */
    public SimulatedStudent draw(SplittableRandom random) {
        return switch (this) {
            case BKT -> new BktStudent(random);
            case PFA -> new PfaStudent(random);
            case ELO -> new EloStudent(random);
        };
    }

    /** The population named {@code name} ({@code bkt}, {@code pfa} or {@code elo}). */
    public static Population named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
