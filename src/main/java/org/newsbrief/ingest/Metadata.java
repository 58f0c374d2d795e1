package org.newsbrief.ingest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The key/value metadata a text header or Markdown front matter carries. */
final class Metadata {

    static final Set<String> KEYS = Set.of(
            "title", "headline", "source", "outlet", "publisher", "date", "published", "url", "link",
            "author", "byline", "language", "section");

    private final Map<String, String> values = new LinkedHashMap<>();

    /** @return whether {@code key} is a metadata key newsbrief knows */
    static boolean isKey(String key) {
        return KEYS.contains(key.strip().toLowerCase(Locale.ROOT));
    }

    void put(String key, String value) {
        values.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), unquote(value.strip()));
    }

    String first(String... keys) {
        for (String key : keys) {
            String value = values.get(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    Article toArticle(String location, String body) {
        LocalDate date = DateParsing.parse(first("date", "published"));
        return new Article(location, first("title", "headline"), first("source", "outlet", "publisher"),
                date, first("url", "link"), body, location, first("section", "category"), List.of());
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
