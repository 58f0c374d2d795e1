package org.newsbrief.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.JsonArticles;
import org.newsbrief.internal.Once;

/**
 * An article after analysis: immutable, with every sentence and token pointing into {@link
 * #text()} by character offsets, so that summaries quote the source exactly.
 *
 * <p>Parts of speech, lemmas and the language are costly and most summaries do without them, so
 * they are computed on first request and then kept.
 */
public final class AnalyzedArticle {

    /**
     * Tags and lemmatizes sentences.
     */
    @FunctionalInterface
    public interface Tagging extends Function<List<Sentence>, Tags> {

        /**
         * Parts of speech alone, which is what names are found with; lemmatizing costs several
         * times as much as tagging, so an implementation that can skip it should.
         *
         * @param sentences the sentences
         * @return one list of tags per sentence
         */
        default List<List<String>> partsOfSpeech(List<Sentence> sentences) {
            return apply(sentences).partsOfSpeech();
        }
    }

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
    private final Once<String> language;
    private final List<String> dropped;
    private final List<Integer> documentStarts;
    private final List<String> notes;
    private final Once<Tags> tags;
    private final Once<List<List<String>>> partsOfSpeech;

    /**
     * @param source the article as read, for its metadata
     * @param title the headline
     * @param text the cleaned body: headings and paragraphs separated by blank lines
     * @param blocks headings and paragraphs, with offsets into {@code text}
     * @param sentences the sentences of the paragraphs, with offsets into {@code text}
     * @param language detects the ISO 639-3 code of the language, {@code und} when unknown; called at
     *     most once, on first request
     * @param dropped boilerplate lines removed from the source text
     * @param tagging computes parts of speech and lemmas on request
     */
    public AnalyzedArticle(Article source, String title, String text, List<Block> blocks, List<Sentence> sentences,
            java.util.function.Supplier<String> language, List<String> dropped, Tagging tagging) {
        this(source, title, text, blocks, sentences, language, dropped, tagging, List.of());
    }

    /**
     * As above, with notes on how the text was analyzed.
     *
     * @param source the article as read
     * @param title the headline
     * @param text the cleaned body
     * @param blocks headings and paragraphs
     * @param sentences the sentences
     * @param language detects the language on first request
     * @param dropped boilerplate lines removed
     * @param tagging computes parts of speech and lemmas on request
     * @param notes what readers should know about the analysis, such as a language without model
     */
    public AnalyzedArticle(Article source, String title, String text, List<Block> blocks, List<Sentence> sentences,
            java.util.function.Supplier<String> language, List<String> dropped, Tagging tagging, List<String> notes) {
        this(source, title, text, blocks, sentences, language, dropped, tagging, List.of(0), notes);
    }

