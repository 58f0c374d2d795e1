package org.newsbrief.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;

class AutoSummarizerTest extends SummarizerContract {

    @Override
    Summarizer summarizer() {
        return new AutoSummarizer();
    }

    @Test
    void oneArticleGoesToTheLearnedScorerAndSeveralToStoryMmr() {
        AnalyzedArticle one = ANALYZER.analyze(Article.of("one", "Rates rise", """
                The central bank raised its main rate to four per cent on Thursday. Inflation has stayed above target
                for a year. Economists had expected the move. Mortgage lenders are likely to follow within weeks."""));
        AnalyzedArticle several = StoryMmrSummarizerTest.threeReportsOfOneStrike();
        SummaryLength length = SummaryLength.words(60);

        Summary single = summarizer().summarize(one, length);
        Summary multiple = summarizer().summarize(several, length);

        assertThat(single.algorithm()).isEqualTo("auto");
        assertThat(single.sentences()).isEqualTo(new LearnedSummarizer().summarize(one, length).sentences());
        assertThat(multiple.sentences()).isEqualTo(new StoryMmrSummarizer().summarize(several, length).sentences());
    }

    @Test
    void theDefaultStoryLengthKeepsASummaryUnderSeventyFiveWords() throws Exception {
        for (var sample : samples().toList()) {
            Summary summary = summarizer().summarize(analyze(sample), SummaryLength.story());

            assertThat(summary.wordCount()).as(sample.toString()).isLessThanOrEqualTo(SummaryLength.STORY_WORDS);
            assertThat(summary.sentences()).hasSizeLessThanOrEqualTo(SummaryLength.STORY_SENTENCES);
        }
    }
}
