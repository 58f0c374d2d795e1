package org.newsbrief.compose;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A day's briefing, ready to render.
 *
 * @param title the edition's title
 * @param date the day it covers
 * @param generatedAt when it was made, with the time zone
 * @param items the stories, in reading order
 */
public record Briefing(String title, LocalDate date, ZonedDateTime generatedAt, List<BriefingItem> items) {

    public Briefing {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(generatedAt, "generatedAt");
        items = List.copyOf(items);
    }
}
