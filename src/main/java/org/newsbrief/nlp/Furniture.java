package org.newsbrief.nlp;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What news desks put around a story's prose inside its paragraphs: datelines and agency credits
 * ("WASHINGTON (AP) — ", "(CNN)"), the Daily Mail's byline and time stamps ("By . Daily Mail
 * Reporter . PUBLISHED: . ..."), editors' notes ("Eds: UPDATES with ...") at the front, and the
 * wire desk's pick-up markers ("Temperatures in, 3rd graf pvs") at the end; and, between
 * sentences, photo captions ("Scam: Patricia Glancy conned five couples ... .").
 *
 * <p>Furniture is not cut from the text: the first and last sentences of a paragraph start after
 * and end before it, so every sentence still quotes the text exactly.
 */
final class Furniture {

    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
    /** One to four capitalized words: "Tokyo", "RIO DE JANEIRO", "New Delhi". */
    private static final String PLACE = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}";
    /** The same, written in capitals, as wire datelines without an agency are: "TOPEKA, Kan. _". */
    private static final String CAPS_PLACE = "\\p{Lu}[\\p{Lu}.'’-]+(?:\\s+\\p{Lu}[\\p{Lu}.'’-]+){0,3}";
    /** ", Germany", ", N.Y.", and the date some agencies add: ", Nov 24", " August 7". */
    private static final String REGION_DATE = "(?:,\\s*" + PLACE + "){0,2}(?:,?\\s*" + MONTH + "\\s+\\d{1,2}(?:,\\s*\\d{4})?)?";
    private static final String DASH = "(?:--|—|–|-|_)";

    /**
     * A place and date before an outlet in brackets: the bracket is followed by a dash, or glued
     * to the first word ("(CNN)Share"), or is one of the agencies that datelines name.
     */
    private static final Pattern CREDIT = Pattern.compile("(?:" + PLACE + REGION_DATE + "\\s*)?\\(([^()\\n]{1,40})\\)"
            + "(?:\\s*" + DASH + "\\s*|(?=[\\p{Lu}\"“‘'\\d])|\\s+(?=\\p{Lu}))");
    private static final Pattern AGENCY = Pattern.compile(
            "CNN|AP|Reuters|AFP|Xinhua|UPI|dpa|Bloomberg|PA|CNN\\.com|[\\p{L}. ]{1,30}(?:Wire|News|Press|\\.com)",
            Pattern.CASE_INSENSITIVE);
    /** "WASHINGTON _ ", "LONDON, England -- ": a place in capitals and a dash, no agency. */
    private static final Pattern CAPS_DATELINE = Pattern.compile(CAPS_PLACE + REGION_DATE + "\\s+" + DASH + "\\s+");
    /** "By . Daily Mail Reporter . " and "By . Mark Duell . and Hugo Gye . ". */
    private static final Pattern DOTTED_BYLINE = Pattern.compile("By\\s+\\.\\s+[^.]{1,60}?\\s+\\.\\s+(?:and\\s+[^.]{1,60}?\\s+\\.\\s+)?");
    /** "PUBLISHED: . 14:11 EST, 25 October 2013 . | . ", "Last updated at 1:25 AM on 3rd August 2011 . ". */
    private static final Pattern STAMP = Pattern.compile(
            "(?:PUBLISHED|UPDATED|Last updated at)\\s*:?\\s*\\.?\\s*[^.|]{0,40}?\\d{4}\\s*\\.\\s*(?:\\|\\s*\\.\\s*)?");
    /** A date alone before the prose, as CNN Student News opens: "March 10, 2015 . ". */
    private static final Pattern DATE = Pattern.compile(MONTH + "\\s+\\d{1,2},\\s*\\d{4}\\s+\\.\\s+");
    /** An editors' note or a headline marked with a star, ended by the dateline that follows it. */
    private static final Pattern NOTE = Pattern.compile("(?:Eds?|EDS|Editors?|EDITORS)\\s*:|\\*");
    private static final int NOTE_MAX_CHARS = 400;
    private static final Pattern WIRE_DATELINE = Pattern.compile(
            "(?<=\\s)" + CAPS_PLACE + REGION_DATE + "\\s*(?:\\([^()\\n]{1,40}\\)\\s*)?" + DASH + "\\s+");

    /** "The plane, 5th graf pvs.", "Stepinac was, 5th graf, pvs. (pvs/sv/ )": the fragment and its marker. */
    private static final Pattern PICKUP = Pattern.compile(
            "(?:^|(?<=[.!?][\"'”’)]{0,2}\\s))[^.!?\\n]{0,120}?,?\\s*\\d{1,2}(?:st|nd|rd|th)\\s+graf\\b[^\\n]{0,40}$");

    /** A wire take's closing marker, "(MORE)", "(END)" or "(END OPTIONAL TRIM)", at a paragraph's end. */
    private static final Pattern TAKE_MARKER = Pattern.compile("\\s*\\((?:MORE|END|END OPTIONAL TRIM|OPTIONAL TRIM)\\)\\s*$");

    /** "Andrew Moss: He will be paid..." closed by a spaced full stop, as the Daily Mail sets captions. */
    private static final Pattern CAPTION = Pattern.compile(
            "(\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,3})\\s*:\\s+\\S.{0,300}\\s\\.");
    private static final List<String> SPEECH = List.of("said", "says", "added", "told", "wrote", "explained", "asked",
            "tweeted", "warned", "stated", "insisted", "claimed", "continued", "replied");

    private Furniture() {}

    /**
     * @param paragraph a paragraph's text
     * @return how many characters at its front are furniture, 0 when there is none
     */
    static int lead(String paragraph) {
        int at = 0;
        boolean found = true;
        while (found && at < paragraph.length()) {
            found = false;
            int next = matchAt(paragraph, at);
            if (next > at) {
                at = next;
                found = true;
            }
        }
        return at;
    }

    private static int matchAt(String text, int at) {
        for (Pattern pattern : List.of(DOTTED_BYLINE, STAMP, DATE, CAPS_DATELINE)) {
            Matcher matcher = pattern.matcher(text).region(at, text.length());
            if (matcher.lookingAt()) {
                return matcher.end();
            }
        }
        Matcher credit = CREDIT.matcher(text).region(at, text.length());
        if (credit.lookingAt()) {
            boolean spaced = credit.end() > credit.end(1) + 1 && text.substring(credit.end(1) + 1, credit.end()).isBlank();
            if (!spaced || AGENCY.matcher(credit.group(1).strip()).matches()) {
                return credit.end();
            }
        }
        Matcher note = NOTE.matcher(text).region(at, text.length());
        if (note.lookingAt()) {
            Matcher dateline = WIRE_DATELINE.matcher(text).region(note.end(), Math.min(text.length(), at + NOTE_MAX_CHARS));
            if (dateline.find()) {
                return dateline.end();
            }
        }
        return at;
    }

    /**
     * @param paragraph a paragraph's text
     * @param from where its prose starts, after any {@link #lead}
     * @return where its prose ends: before a wire desk's pick-up marker or a take's closing
     *     "(MORE)" or "(END)", else the paragraph's length
     */
    static int end(String paragraph, int from) {
        int to = paragraph.length();
        if (paragraph.indexOf("graf", from) >= 0) { // the marker's own word, absent from nearly every paragraph
            Matcher matcher = PICKUP.matcher(paragraph).region(from, paragraph.length());
            matcher.useTransparentBounds(true);
            to = matcher.find() ? matcher.start() : to;
        }
        if (paragraph.lastIndexOf(')', to) > paragraph.lastIndexOf('(', to)) {
            Matcher marker = TAKE_MARKER.matcher(paragraph).region(from, to);
            to = marker.find() ? marker.start() : to;
        }
        return to;
    }

    /**
     * @param text a block's text
     * @return it without a take's closing marker at its end, such as "(MORE)"
     */
    static String withoutTakeMarker(String text) {
        if (!text.endsWith(")")) {
            return text;
        }
        Matcher marker = TAKE_MARKER.matcher(text);
        return marker.find() ? text.substring(0, marker.start()) : text;
    }

    /**
     * @param sentence a sentence's text
     * @return whether it is a photo caption: a short label, a colon, and a spaced full stop
     */
    static boolean isCaption(String sentence) {
        Matcher matcher = CAPTION.matcher(sentence);
        if (!matcher.matches()) {
            return false;
        }
        String[] label = matcher.group(1).split("\\s+");
        return !SPEECH.contains(label[label.length - 1].toLowerCase(java.util.Locale.ROOT));
    }
}
