package org.newsbrief.nlp;

import java.util.Objects;

/**
 * A heading or a paragraph of the cleaned article text.
 *
 * @param kind heading or paragraph
 * @param text the block's text, equal to {@code article.text().substring(start, end)}
 * @param start offset of the block in {@link AnalyzedArticle#text()}
 * @param end offset just past the block
 */
public record Block(Kind kind, String text, int start, int end) {

    /** What a block is. */
    public enum Kind {
        /** A short line that names a section; never part of a sentence. */
        HEADING,
        /** Prose, split into sentences. */
        PARAGRAPH
    }

    public Block {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (end - start != text.length()) {
            throw new IllegalArgumentException("block span " + start + ".." + end + " does not fit its text");
        }
    }
}
