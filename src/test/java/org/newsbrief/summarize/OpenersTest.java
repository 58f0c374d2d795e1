package org.newsbrief.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.Sentence;

class OpenersTest {

    private static Sentence sentence(String text) {
        List<Sentence> sentences = SummarizerContract.ANALYZER.analyze(Article.of("o", "T", text)).sentences();
        assertThat(sentences).as(text).hasSize(1);
        return sentences.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"He left.", "She left.", "It fell sharply.", "They left.", "This was new.",
        "That was new.", "These rose.", "Those fell.", "Such cases are rare.", "His car was found.",
        "Her car was found.", "Its shares fell.", "Their car was found.", "And prices rose.", "But prices fell.",
        "So the vote failed.", "Yet prices rose.", "Still, prices rose.", "Then the vote failed.",
        "Also, prices rose.", "However, prices fell.", "Meanwhile, prices fell.", "Moreover, prices fell.",
        "Instead, prices fell.", "Both men were hurt.", "Neither man was hurt.", "There were no survivors.",
        "\"We will rebuild the town,\" he added.", "\"Nobody expected this,\" she continued.",
        "“We are abstaining because the country needs stability,” he told lawmakers before the vote.",
        "\"The talks failed,\" said she.", "Other unions will have noticed.”",
        "Other unions will have noticed.\""})
    void openersAndQuoteContinuationsPointBack(String text) {
        assertThat(Openers.pointsBack(sentence(text))).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hewlett-Packard shares rose.", "Theresa May spoke later.", "Butter prices fell.",
        "Andrew Smith won the race.", "Stillwater flooded on Monday.", "Thenceforth nothing changed.",
        "The mayor added two bus lines.", "Prices continued to rise.",
        "“We are relieved,” Maria Rossi told reporters.", "Police said they had arrested two men.",
        "“Here you have a date, a budget and a shared body to spend it.",
        "The report said its authors were independent scientists who had reviewed every claim made."})
    void othersStandAlone(String text) {
        assertThat(Openers.pointsBack(sentence(text))).as(text).isFalse();
    }
}
