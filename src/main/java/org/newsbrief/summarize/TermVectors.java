package org.newsbrief.summarize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentences as tf-idf vectors over their content terms (Porter stems without stop words), with
 * inverse frequencies counted over the sentences themselves, and the cosine similarities between
 * them. The basis of the centrality summarizers.
 */
final class TermVectors {

    private final List<List<String>> terms;
    private final Map<String, Double> idf;
    private final List<Map<String, Double>> vectors;
    private final double[] norms;

    private TermVectors(List<List<String>> terms) {
        this.terms = terms;
        this.idf = inverseFrequencies(terms);
        this.vectors = terms.stream().map(this::weigh).toList();
        this.norms = vectors.stream().mapToDouble(TermVectors::norm).toArray();
    }

    /**
     * @param terms each sentence's content terms, repeats kept
     * @return the vectors
     */
    static TermVectors of(List<List<String>> terms) {
        return new TermVectors(terms);
    }

    /** @return how many sentences there are */
    int size() {
        return terms.size();
    }

    /** @return the terms of sentence {@code i} */
    List<String> terms(int i) {
        return terms.get(i);
    }

    /** @return the tf-idf vector of sentence {@code i} */
    Map<String, Double> vector(int i) {
        return vectors.get(i);
    }

    /** @return the inverse sentence frequency of a term, {@code log(n / df)}, smoothed */
    double idf(String term) {
        return idf.getOrDefault(term, 0.0);
    }

    /** @return cosine similarity of sentences {@code i} and {@code j} */
    double cosine(int i, int j) {
        if (norms[i] == 0 || norms[j] == 0) {
            return 0;
        }
        return dot(vectors.get(i), vectors.get(j)) / (norms[i] * norms[j]);
    }

    /** @return the full symmetric matrix of cosine similarities, with zeros on the diagonal */
    double[][] cosineMatrix() {
        int n = size();
        double[][] matrix = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double similarity = cosine(i, j);
                matrix[i][j] = similarity;
                matrix[j][i] = similarity;
            }
        }
        return matrix;
    }

    /**
     * @param vector a tf-idf vector built on these sentences' terms
     * @param i a sentence
     * @return the cosine between the vector and sentence {@code i}
     */
    double cosine(Map<String, Double> vector, int i) {
        double norm = norm(vector);
        if (norm == 0 || norms[i] == 0) {
            return 0;
        }
        return dot(vector, vectors.get(i)) / (norm * norms[i]);
    }

    private Map<String, Double> weigh(List<String> sentenceTerms) {
        Map<String, Double> vector = new HashMap<>();
        for (String term : sentenceTerms) {
            vector.merge(term, 1.0, Double::sum);
        }
        vector.replaceAll((term, tf) -> tf * idf(term));
        return vector;
    }

    private static Map<String, Double> inverseFrequencies(List<List<String>> terms) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (List<String> sentence : terms) {
            for (String term : new java.util.HashSet<>(sentence)) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
        int n = terms.size();
        Map<String, Double> idf = new HashMap<>();
        documentFrequency.forEach((term, df) -> idf.put(term, Math.log(1.0 + n / (double) df)));
        return idf;
    }

    static double dot(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double sum = 0;
        for (Map.Entry<String, Double> entry : small.entrySet()) {
            Double other = large.get(entry.getKey());
            if (other != null) {
                sum += entry.getValue() * other;
            }
        }
        return sum;
    }

    static double norm(Map<String, Double> vector) {
        double sum = 0;
        for (double value : vector.values()) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
