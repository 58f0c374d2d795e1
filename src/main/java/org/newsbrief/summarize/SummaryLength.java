package org.newsbrief.summarize;

/**
 * How long a summary may be: at most so many sentences, words or bytes, or a share of the
 * article's sentences. Limits are on whole sentences, which are never cut, so a summary may come
 * out shorter than its budget, never longer.
 *
 * @param maxSentences the sentence limit, or 0 for none
 * @param maxWords the word limit (words are runs between spaces), or 0 for none
 * @param maxBytes the limit in UTF-8 bytes of the sentences joined by single spaces, or 0 for none
 * @param ratio the share of the article's sentences, rounded and at least one, or 0 for none
 */
public record SummaryLength(int maxSentences, int maxWords, int maxBytes, double ratio) {

    public SummaryLength {
        if (maxSentences < 0 || maxWords < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("length limits must not be negative: sentences=" + maxSentences
                    + ", words=" + maxWords + ", bytes=" + maxBytes);
        }
        if (ratio < 0 || ratio > 1 || Double.isNaN(ratio)) {
            throw new IllegalArgumentException("ratio must be between 0 and 1, was " + ratio);
        }
        if (maxSentences == 0 && maxWords == 0 && maxBytes == 0 && ratio == 0) {
            throw new IllegalArgumentException("a summary length needs a sentence, word, byte or ratio limit");
        }
    }

    /** Sentences in a story summary unless told otherwise. */
    public static final int STORY_SENTENCES = 3;
    /**
     * Words in a story summary unless told otherwise: what a reader takes in at a glance, and
     * near the 40 to 60 words of the highlights journalists write for their stories.
     */
    public static final int STORY_WORDS = 75;

    /**
     * @return the default for one story: at most {@value #STORY_SENTENCES} sentences and {@value
     *     #STORY_WORDS} words
     */
    public static SummaryLength story() {
        return new SummaryLength(STORY_SENTENCES, STORY_WORDS, 0, 0);
    }

    /**
     * @param sentences the number of sentences, at least 1
     * @return a length of at most that many sentences
     */
    public static SummaryLength sentences(int sentences) {
        if (sentences < 1) {
            throw new IllegalArgumentException("sentences must be at least 1, was " + sentences);
        }
        return new SummaryLength(sentences, 0, 0, 0);
    }

    /**
     * @param words the word budget, at least 1
     * @return a length of at most that many words
     */
    public static SummaryLength words(int words) {
        if (words < 1) {
            throw new IllegalArgumentException("words must be at least 1, was " + words);
        }
        return new SummaryLength(0, words, 0, 0);
    }

    /**
     * @param bytes the byte budget, at least 1
     * @return a length of at most that many UTF-8 bytes
     */
    public static SummaryLength bytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be at least 1, was " + bytes);
        }
        return new SummaryLength(0, 0, bytes, 0);
    }

    /**
     * @param ratio the share of sentences, above 0 and at most 1
     * @return a length of that share of the article's sentences
     */
    public static SummaryLength ratio(double ratio) {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio must be above 0 and at most 1, was " + ratio);
        }
        return new SummaryLength(0, 0, 0, ratio);
    }

    /**
     * @param articleSentences how many sentences the article has
     * @return the sentence limit for that article, or 0 for none
     */
    int sentenceLimit(int articleSentences) {
        int byRatio = ratio > 0 ? Math.max(1, (int) Math.round(ratio * articleSentences)) : 0;
        if (maxSentences > 0 && byRatio > 0) {
            return Math.min(maxSentences, byRatio);
        }
        return Math.max(maxSentences, byRatio);
    }

    @Override
    public String toString() {
        if (maxSentences > 0) {
            return maxSentences + " sentences" + (maxWords > 0 ? " and " + maxWords + " words" : "");
        }
        if (maxWords > 0) {
            return maxWords + " words";
        }
        return maxBytes > 0 ? maxBytes + " bytes" : ratio + " of the sentences";
    }
}
