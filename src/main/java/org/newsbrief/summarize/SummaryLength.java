package org.newsbrief.summarize;

/**
 * How long a summary may be: at most so many sentences, or at most so many words. A word budget
 * never splits a sentence, so a summary may come out shorter than the budget, never longer.
 *
 * @param maxSentences the sentence limit, or 0 for none
 * @param maxWords the word limit, or 0 for none
 */
public record SummaryLength(int maxSentences, int maxWords) {

    public SummaryLength {
        if (maxSentences < 0 || maxWords < 0) {
            throw new IllegalArgumentException("length limits must not be negative: sentences=" + maxSentences
                    + ", words=" + maxWords);
        }
        if (maxSentences == 0 && maxWords == 0) {
            throw new IllegalArgumentException("a summary length needs a sentence or a word limit");
        }
    }

    /**
     * @param sentences the number of sentences, at least 1
     * @return a length of at most that many sentences
     */
    public static SummaryLength sentences(int sentences) {
        if (sentences < 1) {
            throw new IllegalArgumentException("sentences must be at least 1, was " + sentences);
        }
        return new SummaryLength(sentences, 0);
    }

    /**
     * @param words the word budget, at least 1
     * @return a length of at most that many words
     */
    public static SummaryLength words(int words) {
        if (words < 1) {
            throw new IllegalArgumentException("words must be at least 1, was " + words);
        }
        return new SummaryLength(0, words);
    }

    @Override
    public String toString() {
        return maxSentences > 0 ? maxSentences + " sentences" : maxWords + " words";
    }
}
