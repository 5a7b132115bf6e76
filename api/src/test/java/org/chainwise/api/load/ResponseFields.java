package org.chainwise.api.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The few fields a learner of the load needs from a response (its token, an item's id and stem, whether
 * an answer was a duplicate), read as the JSON streams past instead of building the whole tree: the
 * tree of every response was 40% of the generator's CPU, which it takes from the two cores the service
 * is measured on. A field is named by its dotted path ({@code item.stem.text}); a wanted field that is
 * JSON null is present with a null value, one that is missing is absent.
 */
final class ResponseFields {

    private static final JsonFactory JSON = new JsonFactory();

    private ResponseFields() {
    }

    /** The wanted scalar fields of a JSON object, by path. */
    static Map<String, String> read(String json, Set<String> wanted) throws IOException {
        Map<String, String> found = new HashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object: " + json);
            }
            readObject(parser, "", wanted, found);
        }
        return found;
    }

    /** Reads the object whose START_OBJECT was just read, up to its END_OBJECT. */
    private static void readObject(JsonParser parser, String prefix, Set<String> wanted, Map<String, String> found)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String path = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT && wantsWithin(wanted, path)) {
                readObject(parser, path + ".", wanted, found);
            } else if (wanted.contains(path) && (value.isScalarValue() || value == JsonToken.VALUE_NULL)) {
                found.put(path, value == JsonToken.VALUE_NULL ? null : parser.getValueAsString());
            } else {
                parser.skipChildren();
            }
        }
    }

    private static boolean wantsWithin(Set<String> wanted, String path) {
        for (String w : wanted) {
            if (w.startsWith(path) && w.length() > path.length() && w.charAt(path.length()) == '.') {
                return true;
            }
        }
        return false;
    }
}
