package org.newsbrief.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

class LearnedSummarizerTest extends SummarizerContract {

    @Override
    Summarizer summarizer() {
        return new LearnedSummarizer();
    }

    /** A model that weighs one feature only. */
    private static ScorerModel only(String feature, double weight) {
        List<Double> weights = new ArrayList<>(Collections.nCopies(NewsFeatures.NAMES.size(), 0.0));
        weights.set(NewsFeatures.NAMES.indexOf(feature), weight);
        return new ScorerModel(List.of("test"), 0, weights);
    }

    @Test
    void theShippedModelLoadsWithEveryFeature() {
        ScorerModel model = ScorerModel.shipped();

        assertThat(model.weights()).hasSize(NewsFeatures.NAMES.size());
        assertThat(model.comments()).anyMatch(line -> line.startsWith("data: cnndm-dev.jsonl sha256 "))
                .anyMatch(line -> line.startsWith("command: newsbrief train scorer"));
    }

    @Test
    void sentencesAreChosenByWhatTheModelWeighs() {
        AnalyzedArticle article = ANALYZER.analyze(Article.of("q", "T", """
                The council met on Tuesday evening. Members discussed the budget for next year.
                "We cannot afford new roads," the treasurer said. The vote was postponed."""));

        List<String> quotes = new LearnedSummarizer(only("quotation", 5)).summarize(article, SummaryLength.sentences(1))
                .texts();
        List<String> first = new LearnedSummarizer(only("first", 5)).summarize(article, SummaryLength.sentences(1))
                .texts();

        assertThat(quotes).containsExactly("\"We cannot afford new roads,\" the treasurer said.");
        assertThat(first).containsExactly("The council met on Tuesday evening.");
    }

    @Test
    void aSentenceThatPointsBackComesWithItsPredecessor() {
        AnalyzedArticle article = ANALYZER.analyze(Article.of("p", "T", """
                The minister resigned on Friday. Markets barely moved. And the opposition called for an election.
                Analysts expect a vote in spring."""));

        List<String> summary = new LearnedSummarizer(only("points_back", 5)).summarize(article,
                SummaryLength.sentences(2)).texts();

        assertThat(summary).containsExactly("Markets barely moved.", "And the opposition called for an election.");
    }

    @Test
    void featuresDescribeEachSentence() {
        AnalyzedArticle article = ANALYZER.analyze(Article.of("f", "Port strike ends", """
                The port strike ended on Monday. "It is over," a union leader said.
                Some 4,300 workers return on Tuesday."""));
        double[][] rows = NewsFeatures.of(article);
        List<Sentence> sentences = article.sentences();

        assertThat(rows).hasNumberOfRows(sentences.size());
        assertThat(rows[0][NewsFeatures.NAMES.indexOf("first")]).isEqualTo(1);
        assertThat(rows[0][NewsFeatures.NAMES.indexOf("title_overlap")]).isGreaterThan(0.5);
        assertThat(rows[1][NewsFeatures.NAMES.indexOf("quotation")]).isEqualTo(1);
        assertThat(rows[1][NewsFeatures.NAMES.indexOf("attribution")]).isEqualTo(1);
        assertThat(rows[2][NewsFeatures.NAMES.indexOf("numbers")]).isEqualTo(1);
        assertThat(rows[2][NewsFeatures.NAMES.indexOf("title_overlap")]).isZero();
    }
}
