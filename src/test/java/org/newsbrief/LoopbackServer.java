package org.newsbrief;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An HTTP server on 127.0.0.1 for tests: serves fixed documents and misbehaves on request. */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-server");
        thread.setDaemon(true);
        return thread;
    });

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    /** @return the base address, such as {@code http://127.0.0.1:41234} */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves a fixed body at a path. */
    public LoopbackServer serve(String path, String contentType, byte[] body) {
        return handle(path, exchange -> respond(exchange, 200, contentType, body));
    }

    /** Serves a fixed text, UTF-8. */
    public LoopbackServer serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with a status and a short body. */
    public LoopbackServer status(String path, int status) {
        return handle(path, exchange -> respond(exchange, status, "text/plain", ("status " + status).getBytes()));
    }

    /** Redirects to another path. */
    public LoopbackServer redirect(String path, String to) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Location", to);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
    }

    /**
     * Holds each request without an answer until the latch opens, so a client's timeout is the
     * only thing that can end the exchange first; the test opens it once the client has given up.
     */
    public LoopbackServer hold(String path, CountDownLatch release) {
        return handle(path, exchange -> {
            try {
                release.await();
                respond(exchange, 200, "text/html", "<p>late</p>".getBytes());
            } catch (InterruptedException | IOException e) {
                exchange.close();
            }
        });
    }

    /** Streams a body of the given size in chunks, without a Content-Length. */
    public LoopbackServer huge(String path, long bytes) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "<p>filler text for a very large page</p>\n".repeat(1000).getBytes();
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException closedByClient) {
                // the client stops reading at its limit; that is the point
            }
        });
    }

    /** Adds any handler. */
    public LoopbackServer handle(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
