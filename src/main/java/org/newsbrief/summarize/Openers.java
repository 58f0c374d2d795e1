package org.newsbrief.summarize;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsbrief.nlp.Sentence;

/**
 * Sentence openers that point back to the sentence before ("He said", "However", "This
 * means"): out of context such a sentence leaves the reader guessing.
 */
public final class Openers {

    /**
     * Words that open a sentence by leaning on the one before: personal and demonstrative
     * pronouns and contrasting or adding connectives. "It" is left out: it is as often impersonal
     * ("It is likely that ...") as it points back.
     */
    private static final Set<String> POINTING_BACK = Set.of(
            "he", "she", "they", "this", "these", "those", "his", "her", "their", "but", "however", "also",
            "meanwhile", "moreover", "furthermore", "instead", "nevertheless", "nonetheless", "additionally");
    private static final List<String> POINTING_BACK_PHRASES = List.of(
            "in addition", "as a result", "on the other hand", "by contrast", "in contrast", "even so");

    private Openers() {}

    /**
     * @param sentence a sentence
     * @return whether it opens with a word or phrase that needs the sentence before it
     */
    public static boolean pointsBack(Sentence sentence) {
        String text = sentence.text().replaceFirst("^[\\s\"'“‘(\\[—–-]+", "").toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '\'')) {
            end++;
        }
        String first = text.substring(0, end);
        if (POINTING_BACK.contains(first)) {
            return true;
        }
        for (String phrase : POINTING_BACK_PHRASES) {
            if (text.startsWith(phrase) && (text.length() == phrase.length()
                    || !Character.isLetter(text.charAt(phrase.length())))) {
                return true;
            }
        }
        return false;
    }
}
