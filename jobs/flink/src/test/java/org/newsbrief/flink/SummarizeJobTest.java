package org.newsbrief.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.Newsbrief;
import org.newsbrief.cli.Main;
import org.newsbrief.config.NewsbriefConfig;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.Ingestion;
import org.newsbrief.ingest.NearDuplicates;
import picocli.CommandLine;

/**
 * The job in a local MiniCluster at parallelism 2 against the command line on the same records:
 * the same summary lines, and the same copies as the command line's reading groups.
 */
class SummarizeJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void writesWhatTheCommandLineWritesAndMarksTheCopiesItsReadingFinds() throws Exception {
        Path input = folder.resolve("day.jsonl");
        SyntheticDay.write(200, input);

        Result job = runJob(input, 2);
        Batch cli = runCommandLine(input);

        assertThat(sortedById(job.summaries())).isEqualTo(sortedById(cli.lines()));
        assertThat(job.skipped()).containsExactlyInAnyOrderElementsOf(cli.skipped());
        Map<String, String> expected = copiesByReading(input);
        assertThat(job.copies()).isEqualTo(expected);
        assertThat(expected).as("the day holds edited copies, exact copies and chains").hasSizeGreaterThan(15);
        assertThat(expected).as("some copy is marked only through a chain of copies").anySatisfy((copy, first) ->
                assertThat(NearDuplicates.near(shingles(input, copy), shingles(input, first))).isFalse());
    }

    @Test
    void onTheBbcArticlesWritesWhatTheCommandLineWrites() throws Exception {
        Path bbc = SyntheticDay.home().resolveSibling("shared").resolve("datasets").resolve("bbc-news-summary.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(bbc),
                "skipped: " + bbc + " is not here (the shared datasets lie beside the project only on the team's machines)");

        Result job = runJob(bbc, 2);
        Batch cli = runCommandLine(bbc);

        assertThat(job.summaries()).hasSize(2225);
        assertThat(sortedById(job.summaries())).isEqualTo(sortedById(cli.lines()));
        assertThat(job.copies()).isEqualTo(copiesByReading(bbc));
    }

    @Test
    void watchingAFolderSummarizesFilesAsTheyArriveAndMarksCopiesAcrossThem() throws Exception {
        Path watched = Files.createDirectory(folder.resolve("incoming"));
        Path output = folder.resolve("out");
        String story = "Dockworkers at the Port of Rotterdam will return to work on Tuesday after their union and terminal "
                + "operators agreed a two-year pay deal on Monday, ending a nine-day strike. Under the deal, about 4,300 "
                + "workers will receive a pay rise of 7.2 per cent over two years. The port authority said 87 ships "
                + "were waiting at anchor on Monday, and that it expected normal operations within two weeks.";
        arrive(watched, "a.jsonl", "{\"id\": \"a1\", \"text\": \"" + story + "\"}\n"
                + "{\"id\": \"a2\", \"text\": \"The central bank raised its main rate to four per cent on Thursday. "
                + "It was the first increase in three years.\"}\n");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        SummarizeJob.plan(env, new SummarizeJob.Options(watched.toString(), output.toString(), Map.of(),
                java.time.Duration.ofMillis(200), java.time.Duration.ofHours(1)));
        org.apache.flink.core.execution.JobClient job = env.executeAsync("watching");
        try {
            awaitLines(output.resolve("summaries"), 2);
            arrive(watched, "b.jsonl", "{\"id\": \"b1\", \"text\": \"" + story.replace("on Tuesday", "on Tuesday morning")
                    + "\"}\n");
            awaitLines(output.resolve("copies"), 1);
            awaitLines(output.resolve("summaries"), 3);
        } finally {
            job.cancel().get();
        }

        assertThat(linesUnder(output.resolve("summaries"))).extracting(SummarizeJobTest::idOf)
                .containsExactlyInAnyOrder("\"a1\"", "\"a2\"", "\"b1\"");
        assertThat(linesUnder(output.resolve("copies"))).containsExactly("{\"id\":\"b1\",\"copyOf\":\"a1\"}");
    }

    @Test
    void aBadSummaryFlagIsNamedBeforeAnyWorkStarts() {
        StringWriter err = new StringWriter();
        CommandLine command = SummarizeJob.commandLine();
        command.setErr(new PrintWriter(err));

        int code = command.execute("--input", folder.toString(), "--output", folder.resolve("out").toString(),
                "--sentences", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("newsbrief-flink: --sentences: ").contains("at least 1");
        assertThat(folder.resolve("out")).doesNotExist();
    }

    /** Writes a file under a name the watcher passes over, then gives it its own, so it is never read half-written. */
    private static void arrive(Path folder, String name, String content) throws IOException {
        Path hidden = Files.writeString(folder.resolve("." + name), content);
        Files.move(hidden, folder.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits, for a minute at most, until the job has made at least so many lines visible under a folder. */
    private static void awaitLines(Path dir, int count) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (linesUnder(dir).size() < count) {
            assertThat(System.nanoTime()).as("%d lines under %s within a minute", count, dir).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** What the job wrote into its output folder. */
    record Result(List<String> summaries, Map<String, String> copies, List<String> skipped) {}

    /** What the command line's batch wrote, and the locations it skipped. */
    record Batch(List<String> lines, List<String> skipped) {}

    static Result runJob(Path input, int parallelism) throws Exception {
        Path output = Files.createTempDirectory(input.getParent(), "job-");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        SummarizeJob.plan(env, SummarizeJob.Options.batch(input.toString(), output.toString()));
        env.execute("test");
        Map<String, String> copies = new HashMap<>();
        for (String line : linesUnder(output.resolve("copies"))) {
            JsonNode mark = JSON.readTree(line);
            assertThat(copies.put(mark.get("id").asText(), mark.get("copyOf").asText())).as("one mark per copy").isNull();
        }
        List<String> skipped = new ArrayList<>();
        for (String line : linesUnder(output.resolve("skipped"))) {
            skipped.add(JSON.readTree(line).get("location").asText());
        }
        return new Result(linesUnder(output.resolve("summaries")), copies, skipped);
    }

    /** Runs {@code newsbrief summarize --input IN --output OUT} in this JVM. */
    static Batch runCommandLine(Path input) throws IOException {
        Path out = Files.createTempDirectory(input.getParent(), "cli-").resolve("out.jsonl");
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine(Newsbrief.create(NewsbriefConfig.defaults(), Clock.systemUTC()));
        command.setErr(new PrintWriter(err));
        int code = command.execute("summarize", "--input", input.toString(), "--output", out.toString());
        assertThat(code).as(err.toString()).isZero();
        java.util.regex.Pattern skip = java.util.regex.Pattern.compile("^newsbrief: skipped (" 
                + java.util.regex.Pattern.quote(input.toString()) + ":\\d+): ");
        List<String> skipped = err.toString().lines().map(skip::matcher).filter(java.util.regex.Matcher::find)
                .map(matcher -> matcher.group(1)).toList();
        return new Batch(Files.readAllLines(out, StandardCharsets.UTF_8), skipped);
    }

    /**
     * The copies the command line's reading finds: each article of a near-duplicate group but the
     * first, and each article read twice, with the id of the group's first article.
     */
    static Map<String, String> copiesByReading(Path input) {
        Ingestion ingestion = Ingestion.over(FetchSettings.defaults(), 1);
        Ingestion.Report read = ingestion.read(List.of(ingestion.source(input.toString())));
        Map<String, String> firstByOrigin = new HashMap<>();
        Map<String, String> idByOrigin = new HashMap<>();
        read.articles().forEach(article -> idByOrigin.put(article.origin(), article.id()));
        Map<String, String> copies = new TreeMap<>();
        for (List<Article> group : read.nearDuplicates()) {
            for (Article copy : group.subList(1, group.size())) {
                copies.put(copy.id(), group.get(0).id());
                firstByOrigin.put(copy.origin(), group.get(0).id());
            }
        }
        Map<String, String> lineIds = idsByOrigin(input);
        for (Ingestion.Report.Duplicate duplicate : read.duplicateReads()) {
            String first = firstByOrigin.getOrDefault(duplicate.sameAs(), idByOrigin.get(duplicate.sameAs()));
            copies.put(lineIds.get(duplicate.origin()), first);
        }
        return new HashMap<>(copies);
    }

    /** Each line's id, by the origin the reading gives it ({@code file:line}). */
    private static Map<String, String> idsByOrigin(Path input) {
        Map<String, String> ids = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    JsonNode id = JSON.readTree(lines.get(i)).get("id");
                    if (id != null) {
                        ids.put(input + ":" + (i + 1), id.asText());
                    }
                } catch (IOException | RuntimeException e) {
                    // a broken line has no id; the reading skips it too
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ids;
    }

    private static int[] shingles(Path input, String id) {
        try {
            for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
                if (line.startsWith("{\"id\":\"" + id + "\",")) {
                    return NearDuplicates.shingleSet(JSON.readTree(line).get("text").asText());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no record " + id);
    }

    /** The lines of the finished files under a folder; a folder the job made no file in has none. */
    static List<String> linesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    static List<String> sortedById(List<String> lines) {
        return lines.stream().sorted(Comparator.comparing(SummarizeJobTest::idOf).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static String idOf(String line) {
        try {
            return JSON.readTree(line).get("id").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
