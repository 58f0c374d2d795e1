package org.newsbrief.summarize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * TextRank: sentences are the vertices of a graph whose edges weigh how many content words two
 * sentences share, normalized by their lengths, and PageRank over that graph scores each sentence
 * by how central it is. Mihalcea and Tarau, "TextRank: Bringing Order into Texts" (EMNLP 2004).
 *
 * <p>The graph is built over the first {@value #MAX_GRAPH_SENTENCES} sentences only, so that very
 * long inputs stay cheap; later sentences rank last.
 */
public final class TextRankSummarizer extends ScoringSummarizer {

    static final int MAX_GRAPH_SENTENCES = 300;
    private static final double DAMPING = 0.85;
    private static final double CONVERGENCE = 1e-6;
    private static final int MAX_ITERATIONS = 200;

    @Override
    public double[] scores(AnalyzedArticle article) {
        List<Sentence> sentences = article.sentences();
        int n = Math.min(sentences.size(), MAX_GRAPH_SENTENCES);
        return scores(sentences.size(), Terms.of(sentences.subList(0, n)));
    }

    /**
     * The scores from terms already found, so that callers needing several scorers find them once.
     *
     * @param size how many sentences the article has
     * @param terms the terms of its first sentences, at least {@link #MAX_GRAPH_SENTENCES} of them
     *     when it has that many
     * @return one score per sentence; those past the graph's limit score 0
     */
    static double[] scores(int size, List<List<String>> terms) {
        int n = Math.min(size, MAX_GRAPH_SENTENCES);
        double[] scores = new double[size];
        System.arraycopy(pageRank(similarities(terms.subList(0, n))), 0, scores, 0, n);
        return scores;
    }

    @Override
    public String name() {
        return "textrank";
    }

    /** The paper's similarity: shared words over the sum of the log lengths. */
    static double[][] similarities(List<List<String>> terms) {
        int n = terms.size();
        Map<String, Integer> ids = new HashMap<>();
        int[][] sets = new int[n][];
        for (int i = 0; i < n; i++) {
            sets[i] = terms.get(i).stream().mapToInt(term -> ids.computeIfAbsent(term, t -> ids.size()))
                    .distinct().sorted().toArray();
        }
        double[] logLength = new double[n];
        for (int i = 0; i < n; i++) {
            logLength[i] = terms.get(i).isEmpty() ? 0 : Math.log(terms.get(i).size());
        }
        double[][] weights = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int shared = sharedCount(sets[i], sets[j]);
                if (shared == 0) {
                    continue;
                }
                double norm = logLength[i] + logLength[j];
                double weight = shared / (norm > 0 ? norm : 1.0);
                weights[i][j] = weight;
                weights[j][i] = weight;
            }
        }
        return weights;
    }

    /** How many values two sorted arrays have in common. */
    private static int sharedCount(int[] a, int[] b) {
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** Weighted PageRank with TextRank's damping of 0.85. */
    static double[] pageRank(double[][] weights) {
        return pageRank(weights, DAMPING);
    }

    /**
     * Weighted PageRank, iterated until no score moves by more than the convergence threshold.
     *
     * @param weights symmetric edge weights, zero for no edge
     * @param damping probability of following an edge rather than jumping anywhere
     */
    static double[] pageRank(double[][] weights, double damping) {
        int n = weights.length;
        double[] outSum = new double[n];
        for (int i = 0; i < n; i++) {
            for (double w : weights[i]) {
                outSum[i] += w;
            }
        }
        double[][] transition = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (weights[j][i] > 0) {
                    transition[i][j] = weights[j][i] / outSum[j];
                }
            }
        }
        double[] scores = new double[n];
        java.util.Arrays.fill(scores, 1.0);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = new double[n];
            double change = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                double[] row = transition[i];
                for (int j = 0; j < n; j++) {
                    sum += row[j] * scores[j];
                }
                next[i] = (1 - damping) + damping * sum;
                change = Math.max(change, Math.abs(next[i] - scores[i]));
            }
            scores = next;
            if (change < CONVERGENCE) {
                break;
            }
        }
        return scores;
    }
}
