package org.newsbrief.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsbrief.compose.DocumentFrequencies;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.IngestException;
import org.newsbrief.ingest.JsonArticles;
import org.newsbrief.ingest.Utf8Lines;
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

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FILE.jsonl", required = true,
            description = "JSON Lines of articles ({\"title\", \"text\"} or {\"documents\": [...]}); repeat for several.")
    private List<Path> datasets;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "Where the table is written.")
    private Path output;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N records of each data set.")
    private int limit;

    @Override
    public Integer call() throws IOException {
        if (limit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must not be negative");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<String> texts = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        comments.add("newsbrief word frequencies: in how many articles each word stem occurs (letters and digits,"
                + " lower-cased, stop words left out, Porter-stemmed; stems in fewer than 3 articles left out)");
        comments.add("");
        for (Path dataset : datasets) {
            if (!Files.isRegularFile(dataset)) {
                throw new IngestException(dataset + ": no such file");
            }
            int records = 0;
            try (Utf8Lines reader = new Utf8Lines(Files.newInputStream(dataset), FetchSettings.DEFAULT_MAX_BYTES)) {
                for (Utf8Lines.Line line = reader.next(); line != null && (limit <= 0 || records < limit); line = reader.next()) {
                    String where = dataset + ":" + line.number();
                    if (!line.readable()) {
                        err.println("newsbrief: skipped " + where + ": " + line.problem());
                        continue;
                    }
                    if (line.text().isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode node = JsonArticles.readLine(line.text(), where);
                        JsonNode documents = node.get("documents");
                        if (documents != null && documents.isArray()) {
                            documents.forEach(document -> texts.add(text(document)));
                        } else {
                            texts.add(text(node));
                        }
                        records++;
                    } catch (IngestException e) {
                        err.println("newsbrief: skipped " + e.getMessage());
                    }
                }
            }
            comments.add("data: " + dataset.getFileName() + " sha256 " + org.newsbrief.internal.Hashing.sha256Hex(dataset)
                    + (limit > 0 ? " (first " + limit + " records)" : ""));
        }
        comments.add("command: newsbrief train frequencies" + datasets.stream().map(d -> " --dataset " + d.getFileName())
                .reduce("", String::concat) + (limit > 0 ? " --limit " + limit : "") + " --output news-df.txt");
        DocumentFrequencies table = DocumentFrequencies.count(texts);
        StringWriter written = new StringWriter();
        table.write(written, comments);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(output, written.toString(), StandardCharsets.UTF_8);
        err.printf("newsbrief: counted %d articles; wrote %s%n", table.documents(), output);
        return CommandLine.ExitCode.OK;
    }

    private static String text(JsonNode node) {
        JsonNode title = node.get("title");
        JsonNode text = node.get("text");
        return (title == null || title.isNull() ? "" : title.asText()) + "\n" + (text == null || text.isNull() ? "" : text.asText());
    }
}
