package org.newsbrief.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsbrief.events.RunLog;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.IngestException;
import org.newsbrief.ingest.JsonArticles;
import org.newsbrief.ingest.Utf8Lines;

/**
 * Reads the articles whose words the background word frequencies count: JSON Lines of single
 * articles ({@code {"title", "text"}}) or of several ({@code {"documents": [...]}}), each article
 * its title and text.
 */
final class FrequencyData {

    private FrequencyData() {}

    /**
     * @param dataset the file
     * @param limit read at most this many records; 0 for all
     * @param log receives each line that could not be used
     * @return each article's title and text, in file order
     * @throws IOException when the file cannot be read
     */
    static List<String> texts(Path dataset, int limit, RunLog log) throws IOException {
        List<String> texts = new ArrayList<>();
        int records = 0;
        try (Utf8Lines reader = new Utf8Lines(Files.newInputStream(dataset), FetchSettings.DEFAULT_MAX_BYTES)) {
            for (Utf8Lines.Line line = reader.next(); line != null && (limit <= 0 || records < limit); line = reader.next()) {
                String where = dataset + ":" + line.number();
                if (!line.readable()) {
                    log.skipped(where, line.problem());
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
                    String message = e.getMessage();
                    log.skipped(where, message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message);
                }
            }
        }
        return texts;
    }

    private static String text(JsonNode node) {
        JsonNode title = node.get("title");
        JsonNode text = node.get("text");
        return (title == null || title.isNull() ? "" : title.asText()) + "\n"
                + (text == null || text.isNull() ? "" : text.asText());
    }
}
