package org.newsbrief.ingest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One article as read from its source, before any language analysis.
 *
 * @param id stable identifier: the record id, or the file path (with a line number for JSON Lines)
 * @param title the headline, or an empty string when the source gives none (the analyzer may then
 *     find it in the text)
 * @param source the outlet's name, or an empty string when unknown
 * @param date the publication date, or {@code null} when unknown
 * @param url the article's address, or an empty string when unknown
 * @param text the body as plain text: paragraphs and headings separated by blank lines
 * @param origin where it was read from (file, or file and line), for messages
 */
public record Article(
        String id, String title, String source, LocalDate date, String url, String text, String origin) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        title = title == null ? "" : title.strip();
        source = source == null ? "" : source.strip();
        url = url == null ? "" : url.strip();
        origin = origin == null ? id : origin;
    }

    /**
     * An article known only by its text, as in batch summarization.
     *
     * @param id identifier used in output and messages
     * @param title headline, may be empty
     * @param text the body
     * @return the article
     */
    public static Article of(String id, String title, String text) {
        return new Article(id, title, "", null, "", text, id);
    }
}
