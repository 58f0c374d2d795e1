package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;

/** Hostile files through the commands: what reaches the terminal, and what reaches the output file. */
@Timeout(120)
class HostileInputCommandTest {

    private static final String STORY = "Dockworkers returned to the port of Rotterdam on Monday after a nine-day strike ended. "
            + "The union and the terminal operators agreed a two-year pay deal. Ships waiting at anchor began to move. "
            + "The port authority expects normal operations within two weeks.";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void escapeCodesInAnArticleNeverReachTheTerminal() throws IOException {
        // Raw control bytes, as a scraped page or a hostile text file would carry them.
        Path file = Files.writeString(dir.resolve("clear\u001b[2J.txt"), """
                Title: Calm \u001b[2J\u001b[32mAll checks passed\u0007
                Source: Wire\u009b31m

                %s \u001b]0;owned\u0007 \u202Edetacer\u202C
                """.formatted(STORY), StandardCharsets.UTF_8);

        int extract = TestFiles.run(out, err, "extract", file.toString());
        int summarize = TestFiles.run(out, err, "summarize", file.toString(), dir.resolve("missing\u001b[31m.txt").toString());

        assertThat(extract).as(err.toString()).isZero();
        assertThat(summarize).as(err.toString()).isZero();
        assertThat(out.toString()).contains("All checks passed").contains("Dockworkers returned");
        assertThat(err.toString()).contains("missing");
        for (String printed : List.of(out.toString(), err.toString())) {
            assertThat(printed.chars()).noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'
                    || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E);
        }
    }

    @Test
    void oneLineThatIsNotUtf8IsSkippedByNumberAndTheOthersAreSummarized() throws IOException {
        Path input = dir.resolve("in.jsonl");
        var bytes = new java.io.ByteArrayOutputStream();
        for (int i = 1; i <= 10; i++) {
            bytes.writeBytes(("{\"id\": " + i + ", \"text\": \"" + "The Zürich café reopened on Monday. ".repeat(3) + "\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            if (i == 3) {
                bytes.writeBytes("{\"id\": 99, \"text\": \"Le café de Zürich a rouvert.\"}\n".getBytes(Charset.forName("windows-1252")));
            }
        }
        Files.write(input, bytes.toByteArray());
        Path output = Files.writeString(dir.resolve("out.jsonl"), "yesterday's good output\n");

        int code = TestFiles.run(out, err, "summarize", "--input", input.toString(), "--output", output.toString());

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(10).allSatisfy(line -> assertThat(line).contains("The Zürich café reopened on Monday."));
        assertThat(err.toString()).contains(input + ":4: not UTF-8");
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("in.jsonl", "out.jsonl");
        }
    }

    @Test
    void aBatchThatSummarizesNothingLeavesTheOutputAsItWas() throws IOException {
        Path input = Files.write(dir.resolve("bad.jsonl"), List.of("{\"id\": 1, \"text\": null}", "not json at all"));
        Path output = Files.writeString(dir.resolve("out.jsonl"), "yesterday's good output\n");

        int code = TestFiles.run(out, err, "summarize", "--input", input.toString(), "--output", output.toString());

        assertThat(code).isEqualTo(1);
        assertThat(Files.readString(output)).isEqualTo("yesterday's good output\n");
        assertThat(err.toString()).contains(input + ":1: no \"text\"").contains(input + ":2: malformed JSON");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void maxBytesGovernsFilesToo() throws IOException {
        Path file = Files.writeString(dir.resolve("story.txt"), STORY + " " + STORY);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add("{\"id\": " + i + ", \"text\": \"Record " + i + ". The port reopened on Monday after the strike.\"}");
        }
        Path lines = Files.write(dir.resolve("many.jsonl"), records);
        assertThat(Files.size(lines)).isGreaterThan(400);

        int code = TestFiles.run(out, err, "extract", file.toString(), lines.toString(), "--max-bytes", "400");

        assertThat(code).isEqualTo(0);
        assertThat(err.toString()).contains(file + ": file is larger than the limit of 400 bytes (--max-bytes)");
        assertThat(out.toString()).contains("Record 0.").contains("Record 5.").doesNotContain("==> " + file + " <==");
    }
}
