package org.newsbrief.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.evaluate.StoryGrouping;
import org.newsbrief.ingest.IngestException;
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
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, List<StoryGrouping.Report>> read = new LinkedHashMap<>();
        List<StoryGrouping.Report> all = new ArrayList<>();
        long started = System.nanoTime();
        for (Path dataset : datasets) {
            if (!Files.isRegularFile(dataset)) {
                throw new IngestException(dataset + ": no such file");
            }
            List<StoryGrouping.Report> reports = StoryGrouping.read(dataset, newsbrief.analyzer(), threads,
                    skip -> err.println("newsbrief: skipped " + skip));
            if (reports.isEmpty()) {
                throw new org.newsbrief.NewsbriefException(dataset + ": no usable record");
            }
            read.put(dataset.getFileName().toString(), reports);
            all.addAll(reports);
        }
        err.printf("newsbrief: read and analyzed %d reports in %.1f s%n", all.size(), (System.nanoTime() - started) / 1e9);
        err.flush();
        Map<String, StoryGrouping.Result> results = new LinkedHashMap<>();
        if (read.size() > 1) {
            read.forEach((name, reports) -> results.put(name, StoryGrouping.score(reports, BriefingComposer::group)));
        }
        results.put(String.join(" + ", read.keySet()), StoryGrouping.score(all, BriefingComposer::group));
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode rows = mapper.createArrayNode();
            results.forEach((name, result) -> {
                ObjectNode row = rows.addObject();
                row.put("data", name);
                row.put("reports", result.reports());
                row.put("events", result.events());
                row.put("stories", result.stories());
                row.put("precision", result.precision());
                row.put("recall", result.recall());
                row.put("f1", result.f1());
            });
            out.println(mapper.writeValueAsString(rows));
        } else {
            out.printf("Story grouping, B-cubed (each data set's events mixed into one day)%n%n");
            out.printf("%-44s %7s %6s %7s %9s %6s %6s%n", "data", "reports", "events", "stories", "precision", "recall", "F1");
            results.forEach((name, result) -> out.printf("%-44s %7d %6d %7d %9.3f %6.3f %6.3f%n", name, result.reports(),
                    result.events(), result.stories(), result.precision(), result.recall(), result.f1()));
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
