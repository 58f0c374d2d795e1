package org.newsbrief.render;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.Section;
import org.newsbrief.compose.Story;

/** The briefing as Markdown or as plain text, for mail bodies, chat and terminals. */
public final class PlainTextRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private PlainTextRenderer() {}

    /**
     * @param briefing the briefing
     * @return it as Markdown, article text escaped so that it cannot become markup
     */
    public static String markdown(Briefing briefing) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(escape(briefing.title())).append("\n\n");
        out.append("*").append(DAY.format(briefing.date())).append("*\n\n");
        if (!briefing.executiveSummary().isEmpty()) {
            out.append("## Executive summary\n\n");
            for (Briefing.Highlight highlight : briefing.executiveSummary()) {
                out.append("- **").append(escape(highlight.story().headline())).append("**: ")
                        .append(escape(highlight.sentence())).append('\n');
            }
            out.append('\n');
        }
        if (!briefing.keyNames().isEmpty()) {
            out.append("Names in this edition: ").append(escape(String.join(" · ", briefing.keyNames()))).append("\n\n");
        }
        for (Section section : briefing.sections()) {
            out.append("## ").append(escape(section.name())).append("\n\n");
            for (Story story : section.stories()) {
                out.append("### ").append(escape(story.headline())).append("\n\n");
                String byline = byline(story);
                if (!byline.isEmpty()) {
                    out.append('*').append(escape(byline)).append("*\n\n");
                }
                if (!story.summary().isEmpty()) {
                    out.append(escape(String.join(" ", story.summary()))).append("\n\n");
                }
                if (!story.keyNames().isEmpty()) {
                    out.append("Names: ").append(escape(String.join(", ", story.keyNames()))).append("\n\n");
                }
                for (Story.Outlet outlet : story.outlets()) {
                    out.append("- ").append(outlet.name().isEmpty() ? "" : escape(outlet.name()) + ": ");
                    if (HtmlRenderer.isWebLink(outlet.url())) {
                        out.append('[').append(escape(outlet.title())).append("](<")
                                .append(outlet.url().replace(">", "%3E").replace(" ", "%20")).append(">)");
                    } else {
                        out.append(escape(outlet.title()));
                    }
                    out.append('\n');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * @param briefing the briefing
     * @return it as plain text, wrapped at 78 columns
     */
    public static String text(Briefing briefing) {
        StringBuilder out = new StringBuilder();
        out.append(briefing.title().toUpperCase(Locale.ROOT)).append('\n').append(DAY.format(briefing.date())).append("\n\n");
        if (!briefing.executiveSummary().isEmpty()) {
            out.append("EXECUTIVE SUMMARY\n\n");
            for (Briefing.Highlight highlight : briefing.executiveSummary()) {
                wrap(out, "* " + highlight.story().headline() + ": " + highlight.sentence(), "  ");
            }
            out.append('\n');
        }
        if (!briefing.keyNames().isEmpty()) {
            wrap(out, "Names in this edition: " + String.join(" · ", briefing.keyNames()), "");
            out.append('\n');
        }
        for (Section section : briefing.sections()) {
            out.append(section.name().toUpperCase(Locale.ROOT)).append('\n').append("=".repeat(section.name().length())).append("\n\n");
            for (Story story : section.stories()) {
                wrap(out, story.headline(), "");
                String byline = byline(story);
                if (!byline.isEmpty()) {
                    wrap(out, byline, "");
                }
                out.append('\n');
                if (!story.summary().isEmpty()) {
                    wrap(out, String.join(" ", story.summary()), "");
                    out.append('\n');
                }
                if (!story.keyNames().isEmpty()) {
                    wrap(out, "Names: " + String.join(", ", story.keyNames()), "");
                    out.append('\n');
                }
                for (Story.Outlet outlet : story.outlets()) {
                    wrap(out, "- " + (outlet.name().isEmpty() ? "" : outlet.name() + ": ") + outlet.title(), "  ");
                    if (HtmlRenderer.isWebLink(outlet.url())) {
                        out.append("  ").append(outlet.url()).append('\n');
                    }
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** @return who reported the story, when, and how its summary was made, as far as known; empty when nothing is */
    private static String byline(Story story) {
        List<String> parts = new ArrayList<>();
        parts.add(HtmlRenderer.reportedBy(story.outletNames()));
        parts.add(story.date() == null ? "" : SHORT_DAY.format(story.date()));
        parts.add(story.coveredOn() == null ? "" : "Already in the " + SHORT_DAY.format(story.coveredOn()) + " edition");
        parts.add(HtmlRenderer.authorshipText(story.authorship()));
        return String.join(" · ", parts.stream().filter(part -> !part.isEmpty()).toList());
    }

    private static void wrap(StringBuilder out, String text, String indent) {
        int column = 0;
        for (String word : text.split("\\s+")) {
            if (column > 0 && column + 1 + word.length() > 78) {
                out.append('\n').append(indent);
                column = indent.length();
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        out.append('\n');
    }

    /** Backslash-escapes what Markdown would read as markup: emphasis, links, code, HTML, and list or heading marks at the start. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>|".indexOf(c) >= 0 || i == 0 && "#-+>".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
