package org.newsbrief.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.evaluate.Lab;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsbrief train frequencies}: counts in how many articles of public news each word stem
 * occurs, the background story grouping weighs words by.
 */
@Command(
        name = "frequencies",
        mixinStandardHelpOptions = true,
        description = "Counts the articles each word stem occurs in (the background story grouping weighs words by) "
                + "and writes the table with its provenance.")
final class TrainFrequenciesCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FILE.jsonl", required = true,
            description = "JSON Lines of articles ({\"title\", \"text\"} or {\"documents\": [...]}); repeat for several.")
    private List<Path> datasets;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "Where the table is written.")
    private Path output;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N records of each data set.")
    private int limit;

    TrainFrequenciesCommand(Newsbrief newsbrief) {
        this.newsbrief = java.util.Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws IOException {
        int articles = Labs.call(spec, () -> newsbrief.lab().trainFrequencies(datasets, limit, output,
                new ConsoleLog(spec.commandLine().getErr())));
        spec.commandLine().getErr().printf("newsbrief: counted %d articles; wrote %s%n", articles, output);
        return CommandLine.ExitCode.OK;
    }
}
