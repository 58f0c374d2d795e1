package org.newsbrief.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.newsbrief.NewsbriefException;
import org.newsbrief.compose.Briefing;
import org.newsbrief.events.RunEvent;
import org.newsbrief.compose.EditReport;
import org.newsbrief.ingest.Ingestion;
import picocli.CommandLine;

/** The end of a reading run: one line per skipped input, a summary, the JSON report, the exit code. */
final class Reporting {

    private Reporting() {}

    /**
     * @return 0 when something usable was read, 1 when nothing was
     */
    static int finish(PrintWriter err, Ingestion.Report read, Path reportFile) throws IOException {
        return finish(err, read, reportFile, Optional.empty(), List.of());
    }

    /**
     * @param edit what the briefing's editor did, empty when it did nothing
     * @param leftOut the stories and reports the briefing does not carry
     * @return 0 when something usable was read, 1 when nothing was
     */
    static int finish(PrintWriter err, Ingestion.Report read, Path reportFile, Optional<EditReport> edit,
            List<Briefing.LeftOut> leftOut) throws IOException {
        return finish(err, read, reportFile, edit, leftOut, List.of());
    }

    /**
     * @param events the run's warnings, failures and progress, which the report lists under {@code events}
     * @return 0 when something usable was read, 1 when nothing was
     */
    static int finish(PrintWriter err, Ingestion.Report read, Path reportFile, Optional<EditReport> edit,
            List<Briefing.LeftOut> leftOut, List<RunEvent> events) throws IOException {
        read.skipped().forEach(skip -> err.println("newsbrief: skipped " + skip));
        read.duplicateReads().forEach(copy -> err.println("newsbrief: left out " + copy.origin() + " \"" + copy.title()
                + "\": duplicate of " + copy.sameAs()));
        leftOut.forEach(left -> err.println("newsbrief: left out " + left.origin() + " \"" + left.headline() + "\": "
                + left.reason()));
        err.println("newsbrief: " + read.summary());
        if (!leftOut.isEmpty()) {
            err.println("newsbrief: " + leftOutSummary(leftOut));
        }
        err.flush();
        if (reportFile != null) {
            write(reportFile, read, edit, leftOut, events);
        }
        if (read.articles().isEmpty()) {
            throw new NewsbriefException("nothing usable was read");
        }
        return CommandLine.ExitCode.OK;
    }

    static void write(Path file, Ingestion.Report read) throws IOException {
        write(file, read, Optional.empty(), List.of());
    }

    /** "left out 7: 4 too old, 3 over the cap": how many and why, in one line. */
    static String leftOutSummary(List<Briefing.LeftOut> leftOut) {
        java.util.Map<String, Integer> reasons = new java.util.LinkedHashMap<>();
        for (Briefing.LeftOut left : leftOut) {
            String reason = left.reason();
            String kind = reason.startsWith("too old") ? "too old" : reason.startsWith("over the cap") ? "over the cap"
                    : reason.startsWith("carried by") ? "carried by an earlier edition" : reason;
            reasons.merge(kind, 1, Integer::sum);
        }
        StringBuilder line = new StringBuilder("left out " + leftOut.size() + ":");
        String separator = " ";
        for (java.util.Map.Entry<String, Integer> entry : reasons.entrySet()) {
            line.append(separator).append(entry.getValue()).append(' ').append(entry.getKey());
            separator = ", ";
        }
        return line.toString();
    }

    static void write(Path file, Ingestion.Report read, Optional<EditReport> edit, List<Briefing.LeftOut> leftOut)
            throws IOException {
        write(file, read, edit, leftOut, List.of());
    }

    static void write(Path file, Ingestion.Report read, Optional<EditReport> edit, List<Briefing.LeftOut> leftOut,
            List<RunEvent> events) throws IOException {
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
        ArrayNode left = root.putArray("left_out");
        read.duplicateReads().forEach(copy -> left.addObject().put("origin", copy.origin()).put("headline", copy.title())
                .put("reason", "duplicate of " + copy.sameAs()));
        leftOut.forEach(entry -> left.addObject().put("origin", entry.origin()).put("headline", entry.headline())
                .put("reason", entry.reason()));
        if (edit.isPresent()) {
            EditReport llm = edit.get();
            ObjectNode model = root.putObject("llm");
            model.put("summary", llm.summary());
            model.put("written", llm.written());
            model.put("kept_extractive", llm.keptExtractive());
            model.put("dropped_sentences", llm.droppedSentences());
            EditReport.ModelUsage usage = llm.usage();
            model.put("replies", usage.replies());
            model.put("from_cache", usage.fromCache());
            model.put("failed", usage.failed());
            model.put("not_sent", usage.notSent());
            model.put("http_requests", usage.httpRequests());
            model.put("input_tokens", usage.inputTokens());
            model.put("output_tokens", usage.outputTokens());
            model.put("estimated_cost", usage.estimatedCost());
            model.put("provider_given_up", usage.providerGivenUp());
            model.put("budget_spent", usage.budgetSpent());
            ArrayNode stories = model.putArray("stories");
            llm.stories().forEach(story -> stories.addObject().put("headline", story.headline())
                    .put("summary_by", story.authorship().method().name().toLowerCase(java.util.Locale.ROOT))
                    .put("checked_sources", story.authorship().checkedSources())
                    .put("reason", story.authorship().reason()));
        }
        ArrayNode logged = root.putArray("events");
        events.forEach(event -> logged.addObject().put("kind", event.kind()).put("message", event.message()));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, mapper.writeValueAsString(root));
    }
}
