package org.chainwise.api.service.notes;

import java.util.Locale;
import org.chainwise.api.web.ApiException;

/** Who reads a note besides its author: nobody ({@code private}), or the course's instructors ({@code shared}). */
public enum Visibility {
    PRIVATE,
    SHARED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The visibility named {@code text}; absent means private; anything else is a 400 naming {@code field}. */
    public static Visibility parse(String text, String field) {
        if (text == null) {
            return PRIVATE;
        }
        for (Visibility v : values()) {
            if (v.wireName().equals(text)) {
                return v;
            }
        }
        throw ApiException.badRequest("invalid_" + field,
                field + " must be \"private\" (only you) or \"shared\" (you and the course's instructors).", field);
    }
}
