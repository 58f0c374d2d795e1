package org.newsbrief.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.config.ConfigLoader;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Block;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief extract}: what ingestion and analysis made of each source. */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = "Prints what newsbrief reads from each SOURCE (file, folder, feed or web page URL): title, outlet,"
                + " date, URL, language, headings and paragraphs, and the lines it dropped.")
final class ExtractCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Files, folders, or http(s) addresses of feeds and pages.")
    private List<String> sources = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write what was read and skipped as JSON.")
    private java.nio.file.Path report;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    private boolean verbose;

    @Mixin
    private FetchOptions fetch;

    ExtractCommand(Newsbrief newsbrief) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be text or json");
        }
        Newsbrief.Extraction extracted = newsbrief.with(CommandSettings.load(spec, null, ConfigLoader.Purpose.COMMAND))
                .extract(sources, new ConsoleLog(spec.commandLine().getErr()));
        List<AnalyzedArticle> analyzed = extracted.articles();
        var read = extracted.read();
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            analyzed.forEach(article -> {
                ObjectNode node = json(mapper, article);
                ArrayNode outlets = node.putArray("reportedBy");
                read.outlets(article.source()).forEach(outlets::add);
                array.add(node);
            });
            out.println(mapper.writeValueAsString(array));
        } else {
            analyzed.forEach(article -> text(out, article, read.outlets(article.source())));
        }
        out.flush();
        return Reporting.finish(spec.commandLine().getErr(), read, report);
    }

    private static void text(PrintWriter out, AnalyzedArticle article, List<String> outlets) {
        out.println("==> " + article.source().origin() + " <==");
        out.println("title:    " + article.title());
        out.println("outlet:   " + article.source().source());
        if (outlets.size() > 1) {
            out.println("reported by: " + String.join(", ", outlets) + " (near-identical texts)");
        }
        out.println("date:     " + (article.source().date() == null ? "" : article.source().date()));
        out.println("url:      " + article.source().url());
        out.println("language: " + article.language());
        if (!article.source().section().isEmpty()) {
            out.println("section:  " + article.source().section());
        }
        article.notes().forEach(note -> out.println("note:     " + note));
        out.println();
        for (Block block : article.blocks()) {
            out.println(block.kind() == Block.Kind.HEADING ? "## " + block.text() : block.text());
            out.println();
        }
        if (!article.dropped().isEmpty()) {
            out.println("dropped:  " + String.join(" | ", article.dropped()));
            out.println();
        }
    }

    private static ObjectNode json(ObjectMapper mapper, AnalyzedArticle article) {
        ObjectNode node = mapper.createObjectNode();
        node.put("source", article.source().origin());
        node.put("title", article.title());
        node.put("outlet", article.source().source());
        node.put("date", article.source().date() == null ? null : article.source().date().toString());
        node.put("url", article.source().url());
        node.put("language", article.language());
        node.put("section", article.source().section());
        ArrayNode notes = node.putArray("notes");
        article.notes().forEach(notes::add);
        ArrayNode headings = node.putArray("headings");
        article.headings().forEach(headings::add);
        ArrayNode paragraphs = node.putArray("paragraphs");
        article.paragraphs().forEach(paragraphs::add);
        ArrayNode dropped = node.putArray("dropped");
        article.dropped().forEach(dropped::add);
        return node;
    }
}
