package org.newsbrief.compose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import opennlp.tools.stemmer.PorterStemmer;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.summarize.Terms;

/**
 * Groups articles about the same event.
 *
 * <p>Each article becomes a tf-idf vector of stemmed content words: sublinear term frequency, and
 * inverse document frequency over the day's articles together with a background of 16,490 public
 * news articles ({@link DocumentFrequencies}), so that "fire" or "final" weighs little and
 * "Valdora" much, on a day of ten articles as on a day of thousands. What tells events apart
 * weighs more: a capitalized word inside a sentence (a name) counts {@value #NAME_WEIGHT} times, a
 * title word {@value #TITLE_WEIGHT} times, a word of the first {@value #LEAD_SENTENCES} sentences
 * {@value #LEAD_WEIGHT} times.
 *
 * <p>Two articles' similarity is their cosine less the share of the single word that adds most to
 * it: reports of one event share many telling words, two events in one country or with one
 * person share one. Only pairs that share {@value #SHARED} of their {@value #KEY_TERMS} heaviest
 * terms are compared (an inverted index whose terms held by more than {@value #POSTINGS} articles
 * name a subject rather than an event and are passed over, so the cost grows with the articles,
 * not their square), and groups
 * are joined by average link: two groups become one story when the mean similarity of all their
 * pairs reaches {@value #THRESHOLD}, pairs never compared counting 0, and one of their pairs
 * reaches {@value #SEED}. A chain of look-alikes (a bombing, then a visit to the same city, then a
 * peace talk) cannot join two events, as single link did, because every report of one must on
 * average resemble every report of the other; and two reports on one subject (two votes in two
 * parliaments) that are alike only in their vocabulary do not start a story.
 *
 * <p>Tuned on the DUC 2003 clusters mixed into one day ({@code newsbrief eval-stories}): B-cubed
 * precision 0.959, recall 0.918 (F1 0.938).
 */
final class StoryClustering {

    /** Mean similarity at which two groups are taken to report the same event. */
    static final double THRESHOLD = 0.08;
    static final double TITLE_WEIGHT = 2;
    static final double NAME_WEIGHT = 1.5;
    static final double LEAD_WEIGHT = 1.5;
    static final int LEAD_SENTENCES = 3;
    static final int KEY_TERMS = 40;
    /** The similarity of the strongest pair that any join needs, besides the mean. */
    static final double SEED = 0.12;
    /** A key term held by more articles than this names a subject, not an event, and finds no candidates. */
    static final int POSTINGS = 100;
    /** Heaviest terms two articles must share to be compared at all. */
    static final int SHARED = 2;

    /**
     * How articles are compared and joined.
     *
     * @param threshold mean similarity at which two groups join
     * @param titleWeight how much a title word counts
     * @param nameWeight how much a capitalized word inside a sentence counts
     * @param leadWeight how much a word of the opening sentences counts
     * @param leadSentences how many sentences open an article
     * @param keyTerms how many of an article's heaviest terms find its candidates
     * @param background word frequencies in a large body of news
     */
    record Settings(double threshold, double titleWeight, double nameWeight, double leadWeight, int leadSentences,
            int keyTerms, DocumentFrequencies background) {

        static final Settings DEFAULT = new Settings(THRESHOLD, TITLE_WEIGHT, NAME_WEIGHT, LEAD_WEIGHT, LEAD_SENTENCES,
                KEY_TERMS, DocumentFrequencies.shipped());
    }

    private StoryClustering() {}

    /**
     * @param articles the day's articles
     * @return the stories, each a list of articles in input order, stories in order of their first article
     */
    static List<List<AnalyzedArticle>> cluster(List<AnalyzedArticle> articles) {
        return cluster(articles, Settings.DEFAULT);
    }

    static List<List<AnalyzedArticle>> cluster(List<AnalyzedArticle> articles, Settings settings) {
        return group(articles, settings, true).stories();
    }

