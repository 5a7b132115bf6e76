package org.chainwise.engine.mastery.sim;

import java.util.Locale;
import java.util.Map;

/** Writes one flat-or-nested JSON object of strings, numbers and maps: all the command-line reports need. */
final class Json {

    private Json() {
    }

    static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append('"').append(name).append("\": ").append(value(value));
        });
        return out.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    private static String value(Object value) {
        return switch (value) {
            case Map<?, ?> map -> object((Map<String, ?>) map);
            case Double d when d.isNaN() || d.isInfinite() -> "null";
            case Double d -> String.format(Locale.ROOT, "%.4f", d);
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        };
    }
}
