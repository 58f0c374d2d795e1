package org.newsbrief.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsbrief.compose.SectionModel;
import org.newsbrief.evaluate.SectionData;
import org.newsbrief.evaluate.SectionTraining;
import org.newsbrief.ingest.IngestException;
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

    @Override
    public Integer call() throws IOException {
        if (folds == 1 || folds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--folds must be 0 or at least 2, was " + folds);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<SectionTraining.Dataset> data = new ArrayList<>();
        for (Path dataset : datasets) {
            if (!Files.isRegularFile(dataset)) {
                throw new IngestException(dataset + ": no such file");
            }
            AtomicInteger skipped = new AtomicInteger();
            List<SectionData.Item> items = SectionData.read(dataset, skip -> {
                skipped.incrementAndGet();
                err.println("newsbrief: skipped " + skip);
            });
            if (folds > items.size()) {
                throw new CommandLine.ParameterException(spec.commandLine(), dataset + " has " + items.size()
                        + " usable records, fewer than --folds " + folds);
            }
            data.add(new SectionTraining.Dataset(dataset.getFileName().toString(), org.newsbrief.internal.Hashing.sha256Hex(dataset), items,
                    skipped.get()));
        }
        String command = "newsbrief train sections" + datasets.stream().map(d -> " --dataset " + d.getFileName())
                .reduce("", String::concat) + (folds != SectionTraining.FOLDS ? " --folds " + folds : "")
                + " --output " + SectionModel.RESOURCE;
        SectionModel model = SectionTraining.train(data, folds, command, new ConsoleLog(err));
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(output, model.format(), StandardCharsets.UTF_8);
        err.println("newsbrief: wrote " + output);
        return CommandLine.ExitCode.OK;
    }
}
