package org.newsbrief.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Articles as JSON: one object, an array of objects, or JSON Lines (one object a line). An object
 * needs {@code text} (or {@code body}, {@code content}); {@code id}, {@code title}, {@code source},
 * {@code date}, {@code url} and {@code section} (or {@code category}, a name or a list whose first
 * name counts) are optional, and other fields are ignored.
 */
public final class JsonArticles implements ArticleParser {

    /** Articles are flat records; a deeper document is an attack on the parser, not news. */
    static final int MAX_DEPTH = 100;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

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
            throw new IngestException(location + lineOf(e) + ": malformed JSON: " + firstLine(e.getOriginalMessage()), e);
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

    /**
     * Reads JSON Lines as a stream, a line at a time, so a file of any length is read in the
     * memory its articles need; each line is decoded on its own (see {@link Utf8Lines}).
     *
     * @param location the file, for messages
     * @param input the file's bytes, closed when done
     * @param maxLineBytes the longest line read
     * @return the articles, and the lines skipped with their numbers
     * @throws IOException when reading fails
     * @throws IngestException when the file holds no lines at all
     */
    static IngestResult readLines(String location, java.io.InputStream input, long maxLineBytes) throws IOException {
        List<Article> articles = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        boolean any = false;
        try (Utf8Lines lines = new Utf8Lines(input, maxLineBytes)) {
            for (Utf8Lines.Line line = lines.next(); line != null; line = lines.next()) {
                String where = location + ":" + line.number();
                if (!line.readable()) {
                    skipped.add(new SkippedInput(where, line.problem()));
                    any = true;
                    continue;
                }
                if (line.text().isBlank()) {
                    continue;
                }
                any = true;
                try {
                    articles.add(fromJson(readLine(line.text(), where), where, where));
                } catch (IngestException e) {
                    skipped.add(new SkippedInput(where, reasonOf(e, where)));
                }
            }
        }
        if (!any) {
            throw new IngestException(location + ": empty file");
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
            throw new IngestException(where + ": malformed JSON: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    /**
     * One record of a batch: a single article, or several documents (one event's reports from
     * several outlets) summarized together under the record's id and title.
     *
     * @param article the article, or for several documents the record itself, with no text
     * @param documents the documents, in order; empty for a single article
     */
    public record Record(Article article, List<Article> documents) {

        public Record {
            java.util.Objects.requireNonNull(article, "article");
            documents = List.copyOf(documents);
        }
    }

    /**
     * @param node a batch line's object: {@code {"id", "text", "title"?}} or
     *     {@code {"id", "title"?, "documents": [{"title"?, "text", "date"?}, ...]}}
     * @param where file and line, for messages
     * @return the record
     * @throws IngestException when it has neither usable text nor documents
     */
    public static Record record(JsonNode node, String where) {
        JsonNode documents = node == null ? null : node.get("documents");
        if (documents == null || documents.isNull()) {
            return new Record(fromJson(node, where, where), List.of());
        }
        if (!documents.isArray() || documents.isEmpty()) {
            throw new IngestException(where + ": \"documents\" must be a non-empty array");
        }
        List<Article> parts = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            parts.add(fromJson(documents.get(i), where + ": document " + (i + 1), where));
        }
        JsonNode id = node.get("id");
        JsonNode title = node.get("title");
        Article record = new Article(id == null || id.isNull() ? where : id.asText(),
                title == null || title.isNull() ? "" : title.asText(), "", null, "", "", where);
        return new Record(record, parts);
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
                firstText(node, "url", "link"), TextDecoding.clean(text), where, section(node), List.of());
    }

    /** The record's section: {@code section}, else {@code category}; of a list, its first name. */
    private static String section(JsonNode node) {
        for (String name : List.of("section", "category")) {
            JsonNode value = node.get(name);
            if (value != null && value.isArray() && !value.isEmpty()) {
                value = value.get(0);
            }
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return "";
    }

    /** {@code ":12"} for the line the parser stopped on, or nothing when it does not say. */
    static String lineOf(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : ":" + e.getLocation().getLineNr();
    }

    /** The first line of a parser's message, which may go on with a snippet of the input. */
    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The first of the fields that holds text; {@code null} counts as missing, not as the word. */
    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
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
