package org.newsbrief.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.summarize.Terms;

/**
 * Groups articles about the same event. Each article becomes a tf-idf vector of its title and
 * body terms (stems without stop words; sublinear term frequency; inverse document frequency over
 * the day's articles, smoothed so that two reports of one event still share weight), and two
 * articles are linked when their cosine similarity reaches {@value #THRESHOLD}; a story is a
 * connected group. On the samples, reports of one event score 0.30 to 0.47 and unrelated articles
 * at most 0.10, so the threshold sits in the gap, nearer the unrelated side.
 */
final class StoryClustering {

    /** Cosine similarity at which two articles are taken to report the same event. */
    static final double THRESHOLD = 0.2;
    private static final double TITLE_WEIGHT = 2.0;

    private StoryClustering() {}

    /**
     * @param articles the day's articles
     * @return the stories, each a list of articles in input order, stories in order of their first article
     */
    static List<List<AnalyzedArticle>> cluster(List<AnalyzedArticle> articles) {
        int n = articles.size();
        List<Map<String, Double>> counts = new ArrayList<>(n);
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (AnalyzedArticle article : articles) {
            Map<String, Double> termCounts = new HashMap<>();
            for (List<String> sentence : Terms.of(article.sentences())) {
                sentence.forEach(term -> termCounts.merge(term, 1.0, Double::sum));
            }
            for (String term : titleTerms(article)) {
                termCounts.merge(term, TITLE_WEIGHT, Double::sum);
            }
            counts.add(termCounts);
            termCounts.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        List<Map<String, Double>> vectors = new ArrayList<>(n);
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            Map<String, Double> vector = new HashMap<>();
            counts.get(i).forEach((term, count) ->
                    vector.put(term, (1 + Math.log(count)) * Math.log(1 + (double) n / documentFrequency.get(term))));
            vectors.add(vector);
            norms[i] = Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int[] link : links(vectors, norms)) {
            int a = find(parent, link[0]);
            int b = find(parent, link[1]);
            parent[Math.max(a, b)] = Math.min(a, b);
        }
        Map<Integer, List<AnalyzedArticle>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), root -> new ArrayList<>()).add(articles.get(i));
        }
        return new ArrayList<>(groups.values());
    }

    /** @return the title's content terms, stemmed like the body's */
    static List<String> titleTerms(AnalyzedArticle article) {
        opennlp.tools.stemmer.PorterStemmer stemmer = new opennlp.tools.stemmer.PorterStemmer();
        List<String> terms = new ArrayList<>();
        for (String word : article.title().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !Terms.isStopWord(word)) {
                terms.add(stemmer.stem(word));
            }
        }
        return terms;
    }

    /** Rows of the similarity matrix worked on together, each block with one dense vector. */
    private static final int BLOCK = 64;

    /**
     * Every pair at or above the threshold. All pairs are compared, so this is the square of the
     * day's articles: terms become numbers and each article a dense row that the others are
     * looked up in, blocks of rows on all processors, which takes a 5,000-article day from
     * minutes of hash lookups to seconds.
     */
    private static List<int[]> links(List<Map<String, Double>> vectors, double[] norms) {
        int n = vectors.size();
        Map<String, Integer> ids = new HashMap<>();
        int[][] terms = new int[n][];
        double[][] weights = new double[n][];
        for (int i = 0; i < n; i++) {
            Map<String, Double> vector = vectors.get(i);
            terms[i] = new int[vector.size()];
            weights[i] = new double[vector.size()];
            int k = 0;
            for (Map.Entry<String, Double> entry : vector.entrySet()) {
                terms[i][k] = ids.computeIfAbsent(entry.getKey(), term -> ids.size());
                weights[i][k++] = entry.getValue();
            }
        }
        int vocabulary = ids.size();
        return java.util.stream.IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().mapToObj(block -> {
            List<int[]> found = new ArrayList<>();
            double[] row = new double[vocabulary];
            for (int i = block * BLOCK; i < Math.min(n, (block + 1) * BLOCK); i++) {
                if (norms[i] == 0) {
                    continue;
                }
                for (int k = 0; k < terms[i].length; k++) {
                    row[terms[i][k]] = weights[i][k];
                }
                for (int j = i + 1; j < n; j++) {
                    if (norms[j] == 0) {
                        continue;
                    }
                    double dot = 0;
                    for (int k = 0; k < terms[j].length; k++) {
                        dot += row[terms[j][k]] * weights[j][k];
                    }
                    if (dot / (norms[i] * norms[j]) >= THRESHOLD) {
                        found.add(new int[] {i, j});
                    }
                }
                for (int k = 0; k < terms[i].length; k++) {
                    row[terms[i][k]] = 0;
                }
            }
            return found;
        }).flatMap(List::stream).toList();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
