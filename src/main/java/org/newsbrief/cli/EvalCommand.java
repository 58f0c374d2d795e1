package org.newsbrief.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.evaluate.Evaluation;
import org.newsbrief.evaluate.Lab;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsbrief eval}: ROUGE scores of one or more algorithms on a data set with references. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Scores summaries against the references of a data set with ROUGE-1, ROUGE-2 and summary-level "
                    + "ROUGE-L (Porter-stemmed; best over each record's references; macro-averaged; "
                    + "95%% bootstrap intervals).",
            "Records are JSON Lines: {\"id\", \"text\" or \"documents\", \"references\": [...]}."
        })
final class EvalCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FILE.jsonl", required = true, description = "The data set.")
    private Path dataset;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N records.")
    private int limit;

    @Option(names = "--json", description = "Print the results as JSON.")
    private boolean json;

    @Mixin
    private SummaryOptions options;

    EvalCommand(Newsbrief newsbrief) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws IOException {
        int threads = options.threads();
        PrintWriter out = spec.commandLine().getOut();
        Lab.RougeScores scores = Labs.call(spec, () -> newsbrief.lab().evaluate(dataset,
                List.of(options.algorithmName().split(",")), Labs.length(spec), limit, threads,
                new ConsoleLog(spec.commandLine().getErr())));
        if (json) {
            printJson(out, scores);
        } else {
            printTable(out, scores);
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    private void printTable(PrintWriter out, Lab.RougeScores scores) {
        out.printf("ROUGE F1 on %s: %d records, summaries of at most %s; 95%% bootstrap intervals%n%n", dataset.getFileName(),
                scores.records(), scores.length());
        out.printf("%-11s %-21s %-21s %-21s %7s %12s%n", "algorithm", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "words",
                "points back");
        for (Evaluation.Result result : scores.results()) {
            out.printf("%-11s %-21s %-21s %-21s %7.1f %11.1f%%%n", result.algorithm(),
                    estimate(result.metric(Evaluation.Metric.ROUGE_1).f1()),
                    estimate(result.metric(Evaluation.Metric.ROUGE_2).f1()),
                    estimate(result.metric(Evaluation.Metric.ROUGE_LSUM).f1()), result.words(),
                    100 * result.pointingBack());
        }
        out.printf("%nPrecision and recall%n%n");
        out.printf("%-11s %-11s %-21s %-21s%n", "algorithm", "metric", "precision", "recall");
        for (Evaluation.Result result : scores.results()) {
            for (Evaluation.Metric metric : Evaluation.Metric.values()) {
                out.printf("%-11s %-11s %-21s %-21s%n", metric.ordinal() == 0 ? result.algorithm() : "", metric.label(),
                        estimate(result.metric(metric).precision()), estimate(result.metric(metric).recall()));
            }
        }
        out.printf("%n'points back': summaries with a sentence that opens like \"He\" or \"However\" while the sentence"
                + " before it is left out.%n");
    }

    private static String estimate(Evaluation.Estimate estimate) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", estimate.mean(), estimate.low(), estimate.high());
    }

    private void printJson(PrintWriter out, Lab.RougeScores scores) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("dataset", dataset.toString());
        root.put("records", scores.records());
        root.put("length", scores.length());
        ArrayNode rows = root.putArray("results");
        for (Evaluation.Result result : scores.results()) {
            ObjectNode row = rows.addObject();
            row.put("algorithm", result.algorithm());
            row.put("words", result.words());
            row.put("pointingBack", result.pointingBack());
            for (Evaluation.Metric metric : Evaluation.Metric.values()) {
                ObjectNode values = row.putObject(metric.label());
                Evaluation.MetricResult metricResult = result.metric(metric);
                put(values.putObject("precision"), metricResult.precision());
                put(values.putObject("recall"), metricResult.recall());
                put(values.putObject("f1"), metricResult.f1());
            }
        }
        out.println(mapper.writeValueAsString(root));
    }

    private static void put(ObjectNode node, Evaluation.Estimate estimate) {
        node.put("mean", estimate.mean());
        node.put("low", estimate.low());
        node.put("high", estimate.high());
    }
}
