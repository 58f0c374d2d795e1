package org.newsbrief.compose;

import java.util.List;
import java.util.Objects;

/**
 * A section of the briefing, such as Business or Sport.
 *
 * @param name its title
 * @param stories its stories, most important first
 */
public record Section(String name, List<Story> stories) {

    public Section {
        Objects.requireNonNull(name, "name");
        stories = List.copyOf(stories);
    }
}
