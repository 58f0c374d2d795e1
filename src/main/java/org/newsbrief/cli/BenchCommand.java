package org.newsbrief.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.evaluate.Bench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsbrief bench}: how fast preprocessing and summarization run on a data set. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Times preprocessing (segmentation, sentences, tokens, language) and summarization separately "
                + "on a JSON Lines data set and prints articles/s, tokens/s and peak heap; then times rendering a "
                + "briefing of its first 40 articles to PDF.")
final class BenchCommand implements Callable<Integer> {

    static final String DEFAULT_DATASET = "../shared/datasets/bbc-news-summary.jsonl";
    private static final String DEFAULT_GROUPING_DATASET = "../shared/datasets/agnews-train.jsonl";

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
                    + DEFAULT_GROUPING_DATASET + ").")
    private List<Path> groupingDatasets = new ArrayList<>();

    @Mixin
    private SummaryOptions options;

    BenchCommand(Newsbrief newsbrief) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws IOException {
        Bench.Request request = new Bench.Request(dataset, options.algorithmName(), Labs.length(spec), options.threads(),
                renderStories, groupingSizes,
                groupingDatasets.isEmpty() ? List.of(dataset, Path.of(DEFAULT_GROUPING_DATASET)) : groupingDatasets,
                Optional.ofNullable(CommandSettings.defaultTemplates()));
        Bench.Result result = Labs.call(spec, () -> newsbrief.lab().bench(request));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d articles, %,d tokens from %s; %d thread(s); algorithm %s, %s%n%n", result.articles(),
                result.tokens(), dataset.getFileName(), result.threads(), result.algorithm(), result.length());
        out.printf("%-12s %9s %12s %14s%n", "stage", "seconds", "articles/s", "tokens/s");
        row(out, "preprocess", result.preprocessSeconds(), result.articles(), result.tokens());
        row(out, "summarize", result.summarizeSeconds(), result.articles(), result.tokens());
        row(out, "both", result.preprocessSeconds() + result.summarizeSeconds(), result.articles(), result.tokens());
        result.render().ifPresent(render -> out.printf("%nrender pdf: %d stories, %d pages in %.2f s (median of %d runs"
                + " after %d warm-ups; fastest %.2f s)%n", render.stories(), render.pages(), render.medianSeconds(),
                render.runs(), render.warmUps(), render.fastestSeconds()));
        if (!result.grouping().isEmpty()) {
            out.printf("%ngrouping alone (reports of one event into stories), %d thread(s)%n", result.threads());
            out.printf("%-9s %9s %12s %9s%n", "articles", "seconds", "articles/s", "stories");
            for (Bench.Grouping grouping : result.grouping()) {
                out.printf("%-9d %9.2f %12.0f %9d%n", grouping.articles(), grouping.seconds(),
                        grouping.articles() / grouping.seconds(), grouping.stories());
            }
        }
        out.printf("%npeak heap %d MB; Java %s on %s %s, %d processors%n", result.peakHeapBytes() / (1024 * 1024),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    private static void row(PrintWriter out, String stage, double seconds, int articles, long tokens) {
        out.printf("%-12s %9.2f %,12.0f %,14.0f%n", stage, seconds, articles / seconds, tokens / seconds);
    }
}
