package org.newsbrief.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;

class MmrSummarizerTest extends SummarizerContract {

    @Override
    Summarizer summarizer() {
        return new MmrSummarizer();
    }

    @Test
    void secondPickIsNovelRatherThanARepeat() {
        AnalyzedArticle article = ANALYZER.analyze(Article.of("mmr", "T", """
                The central bank raised its main interest rate to four percent on Thursday.
                On Thursday the central bank raised its main interest rate to four percent.
                Mortgage lenders said monthly repayments would climb for most households.
                The weather stayed mild across the north of the country.
                """));
        SentenceScorer firstTwoBest = a -> new double[] {1.0, 0.99, 0.5, 0.1};

        List<String> chosen = new MmrSummarizer(firstTwoBest, 0.5, "test").summarize(article, SummaryLength.sentences(2)).texts();

        assertThat(chosen).hasSize(2).contains("Mortgage lenders said monthly repayments would climb for most households.");
    }

    @Test
    void lambdaMustBeAWeight() {
        assertThatThrownBy(() -> new MmrSummarizer(new LeadSummarizer(), 1.5, "x")).hasMessageContaining("lambda");
    }
}
