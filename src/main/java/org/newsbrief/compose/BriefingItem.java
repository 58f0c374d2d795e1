package org.newsbrief.compose;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One story in the briefing.
 *
 * @param title the headline
 * @param source the outlet, or an empty string when unknown
 * @param date the publication date, or {@code null} when unknown
 * @param url the link to the original, or an empty string when unknown
 * @param summary the summary's sentences, verbatim from the article
 * @param language ISO 639-3 code of the article's language
 */
public record BriefingItem(String title, String source, LocalDate date, String url, List<String> summary,
        String language) {

    public BriefingItem {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        summary = List.copyOf(summary);
        Objects.requireNonNull(language, "language");
    }
}
