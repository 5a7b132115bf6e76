package org.chainwise.reports.bench;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows streamed into one table through PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}: a
 * null is an unquoted empty field, every text is quoted. Buffered, so that the driver sees large
 * writes.
 */
final class CopyRows implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT * 2);
    private long rows;

    CopyRows(CopyManager manager, String table, String columns) throws SQLException {
        this.copy = manager.copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)");
    }

    /** One row; numbers and booleans as they print, strings quoted, null as NULL. */
    void row(Object... fields) throws SQLException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            Object field = fields[i];
            if (field instanceof String text) {
                buffer.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else if (field != null) {
                buffer.append(field);
            }
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Rows already in COPY's CSV text, one per line. */
    void raw(CharSequence text) throws SQLException {
        flush();
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
    }

    long rows() {
        return rows;
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        flush();
        copy.endCopy();
    }
}
