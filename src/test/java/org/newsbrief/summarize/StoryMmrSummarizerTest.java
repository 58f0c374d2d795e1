package org.newsbrief.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;

class StoryMmrSummarizerTest extends SummarizerContract {

    @Override
    Summarizer summarizer() {
        return new StoryMmrSummarizer();
    }

    static AnalyzedArticle threeReportsOfOneStrike() {
        AnalyzedArticle first = ANALYZER.analyze(Article.of("a", "Port strike ends", """
                Dockworkers at the Port of Rotterdam agreed to end the nine-day strike on Monday after a pay deal.
                The agreement gives 4,300 workers a rise of 7.2 per cent over two years.
                They will return to work on Tuesday morning."""));
        AnalyzedArticle second = ANALYZER.analyze(Article.of("b", "Rotterdam strike over", """
                Rotterdam dockworkers voted on Monday for a pay deal, ending a nine-day strike at the port.
                Retailers warned that shelves could stay thin until December."""));
        AnalyzedArticle third = ANALYZER.analyze(Article.of("c", "Ships wait", """
                Dozens of ships still wait offshore after a nine-day dockworkers' strike at Rotterdam that ended Monday.
                Shipping lines expect delays to last a week."""));
        return AnalyzedArticle.combine(Article.of("event", "", ""), List.of(first, second, third));
    }

    @Test
    void oneFactIsNotToldTwiceAcrossReports() {
        List<String> summary = summarizer().summarize(threeReportsOfOneStrike(), SummaryLength.words(100)).texts();

        assertThat(summary.stream().filter(text -> text.contains("nine-day"))).hasSize(1);
        assertThat(summary).hasSizeGreaterThan(1);
    }

    @Test
    void aSentenceThatPointsBackIsPassedOverForOneThatStandsAlone() {
        List<String> summary = summarizer().summarize(threeReportsOfOneStrike(), SummaryLength.words(100)).texts();

        assertThat(summary).doesNotContain("They will return to work on Tuesday morning.");
    }

    @Test
    void theWordBudgetIsFilledWithWholeSentences() {
        Summary summary = summarizer().summarize(threeReportsOfOneStrike(), SummaryLength.words(40));

        assertThat(summary.wordCount()).isLessThanOrEqualTo(40).isGreaterThan(20);
    }
}
