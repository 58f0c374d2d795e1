package org.newsbrief.nlp;

import java.util.List;
import java.util.Objects;

/**
 * One sentence of an article's body, quoted exactly from the cleaned text.
 *
 * @param index position among the article's sentences, from 0
 * @param block index of the paragraph it belongs to, in {@link AnalyzedArticle#blocks()}
 * @param text the sentence, equal to {@code article.text().substring(start, end)}
 * @param start offset of the sentence in {@link AnalyzedArticle#text()}
 * @param end offset just past the sentence
 * @param tokens its tokens, with offsets into the same text
 */
public record Sentence(int index, int block, String text, int start, int end, List<Token> tokens) {

    public Sentence {
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
        if (end - start != text.length()) {
            throw new IllegalArgumentException("sentence span " + start + ".." + end + " does not fit its text");
        }
    }

    /** @return how many words the sentence has, counted as users count them: runs between spaces */
    public int wordCount() {
        // runs between spaces that hold a letter or digit
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                inWord = false;
            } else if (!inWord && Character.isLetterOrDigit(c)) {
                inWord = true;
                words++;
            }
        }
        return words;
    }

    /**
     * @param c a character
     * @return whether it is one of the spaces the regex {@code \\s} matches: space, tab, line
     *     feed, vertical tab, form feed, carriage return
     */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * @param token a token's text
     * @return whether it holds a letter or digit, as opposed to punctuation alone
     */
    public static boolean isWord(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetterOrDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
