package org.chainwise.api.service.notes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.chainwise.api.web.ApiException;

/**
 * The exact object a research note is attached to, written {@code kind:name}: a part of the chain-rule
 * page ({@code equation:chain-rule}, {@code misconception:OUTER_AT_X}, {@code demo:graph-sliders?x=1.5}),
 * an outside source ({@code source:<reference>}), a served item or an answered attempt ({@code item:42},
 * {@code attempt:7}) or a question-bank item by its id ({@code item:outer-sin/d2-c2-k5/3}).
 * {@link #parse} checks the form only; {@link NoteObjects} checks that the object exists.
 */
public record ObjectKey(Kind kind, String name) {

    /** The longest key accepted (the schema has the same bound). */
    public static final int MAX_LENGTH = 300;

    private static final Pattern NAME = Pattern.compile("\\S+");

    /** What kind of object a key names; the wire form is the lower-case name before the colon. */
    public enum Kind {
        CONCEPT, INTUITION, EQUATION, EXAMPLE, WITNESS, CLAIM, MISCONCEPTION, DEMO, SOURCE, ITEM, ATTEMPT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The allowed kinds as a person reads them: {@code concept, intuition, …, attempt}. */
        public static String allowed() {
            return Arrays.stream(values()).map(Kind::wireName).collect(Collectors.joining(", "));
        }
    }

    public ObjectKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** The key {@code text}, or a 400 naming the field {@code field} and what a key looks like. */
    public static ObjectKey parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw invalid(field, field + " is required: kind:name, where kind is one of " + Kind.allowed() + ".");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid(field, field + " is longer than " + MAX_LENGTH + " characters.");
        }
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        String name = colon < 0 ? "" : text.substring(colon + 1);
        Kind parsed = Arrays.stream(Kind.values()).filter(k -> k.wireName().equals(kind)).findFirst()
                .orElseThrow(() -> invalid(field, "'" + shortened(text) + "' is not an object key: it must start with one of "
                        + Kind.allowed() + ", then a colon and the object's name (e.g. equation:chain-rule, item:42)."));
        if (!NAME.matcher(name).matches()) {
            throw invalid(field, "the name after '" + kind + ":' must be non-empty and contain no spaces.");
        }
        return new ObjectKey(parsed, name);
    }

    /** The key as written, {@code kind:name}. */
    public String text() {
        return kind.wireName() + ":" + name;
    }

    @Override
    public String toString() {
        return text();
    }

    static ApiException invalid(String field, String message) {
        return ApiException.badRequest("invalid_object_key", message, field);
    }

    static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
