package org.newsbrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.SkippedInput;
import org.newsbrief.nlp.AnalysisException;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.nlp.TextAnalyzer;

/**
 * An article whose analysis never ends must not hold up the edition. The deadlines are measured
 * on a clock the slow analyzer moves itself, so no test waits for real time to pass.
 */
class AnalysisDeadlinesTest {

    @TempDir
    Path temp;

    /** Analyzes as usual, except files named {@code slow-*}: those move the clock on and hang until stopped. */
    static final class HangingAnalyzer implements TextAnalyzer {

        private final TextAnalyzer real = new OpenNlpTextAnalyzer(TestFiles.MODELS);
        private final ManualClock clock;
        private final Duration hangFor;

        HangingAnalyzer(ManualClock clock, Duration hangFor) {
            this.clock = clock;
            this.hangFor = hangFor;
        }

        @Override
        public AnalyzedArticle analyze(Article article) {
            if (!Path.of(article.origin()).getFileName().toString().startsWith("slow-")) {
                return real.analyze(article);
            }
            clock.advance(hangFor);
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                throw new AnalysisException("interrupted");
            }
            throw new AssertionError("unreachable");
        }
    }

    private Newsbrief.GenerateReport generate(ManualClock clock, Duration hangFor, int threads, List<String> progress)
            throws IOException {
        Path input = temp.resolve("in");
        Files.createDirectories(input);
        try (Stream<Path> samples = Files.list(TestFiles.samples())) {
            for (Path sample : samples.filter(file -> !file.toString().endsWith(".yaml")).toList()) {
                Files.copy(sample, input.resolve(sample.getFileName()));
            }
        }
        Files.writeString(input.resolve("slow-page.txt"), "Hanging page\n\nThis page never finishes its analysis.",
                StandardCharsets.UTF_8);
        Newsbrief newsbrief = Newsbrief.builder(TestFiles.settings("--format", "html", "--threads", String.valueOf(threads),
                "--out", temp.resolve("out").toString(), "--sentences", "3")).models(TestFiles.MODELS)
                .analyzer(new HangingAnalyzer(clock, hangFor)).clock(clock).build();
        Newsbrief.GenerateRequest request = new Newsbrief.GenerateRequest(List.of(input.toString()), LocalDate.of(2026, 11, 25));
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> newsbrief.generate(request, org.newsbrief.events.EventLines.into(progress)));
    }

    @Test
    void anArticlePastItsDeadlineIsSkippedAndTheBriefingIsMadeFromTheRest() throws IOException {
        // One thread: the slow article moves the shared clock, which would age any article beside it.
        Newsbrief.GenerateReport made = generate(new ManualClock(), Duration.ofMinutes(2), 1, new ArrayList<>());

        List<SkippedInput> skipped = made.read().skipped();
        assertThat(skipped).singleElement().satisfies(skip -> {
            assertThat(skip.location()).endsWith("slow-page.txt");
            assertThat(skip.reason()).contains("article timeout of 1m");
        });
        assertThat(made.articles()).isEqualTo(15);
        assertThat(Files.readString(made.html())).contains("Rotterdam", "Reserve Bank");
    }

    @Test
    void theRunDeadlineSkipsWhatIsLeftAndStillMakesTheEdition() throws IOException {
        Newsbrief.GenerateReport made = generate(new ManualClock(), Duration.ofMinutes(20), 1, new ArrayList<>());

        List<SkippedInput> skipped = made.read().skipped();
        assertThat(skipped).anySatisfy(skip -> {
            assertThat(skip.location()).endsWith("slow-page.txt");
            assertThat(skip.reason()).contains("run timeout of 15m");
        });
        assertThat(skipped).allSatisfy(skip -> assertThat(skip.reason()).contains("run timeout of 15m"));
        assertThat(made.articles()).isPositive().isEqualTo(16 - skipped.size());
        assertThat(made.html()).exists();
    }

    @Test
    void largeRunsSayHowFarTheyGotAndSmallOnesStayQuiet() {
        ManualClock clock = new ManualClock();
        List<String> progress = new CopyOnWriteArrayList<>();
        Newsbrief newsbrief = Newsbrief.builder(TestFiles.settings("--threads", "2")).models(TestFiles.MODELS)
                .clock(clock).build();
        org.newsbrief.events.RunLog log = org.newsbrief.events.EventLines.into(progress);
        List<Article> many = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            many.add(Article.of("a" + i, "", "Rates rose on day " + i + "."));
        }

        assertThat(newsbrief.analyzeAll(many, new ArrayList<>(), log)).hasSize(2_500);
        assertThat(progress).containsExactly("analyzing 2,500 articles on 2 threads", "analyzed 1,000 of 2,500 articles",
                "analyzed 2,000 of 2,500 articles", "analyzed 2,500 of 2,500 articles");

        progress.clear();
        newsbrief.analyzeAll(many.subList(0, 999), new ArrayList<>(), log);
        assertThat(progress).isEmpty();
    }
}
