package org.newsbrief.summarize;

import org.newsbrief.nlp.AnalyzedArticle;

/**
 * Chooses the sentences that best stand for an article. Implementations return sentences of the
 * article unchanged, in document order, never more than the length allows, and an empty summary
 * for an article without sentences.
 */
public interface Summarizer {

    /**
     * @param article the analyzed article
     * @param length the sentence or word limit
     * @return the chosen sentences
     */
    Summary summarize(AnalyzedArticle article, SummaryLength length);

    /** @return the name users select this summarizer by, such as {@code textrank} */
    String name();
}
