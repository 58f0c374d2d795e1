package org.newsbrief.compose;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.stemmer.PorterStemmer;
import org.newsbrief.summarize.Terms;

/**
 * The terms a story's section is told from: lower-cased, Porter-stemmed words without stop words,
 * and each pair of neighbouring ones (a stop word between two words breaks the pair), counted over
 * the title and the text together; the title's words and pairs are counted once more apart,
 * prefixed {@value #TITLE}, since a headline names its subject more surely than the text does. A
 * number is the term {@value #NUMBER}.
 */
public final class SectionFeatures {

    /** Prefix of the terms that come from the title. */
    public static final String TITLE = "t:";
    /** The term every number becomes; no word can be written so. */
    public static final String NUMBER = "<number>";

    /** Stems remembered at most; news uses far fewer distinct words than this. */
    private static final int REMEMBERED = 200_000;

    private final PorterStemmer stemmer = new PorterStemmer();
    private final Map<String, String> stems = new HashMap<>();

    /** Holds a stemmer and remembers stems between calls, so one instance serves one thread. */
    public SectionFeatures() {}

    /**
     * @param title the headline, or empty
     * @param text the body
     * @return each term with how often it occurs
     */
    public Map<String, Integer> of(String title, String text) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Map<String, Integer> counts = new HashMap<>(Math.max(16, (title.length() + text.length()) / 4));
        add(counts, title, "");
        add(counts, text, "");
        add(counts, title, TITLE);
        return counts;
    }

    private void add(Map<String, Integer> counts, String text, String prefix) {
        String previous = null;
        StringBuilder letters = new StringBuilder(32);
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            boolean digits = true;
            letters.setLength(0);
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                char c = text.charAt(i++);
                digits &= Character.isDigit(c);
                letters.append(Character.toLowerCase(c)); // char by char, so the same in every locale
            }
            if (letters.length() == 0) {
                break;
            }
            String word = letters.toString();
            // a possessive or contracted tail ("Street's", "don't") goes, with its apostrophe
            if (i + 1 < n && (text.charAt(i) == '\'' || text.charAt(i) == '\u2019') && Character.isLetter(text.charAt(i + 1))) {
                i++;
                while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
            }
            if (Terms.isStopWord(word)) {
                previous = null;
                continue;
            }
            String term = digits ? NUMBER : stem(word);
            counts.merge(prefix + term, 1, Integer::sum);
            if (previous != null) {
                counts.merge(prefix + previous + " " + term, 1, Integer::sum);
            }
            previous = term;
        }
    }

    private String stem(String word) {
        String stem = stems.get(word);
        if (stem == null) {
            stem = stemmer.stem(word);
            if (stems.size() < REMEMBERED) {
                stems.put(word, stem);
            }
        }
        return stem;
    }
}
