package org.chainwise.migrations;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a PostgreSQL server is and how to log in, parsed from a {@code postgres://} URL as
 * hosting platforms give it or from a JDBC URL; {@code user} and {@code password} are null
 * when the JDBC URL carries them itself or the server needs none.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    /** What {@link #parse} accepts, for error messages. */
    public static final String EXPECTED_FORM =
            "postgres://user:password@host:port/database or jdbc:postgresql://host:port/database";

    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    public DatabaseUrl {
        if (jdbcUrl == null || !jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL; expected " + EXPECTED_FORM);
        }
    }

    /**
     * Parses {@code postgres://user:password@host:port/database?options} (also
     * {@code postgresql://}) or {@code jdbc:postgresql://...}; the message of the
     * {@link IllegalArgumentException} it throws never contains the password.
     */
    public static DatabaseUrl parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("is empty; expected " + EXPECTED_FORM);
        }
        if (trimmed.startsWith(JDBC_PREFIX)) {
            return new DatabaseUrl(trimmed, null, null);
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("postgres://") && !lower.startsWith("postgresql://")) {
            throw new IllegalArgumentException("is not a PostgreSQL URL; expected " + EXPECTED_FORM);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            // The input is not echoed: it may hold a password.
            throw new IllegalArgumentException("is not a valid URL (" + e.getReason() + " at index " + e.getIndex()
                    + "); expected " + EXPECTED_FORM);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("names no host; expected " + EXPECTED_FORM);
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (database.isEmpty()) {
            throw new IllegalArgumentException("names no database; expected " + EXPECTED_FORM);
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl(JDBC_PREFIX + "//" + uri.getHost() + port + "/" + database + query, user, password);
    }

    /** The URL and user without the password, for messages and logs. */
    public String describe() {
        String withoutQuery = jdbcUrl.replaceFirst("\\?.*$", "");
        return user == null ? withoutQuery : withoutQuery + " as " + user;
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + describe() + "]";
    }

    private static String decode(String raw) {
        // URLDecoder follows form encoding, where '+' is a space; in a URL's user info it is a '+'.
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
