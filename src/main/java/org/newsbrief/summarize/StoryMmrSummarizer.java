package org.newsbrief.summarize;

import org.newsbrief.nlp.AnalyzedArticle;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998) over LexRank (Erkan and Radev,
 * JAIR 2004), made for several reports of one story: a sentence that points back ({@link
 * Openers}) is passed over for one that stands alone, and a sentence is skipped outright, not merely
 * discounted, when its tf-idf cosine with one already chosen is above {@value #REPEAT}, which on
 * news from several outlets is where the same fact retold in other words begins. With several
 * reports to choose from, passing over a pointing-back sentence cost less recall on both DUC 2003
 * sets than pulling in the sentence before it.
 */
public final class StoryMmrSummarizer implements Summarizer {

    /** Weight of relevance against novelty; on the DUC 2003 sets 0.85 beat {@link MmrSummarizer}'s 0.7. */
    static final double LAMBDA = 0.85;
    /** Cosine above which a candidate retells a chosen sentence. */
    static final double REPEAT = 0.3;

    private final MmrSummarizer mmr;

    /** Over LexRank, with the values above. */
    public StoryMmrSummarizer() {
        this.mmr = new MmrSummarizer(new LexRankSummarizer(), LAMBDA, "storymmr", REPEAT, true);
    }

    @Override
    public Summary summarize(AnalyzedArticle article, SummaryLength length) {
        return mmr.summarize(article, length);
    }

    @Override
    public String name() {
        return mmr.name();
    }
}
