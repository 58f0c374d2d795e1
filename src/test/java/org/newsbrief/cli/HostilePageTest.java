package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;

/**
 * One page of megabytes of words without a full stop was one sentence, and tagging it held up
 * the whole edition; now it is cut and the samples are still briefed.
 */
class HostilePageTest {

    @TempDir
    Path dir;

    @Test
    void aPageWithoutPunctuationDoesNotHoldUpTheSamplesBriefing() throws IOException {
        Path input = dir.resolve("in");
        Files.createDirectories(input);
        try (Stream<Path> samples = Files.list(TestFiles.samples())) {
            for (Path sample : samples.filter(file -> !file.toString().endsWith(".yaml")).toList()) {
                Files.copy(sample, input.resolve(sample.getFileName()));
            }
        }
        String[] words = {"harbour", "council", "river", "market", "station", "alpha", "bravo", "delta", "Meridian"};
        StringBuilder page = new StringBuilder("<html><head><title>Wall of words</title></head><body><article><p>");
        Random random = new Random(12);
        while (page.length() < 1_500_000) {
            page.append(words[random.nextInt(words.length)]).append(' ');
        }
        Files.writeString(input.resolve("wall.html"), page.append("</p></article></body></html>"), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> TestFiles.run(out, err, "generate", input.toString(), "--out", dir.resolve("out").toString(),
                        "--format", "html", "--date", "2026-11-25", "--threads", "2"));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("from 16 articles");
        String html = Files.readString(dir.resolve("out/briefing-2026-11-25.html"));
        assertThat(html).contains("Rotterdam", "Reserve Bank", "Route du Rhum");
    }
}
