package org.newsbrief.nlp;

import java.util.Objects;

/**
 * A word or punctuation mark.
 *
 * @param text the token as it appears in the text
 * @param start offset of its first character in {@link AnalyzedArticle#text()}
 * @param end offset just past its last character
 */
public record Token(String text, int start, int end) {

    public Token {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad token span: " + start + ".." + end);
        }
    }
}
