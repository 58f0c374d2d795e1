package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import picocli.CommandLine;

class PreviewTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void servesTheBriefingAndPicksUpATemplateEdit() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        for (String name : List.of("briefing.html", "briefing.css")) {
            Files.copy(TestFiles.templates().resolve(name), templates.resolve(name));
        }
        CompletableFuture<String> served = new CompletableFuture<>();
        StringWriter out = new StringWriter() {
            @Override
            public void flush() {
                Matcher address = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) ").matcher(toString());
                if (address.find()) {
                    served.complete(address.group(1));
                }
            }
        };
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(TestFiles.newsbrief());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        Thread preview = new Thread(() -> {
            int code = commandLine.execute("preview", "--port", "0", "--templates", templates.toString(),
                    TestFiles.samples().toString());
            served.completeExceptionally(new AssertionError("preview ended with " + code + " before serving: " + out + err));
        });
        preview.setDaemon(true);
        preview.start();
        // however long the briefing takes to make, the test goes on the moment the address is printed
        String address = served.get();
        HttpClient client = HttpClient.newHttpClient();

        String before = get(client, address);
        String version = get(client, address + "version");
        Files.writeString(templates.resolve("briefing.html"), Files.readString(templates.resolve("briefing.html"))
                .replace("Executive summary", "Key points today"));
        String after = get(client, address);

        assertThat(before).contains("Executive summary", "Rotterdam", "/version").doesNotContain("Key points today");
        assertThat(after).contains("Key points today");
        assertThat(get(client, address + "version")).isNotEqualTo(version);
        HttpResponse<byte[]> pdf = client.send(HttpRequest.newBuilder(URI.create(address + "briefing.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        preview.interrupt();
        preview.join(10_000);
        assertThat(preview.isAlive()).isFalse();
    }

    private static String get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
