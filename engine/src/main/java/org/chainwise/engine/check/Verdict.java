package org.chainwise.engine.check;

/** The verdict of the {@code grade} contract; {@link #wireName()} is how it is spelled on the wire. */
public enum Verdict {
    CORRECT,
    INCORRECT,
    /** The answer (or the request) could not be read as an expression of the item's variable. */
    INVALID;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
