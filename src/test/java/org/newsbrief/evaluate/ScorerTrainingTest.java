package org.newsbrief.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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

        String first = ScorerTraining.fit(examples, List.of("x")).format();
        String second = ScorerTraining.fit(examples, List.of("x")).format();

        assertThat(second).isEqualTo(first);
        assertThat(ScorerTraining.fit(examples, List.of()).weights().get(0)).isPositive();
    }
}
