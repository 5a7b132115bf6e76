package org.chainwise.api.store;

/**
 * When a learner has finished a practice set: every skill of the set mastered (known with at least
 * {@code threshold}), or a number of items solved.
 */
public sealed interface CompletionRule {

    /** The rule's name as stored and sent: {@code mastery} or {@code item_count}. */
    String wireName();

    /** Every skill of the set known with probability at least {@code threshold} and no misconception undermining it held. */
    record Mastery(double threshold) implements CompletionRule {

        public Mastery {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("a mastery threshold is in (0, 1], got " + threshold);
            }
        }

        @Override
        public String wireName() {
            return "mastery";
        }
    }

    /** {@code items} items solved. */
    record ItemCount(int items) implements CompletionRule {

        public ItemCount {
            if (items < 1) {
                throw new IllegalArgumentException("an item count is at least 1, got " + items);
            }
        }

        @Override
        public String wireName() {
            return "item_count";
        }
    }
}
