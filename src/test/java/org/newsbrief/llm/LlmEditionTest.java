package org.newsbrief.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.Editions;
import org.newsbrief.Newsbrief;
import org.newsbrief.TestFiles;
import org.newsbrief.config.ConfigLoader;
import org.newsbrief.config.NewsbriefConfig;

/** A scheduled edition with {@code summarizer: llm}: written, archived, and rebuilt from the cache alone. */
class LlmEditionTest {

    @RegisterExtension
    final FakeModelServer server = new FakeModelServer();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private Editions.Report run(NewsbriefConfig config, boolean rebuild) {
        Newsbrief newsbrief = Newsbrief.builder(config).models(TestFiles.MODELS).clock(TestFiles.CLOCK)
                .sleeper(duration -> { }).build();
        try (Editions editions = newsbrief.editions()) {
            return editions.run(new Editions.Request(LocalDate.of(2026, 11, 25), Editions.Delivery.ONCE, rebuild),
                    org.newsbrief.events.EventLines.into(log));
        }
    }

    @Test
    void theEditionIsWrittenByTheModelAndARebuildWithTheCacheWarmSendsNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("newsbrief.yaml"), """
                sources: %s
                templates: %s
                recipients: [ops@example.org]
                summarizer: llm
                llm:
                  provider: openai-compatible
                  base_url: %s
                  model: test-model
                  timeout: 5s
                """.formatted(TestFiles.samples().resolve("sources.yaml").toAbsolutePath(),
                TestFiles.templates().toAbsolutePath(), server.baseUrl()));
        NewsbriefConfig config = new ConfigLoader(Map.of()).load(file);

        Editions.Report first = run(config, false);
        int sent = server.requests();
        Path pdf = first.files().stream().filter(path -> path.toString().endsWith(".pdf")).findFirst().orElseThrow();
        String text = TestFiles.pdfText(pdf);

        assertThat(sent).isPositive();
        assertThat(text).contains("AI-written summary, checked against 3 sources");
        assertThat(Files.isDirectory(dir.resolve("data/llm-cache"))).isTrue();

        Editions.Report rebuilt = run(config, true);

        assertThat(server.requests()).isEqualTo(sent);
        assertThat(rebuilt.reused()).isFalse();
        assertThat(TestFiles.pdfText(rebuilt.files().stream().filter(path -> path.toString().endsWith(".pdf"))
                .findFirst().orElseThrow())).isEqualTo(text);
        assertThat(log).anyMatch(line -> line.contains("from the cache), 0 HTTP requests"));
    }
}
