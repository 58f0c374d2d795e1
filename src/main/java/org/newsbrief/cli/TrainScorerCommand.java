package org.newsbrief.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsbrief train scorer}: fits the learned sentence scorer on the records whose id matches
 * {@code --train-ids}, reports ROUGE on those matching {@code --tune-ids}, and writes the model
 * with its provenance.
 */
@Command(
        name = "scorer",
        mixinStandardHelpOptions = true,
        description = "Trains the learned sentence scorer (auto's model for single articles) and writes it with its "
                + "provenance.")
final class TrainScorerCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FILE.jsonl", required = true,
            description = "A data set with references; repeat for several.")
    private List<Path> datasets;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "Where the model is written.")
    private Path output;

    @Option(names = "--train-ids", paramLabel = "REGEX", defaultValue = "cnndm-train-.*|[a-z]+/[0-9]*[13579]",
            description = "Ids of the records trained on (default: ${DEFAULT-VALUE}).")
    private String trainIds;

    @Option(names = "--tune-ids", paramLabel = "REGEX", defaultValue = "cnndm-val-.*|[a-z]+/[0-9]*[02468]",
            description = "Ids of the records the model is measured on, never trained on (default: ${DEFAULT-VALUE}).")
    private String tuneIds;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N records of each data set.")
    private int limit;

    @Option(names = "--threads", paramLabel = "N", description = "Records analyzed at once (default: 2).")
    private int threads = 2;

    TrainScorerCommand(Newsbrief newsbrief) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws IOException {
        Labs.call(spec, () -> newsbrief.lab().trainScorer(datasets, trainIds, tuneIds, limit, threads, output,
                new ConsoleLog(spec.commandLine().getErr())));
        spec.commandLine().getErr().println("newsbrief: wrote " + output);
        return CommandLine.ExitCode.OK;
    }
}
