package org.chainwise.engine.parse;

/** A range of characters in the student's text: {@code start} inclusive, {@code end} exclusive, both 0-based. */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** The 1-based position of the first character, as shown to a person ("at 3"). */
    public int position() {
        return start + 1;
    }
}
