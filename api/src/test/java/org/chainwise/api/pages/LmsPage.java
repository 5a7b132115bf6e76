package org.chainwise.api.pages;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for an LMS: a page on another origin ({@code http://127.0.0.1:<port>}, while Chainwise
 * is at {@code http://localhost:<port>}) that frames one Chainwise page, the way a course page does.
 */
final class LmsPage implements AutoCloseable {

    static final String FRAME_ID = "chainwise-frame";

    private final HttpServer server;

    private LmsPage(HttpServer server) {
        this.server = server;
    }

    /** Serves, at {@link #url()}, a course page whose iframe opens {@code framed}. */
    static LmsPage framing(String framed) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            byte[] page = ("""
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title></head>
                    <body><h1>Calculus I: week 3</h1>
                    <iframe id="%s" title="Chainwise" src="%s" width="420" height="1000"></iframe>
                    </body></html>""").formatted(FRAME_ID, framed.replace("\"", "&quot;")).getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            });
            server.start();
            return new LmsPage(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
