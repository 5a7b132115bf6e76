package org.chainwise.engine.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Reads the tab-separated fixture tables under {@code src/test/resources/parse}; lines starting with # are comments. */
final class Fixtures {

    private Fixtures() {
    }

    static Stream<Arguments> rows(String resource) {
        return lines(resource).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> Arguments.of((Object[]) line.split("\t", -1)));
    }

    static List<String> lines(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource);
            }
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
