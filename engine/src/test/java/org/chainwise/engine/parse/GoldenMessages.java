package org.chainwise.engine.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites {@code src/test/resources/parse/messages.golden} from its input column after a deliberate
 * change of wording; review the diff before committing it. Run from the engine folder with the test
 * class path, for example through {@code java -cp target/classes:target/test-classes}.
 */
final class GoldenMessages {

    private static final Path GOLDEN = Path.of("src/test/resources/parse/messages.golden");

    private GoldenMessages() {
    }

    public static void main(String[] args) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(GOLDEN, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                lines.add(line);
                continue;
            }
            String input = line.split("\t", -1)[0];
            if (!(AnswerParser.parse(input, List.of("x")) instanceof ParseResult.Failed failed)) {
                throw new IllegalStateException("now accepted, move it to accepted.tsv: " + input);
            }
            ParseError error = failed.error();
            lines.add(String.join("\t", input, error.code(), String.valueOf(error.span().position()), error.message()));
        }
        Files.write(GOLDEN, lines, StandardCharsets.UTF_8);
    }
}