    private AnalyzedArticle(Article source, String title, String text, List<Block> blocks, List<Sentence> sentences,
            java.util.function.Supplier<String> language, List<String> dropped, Tagging tagging,
            List<Integer> documentStarts, List<String> notes) {
        this.source = Objects.requireNonNull(source, "source");
        this.title = Objects.requireNonNull(title, "title");
        this.text = Objects.requireNonNull(text, "text");
        this.blocks = List.copyOf(blocks);
        this.sentences = List.copyOf(sentences);
        this.language = new Once<>(Objects.requireNonNull(language, "language"));
        this.dropped = List.copyOf(dropped);
        Objects.requireNonNull(tagging, "tagging");
        this.tags = new Once<>(() -> tagging.apply(this.sentences));
        this.partsOfSpeech = new Once<>(() -> tags.isDone() ? tags.get().partsOfSpeech()
                : tagging.partsOfSpeech(this.sentences).stream().map(List::copyOf).toList());
        this.documentStarts = List.copyOf(documentStarts);
        this.notes = List.copyOf(notes);
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

    /** @return ISO 639-3 code of the detected language ({@code eng}), or {@code und}; detected on first call */
    public String language() {
        return language.get();
    }

    /** @return notes on how the text was read and analyzed, the source's first */
    public List<String> notes() {
        return java.util.stream.Stream.concat(source.notes().stream(), notes.stream()).toList();
    }

    /** @return boilerplate lines that were removed from the source text */
    public List<String> dropped() {
        return dropped;
    }

    /**
     * @param record a batch record: one article, or several documents to be read as one
     * @param analyzer the analyzer
     * @return the article analyzed, or the documents analyzed and {@link #combine combined}
     */
    public static AnalyzedArticle of(JsonArticles.Record record, TextAnalyzer analyzer) {
        if (record.documents().isEmpty()) {
            return analyzer.analyze(record.article());
        }
        List<AnalyzedArticle> analyzed = new ArrayList<>();
        record.documents().forEach(document -> analyzed.add(analyzer.analyze(document)));
        return combine(record.article(), analyzed);
    }

    /**
     * Joins several analyzed documents, such as one event's reports from several outlets, into
     * one text whose sentences a summarizer can choose from. Offsets are shifted to the joined
     * text; {@link #documentOf(int)} tells which document a sentence came from.
     *
     * @param source the record the documents came in, for its id and metadata
     * @param documents the analyzed documents, at least one
     * @return the joined article; its title and language are the first document's
     */
    public static AnalyzedArticle combine(Article source, List<AnalyzedArticle> documents) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("documents must not be empty");
        }
        StringBuilder text = new StringBuilder();
        List<Block> blocks = new java.util.ArrayList<>();
        List<Sentence> sentences = new java.util.ArrayList<>();
        List<String> dropped = new java.util.ArrayList<>();
        List<Integer> starts = new java.util.ArrayList<>();
        for (AnalyzedArticle document : documents) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int shift = text.length();
            int blockShift = blocks.size();
            starts.add(sentences.size());
            text.append(document.text());
            for (Block block : document.blocks()) {
                blocks.add(new Block(block.kind(), block.text(), block.start() + shift, block.end() + shift));
            }
            for (Sentence sentence : document.sentences()) {
                List<Token> tokens = sentence.tokens().stream()
                        .map(token -> new Token(token.text(), token.start() + shift, token.end() + shift)).toList();
                sentences.add(new Sentence(sentences.size(), sentence.block() + blockShift, sentence.text(),
                        sentence.start() + shift, sentence.end() + shift, tokens));
            }
            dropped.addAll(document.dropped());
        }
        AnalyzedArticle first = documents.get(0);
        String title = source.title().isBlank() ? first.title() : source.title();
        Tagging tagging = new Tagging() {
            @Override
            public Tags apply(List<Sentence> all) {
                List<List<String>> tags = new java.util.ArrayList<>();
                List<List<String>> lemmas = new java.util.ArrayList<>();
                for (AnalyzedArticle document : documents) {
                    Tags part = document.tags();
                    tags.addAll(part.partsOfSpeech());
                    lemmas.addAll(part.lemmas());
                }
                return new Tags(tags, lemmas);
            }

            @Override
            public List<List<String>> partsOfSpeech(List<Sentence> all) {
                return documents.stream().flatMap(document -> document.partsOfSpeech().stream()).toList();
            }
        };
        List<String> notes = documents.stream().flatMap(document -> document.notes().stream()).distinct().toList();
        return new AnalyzedArticle(source, title, text.toString(), blocks, sentences, first::language, dropped,
                tagging, starts, notes);
    }

    /** @return how many documents the article joins: 1 unless made by {@link #combine} */
    public int documentCount() {
        return documentStarts.size();
    }

    /**
     * @param sentence a sentence index
     * @return the index of the document the sentence came from
     */
    public int documentOf(int sentence) {
        int document = 0;
        while (document + 1 < documentStarts.size() && documentStarts.get(document + 1) <= sentence) {
            document++;
        }
        return document;
    }

    /**
     * @param sentence a sentence index
     * @return the sentence's position within its own document, from 0
     */
    public int positionInDocument(int sentence) {
        return sentence - documentStarts.get(documentOf(sentence));
    }

    /** @return parts of speech and lemmas of every sentence, computed on first call */
    public Tags tags() {
        return tags.get();
    }

    /**
     * @return the parts of speech of every sentence, one list per sentence, computed on first call
     *     without the lemmas when {@link #tags()} was not asked for yet
     */
    public List<List<String>> partsOfSpeech() {
        return partsOfSpeech.get();
    }

    @Override
    public String toString() {
        return "AnalyzedArticle[" + source.id() + ": " + title + ", " + sentences.size() + " sentences]";
    }
}
