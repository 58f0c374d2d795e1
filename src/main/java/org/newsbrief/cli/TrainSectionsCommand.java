package org.newsbrief.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.evaluate.Lab;
import org.newsbrief.evaluate.SectionTraining;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsbrief train sections}: fits the section classifier on labelled news, measures it by
 * cross-validation, and writes the model with its provenance.
 */
@Command(
        name = "sections",
        mixinStandardHelpOptions = true,
        description = {
            "Trains the section classifier (the section of a story whose input names none) and writes it with its "
                    + "provenance and its cross-validated accuracy.",
            "Records are JSON Lines {\"id\", \"title\", \"text\", \"label\"}; the label may also stand in \"section\" or "
                    + "\"category\", or be the id's part before a slash (\"sport/042\")."
        })
final class TrainSectionsCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FILE.jsonl", required = true,
            description = "Labelled news items; repeat for several.")
    private List<Path> datasets;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "Where the model is written.")
    private Path output;

    @Option(names = "--folds", paramLabel = "K", description = "Folds of the cross-validation recorded in the model, "
            + "0 for none (default: ${DEFAULT-VALUE}).")
    private int folds = SectionTraining.FOLDS;

    TrainSectionsCommand(Newsbrief newsbrief) {
        this.newsbrief = java.util.Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws IOException {
        Labs.call(spec, () -> newsbrief.lab().trainSections(datasets, folds, output, new ConsoleLog(spec.commandLine().getErr())));
        spec.commandLine().getErr().println("newsbrief: wrote " + output);
        return CommandLine.ExitCode.OK;
    }
}
