package org.newsbrief.summarize;

import java.util.List;
import java.util.Objects;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * Maximal marginal relevance on top of any scorer: sentences are taken one at a time, each the
 * one that best balances its own score against its similarity to what is already chosen.
 * Carbonell and Goldstein, "The Use of MMR, Diversity-Based Reranking for Reordering Documents
 * and Producing Summaries" (SIGIR 1998).
 */
public final class MmrSummarizer implements Summarizer {

    private final SentenceScorer scorer;
    private final double lambda;
    private final String name;
    private final double repeat;
    private final boolean standalone;

    /** MMR over LexRank scores, with λ = 0.7. */
    public MmrSummarizer() {
        this(new LexRankSummarizer(), 0.7, "mmr");
    }

    /**
     * @param scorer the relevance of each sentence
     * @param lambda weight of relevance against novelty, between 0 and 1
     * @param name the name this combination goes by
     */
    public MmrSummarizer(SentenceScorer scorer, double lambda, String name) {
        this(scorer, lambda, name, Double.POSITIVE_INFINITY, false);
    }

    /**
     * @param scorer the relevance of each sentence
     * @param lambda weight of relevance against novelty, between 0 and 1
     * @param name the name this combination goes by
     * @param repeat cosine with a chosen sentence above which a candidate is skipped outright
     * @param standalone whether a sentence that points back ({@link Openers}) is skipped
     */
    MmrSummarizer(SentenceScorer scorer, double lambda, String name, double repeat, boolean standalone) {
        this.repeat = repeat;
        this.standalone = standalone;
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        if (lambda < 0 || lambda > 1) {
            throw new IllegalArgumentException("lambda must be between 0 and 1, was " + lambda);
        }
        this.lambda = lambda;
        this.name = Objects.requireNonNull(name, "name");
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
                if (standalone && Openers.pointsBack(sentences.get(i)) && article.positionInDocument(i) > 0) {
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
        return selection.summary(name);
    }

    @Override
    public String name() {
        return name;
    }
}
