package org.newsbrief.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * ROUGE-N and summary-level ROUGE-L as defined by Lin (2004) and reported by ROUGE-1.5.5 with
 * stemming ({@code -m}): text is lower-cased, split into runs of letters and digits, and words
 * longer than three characters are Porter-stemmed.
 *
 * <p>ROUGE-N counts the n-grams the candidate shares with the reference, each at most as often
 * as it occurs in both. Summary-level ROUGE-L (often called ROUGE-Lsum) takes, for every
 * reference sentence, the union of its longest common subsequences with all candidate sentences,
 * and counts those words, again at most as often as they occur in each text.
 *
 * <p>Instances are not thread-safe (the stemmer keeps state); use one per thread.
 */
final class Rouge {

    private final PorterStemmer stemmer = new PorterStemmer();

    /**
     * @param text any text
     * @return its ROUGE tokens: lower-case letter-and-digit runs, stemmed when longer than 3
     */
    public List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            while (i < lower.length() && !isTokenChar(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < lower.length() && isTokenChar(lower.charAt(i))) {
                i++;
            }
            if (i > start) {
                String token = lower.substring(start, i);
                tokens.add(token.length() > 3 ? stemmer.stem(token) : token);
            }
        }
        return tokens;
    }

    /**
     * @param candidate the candidate's tokens
     * @param reference the reference's tokens
     * @param n the n-gram size, at least 1
     * @return ROUGE-N
     */
    public static Score rougeN(List<String> candidate, List<String> reference, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        Map<List<String>, Integer> candidateGrams = ngrams(candidate, n);
        Map<List<String>, Integer> referenceGrams = ngrams(reference, n);
        int matched = 0;
        for (Map.Entry<List<String>, Integer> gram : candidateGrams.entrySet()) {
            matched += Math.min(gram.getValue(), referenceGrams.getOrDefault(gram.getKey(), 0));
        }
        return Score.of(matched, Math.max(0, candidate.size() - n + 1), Math.max(0, reference.size() - n + 1));
    }

    /**
     * @param candidate the candidate's sentences, each as tokens
     * @param reference the reference's sentences, each as tokens
     * @return summary-level ROUGE-L
     */
    public static Score rougeLsum(List<List<String>> candidate, List<List<String>> reference) {
        int candidateWords = candidate.stream().mapToInt(List::size).sum();
        int referenceWords = reference.stream().mapToInt(List::size).sum();
        if (candidateWords == 0 || referenceWords == 0) {
            return Score.ZERO;
        }
        Map<String, Integer> candidateLeft = counts(candidate);
        Map<String, Integer> referenceLeft = counts(reference);
        int hits = 0;
        for (List<String> referenceSentence : reference) {
            TreeSet<Integer> union = new TreeSet<>();
            for (List<String> candidateSentence : candidate) {
                union.addAll(lcsPositions(referenceSentence, candidateSentence));
            }
            for (int position : union) {
                String token = referenceSentence.get(position);
                if (candidateLeft.getOrDefault(token, 0) > 0 && referenceLeft.getOrDefault(token, 0) > 0) {
                    hits++;
                    candidateLeft.merge(token, -1, Integer::sum);
                    referenceLeft.merge(token, -1, Integer::sum);
                }
            }
        }
        return Score.of(hits, candidateWords, referenceWords);
    }

    /** Positions in {@code reference} of one longest common subsequence with {@code candidate}. */
    static List<Integer> lcsPositions(List<String> reference, List<String> candidate) {
        int m = reference.size();
        int n = candidate.size();
        int[][] table = new int[m + 1][n + 1];
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= n; j++) {
                table[i][j] = reference.get(i - 1).equals(candidate.get(j - 1))
                        ? table[i - 1][j - 1] + 1
                        : Math.max(table[i - 1][j], table[i][j - 1]);
            }
        }
        List<Integer> positions = new ArrayList<>();
        int i = m;
        int j = n;
        while (i > 0 && j > 0) {
            if (reference.get(i - 1).equals(candidate.get(j - 1))) {
                positions.add(i - 1);
                i--;
                j--;
            } else if (table[i - 1][j] >= table[i][j - 1]) {
                i--;
            } else {
                j--;
            }
        }
        return positions;
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> grams = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            grams.merge(tokens.subList(i, i + n), 1, Integer::sum);
        }
        return grams;
    }

    private static Map<String, Integer> counts(List<List<String>> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> sentence : sentences) {
            for (String token : sentence) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
