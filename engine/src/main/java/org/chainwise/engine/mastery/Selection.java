package org.chainwise.engine.mastery;

import java.util.Objects;

/** What a policy decides for a student: serve an item, the practice is complete, or nothing can be served. */
public sealed interface Selection {

    /** Serve {@code item}, for the stated purpose. */
    record Serve(Candidate item, Purpose purpose) implements Selection {

        public Serve {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    /** Every skill of the practice set is mastered by the policy's standard. */
    record Complete() implements Selection {
    }

    /** The practice set offers nothing to serve (it is empty, or every useful variant was served): why, for a person. */
    record NothingToServe(String reason) implements Selection {

        public NothingToServe {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why an item is served. */
    enum Purpose {
        /** Practice of a skill not yet mastered. */
        LEARN,
        /** Confront a misconception the student is believed to hold. */
        REMEDIATE,
        /** A spaced review of a mastered skill. */
        REVIEW
    }
}
