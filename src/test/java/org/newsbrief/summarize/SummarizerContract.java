package org.newsbrief.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsbrief.TestFiles;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.FileArticleSource;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.nlp.Sentence;

/** What every summarizer promises; each implementation's test extends this. */
abstract class SummarizerContract {

    static final OpenNlpTextAnalyzer ANALYZER = new OpenNlpTextAnalyzer(TestFiles.MODELS);

    /** @return a new instance of the summarizer under test */
    abstract Summarizer summarizer();

    static Stream<Path> samples() throws Exception {
        try (Stream<Path> files = Files.list(TestFiles.samples())) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    static AnalyzedArticle analyze(Path file) {
        List<Article> articles = FileArticleSource.readFile(file).articles();
        assertThat(articles).as("articles in " + file).hasSize(1);
        return ANALYZER.analyze(articles.get(0));
    }

    @Test
    void emptyInGivesEmptyOut() {
        AnalyzedArticle empty = ANALYZER.analyze(Article.of("empty", "Only a Title", "A Heading Without Prose"));

        assertThat(empty.sentences()).isEmpty();
        assertThat(summarizer().summarize(empty, SummaryLength.sentences(3)).isEmpty()).isTrue();
        assertThat(summarizer().summarize(empty, SummaryLength.words(50)).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void neverMoreSentencesThanAsked(Path sample) {
        AnalyzedArticle article = analyze(sample);
        for (int k = 1; k <= 5; k++) {
            Summary summary = summarizer().summarize(article, SummaryLength.sentences(k));
            assertThat(summary.sentences()).hasSize(Math.min(k, article.sentences().size()));
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void neverMoreWordsThanAsked(Path sample) {
        AnalyzedArticle article = analyze(sample);
        for (int budget : new int[] {5, 25, 60, 120}) {
            Summary summary = summarizer().summarize(article, SummaryLength.words(budget));
            assertThat(summary.wordCount()).isLessThanOrEqualTo(budget);
            if (budget >= 60) {
                assertThat(summary.sentences()).as("a budget this size fits a sentence").isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sentencesComeVerbatimAndInDocumentOrder(Path sample) {
        AnalyzedArticle article = analyze(sample);
        Summary summary = summarizer().summarize(article, SummaryLength.sentences(4));

        List<Integer> indexes = summary.sentences().stream().map(Sentence::index).toList();
        assertThat(indexes).isSorted().doesNotHaveDuplicates();
        for (Sentence sentence : summary.sentences()) {
            assertThat(article.sentences()).contains(sentence);
            assertThat(article.text().substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
        }
        assertThat(summary.algorithm()).isEqualTo(summarizer().name());
    }

    @Test
    void sameInputGivesTheSameSummary() throws Exception {
        AnalyzedArticle article = analyze(samples().findFirst().orElseThrow());

        assertThat(summarizer().summarize(article, SummaryLength.sentences(3)))
                .isEqualTo(summarizer().summarize(article, SummaryLength.sentences(3)));
    }
}
