package org.newsbrief.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.newsbrief.internal.Parallel;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.IngestException;
import org.newsbrief.ingest.JsonArticles;
import org.newsbrief.ingest.SkippedInput;
import org.newsbrief.ingest.Utf8Lines;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.TextAnalyzer;

/**
 * How well reports are grouped into events, scored with B-cubed against data sets of
 * multi-document records: every record is one event, and the documents of all records read are
 * mixed into one day for the grouping to take apart.
 *
 * <p>B-cubed looks at each report in turn: its precision is the share of its story that belongs
 * to its event, its recall the share of its event that is in its story; both are averaged over
 * reports and F1 is their harmonic mean. A story that swallows two events costs precision, an
 * event split in two costs recall.
 */
public final class StoryGrouping {

    /**
     * One report and the event it belongs to.
     *
     * @param event the id of the record it came from
     * @param article the analyzed report
     */
    public record Report(String event, AnalyzedArticle article) {}

    /**
     * @param reports how many reports were grouped
     * @param events how many events they belong to
     * @param stories how many stories the grouping made
     * @param precision B-cubed precision
     * @param recall B-cubed recall
     * @param f1 their harmonic mean
     */
    public record Result(int reports, int events, int stories, double precision, double recall, double f1) {}

    private StoryGrouping() {}

    /**
     * Reads the documents of every multi-document record ({@code {"id", "documents": [{"id",
     * "text", "title"?, "date"?}]}}) and analyzes them on several threads. A bad record or
     * document is reported and skipped.
     *
     * @param dataset the file
     * @param analyzer the analyzer
     * @param threads documents analyzed at once
     * @param skipped receives what could not be used
     * @return the reports, in file order
     * @throws IOException when the file cannot be read
     */
    public static List<Report> read(Path dataset, TextAnalyzer analyzer, int threads, Consumer<SkippedInput> skipped)
            throws IOException {
        List<String> events = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        try (Utf8Lines reader = new Utf8Lines(Files.newInputStream(dataset), FetchSettings.DEFAULT_MAX_BYTES)) {
            for (Utf8Lines.Line line = reader.next(); line != null; line = reader.next()) {
                String where = dataset + ":" + line.number();
                if (!line.readable()) {
                    skipped.accept(new SkippedInput(where, line.problem()));
                    continue;
                }
                if (line.text().isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JsonArticles.readLine(line.text(), where);
                    JsonNode id = node.get("id");
                    JsonNode documents = node.get("documents");
                    if (id == null || !id.isValueNode()) {
                        throw new IngestException(where + ": no \"id\" field");
                    }
                    if (documents == null || !documents.isArray() || documents.isEmpty()) {
                        throw new IngestException(where + ": no \"documents\" list; each record must be one event's reports");
                    }
                    for (int d = 0; d < documents.size(); d++) {
                        String document = where + ": document " + (d + 1);
                        try {
                            articles.add(JsonArticles.fromJson(documents.get(d), document, document));
                            events.add(id.asText());
                        } catch (IngestException e) {
                            skipped.accept(skip(e, document));
                        }
                    }
                } catch (IngestException e) {
                    skipped.accept(skip(e, where));
                }
            }
        }
        List<Parallel.Outcome<AnalyzedArticle>> analyzed = Parallel.map(articles, threads, analyzer::analyze);
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            if (analyzed.get(i).succeeded()) {
                reports.add(new Report(events.get(i), analyzed.get(i).value()));
            } else {
                skipped.accept(new SkippedInput(articles.get(i).origin(), analyzed.get(i).reason()));
            }
        }
        return reports;
    }

    /**
     * @param reports the day's reports with their events
     * @param grouping the grouping to score
     * @return B-cubed precision, recall and F1
     */
    public static Result score(List<Report> reports, Function<List<AnalyzedArticle>, List<List<AnalyzedArticle>>> grouping) {
        Map<AnalyzedArticle, String> eventOf = new IdentityHashMap<>();
        Map<String, Integer> eventSize = new HashMap<>();
        for (Report report : reports) {
            eventOf.put(report.article(), report.event());
            eventSize.merge(report.event(), 1, Integer::sum);
        }
        List<List<AnalyzedArticle>> stories = grouping.apply(reports.stream().map(Report::article).toList());
        double precision = 0;
        double recall = 0;
        int grouped = 0;
        for (List<AnalyzedArticle> story : stories) {
            Map<String, Integer> shared = new HashMap<>();
            story.forEach(article -> shared.merge(eventOf.get(article), 1, Integer::sum));
            for (AnalyzedArticle article : story) {
                int same = shared.get(eventOf.get(article));
                precision += (double) same / story.size();
                recall += (double) same / eventSize.get(eventOf.get(article));
                grouped++;
            }
        }
        if (grouped != reports.size()) {
            throw new IllegalStateException("the grouping returned " + grouped + " reports of " + reports.size());
        }
        precision /= grouped;
        recall /= grouped;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Result(grouped, eventSize.size(), stories.size(), precision, recall, f1);
    }

    private static SkippedInput skip(IngestException e, String where) {
        String message = e.getMessage();
        return new SkippedInput(where, message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message);
    }
}
