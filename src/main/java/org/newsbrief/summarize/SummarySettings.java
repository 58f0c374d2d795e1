package org.newsbrief.summarize;

import java.util.Objects;

/**
 * How articles are summarized.
 *
 * @param algorithm which extractive method picks the sentences
 * @param length how long each summary may be
 */
public record SummarySettings(Algorithm algorithm, SummaryLength length) {

    public SummarySettings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(length, "length");
    }

    /** @return the default algorithm, 3 sentences and at most 75 words */
    public static SummarySettings defaults() {
        return new SummarySettings(Algorithm.defaultAlgorithm(), SummaryLength.story());
    }

    /** @return a summarizer of the chosen algorithm */
    public Summarizer summarizer() {
        return algorithm.create();
    }
}
