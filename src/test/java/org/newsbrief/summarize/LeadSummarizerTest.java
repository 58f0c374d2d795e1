package org.newsbrief.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;

class LeadSummarizerTest extends SummarizerContract {

    @Override
    Summarizer summarizer() {
        return new LeadSummarizer();
    }

    @Test
    void takesTheFirstSentences() {
        AnalyzedArticle article = ANALYZER.analyze(Article.of("lead", "T",
                "One is first. Two is second. Three is third.\n\nFour is fourth."));

        assertThat(summarizer().summarize(article, SummaryLength.sentences(2)).texts())
                .containsExactly("One is first.", "Two is second.");
    }

    @Test
    void wordBudgetSkipsASentenceThatWouldOverflow() {
        AnalyzedArticle article = ANALYZER.analyze(Article.of("lead", "T",
                "Short one here. This second sentence is much longer than the budget allows. Tiny end."));

        assertThat(summarizer().summarize(article, SummaryLength.words(6)).texts())
                .containsExactly("Short one here.", "Tiny end.");
    }
}
