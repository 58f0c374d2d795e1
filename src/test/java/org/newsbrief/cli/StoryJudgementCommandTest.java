package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;

/** The commands around story grouping and ranking: eval-stories, train frequencies, --since, --watch. */
class StoryJudgementCommandTest {

    private static final Path SHIPPED_FREQUENCIES = Path.of("src/main/resources/org/newsbrief/compose/news-df.txt");

    @TempDir
    Path folder;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TestFiles.run(out, err, args);
        assertThat(code).as(err.toString()).isZero();
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void evalStoriesPrintsBCubedScoresOfTheGrouping() {
        String out = run("eval-stories", "--dataset", "src/test/resources/day/two-events.jsonl")[0];

        assertThat(out).contains("B-cubed").contains("precision").contains("recall").contains("F1");
        assertThat(out).containsPattern("two-events.jsonl\\s+4\\s+2\\s+2\\s+1\\.000\\s+1\\.000\\s+1\\.000");
    }

    @Test
    void evalStoriesAsJsonCarriesTheSameFigures() throws Exception {
        String out = run("eval-stories", "--dataset", "src/test/resources/day/two-events.jsonl", "--json")[0];

        JsonNode row = new ObjectMapper().readTree(out).get(0);
        assertThat(row.get("reports").asInt()).isEqualTo(4);
        assertThat(row.get("events").asInt()).isEqualTo(2);
        assertThat(row.get("f1").asDouble()).isEqualTo(1.0);
    }

    @Test
    void countingFrequenciesTwiceWritesTheSameBytes() throws Exception {
        Path first = folder.resolve("first.txt");
        Path second = folder.resolve("second.txt");

        run("train", "frequencies", "--dataset", "src/test/resources/train-mini.jsonl", "--dataset",
                "src/test/resources/day/mixed-day.jsonl", "--output", first.toString());
        run("train", "frequencies", "--dataset", "src/test/resources/train-mini.jsonl", "--dataset",
                "src/test/resources/day/mixed-day.jsonl", "--output", second.toString());

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        String table = Files.readString(first);
        assertThat(table).contains("# data: train-mini.jsonl sha256 ").contains("# command: newsbrief train frequencies")
                .containsPattern("(?m)^documents \\d+$").containsPattern("(?m)^kara 3$").doesNotContain("\nvaldora ");
    }

    @Test
    void theShippedFrequenciesAreWhatTheFullCommandWrites() throws Exception {
        Path cnn = TestFiles.shared("datasets/cnndm-dev.jsonl");
        Path bbc = TestFiles.shared("datasets/bbc-news-summary.jsonl");
        Path agnews = TestFiles.shared("datasets/agnews-train.jsonl");
        Path output = folder.resolve("news-df.txt");

        run("train", "frequencies", "--dataset", cnn.toString(), "--dataset", bbc.toString(), "--dataset", agnews.toString(),
                "--output", output.toString());

        assertThat(Files.readAllBytes(output)).isEqualTo(Files.readAllBytes(SHIPPED_FREQUENCIES));
    }

    @Test
    void sinceLeavesOutOlderArticlesAndReportsThem() throws Exception {
        Path report = folder.resolve("report.json");

        String[] result = run("generate", "src/test/resources/day/mixed-day.jsonl", "--out", folder.toString(), "--date",
                "2026-03-14", "--since", "2d", "--format", "html", "--report", report.toString());

        assertThat(result[1]).contains("left out src/test/resources/day/mixed-day.jsonl:7 \"Cyclone Kara heads for Mozambique "
                + "coast\": too old: published 2026-03-12, before the window of 2d").contains("left out 1: 1 too old");
        JsonNode leftOut = new ObjectMapper().readTree(report.toFile()).get("left_out");
        assertThat(leftOut).hasSize(1);
        assertThat(leftOut.get(0).get("reason").asText()).startsWith("too old");
        assertThat(Files.readString(folder.resolve("briefing-2026-03-14.html"))).doesNotContain("heads for Mozambique coast");
    }

    @Test
    void aWatchedTermLiftsItsStoryAndTheDataSaysWhy() throws Exception {
        run("generate", "src/test/resources/day/mixed-day.jsonl", "--out", folder.toString(), "--date", "2026-03-14",
                "--watch", "Helena Voss", "--format", "json");

        JsonNode stories = new ObjectMapper().readTree(folder.resolve("briefing-2026-03-14.json").toFile()).findValues("stories")
                .get(0);
        JsonNode rates = null;
        for (JsonNode section : new ObjectMapper().readTree(folder.resolve("briefing-2026-03-14.json").toFile()).get("sections")) {
            for (JsonNode story : section.get("stories")) {
                if (story.get("headline").asText().contains("holds rates")) {
                    rates = story;
                }
            }
        }
        assertThat(stories).isNotNull();
        assertThat(rates).isNotNull();
        assertThat(rates.get("rank").asInt()).isLessThanOrEqualTo(2);
        assertThat(rates.get("why").get(0).asText()).isEqualTo("watchlist: Helena Voss");
    }

    @Test
    void aDuplicateIsReportedWithTheArticleItRepeats() throws Exception {
        Path input = Files.createDirectories(folder.resolve("in"));
        Path sample = TestFiles.samples().resolve("gurgl-slalom-first-win-northern-ledger.txt");
        Files.copy(sample, input.resolve("a.txt"));
        Files.copy(sample, input.resolve("b.txt"));
        Path report = folder.resolve("report.json");

        String[] result = run("generate", input.toString(), "--out", folder.resolve("out").toString(), "--format", "html",
                "--report", report.toString());

        assertThat(result[1]).contains("left out " + input.resolve("b.txt") + " \"Norwegian outsider Tormod Lien claims first "
                + "World Cup win in Gurgl slalom\": duplicate of " + input.resolve("a.txt")).contains("1 duplicate read once");
        JsonNode leftOut = new ObjectMapper().readTree(report.toFile()).get("left_out");
        assertThat(leftOut).singleElement().satisfies(entry ->
                assertThat(entry.get("reason").asText()).isEqualTo("duplicate of " + input.resolve("a.txt")));
    }

    @Test
    void aBadAgeIsRefusedWithAClearMessage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = TestFiles.run(out, err, "generate", "samples", "--out", folder.toString(), "--since", "yesterday");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--since: 'yesterday' is not an age such as 24h, 2d, 1w or 90m");
    }
}
