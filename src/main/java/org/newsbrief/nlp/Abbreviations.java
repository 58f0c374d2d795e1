package org.newsbrief.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;

/**
 * Mends sentence boundaries that a sentence model put after an abbreviation: "Hamas on Monday
 * denounced U.S." is not a sentence. Titles before a name (Mr., Sen., Gen.) never end one.
 * Abbreviations that a sentence can end with (U.S., Inc., Jan., initials) end one only when the
 * next piece opens with a word that typically starts a sentence ("The", "He", "But"), or a quote;
 * a name ("U.S. Secretary", "J. Edgar") continues it. This is the usual rule of thumb for
 * abbreviation-final periods (Gillick, "Sentence Boundary Detection and the Problem with the U.S.",
 * NAACL 2009, shows how much of the remaining error sits there).
 */
final class Abbreviations {

    /** Titles and words that always stand before a name or number. */
    private static final Set<String> BEFORE_NAME = Set.of("Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Prof.", "Gen.",
            "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cpl.", "Pvt.", "Adm.", "Cmdr.", "Brig.", "Sen.", "Sens.", "Rep.",
            "Reps.", "Gov.", "Lt.Gov.", "Atty.", "Supt.", "Det.", "Insp.", "Rev.", "Hon.", "Pres.", "Gens.", "Mt.",
            "Ft.", "Fr.", "Sra.", "Mme.", "Mlle.");
    /** Abbreviations a sentence may end with, checked against what follows. */
    private static final Set<String> MAY_END = Set.of("Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
            "Sept.", "Oct.", "Nov.", "Dec.", "Co.", "Corp.", "Inc.", "Ltd.", "Jr.", "Sr.", "St.", "Bros.", "Ave.", "Blvd.",
            "Dept.", "Univ.", "Assn.", "No.", "Nos.", "vs.", "v.");
    /** Initials: "U.S.", "U.N.", "N.Y.", "J.". */
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.){1,4}");
    /** Initials of two letters or more, a space, and a capitalized word. */
    private static final Pattern INITIALS_BEFORE_WORD = Pattern.compile(
            "(?<=\\s)((?:\\p{Lu}\\.){2,4})\\s+(\\p{Lu}\\p{Ll}*)\\b");

    /** Words that open sentences far more often than they continue a name. */
    private static final Set<String> STARTERS = Set.of("The", "A", "An", "He", "She", "It", "They", "We", "I", "You",
            "But", "And", "Or", "So", "Yet", "In", "On", "At", "By", "For", "From", "With", "Without", "To", "As",
            "After", "Before", "When", "While", "Where", "If", "Although", "Though", "Because", "Since", "Despite",
            "During", "This", "That", "These", "Those", "There", "Here", "His", "Her", "Its", "Their", "Our", "My",
            "Your", "Some", "Many", "Most", "Several", "Such", "Both", "Each", "Other", "Others", "Then", "Now",
            "Still", "Also", "However", "Meanwhile", "Moreover", "Instead", "Last", "Earlier", "Later", "Officials",
            "According", "Under", "Over", "About", "Among", "One", "Two", "No", "Not", "What", "Who", "Why", "How",
            "Asked", "Even", "Only", "Yesterday", "Today", "Tomorrow");
    private static final String OPENERS = "\"“‘'(";

    private Abbreviations() {}

    /**
     * @param text the text the spans are in
     * @param spans sentence spans, in order
     * @return the spans, with those that end in an abbreviation joined to the next
     */
    static Span[] merge(String text, Span[] spans) {
        spans = splitAfterInitials(text, spans);
        if (spans.length < 2) {
            return spans;
        }
        List<Span> merged = new ArrayList<>();
        Span current = spans[0];
        for (int i = 1; i < spans.length; i++) {
            Span next = spans[i];
            if (continues(lastWord(text, current), firstWord(text, next))) {
                current = new Span(current.getStart(), next.getEnd());
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return merged.toArray(new Span[0]);
    }

    /**
     * The sentence model reads "U.S." as never ending a sentence; it does when a typical opener
     * follows: "flew back to the U.S. The trip had lasted nine days."
     */
    private static Span[] splitAfterInitials(String text, Span[] spans) {
        List<Span> out = new ArrayList<>();
        for (Span span : spans) {
            int start = span.getStart();
            java.util.regex.Matcher matcher = INITIALS_BEFORE_WORD.matcher(text).region(span.getStart(), span.getEnd());
            while (matcher.find()) {
                if (STARTERS.contains(matcher.group(2))) {
                    out.add(new Span(start, matcher.end(1)));
                    start = matcher.start(2);
                }
            }
            out.add(new Span(start, span.getEnd()));
        }
        return out.toArray(new Span[0]);
    }

    /**
     * @param last the last word of a piece, with its period
     * @param first the first word of the next piece
     * @return whether the two pieces are one sentence
     */
    static boolean continues(String last, String first) {
        if (first.isEmpty() || !last.endsWith(".")) {
            return false;
        }
        char opening = first.charAt(0);
        if (Character.isLowerCase(opening)) {
            return INITIALS.matcher(last).matches() || BEFORE_NAME.contains(last) || MAY_END.contains(last);
        }
        if (BEFORE_NAME.contains(last)) {
            return true;
        }
        if (last.equals("No.") || last.equals("Nos.")) {
            return Character.isDigit(opening);
        }
        if (!MAY_END.contains(last) && !INITIALS.matcher(last).matches()) {
            return false;
        }
        if (OPENERS.indexOf(opening) >= 0) {
            return false;
        }
        return !STARTERS.contains(first.replaceAll("[^\\p{L}]+$", ""));
    }

    private static String lastWord(String text, Span span) {
        String piece = text.substring(span.getStart(), span.getEnd()).strip();
        String word = piece.substring(piece.lastIndexOf(' ') + 1);
        return word.replaceFirst("^[\"“‘'(\\[]+", "");
    }

    private static String firstWord(String text, Span span) {
        String piece = text.substring(span.getStart(), span.getEnd()).strip();
        int space = piece.indexOf(' ');
        return space < 0 ? piece : piece.substring(0, space);
    }
}
