package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.events.RunEvent;
import org.newsbrief.ingest.Ingestion;

/** A run's events reach --report by kind, beside what was read and left out. */
class RunEventsCommandTest {

    @TempDir
    Path dir;

    @Test
    void eachEventIsReportedWithItsKind() throws IOException {
        Path report = dir.resolve("report.json");

        Reporting.write(report, new Ingestion.Report(1, List.of(), List.of(), 0, List.of()), Optional.empty(), List.of(),
                List.of(new RunEvent.Progress("analyzed 1,000 of 2,000 articles"),
                        new RunEvent.Warning("briefing.html: stylesheet 'x.css' was not loaded"),
                        new RunEvent.Skipped("feeds/wire.xml", "HTTP 404"), new RunEvent.Failure("smtp://mail:25 unreachable")));

        JsonNode events = new ObjectMapper().readTree(report.toFile()).get("events");
        assertThat(events).extracting(event -> event.get("kind").asText())
                .containsExactly("progress", "warning", "skipped", "error");
        assertThat(events.get(2).get("message").asText()).isEqualTo("feeds/wire.xml: HTTP 404");
    }

    @Test
    void generateWritesItsEventsIntoTheReport() throws IOException {
        Path report = dir.resolve("report.json");

        assertThat(TestFiles.run(new StringWriter(), new StringWriter(), "generate", TestFiles.samples().toString(),
                "--out", dir.resolve("out").toString(), "--format", "md", "--report", report.toString())).isZero();

        assertThat(new ObjectMapper().readTree(report.toFile()).get("events").isArray()).isTrue();
    }
}
