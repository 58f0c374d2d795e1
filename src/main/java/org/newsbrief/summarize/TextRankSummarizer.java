package org.newsbrief.summarize;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
public final class TextRankSummarizer implements Summarizer {

    static final int MAX_GRAPH_SENTENCES = 300;
    private static final double DAMPING = 0.85;
    private static final double CONVERGENCE = 1e-6;
    private static final int MAX_ITERATIONS = 200;

    @Override
    public Summary summarize(AnalyzedArticle article, SummaryLength length) {
        List<Sentence> sentences = article.sentences();
        int n = Math.min(sentences.size(), MAX_GRAPH_SENTENCES);
        double[][] weights = similarities(Terms.of(sentences.subList(0, n)));
        double[] graphScores = pageRank(weights);
        double[] scores = new double[sentences.size()];
        System.arraycopy(graphScores, 0, scores, 0, n);
        return Selection.best(sentences, scores, length, name());
    }

    @Override
    public String name() {
        return "textrank";
    }

    /** The paper's similarity: shared words over the sum of the log lengths. */
    static double[][] similarities(List<List<String>> terms) {
        int n = terms.size();
        double[][] weights = new double[n][n];
        for (int i = 0; i < n; i++) {
            Set<String> left = new HashSet<>(terms.get(i));
            for (int j = i + 1; j < n; j++) {
                int shared = 0;
                for (String term : new HashSet<>(terms.get(j))) {
                    if (left.contains(term)) {
                        shared++;
                    }
                }
                if (shared == 0) {
                    continue;
                }
                double norm = Math.log(terms.get(i).size()) + Math.log(terms.get(j).size());
                double weight = shared / (norm > 0 ? norm : 1.0);
                weights[i][j] = weight;
                weights[j][i] = weight;
            }
        }
        return weights;
    }

    /** Weighted PageRank, iterated until no score moves by more than the convergence threshold. */
    static double[] pageRank(double[][] weights) {
        int n = weights.length;
        double[] outSum = new double[n];
        for (int i = 0; i < n; i++) {
            for (double w : weights[i]) {
                outSum[i] += w;
            }
        }
        double[] scores = new double[n];
        java.util.Arrays.fill(scores, 1.0);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = new double[n];
            double change = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (weights[j][i] > 0) {
                        sum += weights[j][i] / outSum[j] * scores[j];
                    }
                }
                next[i] = (1 - DAMPING) + DAMPING * sum;
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
