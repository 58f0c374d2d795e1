package org.newsbrief.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.newsbrief.internal.Hashing;

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
 * @param origin where it was read from (file, feed item or URL), for messages
 * @param section the section of the briefing it belongs in, as the sources file or the input
 *     itself names it (see {@link SectionNames#displayName}), or empty
 * @param notes what readers should know about how it was read, such as "feed teaser only"
 * @param weight how much the source's word counts when stories are ranked (the sources file's
 *     {@code weight}); 1 by default
 */
public record Article(String id, String title, String source, LocalDate date, String url, String text, String origin,
        String section, List<String> notes, double weight) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        // Whatever a parser missed, control characters never travel on into briefings and terminals.
        text = TextDecoding.withoutControls(text);
        title = title == null ? "" : TextDecoding.withoutControls(title).strip();
        source = source == null ? "" : TextDecoding.withoutControls(source).strip();
        url = url == null ? "" : TextDecoding.withoutControls(url).strip();
        origin = origin == null ? id : origin;
        section = section == null ? "" : SectionNames.displayName(TextDecoding.withoutControls(section));
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number of at least 0: " + weight);
        }
    }

    /**
     * An article of ordinary weight.
     *
     * @param id identifier
     * @param title headline, may be empty
     * @param source outlet, may be empty
     * @param date publication date, or {@code null}
     * @param url address, may be empty
     * @param text the body
     * @param origin where it was read from
     * @param section the briefing section, may be empty
     * @param notes notes for readers
     */
    public Article(String id, String title, String source, LocalDate date, String url, String text, String origin,
            String section, List<String> notes) {
        this(id, title, source, date, url, text, origin, section, notes, 1);
    }

    /**
     * An article without section or notes.
     *
     * @param id identifier
     * @param title headline, may be empty
     * @param source outlet, may be empty
     * @param date publication date, or {@code null}
     * @param url address, may be empty
     * @param text the body
     * @param origin where it was read from
     */
    public Article(String id, String title, String source, LocalDate date, String url, String text, String origin) {
        this(id, title, source, date, url, text, origin, "", List.of());
    }

    /**
     * What a sources file entry says about its articles. Its section wins over the one an article
     * names itself, since whoever wrote the sources file chose where that source's stories go.
     *
     * @param outlet the outlet's name to use when the article names none
     * @param section the briefing section, or empty to keep the article's own
     * @return this article with those filled in
     */
    public Article withDefaults(String outlet, String section) {
        return new Article(id, title, source.isEmpty() && outlet != null ? outlet : source, date, url, text, origin,
                section == null || section.isBlank() ? this.section : section, notes, weight);
    }

    /**
     * What identifies the article across editions: its address when it has one, else a digest
     * of its title and text, so the same report read again from a folder is recognized.
     *
     * @return a stable key
     */
    public String key() {
        if (!url.isEmpty()) {
            return url;
        }
        return "sha256:" + Hashing.sha256Hex(title + "\n" + text.strip());
    }

    /**
     * @param weight the ranking weight of the source it came from
     * @return this article with that weight
     */
    public Article withWeight(double weight) {
        return new Article(id, title, source, date, url, text, origin, section, notes, weight);
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
