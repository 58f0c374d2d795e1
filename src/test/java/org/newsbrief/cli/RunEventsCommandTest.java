package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;

/** A run's warnings reach standard error as one line each, and --report as typed events. */
class RunEventsCommandTest {

    @TempDir
    Path dir;

    @Test
    void aWarningIsPrintedAndReportedWithItsKind() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("briefing.html"), Files.readString(TestFiles.templates().resolve("briefing.html"))
                .replace("href=\"briefing.css\"", "href=\"missing.css\""));
        Path report = dir.resolve("report.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        assertThat(TestFiles.run(out, err, "generate", TestFiles.samples().toString(), "--templates", templates.toString(),
                "--out", dir.resolve("out").toString(), "--format", "html", "--report", report.toString())).isZero();

        assertThat(err.toString()).contains("newsbrief: warning: ").contains("stylesheet 'missing.css'");
        JsonNode events = new ObjectMapper().readTree(report.toFile()).get("events");
        assertThat(events).anySatisfy(event -> {
            assertThat(event.get("kind").asText()).isEqualTo("warning");
            assertThat(event.get("message").asText()).contains("stylesheet 'missing.css'");
        });
    }
}
