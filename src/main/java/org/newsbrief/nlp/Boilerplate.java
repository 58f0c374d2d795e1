package org.newsbrief.nlp;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Lines that web pages and feeds wrap around an article and that are not part of it: empty
 * "Published:" stamps, share bars, "Related articles" trailers, advertisements, newsletter calls
 * and bylines. Only whole short lines are matched, so a sentence that merely starts with "Read
 * more" survives.
 */
final class Boilerplate {

    /** Colons, full stops and spaces at the end of a line. */
    private static final Pattern TRAILING_STOPS = Pattern.compile("[:.\\s]+$");
    private static final int MAX_WORDS = 16;
    private static final int MAX_WORDS_OF_SENTENCE = 5;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"'”’)]*\\s*$");

    private static final List<Pattern> LINES = compile(
            "(first |last )?(published|updated|posted|modified)(\\s*:.{0,60}|( on| at) \\D{0,30}\\d.{0,30}|)",
            "(share|share this|share this (article|story|page|post)|share on \\S+( \\S+)?|tweet|email|e-mail|print"
                    + "|copy link|save|bookmark|listen to this article)",
            "(advertisement|advert|ad|ads|sponsored( content)?|promoted|paid content|story continues below"
                    + "( advertisement)?|scroll to continue( with content)?)",
            "(subscribe|sign up|sign in|log in|get the newsletter|newsletter)\\b.*",
            "(read more|read next|read also|also read|see also|continue reading|click here|more here)\\b.*",
            "(watch|listen|watch now|listen now|play video)(\\s*:.*)?",
            "(follow( us)?( on)? (twitter|x|facebook|instagram|linkedin|threads|bluesky|telegram|whatsapp)|follow us).*",
            "(©|\\(c\\)|copyright)\\s.*",
            "(tags?|topics?|filed under|categories|category)\\s*:.*",
            "(image|photo|picture|video)( caption| credit| source)?\\s*:.*",
            "(comments?|leave a (comment|reply)|\\d+ comments?|view comments|show comments|add a comment)",
            "(previous|next)( article| story| post)?",
            "(back to top|skip to (main )?content|cookie settings|accept( all)? cookies)",
            // a date or time alone on its line is a dateline, not a heading
            "((mon|tues|wednes|thurs|fri|satur|sun)day,? )?\\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,? \\d{4}"
                    + "([ ,]+\\d{1,2}[:.]\\d{2}( ?[ap]m)?( [a-z]{2,5})?)?",
            "((mon|tues|wednes|thurs|fri|satur|sun)day,? )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2},? \\d{4}"
                    + "([ ,]+\\d{1,2}[:.]\\d{2}( ?[ap]m)?( [a-z]{2,5})?)?",
            "\\d{4}-\\d{2}-\\d{2}([ t]\\d{2}:\\d{2}(:\\d{2})?z?)?",
            "\\d+ (minutes?|hours?|days?) ago");

    /** "By Jane Smith, Defence Correspondent": names are capitalized, so this one is case-sensitive. */
    private static final Pattern BYLINE = Pattern.compile(
            "(By|BY|by)\\s+\\p{Lu}[\\p{L}.'’-]*(\\s+(\\p{Lu}[\\p{L}.'’-]*|and|&|de|da|van|von|bin|al-\\S+)){0,5}"
                    + "(\\s*[,|–—-].{0,60})?");

    /** Markers after which a page lists other stories, not this one. */
    private static final List<Pattern> TRAILERS = compile(
            "(related|recent|latest|more|top|popular|trending|recommended|similar|other)"
                    + "( articles?| stories| posts| news| reads?| coverage| reading| videos?| links| content)?",
            "(you may|you might|we think you('d| would)) (also )?(like|enjoy|be interested in).*",
            "more (on|from|about) .{1,40}",
            "most (read|popular|viewed|shared|watched)( .{1,30})?",
            "(what to read next|recommended for you|around the web|from around the web|elsewhere on .{1,30})");

    /**
     * Calls to the reader that outlets set inside the prose, between sentences: "READ MORE: ...",
     * "Click here to ...", "Scroll down for video", "Follow @CNNPhotos on Twitter ...". Matched
     * as whole sentences of at most {@link #PROMPT_MAX_WORDS} words, full stop or not.
     */
    private static final List<Pattern> PROMPTS = compile(
            "(read more|see also|related|watch|video|more)\\s*:.*",
            "(.*\\b)?click here\\b.*",
            "scroll down\\b.*",
            "follow\\b.{0,80}\\bon (twitter|x|facebook|instagram|meerkat|linkedin|tiktok)\\b.*");
    private static final int PROMPT_MAX_WORDS = 25;

    private Boilerplate() {}

    /** @return whether a sentence is a call to the reader rather than part of the story */
    static boolean isPrompt(String sentence) {
        String candidate = sentence.strip();
        if (candidate.isEmpty() || words(candidate, PROMPT_MAX_WORDS) > PROMPT_MAX_WORDS) {
            return false;
        }
        for (Pattern pattern : PROMPTS) {
            if (pattern.matcher(candidate).matches()) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the line is page furniture to drop */
    static boolean isBoilerplate(String line) {
        return matchesShort(LINES, line) || matchesShort(List.of(BYLINE), line);
    }

    /** @return whether the line starts a list of other articles, which is dropped with it */
    static boolean isTrailer(String line) {
        return matchesShort(TRAILERS, line);
    }

    private static boolean matchesShort(List<Pattern> patterns, String line) {
        String candidate = TRAILING_STOPS.matcher(line.strip()).replaceAll("");
        int words = words(candidate, MAX_WORDS);
        if (candidate.isEmpty() || words > MAX_WORDS || words > MAX_WORDS_OF_SENTENCE && SENTENCE_END.matcher(line).find()) {
            return false; // page furniture is short and rarely a full sentence
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(candidate).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param text text with no white space at either end
     * @param limit counting stops once past this
     * @return its runs between white space (as the regex \\s sees it), at most {@code limit + 1}
     */
    static int words(String text, int limit) {
        int words = 1;
        boolean inSpace = false;
        for (int i = 0; i < text.length() && words <= limit; i++) {
            char c = text.charAt(i);
            boolean space = Sentence.isSpace(c);
            if (space && !inSpace) {
                words++;
            }
            inSpace = space;
        }
        return words;
    }

    private static List<Pattern> compile(String... regexes) {
        return java.util.Arrays.stream(regexes)
                .map(regex -> Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    }
}