    /**
     * The day's stories and what compares them.
     *
     * @param stories each story's articles, in input order, stories in order of their first article
     * @param vectors the articles' vectors
     * @param index each article's place in the day, by identity
     */
    record Grouping(List<List<AnalyzedArticle>> stories, Vectors vectors, Map<AnalyzedArticle, Integer> index) {

        /**
         * @return the similarity of the most alike pair of reports of two stories: at {@value
         *     #SEED} or more, they may well tell of one event that the grouping kept apart
         */
        double strongest(List<AnalyzedArticle> a, List<AnalyzedArticle> b) {
            double strongest = 0;
            for (AnalyzedArticle x : a) {
                for (AnalyzedArticle y : b) {
                    strongest = Math.max(strongest, similarity(x, y));
                }
            }
            return strongest;
        }

        /** @return the similarity of two of the day's articles */
        double similarity(AnalyzedArticle a, AnalyzedArticle b) {
            return vectors.similarity(index.get(a), index.get(b));
        }
    }

    /**
     * @param articles the day's articles
     * @param settings how they are compared
     * @param join whether reports of one event become one story, or each article stays its own
     * @return the stories with what compares them
     */
    static Grouping group(List<AnalyzedArticle> articles, Settings settings, boolean join) {
        int n = articles.size();
        Vectors vectors = Vectors.of(articles, settings);
        Map<AnalyzedArticle, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(articles.get(i), i);
        }
        if (!join) {
            return new Grouping(articles.stream().map(List::of).toList(), vectors, index);
        }
        int[] group = n == 0 ? new int[0] : link(vectors, candidates(vectors, settings.keyTerms()), settings.threshold(), SEED);
        Map<Integer, List<AnalyzedArticle>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(group[i], root -> new ArrayList<>()).add(articles.get(i));
        }
        return new Grouping(new ArrayList<>(groups.values()), vectors, index);
    }

    /**
     * Unit-length tf-idf vectors as sorted term numbers with their weights.
     *
     * @param terms each article's term numbers, ascending
     * @param weights each article's weights, in the order of its terms
     */
    record Vectors(int[][] terms, double[][] weights) {

        static Vectors of(List<AnalyzedArticle> articles, Settings settings) {
            int n = articles.size();
            // each article's weighted stem counts, on all processors; then stems become numbers
            List<Map<String, Double>> stemCounts = java.util.stream.IntStream.range(0, n).parallel().mapToObj(i -> {
                AnalyzedArticle article = articles.get(i);
                PorterStemmer stemmer = new PorterStemmer();
                Map<String, String> known = new HashMap<>();
                Map<String, Double> count = new HashMap<>();
                List<Sentence> sentences = article.sentences();
                for (int s = 0; s < sentences.size(); s++) {
                    String text = sentences.get(s).text();
                    boolean shouting = shouting(text);
                    double position = s < settings.leadSentences() ? settings.leadWeight() : 1;
                    DocumentFrequencies.stems(text, stemmer, known, (stem, capitalized, offset) -> {
                        boolean name = capitalized && offset > 0 && !shouting;
                        count.merge(stem, position * (name ? settings.nameWeight() : 1), Double::sum);
                    });
                }
                DocumentFrequencies.stems(article.title(), stemmer, known, (stem, capitalized, offset) ->
                        count.merge(stem, settings.titleWeight(), Double::sum));
                return count;
            }).toList();
            Map<String, Integer> ids = new HashMap<>();
            List<String> vocabulary = new ArrayList<>();
            List<Map<Integer, Double>> counts = new ArrayList<>(n);
            for (Map<String, Double> stems : stemCounts) {
                Map<Integer, Double> count = new HashMap<>();
                stems.forEach((stem, weight) -> count.put(id(ids, vocabulary, stem), weight));
                counts.add(count);
            }
            DocumentFrequencies background = settings.background();
            int[] documentFrequency = new int[ids.size()];
            counts.forEach(count -> count.keySet().forEach(term -> documentFrequency[term]++));
            int[][] terms = new int[n][];
            double[][] weights = new double[n][];
            for (int i = 0; i < n; i++) {
                Map<Integer, Double> count = counts.get(i);
                int[] sorted = count.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
                double[] weight = new double[sorted.length];
                double norm = 0;
                for (int k = 0; k < sorted.length; k++) {
                    double tf = 1 + Math.log(count.get(sorted[k]));
                    int seen = documentFrequency[sorted[k]] + background.count(vocabulary.get(sorted[k]));
                    weight[k] = tf * Math.log((double) (n + background.documents()) / seen);
                }
                for (double w : weight) {
                    norm += w * w;
                }
                norm = Math.sqrt(norm);
                for (int k = 0; k < weight.length && norm > 0; k++) {
                    weight[k] /= norm;
                }
                terms[i] = sorted;
                weights[i] = weight;
            }
            return new Vectors(terms, weights);
        }

        int size() {
            return terms.length;
        }

        /**
         * The cosine similarity of two articles less the share of the one word that adds most to
         * it: reports of one event have many telling words in common, while two events that share
         * a country or a person have one.
         */
        double similarity(int a, int b) {
            int[] ta = terms[a];
            int[] tb = terms[b];
            double dot = 0;
            double largest = 0;
            for (int i = 0, j = 0; i < ta.length && j < tb.length;) {
                if (ta[i] == tb[j]) {
                    double product = weights[a][i++] * weights[b][j++];
                    dot += product;
                    largest = Math.max(largest, product);
                } else if (ta[i] < tb[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return dot - largest;
        }

        /** @return the article's heaviest terms, at most {@code limit} */
        int[] keyTerms(int article, int limit) {
            Integer[] order = new Integer[terms[article].length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (x, y) -> Double.compare(weights[article][y], weights[article][x]));
            int[] keys = new int[Math.min(limit, order.length)];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = terms[article][order[k]];
            }
            return keys;
        }
    }

    private static int id(Map<String, Integer> ids, List<String> vocabulary, String stem) {
        Integer id = ids.get(stem);
        if (id == null) {
            id = vocabulary.size();
            ids.put(stem, id);
            vocabulary.add(stem);
        }
        return id;
    }

    /** A sentence in capitals throughout (a shouted line, a headline in caps) names nothing by its case. */
    private static boolean shouting(String text) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 10 && upper * 5 > letters * 3;
    }

    /** A pair worth comparing and its similarity. */
    private record Pair(int a, int b, double similarity) {}

    /**
     * Every pair that shares {@value #SHARED} of its heaviest terms, with its similarity: an
     * inverted index over each article's {@value #KEY_TERMS} heaviest terms, so two articles with
     * too little that is telling in common are never compared.
     */
    static List<Pair> candidates(Vectors vectors, int keyTerms) {
        int n = vectors.size();
        Map<Integer, List<Integer>> postings = new HashMap<>();
        int[][] keys = new int[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = vectors.keyTerms(i, keyTerms);
            for (int term : keys[i]) {
                postings.computeIfAbsent(term, key -> new ArrayList<>()).add(i);
            }
        }
        List<List<Pair>> found = java.util.stream.IntStream.range(0, n).parallel().mapToObj(i -> {
            Map<Integer, Integer> shared = new HashMap<>();
            for (int term : keys[i]) {
                List<Integer> holders = postings.get(term);
                if (holders.size() > POSTINGS) {
                    continue;
                }
                for (int j : holders) {
                    if (j > i) {
                        shared.merge(j, 1, Integer::sum);
                    }
                }
            }
            List<Pair> pairs = new ArrayList<>();
            shared.entrySet().stream().filter(entry -> entry.getValue() >= SHARED).map(Map.Entry::getKey).sorted()
                    .forEach(j -> {
                        double similarity = vectors.similarity(i, j);
                        if (similarity > 0) {
                            pairs.add(new Pair(i, j, similarity));
                        }
                    });
            return pairs;
        }).toList();
        List<Pair> pairs = new ArrayList<>();
        found.forEach(pairs::addAll);
        return pairs;
    }

    /** What two groups have in common: the sum of their pairs' similarities and the strongest of them. */
    private record Link(double sum, double strongest) {

        Link plus(Link other) {
            return new Link(sum + other.sum, Math.max(strongest, other.strongest));
        }
    }

    /** A possible merge of two groups, with the mean similarity of their pairs when it was reckoned. */
    private record Merge(int a, int b, double mean, int sizeA, int sizeB) {}

    /**
     * Average-link grouping over the compared pairs (pairs never compared count as 0): the two
     * groups with the highest mean pair similarity are joined while that mean reaches the
     * threshold.
     *
     * @return each article's group, numbered by the group's first article
     */
    static int[] link(Vectors vectors, List<Pair> pairs, double threshold, double seed) {
        int n = vectors.size();
        int[] size = new int[n];
        Arrays.fill(size, 1);
        List<Map<Integer, Link>> links = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            links.add(new HashMap<>());
        }
        PriorityQueue<Merge> queue = new PriorityQueue<>((x, y) -> x.mean() != y.mean() ? Double.compare(y.mean(), x.mean())
                : x.a() != y.a() ? Integer.compare(x.a(), y.a()) : Integer.compare(x.b(), y.b()));
        for (Pair pair : pairs) {
            Link link = new Link(pair.similarity(), pair.similarity());
            links.get(pair.a()).put(pair.b(), link);
            links.get(pair.b()).put(pair.a(), link);
            if (pair.similarity() >= Math.max(threshold, seed)) {
                queue.add(new Merge(pair.a(), pair.b(), pair.similarity(), 1, 1));
            }
        }
        int[] into = new int[n];
        for (int i = 0; i < n; i++) {
            into[i] = i;
        }
        while (!queue.isEmpty()) {
            Merge merge = queue.poll();
            int a = merge.a();
            int b = merge.b();
            if (into[a] != a || into[b] != b || size[a] != merge.sizeA() || size[b] != merge.sizeB()) {
                continue; // stale: one side has grown or been absorbed since
            }
            // b joins a; a's links to every other group become the links of both
            Map<Integer, Link> joined = links.get(a);
            joined.remove(b);
            for (Map.Entry<Integer, Link> entry : links.get(b).entrySet()) {
                if (entry.getKey() != a) {
                    joined.merge(entry.getKey(), entry.getValue(), Link::plus);
                    links.get(entry.getKey()).remove(b);
                }
            }
            links.set(b, null);
            into[b] = a;
            size[a] += size[b];
            for (Map.Entry<Integer, Link> entry : joined.entrySet()) {
                int other = entry.getKey();
                Link link = entry.getValue();
                links.get(other).put(a, link);
                double mean = link.sum() / ((double) size[a] * size[other]);
                if (mean >= threshold && link.strongest() >= seed) {
                    int low = Math.min(a, other);
                    int high = Math.max(a, other);
                    queue.add(new Merge(low, high, mean, size[low], size[high]));
                }
            }
        }
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            int root = i;
            while (into[root] != root) {
                root = into[root];
            }
            group[i] = root;
        }
        int[] first = new int[n];
        Arrays.fill(first, -1);
        for (int i = 0; i < n; i++) {
            if (first[group[i]] < 0) {
                first[group[i]] = i;
            }
        }
        for (int i = 0; i < n; i++) {
            group[i] = first[group[i]];
        }
        return group;
    }

    /** @return the title's content terms, stemmed like the body's */
    static List<String> titleTerms(AnalyzedArticle article) {
        PorterStemmer stemmer = new PorterStemmer();
        List<String> terms = new ArrayList<>();
        for (String word : article.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !Terms.isStopWord(word)) {
                terms.add(stemmer.stem(word));
            }
        }
        return terms;
    }
}
