package org.newsbrief;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.newsbrief.internal.Parallel;
import org.newsbrief.summarize.Summarizer;
import org.newsbrief.summarize.Summary;
import org.newsbrief.summarize.SummaryLength;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.IngestException;
import org.newsbrief.ingest.JsonArticles;
import org.newsbrief.ingest.SkippedInput;
import org.newsbrief.ingest.Utf8Lines;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.TextAnalyzer;

/**
 * Summarizes JSON Lines in bulk: each input line {@code {"id", "text", "title"?}} gives one
 * output line {@code {"id", "summary", "sentences"}}, in input order. A line may instead hold
 * several documents, {@code {"id", "documents": [{"title"?, "text", "date"?}, ...]}}, such as one
 * event's reports from several outlets; they get one summary together. A bad line is reported by
 * its number and skipped; the others still come out. Lines are worked on in parallel, a chunk at
 * a time, so memory stays bounded however long the input is.
 */
public final class BatchSummarization {

    private static final int CHUNK = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a batch did.
     *
     * @param read lines that held a record
     * @param written summaries written
     * @param skipped lines that could not be summarized, with the reason
     */
    public record Report(int read, int written, List<SkippedInput> skipped) {

        public Report {
            skipped = List.copyOf(skipped);
        }
    }

    /** Hears how far a batch has come. */
    @FunctionalInterface
    public interface Progress {

        /**
         * @param done records finished so far
         */
        void update(int done);
    }

    private final TextAnalyzer analyzer;
    private final Summarizer summarizer;
    private final SummaryLength length;
    private final int threads;

    /**
     * @param analyzer shared by all worker threads
     * @param summarizer shared by all worker threads; must be stateless
     * @param length the length of every summary
     * @param threads worker threads, at least 1
     */
    public BatchSummarization(TextAnalyzer analyzer, Summarizer summarizer, SummaryLength length, int threads) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
        this.length = Objects.requireNonNull(length, "length");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    /**
     * @param input JSON Lines to read, UTF-8; each line is decoded on its own, so a line that is
     *     not UTF-8 is skipped by its number like any other bad line
     * @param inputName the input's name, for messages ({@code in.jsonl:12: ...})
     * @param output where summaries go, one JSON object a line
     * @param skippedLines receives each skipped line as soon as it is known
     * @param progress receives the number of records done after each chunk
     * @return counts and the skipped lines
     * @throws IOException when reading or writing fails
     */
    public Report run(InputStream input, String inputName, Writer output, Consumer<SkippedInput> skippedLines,
            Progress progress) throws IOException {
        Utf8Lines reader = new Utf8Lines(input, FetchSettings.DEFAULT_MAX_BYTES);
        List<SkippedInput> skipped = new ArrayList<>();
        int read = 0;
        int written = 0;
        List<Utf8Lines.Line> lines = new ArrayList<>(CHUNK);
        for (Utf8Lines.Line line = reader.next(); ; line = reader.next()) {
            if (line != null && (!line.readable() || !line.text().isBlank())) {
                lines.add(line);
            }
            if (lines.size() == CHUNK || line == null && !lines.isEmpty()) {
                List<Parallel.Outcome<String>> results = Parallel.map(lines, threads, each -> {
                    String where = inputName + ":" + each.number();
                    if (!each.readable()) {
                        throw new IngestException(where + ": " + each.problem());
                    }
                    return summarizeLine(each.text(), where);
                });
                for (int i = 0; i < results.size(); i++) {
                    read++;
                    if (results.get(i).succeeded()) {
                        output.write(results.get(i).value());
                        output.write('\n');
                        written++;
                    } else {
                        SkippedInput skip = skipOf(results.get(i).failure(), inputName + ":" + lines.get(i).number());
                        skipped.add(skip);
                        skippedLines.accept(skip);
                    }
                }
                output.flush();
                progress.update(read);
                lines.clear();
            }
            if (line == null) {
                break;
            }
        }
        return new Report(read, written, skipped);
    }

    /**
     * Analyzes one record: a single article ({@code text}) or several ({@code documents}), which
     * are joined with {@link AnalyzedArticle#combine}.
     *
     * @param node the record
     * @param where file and line, for messages
     * @param analyzer the analyzer
     * @return the analyzed record
     * @throws IngestException when the record has neither usable text nor documents
     */
    private static AnalyzedArticle analyzeRecord(JsonNode node, String where, TextAnalyzer analyzer) {
        return AnalyzedArticle.of(JsonArticles.record(node, where), analyzer);
    }

    /**
     * Summarizes one input line as {@link #run} does each of its lines, for engines that hand
     * lines to many workers themselves; the line a batch would write for it comes back.
     *
     * @param line one line of JSON Lines, not blank
     * @param where file and line, for messages ({@code in.jsonl:12})
     * @return the output line, without its line break
     * @throws NewsbriefException naming {@code where} when the line is not a record that can be
     *     summarized, as {@link #run} would skip it
     */
    public String summarizeLine(String line, String where) {
        JsonNode node = JsonArticles.readLine(line, where);
        if (node.isObject() && (node.get("id") == null || node.get("id").isNull())) {
            throw new IngestException(where + ": no \"id\" field");
        }
        Summary summary = summarizer.summarize(analyzeRecord(node, where, analyzer), length);
        ObjectNode out = JSON.createObjectNode();
        out.set("id", node.get("id"));
        out.put("summary", String.join("\n", summary.texts()));
        ArrayNode sentences = out.putArray("sentences");
        summary.texts().forEach(sentences::add);
        try {
            return JSON.writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SkippedInput skipOf(Throwable cause, String where) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (message.startsWith(where + ": ")) {
            message = message.substring(where.length() + 2);
        }
        return new SkippedInput(where, message);
    }
}
