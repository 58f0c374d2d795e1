package org.newsbrief.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;

class TextRankSummarizerTest extends SummarizerContract {

    @Override
    Summarizer summarizer() {
        return new TextRankSummarizer();
    }

    @Test
    void similarityIsSharedWordsOverSummedLogLengths() {
        double[][] weights = TextRankSummarizer.similarities(List.of(
                List.of("port", "strike", "end"),
                List.of("port", "strike", "talk", "resum"),
                List.of("weather", "fine")));

        assertThat(weights[0][1]).isCloseTo(2 / (Math.log(3) + Math.log(4)), within(1e-12));
        assertThat(weights[1][0]).isEqualTo(weights[0][1]);
        assertThat(weights[0][2]).isZero();
        assertThat(weights[0][0]).isZero();
    }

    @Test
    void pageRankFavoursTheHubOfAStar() {
        double[][] star = {
            {0, 1, 1, 1},
            {1, 0, 0, 0},
            {1, 0, 0, 0},
            {1, 0, 0, 0},
        };

        double[] scores = TextRankSummarizer.pageRank(star);

        assertThat(scores[0]).isGreaterThan(scores[1]);
        assertThat(scores[1]).isCloseTo(scores[2], within(1e-9));
        assertThat(scores[0] + scores[1] + scores[2] + scores[3]).isCloseTo(4.0, within(1e-3));
    }

    @Test
    void picksTheSentenceThatSharesMostWithTheRest() {
        AnalyzedArticle article = ANALYZER.analyze(Article.of("central", "T", """
                The weather in the valley was mild on Sunday.
                Dockworkers ended the port strike after the union accepted a wage deal.
                The union said the port strike deal raises wages by six percent.
                Port operators welcomed the end of the strike and the wage deal.
                A local bakery opened a new shop near the station.
                """));

        List<String> chosen = summarizer().summarize(article, SummaryLength.sentences(1)).texts();

        assertThat(chosen).hasSize(1);
        assertThat(chosen.get(0)).containsAnyOf("port strike", "strike and the wage deal");
    }
}
