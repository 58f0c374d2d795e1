package org.newsbrief.summarize;

import java.util.ArrayList;
import java.util.List;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * Budgeted selection of a set that covers the text while staying diverse, made for several
 * documents at once: the objective adds a saturated coverage term (each sentence is covered by
 * the chosen ones, up to a share of what the whole text gives it) and a diversity reward (a
 * concave gain per cluster of similar sentences, so a second sentence from the same cluster adds
 * less). It is maximized greedily with cost scaling by sentence length. Lin and Bilmes, "A Class
 * of Submodular Functions for Document Summarization" (ACL 2011).
 */
public final class SubmodularSummarizer implements Summarizer {

    private static final double SATURATION = 5.0;
    private static final double DIVERSITY = 6.0;
    private static final double COST_SCALING = 0.3;
    private static final double CLUSTER_SIMILARITY = 0.25;

    @Override
    public Summary summarize(AnalyzedArticle article, SummaryLength length) {
        List<Sentence> sentences = article.sentences();
        int n = Math.min(sentences.size(), TextRankSummarizer.MAX_GRAPH_SENTENCES);
        Selection selection = new Selection(length, sentences.size());
        if (n == 0) {
            return selection.summary(name());
        }
        double[][] similarity = TermVectors.of(Terms.of(sentences.subList(0, n))).cosineMatrix();
        for (int i = 0; i < n; i++) {
            similarity[i][i] = 1;
        }
        double[] whole = new double[n];
        double[] reward = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                whole[i] += similarity[i][j];
                reward[j] += similarity[i][j] / n;
            }
        }
        int[] cluster = clusters(similarity);
        double alpha = SATURATION / n;
        double[] covered = new double[n];
        double[] clusterMass = new double[n];
        boolean[] done = new boolean[n];
        while (!selection.isFull()) {
            int best = -1;
            double bestRatio = 0;
            for (int c = 0; c < n; c++) {
                if (done[c] || !selection.fits(List.of(sentences.get(c)))) {
                    continue;
                }
                double gain = 0;
                for (int i = 0; i < n; i++) {
                    double cap = alpha * whole[i];
                    gain += Math.min(covered[i] + similarity[i][c], cap) - Math.min(covered[i], cap);
                }
                int k = cluster[c];
                gain += DIVERSITY * (Math.sqrt(clusterMass[k] + reward[c]) - Math.sqrt(clusterMass[k]));
                double ratio = gain / Math.pow(Math.max(1, sentences.get(c).wordCount()), COST_SCALING);
                if (ratio > bestRatio) {
                    bestRatio = ratio;
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            done[best] = true;
            selection.addIfFits(List.of(sentences.get(best)));
            for (int i = 0; i < n; i++) {
                covered[i] += similarity[i][best];
            }
            clusterMass[cluster[best]] += reward[best];
        }
        return selection.summary(name());
    }

    /** Leader clustering: each sentence joins the first earlier leader it is similar enough to. */
    private static int[] clusters(double[][] similarity) {
        int n = similarity.length;
        int[] cluster = new int[n];
        List<Integer> leaders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cluster[i] = -1;
            for (int leader : leaders) {
                if (similarity[i][leader] >= CLUSTER_SIMILARITY) {
                    cluster[i] = cluster[leader];
                    break;
                }
            }
            if (cluster[i] < 0) {
                cluster[i] = leaders.size();
                leaders.add(i);
            }
        }
        return cluster;
    }

    @Override
    public String name() {
        return "submodular";
    }
}
