package org.newsbrief.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.render.HtmlRenderer;
import org.newsbrief.render.PdfRenderer;
import org.newsbrief.render.TemplateFolder;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.internal.Parallel;
import org.newsbrief.ingest.IngestException;
import org.newsbrief.ingest.JsonArticles;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.BatchSummarization;
import org.newsbrief.summarize.Summarizer;
import org.newsbrief.summarize.SummaryLength;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.newsbrief.events.RunLog;

/** {@code newsbrief bench}: how fast preprocessing and summarization run on a data set. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Times preprocessing (segmentation, sentences, tokens, language) and summarization separately "
                + "on a JSON Lines data set and prints articles/s, tokens/s and peak heap; then times rendering a "
                + "briefing of its first 40 articles to PDF.")
final class BenchCommand implements Callable<Integer> {

    static final String DEFAULT_DATASET = "../shared/datasets/bbc-news-summary.jsonl";
    private static final int WARM_UP_RECORDS = 300;

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FILE.jsonl", defaultValue = DEFAULT_DATASET,
            description = "Records with \"text\" (default: ${DEFAULT-VALUE}, the BBC News Summary set).")
    private Path dataset;

    @Option(names = "--render-stories", paramLabel = "N", defaultValue = "40",
            description = "Also time rendering a briefing of N stories to PDF, once warm; 0 skips it (default: ${DEFAULT-VALUE}).")
    private int renderStories;

    @Option(names = "--grouping", paramLabel = "N", split = ",",
            description = "Also time story grouping alone on the first N articles of the grouping data sets, for each N "
                    + "given, to show how its cost grows (for example --grouping 1000,4000).")
    private List<Integer> groupingSizes = new ArrayList<>();

    @Option(names = "--grouping-dataset", paramLabel = "FILE.jsonl",
            description = "Articles to group, read in turn; repeat for several (default: the BBC set, then "
                    + "../shared/datasets/agnews-train.jsonl).")
    private List<Path> groupingDatasets = new ArrayList<>();

    @Mixin
    private SummaryOptions options;

    BenchCommand(Newsbrief newsbrief) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(dataset)) {
            throw new IngestException(dataset + ": no such file (give one with --dataset)");
        }
        Summarizer summarizer = options.algorithm().create();
        SummaryLength length = options.length();
        int threads = options.threads();
        PrintWriter out = spec.commandLine().getOut();

        List<Record> articles = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(dataset, StandardCharsets.UTF_8)) {
            number++;
            if (!line.isBlank()) {
                String where = dataset + ":" + number;
                articles.add(new Record(JsonArticles.readLine(line, where), where));
            }
        }
        {
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
            double preprocess = (analyzedAt - started) / 1e9;
            double summarize = (summarizedAt - analyzedAt) / 1e9;
            out.printf("%d articles, %,d tokens from %s; %d thread(s); algorithm %s, %s%n%n", articles.size(), tokens,
                    dataset.getFileName(), threads, summarizer.name(), length);
            out.printf("%-12s %9s %12s %14s%n", "stage", "seconds", "articles/s", "tokens/s");
            row(out, "preprocess", preprocess, articles.size(), tokens);
            row(out, "summarize", summarize, articles.size(), tokens);
            row(out, "both", preprocess + summarize, articles.size(), tokens);
            if (renderStories > 0) {
                renderBench(out, analyzed.subList(0, Math.min(renderStories, analyzed.size())), summarizer, length);
            }
            if (!groupingSizes.isEmpty()) {
                groupingBench(out, threads);
            }
            out.printf("%npeak heap %d MB; Java %s on %s %s, %d processors%n", peakHeapBytes() / (1024 * 1024),
                    System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                    Runtime.getRuntime().availableProcessors());
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    /**
     * Times grouping alone on growing slices of the grouping data sets: articles analyzed first,
     * then one warm-up and the median of three runs per size.
     */
    private void groupingBench(PrintWriter out, int threads) throws IOException {
        List<Path> files = groupingDatasets.isEmpty() ? List.of(dataset, Path.of("../shared/datasets/agnews-train.jsonl"))
                : groupingDatasets;
        int largest = groupingSizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (groupingSizes.stream().anyMatch(size -> size < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--grouping sizes must be at least 1");
        }
        List<Record> records = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IngestException(file + ": no such file (give grouping data with --grouping-dataset)");
            }
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (records.size() < largest && !line.isBlank()) {
                    String where = file + ":" + number;
                    records.add(new Record(JsonArticles.readLine(line, where), where));
                }
            }
        }
        List<AnalyzedArticle> analyzed = Parallel.mapAll(records, threads, this::preprocess);
        out.printf("%ngrouping alone (reports of one event into stories), %d thread(s)%n", threads);
        out.printf("%-9s %9s %12s %9s%n", "articles", "seconds", "articles/s", "stories");
        for (int size : groupingSizes.stream().sorted().toList()) {
            List<AnalyzedArticle> slice = analyzed.subList(0, Math.min(size, analyzed.size()));
            BriefingComposer.group(slice);
            long[] times = new long[3];
            int stories = 0;
            for (int run = 0; run < times.length; run++) {
                long started = System.nanoTime();
                stories = BriefingComposer.group(slice).size();
                times[run] = System.nanoTime() - started;
            }
            java.util.Arrays.sort(times);
            double seconds = times[1] / 1e9;
            out.printf("%-9d %9.2f %12.0f %9d%n", slice.size(), seconds, slice.size() / seconds, stories);
        }
    }

    private static final int RENDER_WARM_UPS = 3;
    private static final int RENDER_RUNS = 5;

    /**
     * Times HTML and PDF rendering of one briefing, each article a story: the median of a few
     * runs after a few warm-ups, since the first renders load fonts and classes.
     */
    private void renderBench(PrintWriter out, List<AnalyzedArticle> articles, Summarizer summarizer, SummaryLength length)
            throws IOException {
        BriefingComposer composer = new BriefingComposer(summarizer, length, newsbrief.clock(),
                new BriefingComposer.Limits(articles.size(), articles.size(), 5, false));
        Briefing briefing = composer.compose("Benchmark Briefing", LocalDate.now(newsbrief.clock()), articles);
        TemplateFolder templates = new TemplateFolder(CommandSettings.defaultTemplates());
        RunLog warnings = RunLog.none();
        long[] times = new long[RENDER_RUNS];
        int pages = 0;
        for (int run = -RENDER_WARM_UPS; run < RENDER_RUNS; run++) {
            long started = System.nanoTime();
            org.w3c.dom.Document page = new HtmlRenderer(templates, warnings).render(briefing);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            new PdfRenderer(templates, warnings).render(page, pdf);
            if (run >= 0) {
                times[run] = System.nanoTime() - started;
            }
            pages = countPages(pdf.toByteArray());
        }
        java.util.Arrays.sort(times);
        out.printf("%nrender pdf: %d stories, %d pages in %.2f s (median of %d runs after %d warm-ups; fastest %.2f s)%n",
                briefing.stories().size(), pages, times[RENDER_RUNS / 2] / 1e9, RENDER_RUNS, RENDER_WARM_UPS, times[0] / 1e9);
    }

    /** Pages in a PDF, counted from its page objects; enough for a report line. */
    private static int countPages(byte[] pdf) {
        java.util.regex.Matcher page = java.util.regex.Pattern.compile("/Type\\s*/Page[^s]")
                .matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int count = 0;
        while (page.find()) {
            count++;
        }
        return count;
    }

    /** One line of the data set. */
    private record Record(JsonNode node, String where) {}

    /** Everything the analyzer does, including the language, which is otherwise detected on request. */
    private AnalyzedArticle preprocess(Record record) {
        AnalyzedArticle analyzed = BatchSummarization.analyzeRecord(record.node(), record.where(), newsbrief.analyzer());
        analyzed.language();
        return analyzed;
    }

    private static void row(PrintWriter out, String stage, double seconds, int articles, long tokens) {
        out.printf("%-12s %9.2f %,12.0f %,14.0f%n", stage, seconds, articles / seconds, tokens / seconds);
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
