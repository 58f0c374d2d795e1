package org.newsbrief.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.TestFiles;
import org.newsbrief.events.RunLog;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.summarize.LeadSummarizer;
import org.newsbrief.summarize.SummaryLength;

class BriefingEditorTest {

    @Test
    void theIdentityEditorGivesBackTheVeryCompositionItIsGivenAndSaysNothing() {
        OpenNlpTextAnalyzer analyzer = new OpenNlpTextAnalyzer(TestFiles.MODELS);
        List<AnalyzedArticle> samples = new org.newsbrief.ingest.FileArticleSource(List.of(TestFiles.samples())).read()
                .articles().stream().map(analyzer::analyze).toList();
        BriefingComposer.Composition composition = new BriefingComposer(new LeadSummarizer(), SummaryLength.sentences(2),
                TestFiles.CLOCK).composition("Daily Briefing", LocalDate.of(2026, 11, 25), samples, article -> null, false);
        RunLog log = mock(RunLog.class);

        BriefingEditor.Edited edited = BriefingEditor.identity().edit(composition, log);

        assertThat(edited.composition()).isSameAs(composition);
        assertThat(edited.report()).isEmpty();
        verifyNoInteractions(log);
    }
}
