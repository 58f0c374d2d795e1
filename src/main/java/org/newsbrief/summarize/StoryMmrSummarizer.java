package org.newsbrief.summarize;

import org.newsbrief.nlp.AnalyzedArticle;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998) over LexRank (Erkan and Radev,
 * JAIR 2004), made for several reports of one story. Each sentence's LexRank is raised by {@value
 * #POSITION_BONUS} over its position in its own report ({@code 1 + bonus / (1 + position)}), since
 * a report opens with what its outlet found most important, as in MEAD (Radev et al. 2004). A
 * sentence that points back ({@link
 * Openers}) is passed over for one that stands alone, and a sentence is skipped outright, not merely
 * discounted, when its tf-idf cosine with one already chosen is above {@value #REPEAT}, which on
 * news from several outlets is where the same fact retold in other words begins. With several
 * reports to choose from, passing over a pointing-back sentence cost less recall on both DUC 2003
 * sets than pulling in the sentence before it.
 */
public final class StoryMmrSummarizer implements Summarizer {

    /**
     * Weight of relevance against novelty: even, since several outlets' reports repeat each other
     * more than one article repeats itself. On both DUC 2003 sets 0.4 to 0.5 gave the best ROUGE-1
     * recall, and 0.55 and above less.
     */
    static final double LAMBDA = 0.5;
    /**
     * How much more an opening sentence weighs than the report's average; on the DUC 2003 sets
     * 0.25 raised ROUGE-1 recall on both, 0.5 and 1 only on the event clusters.
     */
    static final double POSITION_BONUS = 0.25;
    /** Cosine above which a candidate retells a chosen sentence. */
    static final double REPEAT = 0.3;

    private final MmrSummarizer mmr;

    /** Over LexRank, with the values above. */
    public StoryMmrSummarizer() {
        SentenceScorer lexRank = new LexRankSummarizer();
        SentenceScorer withPosition = article -> {
            double[] scores = lexRank.scores(article);
            for (int i = 0; i < scores.length; i++) {
                scores[i] *= 1 + POSITION_BONUS / (1 + article.positionInDocument(i));
            }
            return scores;
        };
        this.mmr = new MmrSummarizer(withPosition, LAMBDA, "storymmr", REPEAT, true);
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
