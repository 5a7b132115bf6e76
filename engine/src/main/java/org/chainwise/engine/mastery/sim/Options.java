package org.chainwise.engine.mastery.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} command-line options with defaults; an unknown or valueless option is an error. */
record Options(Map<String, String> values) {

    static Options parse(List<String> arguments, Map<String, String> defaults) {
        Map<String, String> values = new HashMap<>(defaults);
        Set<String> known = defaults.keySet();
        for (int i = 0; i < arguments.size(); i += 2) {
            String name = arguments.get(i);
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + name + "', expected one of --"
                        + String.join(", --", known.stream().sorted().toList()));
            }
            if (i + 1 >= arguments.size()) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            values.put(name.substring(2), arguments.get(i + 1));
        }
        return new Options(Map.copyOf(values));
    }

    String text(String name) {
        return values.get(name);
    }

    int integer(String name) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw notAWholeNumber(name);
        }
    }

    long number(String name) {
        try {
            return Long.parseLong(values.get(name));
        } catch (NumberFormatException e) {
            throw notAWholeNumber(name);
        }
    }

    private IllegalArgumentException notAWholeNumber(String name) {
        return new IllegalArgumentException("--" + name + " needs a whole number, got '" + values.get(name) + "'");
    }
}
