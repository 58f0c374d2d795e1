package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.compose.Story;
import org.newsbrief.ingest.FileArticleSource;
import org.newsbrief.ingest.IngestResult;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.summarize.SummaryLength;
import org.newsbrief.summarize.Algorithm;

class MainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TestFiles.run(out, err, args);
    }

    private List<String> outLines() {
        return out.toString().lines().toList();
    }

    @Test
    void summarizeSeedPrintsThreeWholeSentences() {
        Path seed = TestFiles.shared("seed/seed-article.txt");

        int code = run("summarize", seed.toString(), "--sentences", "3");

        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(outLines()).hasSize(3).allSatisfy(line -> {
            assertThat(line).doesNotContain("Published:", "Related articles", "Recent articles", "Conclusion",
                    "Iraqi Forces Strike a Major Blow", "The Operation: A Coordinated Effort");
            assertThat(line).matches("[\\p{Lu}\"“].*[.!?]['\"”’]?");
        });
    }

    @Test
    void summarizeScrapedSamplePrintsSentencesNotHeadings() throws IOException {
        Path sample = TestFiles.samples().resolve("scraped-drone-delivery.txt");
        String raw = Files.readString(sample);

        int code = run("summarize", sample.toString(), "--sentences", "3", "--algorithm", "lead");

        assertThat(code).isZero();
        assertThat(outLines()).hasSize(3).allSatisfy(line -> {
            assertThat(raw).contains(line);
            assertThat(line).doesNotContain("Published:").doesNotStartWith("Hospital Drones");
        });
    }

    @Test
    void wordBudgetIsRespected() {
        int code = run("summarize", TestFiles.samples().resolve("portugal-budget-passes-meridian-post.txt").toString(),
                "--words", "40");

        assertThat(code).isZero();
        int words = outLines().stream().mapToInt(line -> line.split("\\s+").length).sum();
        assertThat(words).isBetween(1, 40);
    }

    @Test
    void severalFilesGetHeadersAndBadOnesOneLineErrorsWhileTheRestComeOut() throws IOException {
        Path good = TestFiles.samples().resolve("portugal-budget-passes-meridian-post.txt");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path binary = Files.write(dir.resolve("blob.bin"), new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 7});
        Path missing = dir.resolve("missing.txt");
        Path jsonl = Files.writeString(dir.resolve("feed.jsonl"),
                "{\"id\": \"a\", \"text\": \"A first record is here. It has two sentences.\"}\n{oops\n");

        int code = run("summarize", empty.toString(), good.toString(), binary.toString(), missing.toString(),
                jsonl.toString(), "--sentences", "2");

        assertThat(code).as("something usable was read").isZero();
        assertThat(err.toString().lines()).containsExactly(
                "newsbrief: " + empty + ": empty file",
                "newsbrief: " + binary + ": binary file, not text",
                "newsbrief: " + missing + ": no such file",
                "newsbrief: " + jsonl + ":2: malformed JSON: " + err.toString().lines().toList().get(3)
                        .replaceFirst(".*malformed JSON: ", ""));
        assertThat(out.toString()).contains("==> " + good + " <==", "==> " + jsonl + ":1 <==",
                "A first record is here.");
    }

    @Test
    void batchKeepsIdsAndOrderAndNamesBadLines() throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), String.join("\n",
                "{\"id\": \"first\", \"title\": \"One\", \"text\": \"Alpha leads here. Beta follows on. Gamma ends it.\"}",
                "{\"id\": \"second\", \"text\": ",
                "{\"id\": \"third\", \"text\": \"Delta starts. Epsilon continues. Zeta closes.\", \"ignored\": [1, 2]}",
                "") + "\n", StandardCharsets.UTF_8);
        Path output = dir.resolve("out.jsonl");

        int code = run("summarize", "--input", in.toString(), "--output", output.toString(), "--sentences", "2");

        assertThat(code).as("something usable was read").isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("first");
        assertThat(first.get("sentences")).hasSize(2);
        assertThat(first.get("summary").asText()).isEqualTo(
                first.get("sentences").get(0).asText() + "\n" + first.get("sentences").get(1).asText());
        assertThat(JSON.readTree(lines.get(1)).get("id").asText()).isEqualTo("third");
        assertThat(err.toString()).contains("newsbrief: skipped " + in + ":2: malformed JSON")
                .contains("summarized 2 of 3 records");
    }

    @Test
    void batchOnTheBbcSetWritesOneLinePerRecordInOrder() throws IOException {
        Path bbc = TestFiles.shared("datasets/bbc-news-summary.jsonl");
        Path output = dir.resolve("bbc.jsonl");

        int code = run("summarize", "--input", bbc.toString(), "--output", output.toString(), "--sentences", "3");

        assertThat(code).isZero();
        List<String> inputIds = new ArrayList<>();
        for (String line : Files.readAllLines(bbc)) {
            inputIds.add(JSON.readTree(line).get("id").asText());
        }
        List<String> outputIds = new ArrayList<>();
        for (String line : Files.readAllLines(output)) {
            JsonNode node = JSON.readTree(line);
            outputIds.add(node.get("id").asText());
            assertThat(node.get("sentences").size()).isBetween(1, 3);
        }
        assertThat(inputIds).hasSize(2225);
        assertThat(outputIds).isEqualTo(inputIds);
    }

    @Test
    void generateOnSamplesPutsEveryTitleAndSummaryInThePdf() throws IOException {
        Path outDir = dir.resolve("out");

        int code = run("generate", TestFiles.samples().toString(), "--out", outDir.toString(), "--date", "2026-11-25",
                "--templates", TestFiles.templates().toString());

        assertThat(code).as(err.toString()).isZero();
        Path pdf = outDir.resolve("briefing-2026-11-25.pdf");
        Path html = outDir.resolve("briefing-2026-11-25.html");
        assertThat(outLines()).contains("wrote " + pdf, "wrote " + html);
        String pdfText = TestFiles.pdfText(pdf);
        String htmlText = Files.readString(html);
        IngestResult samples = new FileArticleSource(List.of(TestFiles.samples())).read();
        OpenNlpTextAnalyzer analyzer = new OpenNlpTextAnalyzer(TestFiles.MODELS);
        assertThat(samples.articles()).hasSizeGreaterThanOrEqualTo(12);
        List<AnalyzedArticle> analyzed = samples.articles().stream().map(analyzer::analyze).toList();
        for (AnalyzedArticle article : analyzed) {
            assertThat(pdfText).contains(TestFiles.normalizeSpace(article.title()));
            assertThat(htmlText).contains(article.title().replace("&", "&amp;"));
        }
        Briefing briefing = new BriefingComposer(Algorithm.defaultAlgorithm().create(), SummaryLength.story(),
                TestFiles.CLOCK).compose("Daily Briefing", java.time.LocalDate.of(2026, 11, 25), analyzed);
        assertThat(briefing.stories()).hasSizeLessThan(analyzed.size());
        for (Story story : briefing.stories()) {
            assertThat(story.summary()).isNotEmpty();
            for (String sentence : story.summary()) {
                assertThat(pdfText).contains(TestFiles.normalizeSpace(sentence));
            }
        }
        assertThat(pdfText).contains("Zürich", "São Paulo", "العراق", "Киев", "Page 1 of");
    }

    @Test
    void anArticleWithoutAnOutletHasNoPlaceholderInAnyFormat() throws IOException {
        // a scraped page whose outlet and date are not given
        Path article = TestFiles.samples().resolve("scraped-drone-delivery.txt");
        Path outDir = dir.resolve("unsourced");

        int code = run("generate", article.toString(), "--out", outDir.toString(), "--date", "2026-11-25",
                "--format", "pdf,html,md,txt");

        assertThat(code).as(err.toString()).isZero();
        String pdf = TestFiles.pdfText(outDir.resolve("briefing-2026-11-25.pdf"));
        String html = Files.readString(outDir.resolve("briefing-2026-11-25.html"));
        String md = Files.readString(outDir.resolve("briefing-2026-11-25.md"));
        String txt = Files.readString(outDir.resolve("briefing-2026-11-25.txt"));
        for (String page : List.of(pdf, html, md, txt)) {
            assertThat(page).contains("Hospital Drones Cut Blood Sample Delivery Times").doesNotContain("Source not given",
                    "Reported by");
        }
        assertThat(html).doesNotContain("<span class=\"link-outlet\">", "<span class=\"source\">", "<p class=\"byline\">");
        assertThat(md).doesNotContain("\n**\n", "\n- : ");
        assertThat(txt).doesNotContain("\n- : ").contains("\n- Hospital Drones Cut Blood Sample Delivery Times");
    }

    @Test
    void groupedStoriesListEveryOutletOfAnEvent() throws IOException {
        Path outDir = dir.resolve("grouped");

        int code = run("generate", TestFiles.samples().toString(), "--out", outDir.toString(), "--date", "2026-11-25",
                "--format", "pdf,md,txt");

        assertThat(code).as(err.toString()).isZero();
        String pdfText = TestFiles.pdfText(outDir.resolve("briefing-2026-11-25.pdf"));
        assertThat(pdfText).contains("10 stories", "Reported by The Harbour Times, Meridian Post and Northern Ledger",
                "Reported by Coastline Daily, Continental Wire and Meridian Post",
                "Reported by Coastline Daily and Pacific Dispatch");
        assertThat(Files.readString(outDir.resolve("briefing-2026-11-25.md"))).startsWith("# Daily Briefing")
                .contains("## Executive summary", "### ");
        assertThat(Files.readString(outDir.resolve("briefing-2026-11-25.txt"))).startsWith("DAILY BRIEFING")
                .contains("EXECUTIVE SUMMARY");
        assertThat(outDir.resolve("briefing-2026-11-25.html")).doesNotExist();
    }

    @Test
    void withoutGroupingEveryArticleIsItsOwnStoryAndCapsApply() throws IOException {
        Path outDir = dir.resolve("apart");

        int code = run("generate", TestFiles.samples().toString(), "--out", outDir.toString(), "--date", "2026-11-25",
                "--no-group-stories", "--format", "md");
        int capped = run("generate", TestFiles.samples().toString(), "--out", dir.resolve("capped").toString(),
                "--date", "2026-11-25", "--max-stories", "3", "--format", "md");

        assertThat(code).as(err.toString()).isZero();
        assertThat(capped).as(err.toString()).isZero();
        String apart = Files.readString(outDir.resolve("briefing-2026-11-25.md"));
        assertThat(apart).doesNotContain("Reported by Meridian Post, The Harbour Times");
        assertThat(apart.lines().filter(line -> line.startsWith("### "))).hasSize(15);
        assertThat(Files.readString(dir.resolve("capped/briefing-2026-11-25.md")).lines()
                .filter(line -> line.startsWith("### "))).hasSize(3);
        assertThat(run("generate", TestFiles.samples().toString(), "--max-stories", "0")).isEqualTo(2);
    }

    @Test
    void generateReportsSkippedInputsAndStillWritesTheBriefing() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.md"), "");
        Path outDir = dir.resolve("out");

        int code = run("generate", empty.toString(),
                TestFiles.samples().resolve("portugal-budget-passes-meridian-post.txt").toString(),
                "--out", outDir.toString(), "--date", "2026-11-25");

        assertThat(code).as("something usable was read").isZero();
        assertThat(err.toString()).contains("newsbrief: skipped " + empty + ": empty file")
                .contains("newsbrief: read 1 article from 2 sources; skipped 1");
        assertThat(outDir.resolve("briefing-2026-11-25.pdf")).exists();
        assertThat(out.toString()).contains("1 story from 1 article in the briefing");
    }

    @Test
    void generateWithNothingReadableFailsWithOneLine() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");

        int code = run("generate", empty.toString(), "--out", dir.resolve("out").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines()).last().asString()
                .isEqualTo("newsbrief: no article could be read (read 0 articles from 1 source; skipped 1)");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void batchWithMissingInputOrUnwritableOutputFailsWithOneLine() throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\": 1, \"text\": \"One line here.\"}\n");

        assertThat(run("summarize", "--input", dir.resolve("nope.jsonl").toString())).isEqualTo(1);
        assertThat(run("summarize", "--input", in.toString(), "--output", dir.resolve("no/such/out.jsonl").toString()))
                .isEqualTo(1);

        assertThat(err.toString().lines()).containsExactly(
                "newsbrief: " + dir.resolve("nope.jsonl") + ": no such file",
                "newsbrief: " + dir.resolve("no/such/out.jsonl") + ": no such file or folder");
    }

    @Test
    void multiDocumentRecordsGetOneSummaryWithoutRepeats() throws IOException {
        Path output = dir.resolve("multi.jsonl");

        int code = run("summarize", "--input", "src/test/resources/eval-mini.jsonl", "--output", output.toString(),
                "--sentences", "3");

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(3);
        JsonNode cluster = JSON.readTree(lines.get(2));
        assertThat(cluster.get("id").asText()).isEqualTo("r3");
        List<String> sentences = new ArrayList<>();
        cluster.get("sentences").forEach(sentence -> sentences.add(sentence.asText()));
        assertThat(sentences).hasSize(3).contains("The team picked a crater for a sample attempt next March.");
        assertThat(sentences.stream().filter(sentence -> sentence.contains("ammonium salts on a small asteroid"))).hasSize(1);
    }

    @Test
    void byteBudgetHoldsForEveryRecordOfABatch() throws IOException {
        Path output = dir.resolve("bytes.jsonl");

        int code = run("summarize", "--input", "src/test/resources/eval-mini.jsonl", "--output", output.toString(),
                "--bytes", "120");

        assertThat(code).isZero();
        for (String line : Files.readAllLines(output)) {
            JsonNode node = JSON.readTree(line);
            List<String> sentences = new ArrayList<>();
            node.get("sentences").forEach(sentence -> sentences.add(sentence.asText()));
            assertThat(String.join(" ", sentences).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(120);
            assertThat(sentences).isNotEmpty();
        }
    }

    @Test
    void evalPrintsOneRowPerAlgorithmWithIntervals() {
        int code = run("eval", "--dataset", "src/test/resources/eval-mini.jsonl", "--algorithm", "all", "--sentences", "2");

        assertThat(code).as(err.toString()).isZero();
        String table = out.toString();
        assertThat(table).contains("ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "3 records", "precision", "recall");
        for (org.newsbrief.summarize.Algorithm algorithm : org.newsbrief.summarize.Algorithm.values()) {
            assertThat(table).containsPattern("(?m)^" + algorithm.id() + " +\\d\\.\\d{3} \\[\\d\\.\\d{3}, \\d\\.\\d{3}\\]");
        }
    }

    @Test
    void evalAsJsonHoldsPrecisionRecallAndF1WithBounds() throws IOException {
        int code = run("eval", "--dataset", "src/test/resources/eval-mini.jsonl", "--algorithm", "lead,auto",
                "--sentences", "2", "--json", "--limit", "2");

        assertThat(code).isZero();
        JsonNode root = JSON.readTree(out.toString());
        assertThat(root.get("records").asInt()).isEqualTo(2);
        assertThat(root.get("results")).hasSize(2);
        JsonNode f1 = root.get("results").get(0).get("ROUGE-2").get("f1");
        assertThat(f1.get("low").asDouble()).isLessThanOrEqualTo(f1.get("mean").asDouble());
        assertThat(f1.get("high").asDouble()).isGreaterThanOrEqualTo(f1.get("mean").asDouble());
    }

    @Test
    void benchPrintsItsTable() {
        int code = run("bench", "--dataset", "src/test/resources/eval-mini.jsonl", "--threads", "2");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("preprocess", "summarize", "articles/s", "tokens/s", "peak heap")
                .containsPattern("render pdf: \\d+ stories, [1-9]\\d* pages in \\d+\\.\\d\\d s");
    }

    @Test
    void badUsageExitsTwoWithAHint() {
        assertThat(run("summarize")).isEqualTo(2);
        assertThat(err.toString()).contains("give FILE arguments or --input").contains("--help");

        assertThat(run("summarize", "x.txt", "--sentences", "2", "--words", "5")).isEqualTo(2);
        assertThat(run("summarize", "x.txt", "--algorithm", "magic")).isEqualTo(2);
        assertThat(run("summarize", "x.txt", "--sentences", "0")).isEqualTo(2);
        assertThat(run("generate", "samples", "--date", "yesterday")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown algorithm 'magic'");
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("summarize", "generate");
        assertThat(run("summarize", "--help")).isZero();
        assertThat(out.toString()).contains("--sentences", "--words", "--algorithm", "--input", "--output");
    }
}
