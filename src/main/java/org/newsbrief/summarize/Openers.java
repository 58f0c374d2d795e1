package org.newsbrief.summarize;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsbrief.nlp.Sentence;

/**
 * Sentences that point back to the sentence before: they open with a pronoun or connective
 * ("He said", "However", "And", "There"), continue a quotation ("..., he added."), give a
 * quotation to a bare pronoun ("'...,' he told lawmakers.") or close a quotation an earlier
 * sentence opened ("Other unions will have noticed.”"). Out of context such a sentence leaves the
 * reader guessing.
 */
public final class Openers {

    /**
     * Words that open a sentence by leaning on the one before: personal and demonstrative
     * pronouns and possessives, and adding, contrasting or sequencing connectives. "It" and
     * "There" are as often impersonal ("It is likely", "There are") as they point back, but out
     * of context a reader cannot tell which, so they count too.
     */
    private static final Set<String> POINTING_BACK = Set.of(
            "he", "she", "it", "they", "this", "that", "these", "those", "such", "his", "her", "its", "their",
            "and", "but", "so", "yet", "still", "then", "also", "however", "meanwhile", "moreover", "instead", "both",
            "neither", "there", "furthermore", "nevertheless", "nonetheless", "additionally", "thus", "hence");
    private static final List<String> POINTING_BACK_PHRASES = List.of(
            "in addition", "as a result", "on the other hand", "by contrast", "in contrast", "even so");
    /**
     * A quotation that goes on from an earlier one: "'We will rebuild,' he added." or "..., she
     * continued."
     */
    private static final Pattern QUOTE_CONTINUATION = Pattern.compile(
            "\\b(he|she|they|we|i)\\s+(added|continued|went on)\\s*[.,:;]|\\b(added|continued)\\s+(he|she|they)\\s*[.,:;]");

    /**
     * A quotation its sentence gives to a bare pronoun, so the speaker was named before:
     * "'We are abstaining,' he told lawmakers." or "'...,' said she."
     */
    private static final Pattern QUOTED_BY_PRONOUN = Pattern.compile(
            "[”\"’']\\s*,?\\s*(?:(?:he|she|they)\\s+(?:said|says|told|added|asked|explained|insisted|warned|argued"
                    + "|wrote|replied)|(?:said|says|added|told)\\s+(?:he|she))\\b");
    /** Quotes, brackets and dashes that, with spaces, may stand before a sentence's first word. */
    private static final String LEADING = "\"'“‘([—–-";

    private Openers() {}

    /**
     * Whether the sentence ends a quotation it did not open: the last sentence of a quote that
     * runs over several, as in "Other unions will have noticed.”"
     */
    private static boolean closesAnEarlierQuote(String text) {
        int close = text.indexOf('”');
        if (close >= 0) {
            int open = text.indexOf('“');
            return open < 0 || open > close;
        }
        int straight = text.indexOf('"');
        return straight >= 0 && straight == text.length() - 1 && straight > 0
                && ".!?,".indexOf(text.charAt(straight - 1)) >= 0;
    }

    private static boolean opensWithQuote(String text) {
        String stripped = text.stripLeading();
        return !stripped.isEmpty() && "\"“‘'".indexOf(stripped.charAt(0)) >= 0;
    }

    /**
     * @param sentence a sentence
     * @return whether it opens with a word or phrase that needs the sentence before it, or
     *     continues a quotation
     */
    public static boolean pointsBack(Sentence sentence) {
        String original = sentence.text();
        int start = 0;
        while (start < original.length()
                && (Sentence.isSpace(original.charAt(start)) || LEADING.indexOf(original.charAt(start)) >= 0)) {
            start++;
        }
        String text = original.substring(start).toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '\'')) {
            end++;
        }
        if (POINTING_BACK.contains(text.substring(0, end))) {
            return true;
        }
        for (String phrase : POINTING_BACK_PHRASES) {
            if (text.startsWith(phrase) && (text.length() == phrase.length()
                    || !Character.isLetter(text.charAt(phrase.length())))) {
                return true;
            }
        }
        if (closesAnEarlierQuote(original) || opensWithQuote(original) && QUOTED_BY_PRONOUN.matcher(text).find()) {
            return true;
        }
        // the continuation's own words, checked before the pattern that needs one of them
        return (text.contains("added") || text.contains("continued") || text.contains("went on"))
                && QUOTE_CONTINUATION.matcher(text).find();
    }
}
