package org.newsbrief.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        return ScorerModel.uniform(List.of("test"), new ScorerModel.Part(0, 0, weights));
    }

    @Test
    void theShippedModelLoadsWithEveryFeature() {
        ScorerModel model = ScorerModel.shipped();

        assertThat(model.flat().weights()).hasSize(NewsFeatures.NAMES.size());
        assertThat(model.paragraphed().weights()).hasSize(NewsFeatures.NAMES.size());
        assertThat(model.comments()).anyMatch(line -> line.startsWith("data: cnndm-dev.jsonl sha256 "))
                .anyMatch(line -> line.startsWith("data: bbc-news-summary.jsonl sha256 "))
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
    void aSentenceThatRetellsAnEarlierOneGivesWayToIt() {
        AnalyzedArticle article = ANALYZER.analyze(Article.of("r", "T", """
                The port strike ended on Monday after nine days. Ships queued offshore for a week.
                The port strike ended on Monday after nine days of talks."""));

        List<String> summary = new LearnedSummarizer(only("third", 5)).summarize(article, SummaryLength.sentences(1))
                .texts();

        assertThat(summary).containsExactly("The port strike ended on Monday after nine days.");
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
        // the lede-weighted features count in full for the first sentence, by a third for the third
        assertThat(rows[1][NewsFeatures.NAMES.indexOf("lead_quotation")]).isEqualTo(0.5);
        assertThat(rows[2][NewsFeatures.NAMES.indexOf("lead_words")])
                .isCloseTo(rows[2][NewsFeatures.NAMES.indexOf("words")] / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rows[0][NewsFeatures.NAMES.indexOf("first_similarity")]).isZero();
    }

    @Test
    void aSentenceRetellingTheFirstIsCloserToItThanOneAboutSomethingElse() {
        AnalyzedArticle article = ANALYZER.analyze(Article.of("s", "T", """
                The port strike ended on Monday after nine days. Gulls circled the empty cranes.
                Dockers said the strike at the port ended with a pay rise."""));
        double[][] rows = NewsFeatures.of(article);
        int similarity = NewsFeatures.NAMES.indexOf("first_similarity");

        assertThat(rows[2][similarity]).isGreaterThan(rows[1][similarity]);
    }

    @Test
    void anArticleInParagraphsIsScoredByTheParagraphedPart() {
        AnalyzedArticle flat = ANALYZER.analyze(Article.of("a", "T", "The council met. The vote was postponed."));
        AnalyzedArticle paragraphed = ANALYZER.analyze(Article.of("b", "T",
                "The council met.\n\nThe vote was postponed."));
        List<Double> none = Collections.nCopies(NewsFeatures.NAMES.size(), 0.0);
        List<Double> second = new ArrayList<>(none);
        second.set(NewsFeatures.NAMES.indexOf("second"), 5.0);
        ScorerModel model = new ScorerModel(List.of(), new ScorerModel.Part(0, 0, none),
                new ScorerModel.Part(0, 0, second));

        assertThat(ScorerModel.Form.of(flat)).isEqualTo(ScorerModel.Form.FLAT);
        assertThat(ScorerModel.Form.of(paragraphed)).isEqualTo(ScorerModel.Form.PARAGRAPHED);
        assertThat(new LearnedSummarizer(model).summarize(paragraphed, SummaryLength.sentences(1)).texts())
                .containsExactly("The vote was postponed.");
        assertThat(new LearnedSummarizer(model).summarize(flat, SummaryLength.sentences(1)).texts())
                .containsExactly("The council met.");
    }

    @Test
    void aLengthExponentPrefersTheLongerOfTwoEquallyLikelySentences() {
        AnalyzedArticle article = ANALYZER.analyze(Article.of("l", "T",
                "Rain fell.\n\nThe river rose above its banks in three villages overnight, and roads were shut."));
        List<Double> none = Collections.nCopies(NewsFeatures.NAMES.size(), 0.0);
        ScorerModel plain = ScorerModel.uniform(List.of(), new ScorerModel.Part(0, 0, none));
        ScorerModel longer = ScorerModel.uniform(List.of(), new ScorerModel.Part(1, 0, none));

        assertThat(new LearnedSummarizer(plain).summarize(article, SummaryLength.sentences(1)).texts())
                .containsExactly("Rain fell.");
        assertThat(new LearnedSummarizer(longer).summarize(article, SummaryLength.sentences(1)).texts())
                .containsExactly("The river rose above its banks in three villages overnight, and roads were shut.");
    }

    @Test
    void aModelFileWithoutBothSectionsIsRefusedByName() {
        String text = ScorerModel.shipped().format();
        String flatOnly = text.substring(0, text.indexOf("\n[paragraphed]\n") + 1);

        assertThatThrownBy(() -> ScorerModel.read(
                new java.io.ByteArrayInputStream(flatOnly.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "m.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m.txt")
                .hasMessageContaining("[paragraphed]");
    }
}
