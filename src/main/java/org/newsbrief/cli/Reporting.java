package org.newsbrief.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsbrief.NewsbriefException;
import org.newsbrief.ingest.Ingestion;
import picocli.CommandLine;

/** The end of a reading run: one line per skipped input, a summary, the JSON report, the exit code. */
final class Reporting {

    private Reporting() {}

    /**
     * @return 0 when something usable was read, 1 when nothing was
     */
    static int finish(PrintWriter err, Ingestion.Report read, Path reportFile) throws IOException {
        read.skipped().forEach(skip -> err.println("newsbrief: skipped " + skip));
        err.println("newsbrief: " + read.summary());
        err.flush();
        if (reportFile != null) {
            write(reportFile, read);
        }
        if (read.articles().isEmpty()) {
            throw new NewsbriefException("nothing usable was read");
        }
        return CommandLine.ExitCode.OK;
    }

    static void write(Path file, Ingestion.Report read) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("sources", read.sources());
        root.put("articles", read.articles().size());
        root.put("duplicates", read.duplicates());
        root.put("summary", read.summary());
        ArrayNode articles = root.putArray("read");
        read.articles().forEach(article -> articles.addObject().put("origin", article.origin()).put("title", article.title())
                .put("outlet", article.source()).put("url", article.url()));
        ArrayNode skipped = root.putArray("skipped");
        read.skipped().forEach(skip -> skipped.addObject().put("source", skip.location()).put("reason", skip.reason()));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, mapper.writeValueAsString(root));
    }
}
