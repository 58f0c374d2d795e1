package org.newsbrief.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.newsbrief.BatchSummarization;
import org.newsbrief.Newsbrief;
import org.newsbrief.NewsbriefException;
import org.newsbrief.config.ConfigLoader;
import org.newsbrief.config.NewsbriefConfig;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.JsonArticles;
import org.newsbrief.ingest.NearDuplicates;

/**
 * Summarizes each line as the command line's batch does, writing the same output line, and sends
 * the article's fingerprint on to the search for near-duplicates.
 *
 * <p>Only the summary flags travel with the function; the facade, and the models under it, are
 * built in {@link #open} on the worker, the models once per JVM ({@link JvmModels}).
 */
final class SummarizeRecords extends ProcessFunction<SourceLine, String> {

    /** Each article the command line's reading would take, for the near-duplicate search. */
    static final OutputTag<Fingerprint> FINGERPRINTS = new OutputTag<>("fingerprints") { };
    /** Each line that could not be summarized, as {@code {"location", "reason"}}. */
    static final OutputTag<String> SKIPPED = new OutputTag<>("skipped") { };

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HashMap<String, ArrayList<String>> flags = new HashMap<>();
    private transient BatchSummarization batch;

    /**
     * @param flags the summary flags as the command line takes them ({@code --algorithm},
     *     {@code --sentences}, ...), each with its values as written
     */
    SummarizeRecords(Map<String, List<String>> flags) {
        flags.forEach((name, values) -> this.flags.put(name, new ArrayList<>(values)));
    }

    /**
     * @param flags the summary flags, each with its values as written
     * @return the settings they make, checked as the command line checks them
     * @throws org.newsbrief.config.ConfigException naming the flag of every problem
     */
    static NewsbriefConfig settings(Map<String, ? extends List<String>> flags) {
        return new ConfigLoader(Map.of()).load(null, Map.copyOf(flags), ConfigLoader.Purpose.COMMAND);
    }

    @Override
    public void open(OpenContext context) {
        batch = Newsbrief.builder(settings(flags)).models(JvmModels.get()).build().batch();
    }

    @Override
    public void processElement(SourceLine line, Context context, Collector<String> out) {
        String where = line.where();
        if (line.text() == null) {
            context.output(SKIPPED, skipped(where, line.problem()));
            return;
        }
        try {
            out.collect(batch.summarizeLine(line.text(), where));
        } catch (RuntimeException e) {
            // As the command line does: a line that cannot be summarized is reported, and the rest go on.
            context.output(SKIPPED, skipped(where, reason(e, where)));
        }
        Fingerprint print = fingerprint(line);
        if (print != null) {
            context.output(FINGERPRINTS, print);
        }
    }

    /**
     * @param line a readable line
     * @return its article's fingerprint, or {@code null} when the command line's reading would
     *     not take it as an article (no text, as a record of several documents has none) or its
     *     text has no word to compare
     */
    static Fingerprint fingerprint(SourceLine line) {
        String where = line.where();
        Article article;
        JsonNode node;
        try {
            node = JsonArticles.readLine(line.text(), where);
            article = JsonArticles.fromJson(node, where, where);
        } catch (NewsbriefException e) {
            return null;
        }
        int[] shingles = NearDuplicates.shingleSet(article.text());
        if (shingles.length == 0) {
            return null;
        }
        JsonNode id = node.get("id");
        String idJson = id == null || id.isNull() ? JSON.getNodeFactory().textNode(where).toString() : id.toString();
        return new Fingerprint(new Origin(line.file(), line.number(), idJson), shingles, MinHash.signature(shingles));
    }

    private static String reason(RuntimeException e, String where) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message;
    }

    private static String skipped(String where, String reason) {
        ObjectNode node = JSON.createObjectNode();
        node.put("location", where);
        node.put("reason", reason);
        return node.toString();
    }
}
