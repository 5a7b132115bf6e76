package org.chainwise.bank.generate;

import org.chainwise.engine.cache.BoundedCache;
import org.chainwise.engine.diagnose.Diagnoser;
import org.chainwise.engine.expr.Expr;

/**
 * The engine's diagnoser of a function, built once for the distractors of an item and its verification
 * (building one costs milliseconds for a three-layer nest; a diagnoser is immutable and safe to share).
 */
public final class Diagnosers {

    /** Far more than the items in flight at once: each is generated and verified before the next is drawn. */
    private static final BoundedCache<Key, Diagnoser> BUILT = new BoundedCache<>(256);

    private record Key(Expr function, String variable) {
    }

    private Diagnosers() {
    }

    /** {@link Diagnoser#forFunction}, shared. */
    public static Diagnoser forFunction(Expr function, String variable) {
        Key key = new Key(function, variable);
        return BUILT.get(key).orElseGet(() -> {
            Diagnoser diagnoser = Diagnoser.forFunction(function, variable);
            BUILT.put(key, diagnoser);
            return diagnoser;
        });
    }
}
