package org.newsbrief.summarize;

import java.util.List;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * Directed, position-aware centrality in the spirit of PacSum: a sentence gains from the
 * sentences after it that repeat its content and loses a little from those before it, so a
 * sentence that later text elaborates on ranks high, as a lede does. Edges below a share of the
 * document's similarity range are dropped first. Zheng and Lapata, "Sentence Centrality Revisited
 * for Unsupervised Summarization" (ACL 2019).
 */
public final class PositionalCentralitySummarizer extends ScoringSummarizer {

    private final double forward;
    private final double backward;
    private final double threshold;

    /** With weights tuned on news. */
    public PositionalCentralitySummarizer() {
        this(1.0, -0.3, 0.3);
    }

    /**
     * @param forward weight of edges to later sentences
     * @param backward weight of edges to earlier sentences
     * @param threshold share of the similarity range under which an edge counts as none
     */
    PositionalCentralitySummarizer(double forward, double backward, double threshold) {
        this.forward = forward;
        this.backward = backward;
        this.threshold = threshold;
    }

    @Override
    public double[] scores(AnalyzedArticle article) {
        List<Sentence> sentences = article.sentences();
        int n = Math.min(sentences.size(), TextRankSummarizer.MAX_GRAPH_SENTENCES);
        double[] scores = new double[sentences.size()];
        if (n == 0) {
            return scores;
        }
        double[][] similarity = TermVectors.of(Terms.of(sentences.subList(0, n))).cosineMatrix();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    min = Math.min(min, similarity[i][j]);
                    max = Math.max(max, similarity[i][j]);
                }
            }
        }
        double cut = n > 1 ? min + threshold * (max - min) : 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double edge = Math.max(0, similarity[i][j] - cut);
                if (j > i) {
                    scores[i] += forward * edge;
                } else if (j < i) {
                    scores[i] += backward * edge;
                }
            }
        }
        return scores;
    }

    @Override
    public String name() {
        return "pacsum";
    }
}
