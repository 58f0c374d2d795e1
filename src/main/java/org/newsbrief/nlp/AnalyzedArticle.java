package org.newsbrief.nlp;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.newsbrief.ingest.Article;

/**
 * An article after analysis: immutable, with every sentence and token pointing into {@link
 * #text()} by character offsets, so that summaries quote the source exactly.
 *
 * <p>Parts of speech and lemmas are costly and most summaries do without them, so they are
 * computed on first request and then kept.
 */
public final class AnalyzedArticle {

    /**
     * Tags and lemmatizes sentences.
     */
    @FunctionalInterface
    public interface Tagging extends Function<List<Sentence>, Tags> {}

    /**
     * Parts of speech and lemmas, one list per sentence, one entry per token.
     *
     * @param partsOfSpeech Universal Dependencies tags
     * @param lemmas dictionary forms
     */
    public record Tags(List<List<String>> partsOfSpeech, List<List<String>> lemmas) {

        public Tags {
            partsOfSpeech = partsOfSpeech.stream().map(List::copyOf).toList();
            lemmas = lemmas.stream().map(List::copyOf).toList();
        }
    }

    private final Article source;
    private final String title;
    private final String text;
    private final List<Block> blocks;
    private final List<Sentence> sentences;
    private final String language;
    private final List<String> dropped;
    private final Tagging tagging;
    private volatile Tags tags;

    /**
     * @param source the article as read, for its metadata
     * @param title the headline
     * @param text the cleaned body: headings and paragraphs separated by blank lines
     * @param blocks headings and paragraphs, with offsets into {@code text}
     * @param sentences the sentences of the paragraphs, with offsets into {@code text}
     * @param language ISO 639-3 code of the detected language, {@code und} when unknown
     * @param dropped boilerplate lines removed from the source text
     * @param tagging computes parts of speech and lemmas on request
     */
    public AnalyzedArticle(Article source, String title, String text, List<Block> blocks, List<Sentence> sentences,
            String language, List<String> dropped, Tagging tagging) {
        this.source = Objects.requireNonNull(source, "source");
        this.title = Objects.requireNonNull(title, "title");
        this.text = Objects.requireNonNull(text, "text");
        this.blocks = List.copyOf(blocks);
        this.sentences = List.copyOf(sentences);
        this.language = Objects.requireNonNull(language, "language");
        this.dropped = List.copyOf(dropped);
        this.tagging = Objects.requireNonNull(tagging, "tagging");
        for (Sentence sentence : this.sentences) {
            if (sentence.end() > text.length() || !text.startsWith(sentence.text(), sentence.start())) {
                throw new IllegalArgumentException("sentence " + sentence.index() + " is not in the text");
            }
        }
    }

    /** @return the article as read, with its source, date, URL and origin */
    public Article source() {
        return source;
    }

    /** @return the headline */
    public String title() {
        return title;
    }

    /** @return the cleaned body that all offsets point into */
    public String text() {
        return text;
    }

    /** @return headings and paragraphs in order */
    public List<Block> blocks() {
        return blocks;
    }

    /** @return the headings' texts, in order */
    public List<String> headings() {
        return blocks.stream().filter(block -> block.kind() == Block.Kind.HEADING).map(Block::text).toList();
    }

    /** @return the paragraphs' texts, in order */
    public List<String> paragraphs() {
        return blocks.stream().filter(block -> block.kind() == Block.Kind.PARAGRAPH).map(Block::text).toList();
    }

    /** @return the body's sentences, in order; headings and the title are never among them */
    public List<Sentence> sentences() {
        return sentences;
    }

    /** @return ISO 639-3 code of the detected language ({@code eng}), or {@code und} */
    public String language() {
        return language;
    }

    /** @return boilerplate lines that were removed from the source text */
    public List<String> dropped() {
        return dropped;
    }

    /** @return parts of speech and lemmas of every sentence, computed on first call */
    public Tags tags() {
        Tags result = tags;
        if (result == null) {
            synchronized (this) {
                result = tags;
                if (result == null) {
                    result = tagging.apply(sentences);
                    tags = result;
                }
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "AnalyzedArticle[" + source.id() + ": " + title + ", " + sentences.size() + " sentences]";
    }
}
