package org.newsbrief.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.evaluate.Lab;
import org.newsbrief.evaluate.StoryGrouping;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsbrief eval-stories}: B-cubed scores of story grouping on multi-document records. */
@Command(
        name = "eval-stories",
        mixinStandardHelpOptions = true,
        description = {
            "Scores how reports are grouped into stories. Every record of the data sets is one event: "
                    + "{\"id\", \"documents\": [{\"id\", \"text\", \"title\"?, \"date\"?}, ...]}. The documents of all "
                    + "records are mixed into one day, grouped as a briefing groups them, and scored with B-cubed "
                    + "precision, recall and F1 against the records.",
            "With several data sets, each is also scored alone."
        })
final class EvalStoriesCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FILE.jsonl", required = true,
            description = "A data set of multi-document records; repeat to mix several.")
    private List<Path> datasets;

    @Option(names = "--threads", paramLabel = "N", description = "Documents analyzed at once (default: 2).")
    private int threads = 2;

    @Option(names = "--json", description = "Print the results as JSON.")
    private boolean json;

    EvalStoriesCommand(Newsbrief newsbrief) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Lab.GroupingScores> scores = Labs.call(spec, () -> newsbrief.lab().evaluateStories(datasets, threads,
                new ConsoleLog(spec.commandLine().getErr())));
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode rows = mapper.createArrayNode();
            for (Lab.GroupingScores score : scores) {
                StoryGrouping.Result result = score.result();
                ObjectNode row = rows.addObject();
                row.put("data", score.data());
                row.put("reports", result.reports());
                row.put("events", result.events());
                row.put("stories", result.stories());
                row.put("precision", result.precision());
                row.put("recall", result.recall());
                row.put("f1", result.f1());
            }
            out.println(mapper.writeValueAsString(rows));
        } else {
            out.printf("Story grouping, B-cubed (each data set's events mixed into one day)%n%n");
            out.printf("%-44s %7s %6s %7s %9s %6s %6s%n", "data", "reports", "events", "stories", "precision", "recall", "F1");
            for (Lab.GroupingScores score : scores) {
                StoryGrouping.Result result = score.result();
                out.printf("%-44s %7d %6d %7d %9.3f %6.3f %6.3f%n", score.data(), result.reports(), result.events(),
                        result.stories(), result.precision(), result.recall(), result.f1());
            }
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
