package org.newsbrief.summarize;

import java.util.List;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * LexRank with continuous weights: sentences are linked by the cosine of their tf-idf vectors,
 * each row normalized into a transition probability, and the stationary distribution of the
 * random walk (PageRank) ranks them. Erkan and Radev, "LexRank: Graph-based Lexical Centrality as
 * Salience in Text Summarization" (JAIR 2004).
 */
public final class LexRankSummarizer extends ScoringSummarizer {

    @Override
    public double[] scores(AnalyzedArticle article) {
        List<Sentence> sentences = article.sentences();
        int n = Math.min(sentences.size(), TextRankSummarizer.MAX_GRAPH_SENTENCES);
        return scores(sentences.size(), Terms.of(sentences.subList(0, n)));
    }

    /**
     * The scores from terms already found, as {@link TextRankSummarizer#scores(int, List)} takes them.
     *
     * @param size how many sentences the article has
     * @param terms the terms of its first sentences
     * @return one score per sentence; those past the graph's limit score 0
     */
    static double[] scores(int size, List<List<String>> terms) {
        int n = Math.min(size, TextRankSummarizer.MAX_GRAPH_SENTENCES);
        return scores(size, TermVectors.of(terms.subList(0, n)), n);
    }

    /**
     * @param size how many sentences the article has
     * @param vectors the tf-idf vectors of its first {@code n} sentences
     * @param n how many sentences the graph holds: the article's, up to the graph's limit
     * @return one score per sentence; those past the graph's limit score 0
     */
    static double[] scores(int size, TermVectors vectors, int n) {
        double[] scores = new double[size];
        System.arraycopy(TextRankSummarizer.pageRank(vectors.cosineMatrix()), 0, scores, 0, n);
        return scores;
    }

    @Override
    public String name() {
        return "lexrank";
    }
}
