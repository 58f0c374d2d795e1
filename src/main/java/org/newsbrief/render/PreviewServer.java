package org.newsbrief.render;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.newsbrief.compose.Briefing;
import org.w3c.dom.Document;
import org.newsbrief.events.RunLog;

/**
 * Serves a briefing on 127.0.0.1 for editors: {@code /} is the HTML page, rendered anew from the
 * templates on every request, {@code /briefing.pdf} the PDF. The page asks {@code /version} every
 * second and reloads itself when a file in the watched folders has changed, so an edit to a
 * template, stylesheet or prompt shows up without touching the browser. Requests whose
 * {@code Host} is not {@code 127.0.0.1}, {@code localhost} or {@code [::1]} with this port are
 * refused, so a page on another site cannot read the preview through a rebound name.
 */
public final class PreviewServer implements AutoCloseable {

    private static final String RELOAD_SCRIPT = "<script>(function(){var v=null;setInterval(function(){"
            + "fetch('/version').then(function(r){return r.text();}).then(function(t){if(v===null){v=t;}"
            + "else if(t!==v){location.reload();}}).catch(function(){});},1000);})();</script>";

    private final Briefing briefing;
    private final TemplateFolder templates;
    private final List<Path> watched;
    private final RunLog warnings;
    private final List<String> emailHeaders;
    private final HttpServer server;

    /**
     * Starts serving.
     *
     * @param briefing the briefing to show
     * @param templates where templates are read from, on every request
     * @param watched folders whose changes make the page reload (templates, prompts)
     * @param port the port, or 0 for any free one
     * @param warnings receives rendering warnings
     * @throws IOException when the port cannot be opened
     */
    public PreviewServer(Briefing briefing, TemplateFolder templates, List<Path> watched, int port, RunLog warnings)
            throws IOException {
        this(briefing, templates, watched, port, warnings, List.of());
    }

    /**
     * Starts serving, with the email's view as well: {@code /email} is the HTML body as sent and
     * {@code /email.txt} its text part, each under the message's headers.
     *
     * @param briefing the briefing to show
     * @param templates where templates are read from, on every request
     * @param watched folders whose changes make the page reload (templates, prompts)
     * @param port the port, or 0 for any free one
     * @param warnings receives rendering warnings
     * @param emailHeaders the message's headers as they are sent, such as {@code Subject: ...}, one a line
     * @throws IOException when the port cannot be opened
     */
    public PreviewServer(Briefing briefing, TemplateFolder templates, List<Path> watched, int port, RunLog warnings,
            List<String> emailHeaders) throws IOException {
        this.briefing = Objects.requireNonNull(briefing, "briefing");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.watched = List.copyOf(watched);
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.emailHeaders = List.copyOf(emailHeaders);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::page).getFilters().add(new LocalHostOnly());
        server.createContext("/briefing.pdf", this::pdf).getFilters().add(new LocalHostOnly());
        server.createContext("/email", this::email).getFilters().add(new LocalHostOnly());
        server.createContext("/version", exchange -> send(exchange, 200, "text/plain", version().getBytes(StandardCharsets.UTF_8)))
                .getFilters().add(new LocalHostOnly());
        server.start();
    }

    /** @return the address the preview is served at */
    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            requireSoundTemplates();
            String html = HtmlWriter.write(new HtmlRenderer(templates, warnings).render(briefing));
            html = html.replace("</body>", RELOAD_SCRIPT + "</body>");
            send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        } catch (RenderException e) {
            String message = "<!DOCTYPE html><html><body><h1>The briefing did not render</h1><pre>"
                    + e.getMessage().replace("&", "&amp;").replace("<", "&lt;") + "</pre>" + RELOAD_SCRIPT + "</body></html>";
            send(exchange, 500, "text/html; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Refuses templates check-templates would refuse, so they show in the page rather than as blanks. */
    private void requireSoundTemplates() {
        List<String> problems = TemplateCheck.problems(templates);
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
    }

    /** {@code /email}: the HTML body as sent, under its headers; {@code /email.txt}: the text part. */
    private void email(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/email") && !path.equals("/email.txt")) {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            requireSoundTemplates();
            if (path.equals("/email.txt")) {
                String text = String.join("\n", emailHeaders) + (emailHeaders.isEmpty() ? "" : "\n\n")
                        + PlainTextRenderer.text(briefing);
                send(exchange, 200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
                return;
            }
            String html = HtmlWriter.write(new HtmlRenderer(templates, warnings).render(briefing, HtmlRenderer.EMAIL_TEMPLATE));
            StringBuilder headers = new StringBuilder("<pre style=\"margin:0;padding:12px 16px;background:#f3f4f6;"
                    + "border-bottom:1px solid #d1d5db;font:13px monospace;white-space:pre-wrap;\">");
            emailHeaders.forEach(line -> headers.append(escape(line)).append('\n'));
            headers.append("</pre>");
            html = html.replaceFirst("(<body[^>]*>)", "$1" + java.util.regex.Matcher.quoteReplacement(headers.toString()))
                    .replace("</body>", RELOAD_SCRIPT + "</body>");
            send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        } catch (RenderException e) {
            String message = "<!DOCTYPE html><html><body><h1>The email did not render</h1><pre>" + escape(e.getMessage())
                    + "</pre>" + RELOAD_SCRIPT + "</body></html>";
            send(exchange, 500, "text/html; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void pdf(HttpExchange exchange) throws IOException {
        try {
            Document page = new HtmlRenderer(templates, warnings).render(briefing);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new PdfRenderer(templates, warnings).render(page, out);
            send(exchange, 200, "application/pdf", out.toByteArray());
        } catch (RenderException e) {
            send(exchange, 500, "text/plain; charset=utf-8", e.getMessage().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A fingerprint of the watched files: their names, sizes and modification times. */
    String version() {
        StringBuilder fingerprint = new StringBuilder();
        for (Path folder : watched) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                List<Path> sorted = new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
                for (Path file : sorted) {
                    fingerprint.append(file).append(':').append(Files.size(file)).append(':')
                            .append(Files.getLastModifiedTime(file).toMillis()).append(';');
                }
            } catch (IOException e) {
                fingerprint.append(folder).append(":unreadable;");
            }
        }
        return Integer.toHexString(fingerprint.toString().hashCode());
    }

    /**
     * Answers only requests addressed to this machine by name. A web page elsewhere can point its
     * own host name at 127.0.0.1 (DNS rebinding) and then read the preview as same-origin; its
     * requests still carry that foreign name in {@code Host}, so they are turned away here.
     */
    private final class LocalHostOnly extends Filter {

        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            List<String> hosts = exchange.getRequestHeaders().getOrDefault("Host", List.of());
            if (hosts.size() != 1) {
                send(exchange, 400, "text/plain", "one Host header is required".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!isLocal(hosts.get(0))) {
                send(exchange, 421, "text/plain", "this preview answers only to 127.0.0.1, localhost and [::1]"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            chain.doFilter(exchange);
        }

        @Override
        public String description() {
            return "refuses requests whose Host is not this machine";
        }
    }

    private boolean isLocal(String host) {
        String port = Integer.toString(server.getAddress().getPort());
        String written = host.strip().toLowerCase(Locale.ROOT);
        for (String name : List.of("127.0.0.1", "localhost", "[::1]")) {
            if (written.equals(name + ":" + port) || port.equals("80") && written.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
