package org.newsbrief.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.ingest.FileArticleSource;
import org.newsbrief.ingest.IngestResult;
import org.newsbrief.ingest.SkippedInput;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.summarize.BatchSummarization;
import org.newsbrief.summarize.Summarizer;
import org.newsbrief.summarize.SummaryLength;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief summarize}: summaries of files, or of a JSON Lines batch. */
@Command(
        name = "summarize",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the summary of each FILE, one sentence a line.",
            "With --input, summarizes a JSON Lines batch: each line {\"id\", \"text\", \"title\"?} gives one line "
                    + "{\"id\", \"summary\", \"sentences\"} in the output, in input order."
        })
final class SummarizeCommand implements Callable<Integer> {

    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Articles: .txt, .md, .html, .json or .jsonl files.")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--input", paramLabel = "IN.jsonl", description = "Batch input, JSON Lines ('-' for standard input).")
    private String input;

    @Option(names = "--output", paramLabel = "OUT.jsonl",
            description = "Batch output, JSON Lines (default: standard output).")
    private Path output;

    @Mixin
    private SummaryOptions options;

    SummarizeCommand(Newsbrief newsbrief) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws IOException {
        if (input == null && files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give FILE arguments or --input IN.jsonl");
        }
        if (input != null && !files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give FILE arguments or --input, not both");
        }
        if (output != null && input == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--output goes with --input");
        }
        Summarizer summarizer = options.algorithm().create();
        SummaryLength length = options.length();
        int threads = options.threads();
        return input != null ? batch(summarizer, length, threads) : files(summarizer, length, threads);
    }

    private int files(Summarizer summarizer, SummaryLength length, int threads) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FileArticleSource source = new FileArticleSource(files);
        IngestResult ingested = source.read();
        List<SkippedInput> skipped = new ArrayList<>(ingested.skipped());
        skipped.forEach(skip -> err.println("newsbrief: " + skip));
        List<SkippedInput> failedAnalysis = new ArrayList<>();
        List<AnalyzedArticle> analyzed = newsbrief.analyzeAll(ingested.articles(), threads, failedAnalysis);
        failedAnalysis.forEach(skip -> err.println("newsbrief: " + skip));
        skipped.addAll(failedAnalysis);
        boolean headers = ingested.articles().size() > 1 || files.size() > 1;
        for (int i = 0; i < analyzed.size(); i++) {
            AnalyzedArticle article = analyzed.get(i);
            if (headers) {
                out.println((i > 0 ? "\n" : "") + "==> " + article.source().origin() + " <==");
            }
            if (article.sentences().isEmpty()) {
                err.println("newsbrief: warning: " + article.source().origin() + ": no complete sentences to summarize");
            }
            summarizer.summarize(article, length).texts().forEach(out::println);
        }
        out.flush();
        err.flush();
        return analyzed.isEmpty() ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
    }

    private int batch(Summarizer summarizer, SummaryLength length, int threads) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        BatchSummarization batch = new BatchSummarization(newsbrief.analyzer(), summarizer, length, threads);
        long started = System.nanoTime();
        long[] lastReport = {started};
        BatchSummarization.Report report;
        try (BufferedReader reader = openInput();
                Writer writer = output == null ? null : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            Writer target = writer != null ? writer : spec.commandLine().getOut();
            report = batch.run(reader, input, target,
                    skip -> {
                        err.println("newsbrief: skipped " + skip);
                        err.flush();
                    },
                    done -> {
                        long now = System.nanoTime();
                        if (now - lastReport[0] >= PROGRESS_EVERY_NANOS) {
                            lastReport[0] = now;
                            err.printf("newsbrief: %d records done%n", done);
                            err.flush();
                        }
                    });
            target.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("newsbrief: summarized %d of %d records in %.1f s%s%n", report.written(), report.read(), seconds,
                report.skipped().isEmpty() ? "" : "; skipped " + report.skipped().size() + " (listed above)");
        err.flush();
        return report.written() == 0 && report.read() > 0 ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
    }

    private BufferedReader openInput() throws IOException {
        if ("-".equals(input)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new org.newsbrief.ingest.IngestException(input + ": no such file", e);
        }
    }
}
