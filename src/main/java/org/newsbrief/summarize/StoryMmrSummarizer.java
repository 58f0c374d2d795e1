package org.newsbrief.summarize;

import java.util.List;
import java.util.Objects;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998) over LexRank (Erkan and Radev,
 * JAIR 2004), made for several reports of one story: a sentence that points back ({@link
 * Openers}) is passed over for one that stands alone, and a sentence is skipped outright, not merely
 * discounted, when its tf-idf cosine with one already chosen is above {@value #REPEAT}, which on
 * news from several outlets is where the same fact retold in other words begins. The budget is
 * filled greedily: a sentence that does not fit is passed over for the next best.
 */
public final class StoryMmrSummarizer implements Summarizer {

    /** Weight of relevance against novelty; on the DUC 2003 sets 0.85 beat {@link MmrSummarizer}'s 0.7. */
    static final double LAMBDA = 0.85;
    /** Cosine above which a candidate retells a chosen sentence. */
    static final double REPEAT = 0.3;

    private final SentenceScorer scorer;
    private final double lambda;
    private final double repeat;

    /** Over LexRank, with the values above. */
    public StoryMmrSummarizer() {
        this(new LexRankSummarizer(), LAMBDA, REPEAT);
    }

    /**
     * @param scorer the relevance of each sentence
     * @param lambda weight of relevance against novelty, between 0 and 1
     * @param repeat cosine above which a sentence counts as told already
     */
    StoryMmrSummarizer(SentenceScorer scorer, double lambda, double repeat) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.lambda = lambda;
        this.repeat = repeat;
    }

    @Override
    public Summary summarize(AnalyzedArticle article, SummaryLength length) {
        List<Sentence> sentences = article.sentences();
        int n = sentences.size();
        double[] relevance = scorer.scores(article);
        double top = 0;
        for (double score : relevance) {
            top = Math.max(top, score);
        }
        TermVectors vectors = TermVectors.of(Terms.of(sentences));
        Selection selection = new Selection(length, n);
        boolean[] done = new boolean[n];
        while (!selection.isFull()) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (done[i]) {
                    continue;
                }
                // with several reports to choose from, a sentence that needs its predecessor is
                // passed over: pulling the predecessor in cost recall on both DUC 2003 sets
                boolean needsContext = Openers.pointsBack(sentences.get(i)) && article.positionInDocument(i) > 0;
                List<Sentence> unit = List.of(sentences.get(i));
                if (needsContext || !selection.fits(unit)) {
                    done[i] = true;
                    continue;
                }
                double similarity = 0;
                for (Sentence chosen : selection.chosen()) {
                    similarity = Math.max(similarity, vectors.cosine(i, chosen.index()));
                }
                if (similarity > repeat) {
                    done[i] = true;
                    continue;
                }
                double value = lambda * (top > 0 ? relevance[i] / top : 0) - (1 - lambda) * similarity;
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            done[best] = true;
            selection.addIfFits(List.of(sentences.get(best)));
        }
        return selection.summary(name());
    }

    @Override
    public String name() {
        return "storymmr";
    }
}
