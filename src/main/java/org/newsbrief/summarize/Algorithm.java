package org.newsbrief.summarize;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The summarization algorithms by the names users type, in one table. */
public enum Algorithm {
    /** The default, chosen by measurement for one article and for several: {@link AutoSummarizer}. */
    AUTO("auto", AutoSummarizer::new),
    /** A sentence model learned from news with highlights: {@link LearnedSummarizer}. */
    LEARNED("learned", LearnedSummarizer::new),
    /** Graph centrality tuned on news, with readable selection: {@link NewsRankSummarizer}. */
    NEWSRANK("newsrank", NewsRankSummarizer::new),
    /** The first sentences: {@link LeadSummarizer}. */
    LEAD("lead", LeadSummarizer::new),
    /** Graph centrality: {@link TextRankSummarizer}. */
    TEXTRANK("textrank", TextRankSummarizer::new),
    /** Cosine-weighted graph centrality: {@link LexRankSummarizer}. */
    LEXRANK("lexrank", LexRankSummarizer::new),
    /** Closeness to the text's centroid: {@link CentroidSummarizer}. */
    CENTROID("centroid", CentroidSummarizer::new),
    /** Directed, position-aware centrality: {@link PositionalCentralitySummarizer}. */
    PACSUM("pacsum", PositionalCentralitySummarizer::new),
    /** LexRank with maximal marginal relevance: {@link MmrSummarizer}. */
    MMR("mmr", MmrSummarizer::new),
    /** MMR for several reports of one story, no fact twice: {@link StoryMmrSummarizer}. */
    STORYMMR("storymmr", StoryMmrSummarizer::new),
    /** Budgeted coverage and diversity: {@link SubmodularSummarizer}. */
    SUBMODULAR("submodular", SubmodularSummarizer::new);

    private final String id;
    private final Supplier<Summarizer> factory;

    Algorithm(String id, Supplier<Summarizer> factory) {
        this.id = id;
        this.factory = factory;
    }

    /** @return the name users type */
    public String id() {
        return id;
    }

    /** @return a new summarizer of this kind */
    public Summarizer create() {
        return factory.get();
    }

    /** @return the algorithm used unless told otherwise */
    public static Algorithm defaultAlgorithm() {
        return AUTO;
    }

    /**
     * @param name a name such as {@code textrank}, in any case
     * @return the algorithm
     * @throws IllegalArgumentException naming the known algorithms when there is no such one
     */
    public static Algorithm byName(String name) {
        for (Algorithm algorithm : values()) {
            if (algorithm.id.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + name + "' (known: " + names() + ")");
    }

    /** @return the known names, comma-separated */
    public static String names() {
        return Arrays.stream(values()).map(Algorithm::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
