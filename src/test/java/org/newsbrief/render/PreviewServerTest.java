package org.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.newsbrief.TestFiles;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.Section;

/**
 * The preview answers only requests addressed to this machine. Requests are written by hand on a
 * socket, because a rebinding attacker's browser sends its own host name, which the JDK's client
 * would not let a test forge.
 */
@Timeout(60)
class PreviewServerTest {

    private final List<String> warnings = new ArrayList<>();

    private static int status(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r' && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return Integer.parseInt(line.toString().split(" ")[1]);
        }
    }

    private static String get(String path, String host) {
        return "GET " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n") + "Connection: close\r\n\r\n";
    }

    @Test
    void aForeignHostIsRefusedAndTheLocalNamesAreServed() throws IOException {
        Briefing briefing = new Briefing("Daily Briefing", LocalDate.of(2026, 11, 25), ZonedDateTime.now(TestFiles.CLOCK),
                List.of(), List.of(new Section("News", List.of())), List.of());
        try (PreviewServer server = new PreviewServer(briefing, new TemplateFolder(TestFiles.templates()), List.of(), 0,
                org.newsbrief.events.EventLines.into(warnings))) {
            int port = Integer.parseInt(server.address().replaceAll(".*:(\\d+)/$", "$1"));

            for (String forged : List.of("rebound.example:" + port, "rebound.example", "127.0.0.1.rebound.example:" + port,
                    "localhost:" + (port + 1), "127.0.0.2:" + port, "0.0.0.0:" + port)) {
                for (String path : List.of("/", "/version", "/briefing.pdf")) {
                    assertThat(status(port, get(path, forged))).as(forged + path).isEqualTo(421);
                }
            }
            assertThat(status(port, "GET /version HTTP/1.0\r\n\r\n")).isEqualTo(400);
            for (String local : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port)) {
                assertThat(status(port, get("/version", local))).as(local).isEqualTo(200);
            }
        }
    }
}
