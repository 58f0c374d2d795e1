package org.newsbrief.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.summarize.ScorerModel;

class ScorerTrainingTest {

    private final Rouge rouge = new Rouge();

    @Test
    void theOracleTakesTheSentencesThatRaiseRougeAndStopsWhenNoneDoes() {
        List<List<String>> sentences = List.of(
                rouge.tokens("The weather was mild all week."),
                rouge.tokens("The port strike ended on Monday after nine days."),
                rouge.tokens("Workers get a pay rise of seven per cent."),
                rouge.tokens("The port strike ended on Monday after nine days of talks."));
        List<String> reference = rouge.tokens("Port strike ended Monday after nine days. Workers get seven per cent.");

        assertThat(ScorerTraining.oracle(sentences, reference)).containsExactly(1, 2);
    }

    @Test
    void fittingTheSameExamplesGivesTheSameModel() {
        double[] positive = new double[org.newsbrief.summarize.NewsFeatures.NAMES.size()];
        double[] negative = positive.clone();
        positive[0] = 1;
        ScorerTraining.Examples examples = new ScorerTraining.Examples(List.of(positive, negative, negative),
                List.of(1, 0, 0));

        ScorerModel.Part first = ScorerTraining.fit(examples);
        ScorerModel.Part second = ScorerTraining.fit(examples);

        assertThat(second).isEqualTo(first);
        assertThat(first.weights().get(0)).isPositive();
    }

    @Test
    void anExtractiveReferenceLabelsTheSentencesItContains() {
        var analyzer = new org.newsbrief.nlp.OpenNlpTextAnalyzer(new org.newsbrief.nlp.NlpModels());
        var article = analyzer.analyze(org.newsbrief.ingest.Article.of("x", "T",
                "The port strike ended on Monday.\n\nThe weather was mild.\n\nWorkers get a pay rise of seven per cent."));
        var extractive = new Evaluation.Item("x", article,
                List.of("The port strike ended on Monday.Workers get a pay rise of seven per cent."));
        var abstractive = new Evaluation.Item("y", article, List.of("Dockers win a raise as their walkout ends."));

        assertThat(ScorerTraining.labels(extractive, rouge)).containsExactly(true, false, true);
        assertThat(ScorerTraining.extractive(article.sentences(), "Dockers win a raise as their walkout ends."))
                .isNull();
        assertThat(ScorerTraining.labels(abstractive, rouge)).contains(true);
    }
}
