package org.newsbrief.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.TestFiles;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.summarize.LeadSummarizer;
import org.newsbrief.summarize.SummaryLength;

class BriefingComposerTest {

    private final OpenNlpTextAnalyzer analyzer = new OpenNlpTextAnalyzer(TestFiles.MODELS);
    private final BriefingComposer composer =
            new BriefingComposer(new LeadSummarizer(), SummaryLength.sentences(2), TestFiles.CLOCK);

    @Test
    void itemsAreSummarizedAndOrderedNewestFirstWithUndatedLast() {
        Briefing briefing = composer.compose("Morning Brief", LocalDate.of(2026, 11, 25), List.of(
                analyze("old.txt", "Older Story", LocalDate.of(2026, 11, 23), "Old news came first. It is old."),
                analyze("undated.txt", "Undated Story", null, "Nobody knows when. It just is."),
                analyze("new.txt", "Newer Story", LocalDate.of(2026, 11, 25), "Fresh news arrived. It is new. More.")));

        assertThat(briefing.title()).isEqualTo("Morning Brief");
        assertThat(briefing.generatedAt().getZone()).isEqualTo(TestFiles.CLOCK.getZone());
        assertThat(briefing.items()).extracting(BriefingItem::title)
                .containsExactly("Newer Story", "Older Story", "Undated Story");
        assertThat(briefing.items().get(0).summary()).containsExactly("Fresh news arrived.", "It is new.");
        assertThat(briefing.items().get(0).source()).isEqualTo("Wire");
    }

    @Test
    void untitledArticleIsHeadedByItsOpeningWords() {
        AnalyzedArticle untitled = analyze("untitled.txt", "", null,
                "The regional council approved a new tram line through the old harbour district on Monday evening.");
        AnalyzedArticle empty = analyze("notes/only-heading.txt", "", null, "A Heading Only");

        assertThat(BriefingComposer.headline(untitled))
                .isEqualTo("The regional council approved a new tram line through the old harbour …");
        assertThat(BriefingComposer.headline(empty)).isEqualTo("A Heading Only");
    }

    private AnalyzedArticle analyze(String origin, String title, LocalDate date, String text) {
        return analyzer.analyze(new Article(origin, title, "Wire", date, "https://wire.example/" + origin, text, origin));
    }
}
