package org.newsbrief.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.TestFiles;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;

class KeyNamesTest {

    private final OpenNlpTextAnalyzer analyzer = new OpenNlpTextAnalyzer(TestFiles.MODELS);

    private List<String> names(String text) {
        AnalyzedArticle article = analyzer.analyze(Article.of("t", "", text));
        return KeyNames.of(List.of(article), 10);
    }

    @Test
    void shortMentionsAreMergedIntoTheFullName() {
        List<String> names = names("Prime Minister Mohammed Shia al-Sudani met envoys in Baghdad on Monday. "
                + "Al-Sudani said the talks went well. Officials close to al-Sudani expect a deal in December.");

        assertThat(names).contains("Mohammed Shia al-Sudani", "Baghdad").doesNotContain("Monday", "December");
        assertThat(names).noneMatch(name -> name.equalsIgnoreCase("al-Sudani"));
    }

    @Test
    void capitalizedAdjectivesAndOfJoinAName() {
        List<String> names = names("The Reserve Bank of New Zealand raised rates on Wednesday. "
                + "Traders in New Zealand had expected the move.");

        assertThat(names).contains("Reserve Bank of New Zealand").doesNotContain("Zealand", "Wednesday");
    }

    @Test
    void aPossessiveEndsTheName() {
        List<String> names = names("Grain ships from Ukraine’s Black Sea ports will be insured by a pool set up in Zürich.");

        assertThat(names).contains("Ukraine", "Black Sea", "Zürich").noneMatch(name -> name.contains("’s"));
    }
}
