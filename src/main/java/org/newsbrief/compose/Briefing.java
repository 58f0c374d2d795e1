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
 * @param executiveSummary the top stories in one sentence each, most important first
 * @param sections the stories by section, sections in order of their best story
 * @param keyNames the names that matter most across the edition
 * @param leftOut the stories and reports the edition does not carry, each with the reason
 */
public record Briefing(String title, LocalDate date, ZonedDateTime generatedAt, List<Highlight> executiveSummary,
        List<Section> sections, List<String> keyNames, List<LeftOut> leftOut) {

    /**
     * A story or report read but not carried.
     *
     * @param headline its headline
     * @param origin where it was read from (for a story, its first report's)
     * @param reason why it was left out, such as "over the cap of 40 stories"
     */
    public record LeftOut(String headline, String origin, String reason) {}

    /**
     * A briefing that left nothing out.
     *
     * @param title the edition's title
     * @param date the day it covers
     * @param generatedAt when it was made
     * @param executiveSummary the top stories in one sentence each
     * @param sections the stories by section
     * @param keyNames the names that matter most
     */
    public Briefing(String title, LocalDate date, ZonedDateTime generatedAt, List<Highlight> executiveSummary,
            List<Section> sections, List<String> keyNames) {
        this(title, date, generatedAt, executiveSummary, sections, keyNames, List.of());
    }

    /**
     * @param title another title, such as a named edition's
     * @return this briefing under that title
     */
    public Briefing withTitle(String title) {
        return new Briefing(title, date, generatedAt, executiveSummary, sections, keyNames, leftOut);
    }

    /**
     * One line of the executive summary.
     *
     * @param story the story it stands for
     * @param sentence the story's key sentence
     */
    public record Highlight(Story story, String sentence) {}

    public Briefing {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(generatedAt, "generatedAt");
        executiveSummary = List.copyOf(executiveSummary);
        sections = List.copyOf(sections);
        keyNames = List.copyOf(keyNames);
        leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
    }

    /**
     * @param replacements new versions of some stories, each keyed by the {@link Story#id()} of the
     *     story it replaces, which it keeps
     * @param executive the new executive summary
     * @return this briefing with those stories replaced in place and the executive summary given
     * @throws IllegalArgumentException when a replacement's id is not its key
     */
    public Briefing replacing(java.util.Map<String, Story> replacements, List<Highlight> executive) {
        replacements.forEach((id, story) -> {
            if (!story.id().equals(id)) {
                throw new IllegalArgumentException("replacements must keep the id they are keyed by: '" + id
                        + "' is replaced by a story with id '" + story.id() + "'");
            }
        });
        List<Section> replaced = sections.stream().map(section -> new Section(section.name(), section.stories().stream()
                .map(story -> replacements.getOrDefault(story.id(), story)).toList())).toList();
        return new Briefing(title, date, generatedAt, executive, replaced, keyNames, leftOut);
    }

    /** @return every story, section by section */
    public List<Story> stories() {
        return sections.stream().flatMap(section -> section.stories().stream()).toList();
    }
}
