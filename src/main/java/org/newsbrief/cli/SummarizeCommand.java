package org.newsbrief.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.BatchSummarization;
import org.newsbrief.Newsbrief;
import org.newsbrief.NewsbriefException;
import org.newsbrief.config.ConfigLoader;
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
        Newsbrief summarizing = newsbrief.with(CommandSettings.load(spec, null, ConfigLoader.Purpose.COMMAND));
        return input != null ? batch(summarizing) : files(summarizing);
    }

    private int files(Newsbrief summarizing) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Newsbrief.FileSummaries summaries = summarizing.summarize(files, new ConsoleLog(err));
        summaries.skipped().forEach(skip -> err.println("newsbrief: " + skip));
        for (int i = 0; i < summaries.summaries().size(); i++) {
            Newsbrief.ArticleSummary summary = summaries.summaries().get(i);
            if (summaries.several()) {
                out.println((i > 0 ? "\n" : "") + "==> " + summary.origin() + " <==");
            }
            if (summary.sentences().isEmpty()) {
                err.println("newsbrief: warning: " + summary.origin() + ": no complete sentences to summarize");
            }
            summary.sentences().forEach(out::println);
        }
        out.flush();
        err.flush();
        return summaries.summaries().isEmpty() ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
    }

    private int batch(Newsbrief summarizing) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        long[] lastReport = {started};
        BatchSummarization.Report report;
        // Summaries go to a file beside the output and replace it only once the batch is done, so
        // a failed or empty run leaves the last good output as it was.
        Path pending = null;
        try (InputStream in = openInput()) {
            pending = output == null ? null : partFileFor(output);
            try (Writer writer = pending == null ? null : Files.newBufferedWriter(pending, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                Writer target = writer != null ? writer : spec.commandLine().getOut();
                report = summarizing.summarize(in, input, target, new ConsoleLog(err), done -> {
                    long now = System.nanoTime();
                    if (now - lastReport[0] >= PROGRESS_EVERY_NANOS) {
                        lastReport[0] = now;
                        err.printf("newsbrief: %d records done%n", done);
                        err.flush();
                    }
                });
                target.flush();
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(pending);
            throw e;
        }
        boolean failed = report.written() == 0 && report.read() > 0;
        if (pending != null) {
            if (failed) {
                deleteQuietly(pending);
                err.println("newsbrief: " + output + " left as it was: no record could be summarized");
            } else {
                try {
                    Files.move(pending, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                    Files.move(pending, output, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("newsbrief: summarized %d of %d records in %.1f s%s%n", report.written(), report.read(), seconds,
                report.skipped().isEmpty() ? "" : "; skipped " + report.skipped().size() + " (listed above)");
        err.flush();
        return failed ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
    }

    /**
     * A hidden file beside the output, so that moving it over the output is one rename; it is
     * created as the output would be, with the user's usual permissions.
     */
    private static Path partFileFor(Path output) throws IOException {
        Path absolute = output.toAbsolutePath();
        if (!Files.isDirectory(absolute.getParent())) {
            throw new NoSuchFileException(output.toString());
        }
        return absolute.resolveSibling("." + absolute.getFileName() + ".part");
    }

    private static void deleteQuietly(Path pending) {
        if (pending == null) {
            return;
        }
        try {
            Files.deleteIfExists(pending);
        } catch (IOException cleanupFailed) {
            // The run's own failure matters more than a leftover part file, whose name says what it is.
        }
    }

    private InputStream openInput() throws IOException {
        if ("-".equals(input)) {
            return new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input belongs to the process, not to this batch
                }
            };
        }
        Path file = Path.of(input);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new NewsbriefException(input + ": not a regular file; only regular files are read (use --input - for a pipe)");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NewsbriefException(input + ": no such file", e);
        }
    }
}
