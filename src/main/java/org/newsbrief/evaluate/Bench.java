package org.newsbrief.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.events.RunLog;
import org.newsbrief.ingest.JsonArticles;
import org.newsbrief.internal.Parallel;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.nlp.TextAnalyzer;
import org.newsbrief.render.HtmlRenderer;
import org.newsbrief.render.PdfRenderer;
import org.newsbrief.render.TemplateFolder;
import org.newsbrief.summarize.Summarizer;
import org.newsbrief.summarize.SummaryLength;
import org.w3c.dom.Document;

/**
 * How fast the pipeline runs on a data set: preprocessing (segmentation, sentences, tokens,
 * language) and summarization timed apart after a warm-up, then rendering one briefing to PDF, and
 * story grouping alone on growing numbers of articles, with the peak heap of it all.
 */
public final class Bench {

    /**
     * What to time.
     *
     * @param dataset JSON Lines records with {@code "text"}
     * @param algorithm the summarization algorithm's name
     * @param length the length every summary gets
     * @param threads articles worked on at once
     * @param renderStories also time rendering a briefing of this many stories; 0 for none
     * @param groupingSizes also time story grouping on the first this many articles of the
     *     grouping data sets, for each size; empty for none
     * @param groupingDatasets the articles to group, read in turn
     * @param templates the folder templates are read from, or empty for the built-in ones
     */
    public record Request(Path dataset, String algorithm, Lab.Length length, int threads, int renderStories,
            List<Integer> groupingSizes, List<Path> groupingDatasets, Optional<Path> templates) {

        public Request {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(length, "length");
            groupingSizes = List.copyOf(groupingSizes);
            groupingDatasets = List.copyOf(groupingDatasets);
            Objects.requireNonNull(templates, "templates");
        }
    }

    /**
     * The timings.
     *
     * @param articles how many articles were timed
     * @param tokens how many tokens they hold
     * @param threads articles worked on at once
     * @param algorithm the summarizer's name
     * @param length the summaries' length, in words
     * @param preprocessSeconds the time analysis took
     * @param summarizeSeconds the time summarization took
     * @param render the rendering's timing, when asked for
     * @param grouping the grouping's timings, smallest size first
     * @param peakHeapBytes the most heap in use from the timed preprocessing on
     */
    public record Result(int articles, long tokens, int threads, String algorithm, String length,
            double preprocessSeconds, double summarizeSeconds, Optional<Render> render, List<Grouping> grouping,
            long peakHeapBytes) {

        public Result {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(render, "render");
            grouping = List.copyOf(grouping);
        }
    }

    /**
     * Rendering one briefing to PDF, each article a story.
     *
     * @param stories the briefing's stories
     * @param pages the PDF's pages
     * @param medianSeconds the median run
     * @param fastestSeconds the fastest run
     * @param runs runs timed
     * @param warmUps runs before them, not timed
     */
    public record Render(int stories, int pages, double medianSeconds, double fastestSeconds, int runs, int warmUps) {}

    /**
     * Grouping one number of articles into stories: the median of three runs after a warm-up.
     *
     * @param articles articles grouped
     * @param seconds the median run
     * @param stories stories made
     */
    public record Grouping(int articles, double seconds, int stories) {}

    private static final int WARM_UP_RECORDS = 300;
    private static final int RENDER_WARM_UPS = 3;
    private static final int RENDER_RUNS = 5;
    private static final int GROUPING_RUNS = 3;

    private final TextAnalyzer analyzer;
    private final Clock clock;
    private final int threads;

