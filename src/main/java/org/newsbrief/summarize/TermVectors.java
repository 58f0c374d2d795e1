package org.newsbrief.summarize;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentences as tf-idf vectors over their content terms (Porter stems without stop words), with
 * inverse frequencies counted over the sentences themselves, and the cosine similarities between
 * them. The basis of the centrality summarizers.
 */
final class TermVectors {

    /** Inverse sentence frequency by term number, {@code log(1 + n / df)}. */
    private final double[] idf;
    /** Per sentence, the numbers of its distinct terms in ascending order, and their tf-idf weights. */
    private final int[][] ids;
    /** Per sentence, the numbers of its terms in the order they occur, repeats kept. */
    private final int[][] occurrences;
    private final double[][] weights;
    private final double[] norms;

    private TermVectors(List<List<String>> terms) {
        int n = terms.size();
        Map<String, Integer> numbering = new HashMap<>(); // each distinct term's number, in order of first appearance
        occurrences = new int[n][];
        int[][] sorted = new int[n][];
        for (int i = 0; i < n; i++) {
            List<String> sentence = terms.get(i);
            int[] numbers = new int[sentence.size()];
            for (int k = 0; k < numbers.length; k++) {
                Integer number = numbering.get(sentence.get(k));
                if (number == null) {
                    number = numbering.size();
                    numbering.put(sentence.get(k), number);
                }
                numbers[k] = number;
            }
            occurrences[i] = numbers;
            sorted[i] = numbers.clone();
            Arrays.sort(sorted[i]);
        }
        int[] documentFrequency = new int[numbering.size()];
        ids = new int[n][];
        int[][] counts = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] numbers = sorted[i];
            int distinct = 0;
            for (int k = 0; k < numbers.length; k++) {
                if (k == 0 || numbers[k] != numbers[k - 1]) {
                    distinct++;
                }
            }
            ids[i] = new int[distinct];
            counts[i] = new int[distinct];
            int d = -1;
            for (int k = 0; k < numbers.length; k++) {
                if (k == 0 || numbers[k] != numbers[k - 1]) {
                    ids[i][++d] = numbers[k];
                    documentFrequency[numbers[k]]++;
                }
                counts[i][d]++;
            }
        }
        idf = new double[documentFrequency.length];
        for (int t = 0; t < idf.length; t++) {
            idf[t] = Math.log(1.0 + n / (double) documentFrequency[t]);
        }
        weights = new double[n][];
        norms = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = new double[ids[i].length];
            double sum = 0;
            for (int k = 0; k < ids[i].length; k++) {
                weights[i][k] = counts[i][k] * idf[ids[i][k]];
                sum += weights[i][k] * weights[i][k];
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
        return norms.length;
    }

    /** @return how many distinct terms the sentences hold; terms are numbered from 0 */
    int termCount() {
        return idf.length;
    }

    /** @return the numbers of sentence {@code i}'s terms in the order they occur, repeats kept; not to be changed */
    int[] occurrences(int i) {
        return occurrences[i];
    }

    /** @return the numbers of sentence {@code i}'s distinct terms, ascending; not to be changed */
    int[] distinct(int i) {
        return ids[i];
    }

    /** @return the inverse sentence frequency of term number {@code term} */
    double idf(int term) {
        return idf[term];
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
}
