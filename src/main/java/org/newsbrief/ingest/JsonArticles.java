package org.newsbrief.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Articles as JSON: one object, an array of objects, or JSON Lines (one object a line). An object
 * needs {@code text} (or {@code body}, {@code content}); {@code id}, {@code title}, {@code source},
 * {@code date} and {@code url} are optional, and other fields are ignored.
 */
public final class JsonArticles implements ArticleParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean lines;

    /**
     * @param lines true for JSON Lines, false for a single JSON document
     */
    JsonArticles(boolean lines) {
        this.lines = lines;
    }

    @Override
    public IngestResult parse(String location, String content) {
        return lines ? parseLines(location, content) : parseDocument(location, content);
    }

    private static IngestResult parseDocument(String location, String content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IngestException(location + ":" + e.getLocation().getLineNr() + ": malformed JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new IngestException(location + ": expected a JSON object or an array of objects");
        }
        List<Article> articles = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        if (root.isObject()) {
            articles.add(fromJson(root, location, location));
        } else {
            for (int i = 0; i < root.size(); i++) {
                String where = location + "[" + i + "]";
                try {
                    articles.add(fromJson(root.get(i), where, location + "#" + i));
                } catch (IngestException e) {
                    skipped.add(new SkippedInput(where, reasonOf(e, where)));
                }
            }
        }
        return new IngestResult(articles, skipped);
    }

    private static IngestResult parseLines(String location, String content) {
        List<Article> articles = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        String[] rows = content.split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            String where = location + ":" + (i + 1);
            try {
                articles.add(fromJson(readLine(rows[i], where), where, where));
            } catch (IngestException e) {
                skipped.add(new SkippedInput(where, reasonOf(e, where)));
            }
        }
        return new IngestResult(articles, skipped);
    }

    /**
     * Parses one line of JSON Lines.
     *
     * @param line the line's text
     * @param where file and line number, for the message
     * @return the parsed JSON value
     * @throws IngestException when the line is not well-formed JSON
     */
    public static JsonNode readLine(String line, String where) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IngestException(where + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Builds an article from one JSON object.
     *
     * @param node the object
     * @param where file and line (or index), for messages
     * @param fallbackId the id to use when the object has none
     * @return the article
     * @throws IngestException when the value is not an object or has no text
     */
    public static Article fromJson(JsonNode node, String where, String fallbackId) {
        if (node == null || !node.isObject()) {
            throw new IngestException(where + ": expected a JSON object");
        }
        String text = firstText(node, "text", "body", "content");
        if (text.isBlank()) {
            throw new IngestException(where + ": no \"text\" field (or it is empty)");
        }
        JsonNode id = node.get("id");
        String idText = id == null || id.isNull() ? fallbackId : id.asText();
        return new Article(idText, TextDecoding.clean(firstText(node, "title", "headline")),
                firstText(node, "source", "outlet"), DateParsing.parse(firstText(node, "date", "published")),
                firstText(node, "url", "link"), TextDecoding.clean(text), where);
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return "";
    }

    private static String reasonOf(IngestException e, String where) {
        String message = e.getMessage();
        return message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message;
    }
}
