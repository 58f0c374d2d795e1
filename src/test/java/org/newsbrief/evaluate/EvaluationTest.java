package org.newsbrief.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.TestFiles;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.summarize.LeadSummarizer;
import org.newsbrief.summarize.SummaryLength;

class EvaluationTest {

    private final OpenNlpTextAnalyzer analyzer = new OpenNlpTextAnalyzer(TestFiles.MODELS);

    @Test
    void theBestReferenceCountsAndRecordsAreMacroAveraged() {
        // record 1: candidate "Police killed the gunman." -> [polic, kill, the, gunman]
        //   reference A "Police kill the gunman." matches all 4: F1 = 1 (B would give 3/4 and 3/6: F1 = 0.6)
        // record 2: candidate "Cats sleep." -> [cat, sleep] against "Dogs bark loudly.": F1 = 0
        Evaluation.Item first = new Evaluation.Item("1", analyzer.analyze(Article.of("1", "", "Police killed the gunman.")),
                List.of("The gunman was shot by police.", "Police kill the gunman."));
        Evaluation.Item second = new Evaluation.Item("2", analyzer.analyze(Article.of("2", "", "Cats sleep.")),
                List.of("Dogs bark loudly."));

        List<Evaluation.Result> results = new Evaluation(TestFiles.MODELS, 2)
                .run(List.of(first, second), List.of(new LeadSummarizer()), SummaryLength.sentences(1));

        Evaluation.Result lead = results.get(0);
        assertThat(lead.algorithm()).isEqualTo("lead");
        assertThat(lead.records()).isEqualTo(2);
        assertThat(lead.metric(Evaluation.Metric.ROUGE_1).f1().mean()).isCloseTo(0.5, within(1e-12));
        assertThat(lead.metric(Evaluation.Metric.ROUGE_1).precision().mean()).isCloseTo(0.5, within(1e-12));
        assertThat(lead.metric(Evaluation.Metric.ROUGE_LSUM).f1().mean()).isCloseTo(0.5, within(1e-12));
        // bigrams: polic-kill, kill-the, the-gunman all in A: F1 = 1 for record 1, 0 for record 2
        assertThat(lead.metric(Evaluation.Metric.ROUGE_2).f1().mean()).isCloseTo(0.5, within(1e-12));
        assertThat(lead.words()).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void bootstrapIntervalHoldsTheMeanAndCollapsesForConstantScores() {
        double[][] constant = {{0.4}, {0.4}, {0.4}};
        double[][] spread = new double[200][1];
        for (int i = 0; i < spread.length; i++) {
            spread[i][0] = i % 2;
        }

        Evaluation.Estimate flat = Evaluation.estimate(constant, 0);
        Evaluation.Estimate wide = Evaluation.estimate(spread, 0);

        assertThat(flat.low()).isCloseTo(0.4, within(1e-12));
        assertThat(flat.high()).isCloseTo(0.4, within(1e-12));
        assertThat(wide.mean()).isCloseTo(0.5, within(1e-12));
        assertThat(wide.low()).isBetween(0.40, 0.49);
        assertThat(wide.high()).isBetween(0.51, 0.60);
    }

    @Test
    void summariesThatPointBackOutOfContextAreCounted() {
        var article = analyzer.analyze(Article.of("p", "", "The minister resigned. He cited health reasons. Talks went on."));

        assertThat(Evaluation.leavesReaderGuessing(article, List.of(article.sentences().get(1)))).isTrue();
        assertThat(Evaluation.leavesReaderGuessing(article, article.sentences().subList(0, 2))).isFalse();
        assertThat(Evaluation.leavesReaderGuessing(article, List.of(article.sentences().get(2)))).isFalse();
    }

    @Test
    void aLineThatIsNotUtf8CostsOnlyItself(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        String good = "{\"id\":\"%s\",\"text\":\"The council approved the new bridge on Monday. Work starts in May.\","
                + "\"references\":[\"The council approved a bridge.\"]}\n";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(String.format(good, "a").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.write("{\"id\":\"b\",\"text\":\"Caf\u00e9\",\"references\":[\"x\"]}\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        bytes.write(String.format(good, "c").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.nio.file.Path dataset = folder.resolve("dev.jsonl");
        java.nio.file.Files.write(dataset, bytes.toByteArray());
        List<org.newsbrief.ingest.SkippedInput> skipped = new java.util.ArrayList<>();

        List<Evaluation.Item> items = Evaluation.read(dataset, 0, analyzer, 2, skipped::add);

        assertThat(items).extracting(Evaluation.Item::id).containsExactly("a", "c");
        assertThat(skipped).singleElement().satisfies(skip -> assertThat(skip.location()).isEqualTo(dataset + ":2"));
    }
}
