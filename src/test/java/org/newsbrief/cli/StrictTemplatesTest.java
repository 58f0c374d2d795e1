package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.Newsbrief;
import org.newsbrief.TestFiles;
import org.newsbrief.events.RunLog;

/** A misspelt template variable stops generate, preview and run with the place check-templates names. */
class StrictTemplatesTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    /** The project's samples and templates in the temp folder, the heading's variable misspelt. */
    private Path misspelt() throws IOException {
        for (String folder : List.of("samples", "templates")) {
            Path from = Path.of(folder);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path to = dir.resolve(folder).resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
        }
        Path template = dir.resolve("templates/briefing.html");
        Files.writeString(template, Files.readString(template).replace("<h1 th:text=\"${briefing.title}\">",
                "<h1 th:text=\"${briefing.titel}\">"));
        return dir.resolve("templates");
    }

    private static String place() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("templates/briefing.html"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("<h1 th:text=\"${briefing.title}\">")) {
                return "briefing.html:" + (i + 1) + ":";
            }
        }
        throw new AssertionError("the heading is not in the template");
    }

    @Test
    void generateStopsBeforeWritingAnything() throws IOException {
        Path templates = misspelt();

        int code = TestFiles.run(out, err, "generate", dir.resolve("samples").toString(), "--templates",
                templates.toString(), "--out", dir.resolve("out").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(place()).contains("titel");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void runStopsBeforeAnythingIsArchivedOrSent() throws IOException {
        misspelt();

        int code = TestFiles.run(out, err, "run", "--config", dir.resolve("samples/newsbrief.yaml").toString(), "--date",
                "2026-11-25");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(place()).contains("titel");
        assertThat(dir.resolve("out/archive")).doesNotExist();
        assertThat(dir.resolve("out/outbox")).doesNotExist();
    }

    @Test
    void previewShowsTheProblemInThePage() throws Exception {
        Path templates = misspelt();
        Newsbrief newsbrief = TestFiles.newsbrief(TestFiles.settings("--templates", templates.toString()));
        Newsbrief.Prepared prepared = newsbrief.prepare(new Newsbrief.GenerateRequest(
                List.of(dir.resolve("samples").toString()), LocalDate.of(2026, 11, 25)), RunLog.none());

        try (Newsbrief.Preview preview = newsbrief.preview(prepared, 0, RunLog.none())) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(preview.address()))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(500);
            assertThat(page.body()).contains(place()).contains("titel");
        }
    }

    @Test
    void previewShowsTheEmailAsSentWithItsHeadersAndItsTextPart() throws Exception {
        Newsbrief newsbrief = TestFiles.newsbrief(TestFiles.settings("--title", "Harbour Desk"));
        Newsbrief.Prepared prepared = newsbrief.prepare(new Newsbrief.GenerateRequest(
                List.of(TestFiles.samples().toString()), LocalDate.of(2026, 11, 25)), RunLog.none());

        try (Newsbrief.Preview preview = newsbrief.preview(prepared, 0, RunLog.none())) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> html = client.send(HttpRequest.newBuilder(URI.create(preview.address() + "email")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> text = client.send(HttpRequest.newBuilder(URI.create(preview.address() + "email.txt"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.body()).contains("Subject: Harbour Desk: Wednesday 25 November", "From: ", "<a ",
                    "Reserve Bank lifts cash rate");
            assertThat(text.statusCode()).isEqualTo(200);
            assertThat(text.body()).startsWith("From: ").contains("Subject: Harbour Desk: Wednesday 25 November",
                    "Reserve Bank lifts cash rate");
        }
    }
}
