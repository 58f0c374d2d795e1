package org.newsbrief.summarize;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * Centroid-based scoring as in MEAD: the centroid keeps the terms whose tf-idf weight over the
 * whole text is high; a sentence scores the centroid weight of the terms it holds, plus a
 * position bonus and its overlap with the first sentence. Radev, Jing, Styś and Tam,
 * "Centroid-based summarization of multiple documents" (Information Processing and Management,
 * 2004).
 */
public final class CentroidSummarizer extends ScoringSummarizer {

    /** Share of the strongest term weight a term needs to enter the centroid. */
    private static final double CENTROID_THRESHOLD = 0.1;

    @Override
    public double[] scores(AnalyzedArticle article) {
        return scores(Terms.of(article.sentences()));
    }

    /**
     * The scores from terms already found.
     *
     * @param terms the terms of every sentence of the article
     * @return one score per sentence
     */
    static double[] scores(List<List<String>> terms) {
        return terms.isEmpty() ? new double[0] : scores(TermVectors.of(terms), terms.size());
    }

    /**
     * @param vectors the tf-idf vectors of every sentence of the article
     * @param n how many sentences it has, at least one
     * @return one score per sentence
     */
    static double[] scores(TermVectors vectors, int n) {
        double[] centroid = new double[vectors.termCount()];
        for (int i = 0; i < n; i++) {
            for (int term : vectors.occurrences(i)) {
                centroid[term] += vectors.idf(term);
            }
        }
        double strongest = 0;
        for (double weight : centroid) {
            strongest = Math.max(strongest, weight);
        }
        for (int term = 0; term < centroid.length; term++) {
            if (centroid[term] < CENTROID_THRESHOLD * strongest) {
                centroid[term] = 0;
            }
        }

        double[] centroidScores = new double[n];
        double best = 0;
        for (int i = 0; i < n; i++) {
            for (int term : vectors.distinct(i)) {
                centroidScores[i] += centroid[term];
            }
            best = Math.max(best, centroidScores[i]);
        }
        boolean[] first = new boolean[centroid.length];
        for (int term : vectors.distinct(0)) {
            first[term] = true;
        }
        int firstLength = vectors.occurrences(0).length;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            double position = best * (n - i) / n;
            double overlap = 0;
            for (int term : vectors.occurrences(i)) {
                if (first[term]) {
                    overlap += vectors.idf(term);
                }
            }
            scores[i] = centroidScores[i] + position + overlap / Math.max(1, firstLength);
        }
        return scores;
    }

    @Override
    public String name() {
        return "centroid";
    }
}