    Bench(TextAnalyzer analyzer, Clock clock, int threads) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.threads = threads;
    }

    Result run(Path dataset, Summarizer summarizer, SummaryLength length, int renderStories, List<Integer> groupingSizes,
            List<Path> groupingDatasets, TemplateFolder templates) throws IOException {
        List<Record> articles = read(List.of(dataset), Integer.MAX_VALUE);
        List<Record> warmUp = articles.subList(0, Math.min(WARM_UP_RECORDS, articles.size()));
        for (AnalyzedArticle article : Parallel.mapAll(warmUp, threads, this::preprocess)) {
            summarizer.summarize(article, length);
        }
        resetPeaks();
        long started = System.nanoTime();
        List<AnalyzedArticle> analyzed = Parallel.mapAll(articles, threads, this::preprocess);
        long analyzedAt = System.nanoTime();
        Parallel.mapAll(analyzed, threads, article -> summarizer.summarize(article, length));
        long summarizedAt = System.nanoTime();
        long tokens = 0;
        for (AnalyzedArticle article : analyzed) {
            for (Sentence sentence : article.sentences()) {
                tokens += sentence.tokens().size();
            }
        }
        Optional<Render> render = renderStories > 0
                ? Optional.of(render(analyzed.subList(0, Math.min(renderStories, analyzed.size())), summarizer, length,
                        templates))
                : Optional.empty();
        List<Grouping> grouping = groupingSizes.isEmpty() ? List.of() : grouping(groupingSizes, groupingDatasets);
        return new Result(articles.size(), tokens, threads, summarizer.name(), length.toString(),
                (analyzedAt - started) / 1e9, (summarizedAt - analyzedAt) / 1e9, render, grouping, peakHeapBytes());
    }

    /**
     * Times HTML and PDF rendering of one briefing, each article a story: the median of a few runs
     * after a few warm-ups, since the first renders load fonts and classes.
     */
    private Render render(List<AnalyzedArticle> articles, Summarizer summarizer, SummaryLength length,
            TemplateFolder templates) {
        BriefingComposer composer = new BriefingComposer(summarizer, length, clock,
                new BriefingComposer.Limits(articles.size(), articles.size(), 5, false));
        Briefing briefing = composer.compose("Benchmark Briefing", LocalDate.now(clock), articles);
        RunLog warnings = RunLog.none();
        long[] times = new long[RENDER_RUNS];
        int pages = 0;
        for (int run = -RENDER_WARM_UPS; run < RENDER_RUNS; run++) {
            long started = System.nanoTime();
            Document page = new HtmlRenderer(templates, warnings).render(briefing);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            new PdfRenderer(templates, warnings).render(page, pdf);
            if (run >= 0) {
                times[run] = System.nanoTime() - started;
            }
            pages = countPages(pdf.toByteArray());
        }
        Arrays.sort(times);
        return new Render(briefing.stories().size(), pages, times[RENDER_RUNS / 2] / 1e9, times[0] / 1e9, RENDER_RUNS,
                RENDER_WARM_UPS);
    }

    /** Times grouping alone on growing slices of the articles, all analyzed first. */
    private List<Grouping> grouping(List<Integer> sizes, List<Path> files) throws IOException {
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<AnalyzedArticle> analyzed = Parallel.mapAll(read(files, largest), threads, this::preprocess);
        List<Grouping> timings = new ArrayList<>();
        for (int size : sizes.stream().sorted().toList()) {
            List<AnalyzedArticle> slice = analyzed.subList(0, Math.min(size, analyzed.size()));
            BriefingComposer.group(slice);
            long[] times = new long[GROUPING_RUNS];
            int stories = 0;
            for (int run = 0; run < times.length; run++) {
                long started = System.nanoTime();
                stories = BriefingComposer.group(slice).size();
                times[run] = System.nanoTime() - started;
            }
            Arrays.sort(times);
            timings.add(new Grouping(slice.size(), times[GROUPING_RUNS / 2] / 1e9, stories));
        }
        return timings;
    }

    /** One line of a data set. */
    private record Record(JsonNode node, String where) {}

    /** The non-blank lines of the files, in turn, up to {@code most}. */
    private static List<Record> read(List<Path> files, int most) throws IOException {
        List<Record> records = new ArrayList<>();
        for (Path file : files) {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (records.size() < most && !line.isBlank()) {
                    String where = file + ":" + number;
                    records.add(new Record(JsonArticles.readLine(line, where), where));
                }
            }
        }
        return records;
    }

    /** Everything the analyzer does, including the language, which is otherwise detected on request. */
    private AnalyzedArticle preprocess(Record record) {
        AnalyzedArticle analyzed = AnalyzedArticle.of(JsonArticles.record(record.node(), record.where()), analyzer);
        analyzed.language();
        return analyzed;
    }

    /** Pages in a PDF, counted from its page objects; enough for a report line. */
    private static int countPages(byte[] pdf) {
        Matcher page = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int count = 0;
        while (page.find()) {
            count++;
        }
        return count;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
