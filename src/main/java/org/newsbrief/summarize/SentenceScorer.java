package org.newsbrief.summarize;

import org.newsbrief.nlp.AnalyzedArticle;

/**
 * Scores every sentence of an article by how well it stands for the whole; higher is better.
 * Scorers can be combined with a selection strategy, such as {@link MmrSummarizer}'s redundancy
 * control, to make a summarizer.
 */
interface SentenceScorer {

    /**
     * @param article the analyzed article
     * @return one score per sentence, in document order
     */
    double[] scores(AnalyzedArticle article);
}
