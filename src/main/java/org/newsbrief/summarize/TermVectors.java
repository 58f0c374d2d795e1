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
    /** Per sentence, the ids of its distinct terms in ascending order, and their tf-idf weights. */
    private final int[][] ids;
    private final double[][] weights;
    private final double[] norms;

    private TermVectors(List<List<String>> terms) {
        this.terms = terms;
        this.idf = inverseFrequencies(terms);
        int n = terms.size();
        Map<String, Integer> numbering = new HashMap<>();
        List<Double> idfById = new java.util.ArrayList<>();
        ids = new int[n][];
        weights = new double[n][];
        norms = new double[n];
        for (int i = 0; i < n; i++) {
            Map<Integer, Integer> counts = new java.util.TreeMap<>();
            for (String term : terms.get(i)) {
                Integer id = numbering.get(term);
                if (id == null) {
                    id = numbering.size();
                    numbering.put(term, id);
                    idfById.add(idf(term));
                }
                counts.merge(id, 1, Integer::sum);
            }
            ids[i] = new int[counts.size()];
            weights[i] = new double[counts.size()];
            int k = 0;
            double sum = 0;
            for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
                ids[i][k] = entry.getKey();
                weights[i][k] = entry.getValue() * idfById.get(entry.getKey());
                sum += weights[i][k] * weights[i][k];
                k++;
            }
            norms[i] = Math.sqrt(sum);
        }
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

    /** @return the inverse sentence frequency of a term, {@code log(n / df)}, smoothed */
    double idf(String term) {
        return idf.getOrDefault(term, 0.0);
    }

    /** @return cosine similarity of sentences {@code i} and {@code j} */
    double cosine(int i, int j) {
        if (norms[i] == 0 || norms[j] == 0) {
            return 0;
        }
        return dot(i, j) / (norms[i] * norms[j]);
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

    /** The dot product of two sentences' vectors, by a merge of their sorted term ids. */
    private double dot(int i, int j) {
        int[] a = ids[i];
        int[] b = ids[j];
        double sum = 0;
        for (int x = 0, y = 0; x < a.length && y < b.length;) {
            if (a[x] == b[y]) {
                sum += weights[i][x++] * weights[j][y++];
            } else if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        return sum;
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
}
