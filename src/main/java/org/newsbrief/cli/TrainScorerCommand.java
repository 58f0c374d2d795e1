package org.newsbrief.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.newsbrief.Newsbrief;
import org.newsbrief.evaluate.Evaluation;
import org.newsbrief.evaluate.ScorerTraining;
import org.newsbrief.summarize.NewsFeatures;
import org.newsbrief.summarize.ScorerModel;
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
        if (limit < 0 || threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must not be negative and --threads at least 1");
        }
        Predicate<String> train = pattern("--train-ids", trainIds);
        Predicate<String> tune = pattern("--tune-ids", tuneIds);
        PrintWriter err = spec.commandLine().getErr();
        List<Evaluation.Item> items = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        comments.add("newsbrief learned sentence scorer: for flat and for paragraphed articles, a logistic regression"
                + " over " + NewsFeatures.NAMES.size() + " sentence features (NewsFeatures) and a length exponent;"
                + " labels from the sentences an extractive reference contains, or else from a greedy ROUGE-1+2"
                + " oracle (SummaRuNNer's labelling)");
        comments.add("");
        for (Path dataset : datasets) {
            if (!Files.isRegularFile(dataset)) {
                throw new org.newsbrief.ingest.IngestException(dataset + ": no such file");
            }
            items.addAll(Evaluation.read(dataset, limit, newsbrief.analyzer(), threads,
                    skip -> err.println("newsbrief: skipped " + skip)));
            comments.add("data: " + dataset.getFileName() + " sha256 " + org.newsbrief.internal.Hashing.sha256Hex(dataset)
                    + (limit > 0 ? " (first " + limit + " records)" : ""));
        }
        long trainRecords = items.stream().filter(item -> train.test(item.id()) && !tune.test(item.id())).count();
        if (trainRecords == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no record id matches --train-ids " + trainIds
                    + " (and not --tune-ids " + tuneIds + ")");
        }
        comments.add("command: newsbrief train scorer" + datasets.stream().map(d -> " --dataset " + d.getFileName())
                .reduce("", String::concat) + (limit > 0 ? " --limit " + limit : "") + " --train-ids '" + trainIds
                + "' --tune-ids '" + tuneIds + "' --output " + ScorerModel.RESOURCE);
        ScorerModel model = ScorerTraining.train(newsbrief.models(), items, train, tune, comments,
                new ConsoleLog(err));
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(output, model.format(), StandardCharsets.UTF_8);
        err.println("newsbrief: wrote " + output);
        return CommandLine.ExitCode.OK;
    }

    private Predicate<String> pattern(String option, String regex) {
        try {
            return Pattern.compile(regex).asMatchPredicate();
        } catch (PatternSyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " is not a regular expression: " + regex);
        }
    }
}
