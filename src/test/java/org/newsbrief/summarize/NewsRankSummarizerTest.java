package org.newsbrief.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

class NewsRankSummarizerTest extends SummarizerContract {

    @Override
    Summarizer summarizer() {
        return new NewsRankSummarizer();
    }

    @Test
    void aSentenceThatPointsBackComesWithItsPredecessorOrNotAtAll() throws Exception {
        for (Path sample : samples().toList()) {
            AnalyzedArticle article = analyze(sample);
            for (int k = 1; k <= 5; k++) {
                List<Sentence> summary = summarizer().summarize(article, SummaryLength.sentences(k)).sentences();
                for (Sentence sentence : summary) {
                    if (Openers.pointsBack(sentence) && sentence.index() > 0) {
                        assertThat(summary).as(sample + ": context of '" + sentence.text() + "'")
                                .contains(article.sentences().get(sentence.index() - 1));
                    }
                }
            }
        }
    }

    @Test
    void pointingBackOpenersAreRecognized() {
        AnalyzedArticle article = ANALYZER.analyze(Article.of("openers", "T", """
                The minister resigned on Friday. He said the decision was his own. However, allies doubted it.
                “This is a sad day,” a colleague said. In addition, two aides left. Hewlett-Packard shares rose.
                Theresa May spoke later. Butter prices fell."""));

        assertThat(article.sentences()).extracting(Openers::pointsBack)
                .containsExactly(false, true, true, true, true, false, false, false);
    }

    @Test
    void nearDuplicateSentencesFromTwoOutletsAreNotBothChosen() {
        AnalyzedArticle first = ANALYZER.analyze(Article.of("a", "Port strike ends", """
                Dockworkers at the Port of Rotterdam ended their nine-day strike on Monday after a pay deal.
                The agreement gives 4,300 workers a rise of 7.2 per cent over two years.
                Shipping lines said dozens of vessels were still waiting offshore."""));
        AnalyzedArticle second = ANALYZER.analyze(Article.of("b", "Rotterdam strike over", """
                Dockworkers at the Port of Rotterdam ended their nine-day strike on Monday following a pay deal.
                Retailers warned that shelves could stay thin until December.
                The union will ballot its members on the agreement next week."""));
        AnalyzedArticle both = AnalyzedArticle.combine(Article.of("event", "", ""), List.of(first, second));

        List<String> summary = summarizer().summarize(both, SummaryLength.sentences(4)).texts();

        assertThat(summary).hasSize(4);
        assertThat(summary.stream().filter(s -> s.startsWith("Dockworkers at the Port of Rotterdam ended"))).hasSize(1);
    }

    @Test
    void byteBudgetIsNeverExceeded() throws Exception {
        for (Path sample : samples().toList()) {
            AnalyzedArticle article = analyze(sample);
            for (int budget : new int[] {120, 300, 665}) {
                Summary summary = summarizer().summarize(article, SummaryLength.bytes(budget));
                assertThat(String.join(" ", summary.texts()).getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(budget);
                if (budget == 665) {
                    assertThat(summary.sentences()).isNotEmpty();
                }
            }
        }
    }

    @Test
    void ratioTakesAShareOfTheSentences() throws Exception {
        AnalyzedArticle article = analyze(samples().findFirst().orElseThrow());
        int n = article.sentences().size();

        assertThat(summarizer().summarize(article, SummaryLength.ratio(0.25)).sentences())
                .hasSizeLessThanOrEqualTo(Math.max(1, (int) Math.round(0.25 * n)));
        assertThat(Files.exists(samples().findFirst().orElseThrow())).isTrue();
    }
}
