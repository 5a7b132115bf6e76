package org.chainwise.api.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One learner's HTTP/1.1 connection to the application on loopback, kept alive between requests,
 * as a browser keeps one: a request is written by hand and the response read by its
 * Content-Length (or chunks). The JDK's HttpClient spent about 2.7 ms of the generator's CPU per
 * cycle, on the same two cores the application and PostgreSQL are measured on; this costs a
 * fraction of that, so the benchmark measures the service rather than its client. Not thread-safe:
 * one per learner thread. A broken connection is dropped and the next request opens a new one.
 */
final class LoopbackHttp implements AutoCloseable {

    /** A response: its status and body. */
    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LoopbackHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** POSTs a JSON body, with the Bearer token when there is one; an {@link IOException} when there is no answer. */
    Response post(String path, String token, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Content-Type: application/json\r\nAccept: application/json\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        try {
            connect();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read();
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    private void connect() throws IOException {
        if (socket != null) {
            return;
        }
        Socket fresh = new Socket();
        fresh.setTcpNoDelay(true);
        fresh.setSoTimeout(timeoutMillis);
        fresh.connect(new InetSocketAddress(host, port), 2_000);
        socket = fresh;
        in = new BufferedInputStream(fresh.getInputStream(), 16_384);
        out = fresh.getOutputStream();
    }

    private Response read() throws IOException {
        String status = line();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(parts[1]);
        int length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, Math.max(colon, 0)).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                all.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
            body = all.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes(length);
            if (body.length < length) {
                throw new IOException("connection closed inside a response body");
            }
        } else {
            body = in.readAllBytes();
            closes = true;
        }
        if (closes) {
            close();
        }
        return new Response(code, new String(body, StandardCharsets.UTF_8));
    }

    /** One header line without its CRLF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the application");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
