package org.newsbrief.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups articles whose texts are nearly the same, as when several outlets run one agency story:
 * texts are cut into overlapping five-word shingles, and two articles belong together when the
 * Jaccard similarity of their shingle sets reaches {@value #THRESHOLD}, the level news
 * aggregators use for near-duplicates. Groups are closed under that relation.
 *
 * <p>{@link #shingleSet} and {@link #near} are the same test one pair at a time, for code that
 * finds its candidate pairs in another way, such as a job that spreads articles over many
 * machines; what they decide is exactly what {@link #groups} decides for that pair.
 */
public final class NearDuplicates {

    /** Jaccard similarity of shingle sets at which two texts count as the same story copy. */
    public static final double THRESHOLD = 0.85;
    private static final int SHINGLE = 5;

    private NearDuplicates() {}

    /**
     * @param articles the articles, in order
     * @return groups of two or more near-duplicate articles, each in input order
     */
    public static List<List<Article>> groups(List<Article> articles) {
        int n = articles.size();
        // shingles become numbers, each article a list of them and each number a list of articles
        Map<Integer, Integer> ids = new HashMap<>();
        int[][] shingles = new int[n][];
        // shingling is most of the work, and each article's is its own: on all processors
        List<Set<Integer>> sets = java.util.stream.IntStream.range(0, n).parallel()
                .mapToObj(i -> shingles(articles.get(i).text())).toList();
        for (int i = 0; i < n; i++) {
            Set<Integer> set = sets.get(i);
            int[] numbers = new int[set.size()];
            int k = 0;
            for (int shingle : set) {
                Integer id = ids.get(shingle);
                if (id == null) {
                    id = ids.size();
                    ids.put(shingle, id);
                }
                numbers[k++] = id;
            }
            shingles[i] = numbers;
        }
        int[] holders = new int[ids.size()];
        for (int[] numbers : shingles) {
            for (int id : numbers) {
                holders[id]++;
            }
        }
        int[][] index = new int[ids.size()][];
        for (int id = 0; id < index.length; id++) {
            index[id] = new int[holders[id]];
            holders[id] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int id : shingles[i]) {
                index[id][holders[id]++] = i;
            }
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int[] shared = new int[n]; // shingles in common with article i, by article
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int shingle : shingles[i]) {
                for (int j : index[shingle]) {
                    if (j > i && shared[j]++ == 0) {
                        touched[count++] = j;
                    }
                }
            }
            for (int t = 0; t < count; t++) {
                int j = touched[t];
                int common = shared[j];
                shared[j] = 0;
                if (near(common, shingles[i].length, shingles[j].length)) {
                    parent[find(parent, j)] = find(parent, i);
                }
            }
        }
        Map<Integer, List<Article>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), root -> new ArrayList<>()).add(articles.get(i));
        }
        return groups.values().stream().filter(group -> group.size() > 1).toList();
    }

    /**
     * The shingles {@link #groups} compares a text by: each run of five words (letters and digits,
     * lower-cased) as a number, or the whole text as one when it has fewer words.
     *
     * @param text an article's text
     * @return the distinct shingle numbers, in ascending order; empty when the text has no word
     */
    public static int[] shingleSet(String text) {
        return shingles(java.util.Objects.requireNonNull(text, "text")).stream().mapToInt(Integer::intValue).sorted()
                .toArray();
    }

    /**
     * Whether two texts are near-duplicates, as {@link #groups} decides for a pair: the Jaccard
     * similarity of their shingle sets reaches {@value #THRESHOLD}.
     *
     * @param a one text's {@link #shingleSet}
     * @param b the other's
     * @return whether they are copies of one story
     */
    public static boolean near(int[] a, int[] b) {
        int common = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                common++;
                i++;
                j++;
            }
        }
        return common > 0 && near(common, a.length, b.length);
    }

    /** The one place the threshold is applied, so pairwise and grouped answers cannot drift apart. */
    private static boolean near(int common, int sizeA, int sizeB) {
        return (double) common / (sizeA + sizeB - common) >= THRESHOLD;
    }

    static double similarity(String a, String b) {
        Set<Integer> left = shingles(a);
        Set<Integer> right = shingles(b);
        Set<Integer> both = new HashSet<>(left);
        both.retainAll(right);
        int union = left.size() + right.size() - both.size();
        return union == 0 ? 0 : (double) both.size() / union;
    }

    private static Set<Integer> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            if (!word.isEmpty()) {
                kept.add(word);
            }
        }
        Set<Integer> shingles = new HashSet<>();
        for (int i = 0; i + SHINGLE <= kept.size(); i++) {
            shingles.add(String.join(" ", kept.subList(i, i + SHINGLE)).hashCode());
        }
        if (shingles.isEmpty() && !kept.isEmpty()) {
            shingles.add(String.join(" ", kept).hashCode());
        }
        return shingles;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
