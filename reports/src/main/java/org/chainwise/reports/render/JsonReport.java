package org.chainwise.reports.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes report records as the JSON of reports/README.md: record components as fields, in order,
 * nulls present, timestamps and dates as ISO-8601 strings.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private JsonReport() {
    }

    /** The JSON text of any report record ({@code CourseReport}, {@code CoursesSummary}, an answer page). */
    public static String json(Object report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report record did not serialise", e);
        }
    }

    /** The same, written to {@code out} (left open). */
    public static void write(Object report, OutputStream out) {
        try {
            MAPPER.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
