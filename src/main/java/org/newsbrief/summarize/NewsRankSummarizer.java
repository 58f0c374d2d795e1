package org.newsbrief.summarize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * newsbrief's default: graph centrality tuned on news, with a selection that keeps the summary
 * readable and free of repeats.
 *
 * <ul>
 *   <li>Scores are TextRank's (Mihalcea and Tarau 2004) over lower-cased content words, which
 *       keeps names and figures distinct where stems would merge them, times a mild preference
 *       for longer sentences ({@code words^}{@value #LENGTH_EXPONENT}), which carry more of the
 *       story per line.
 *   <li>A sentence that opens by pointing back ({@link Openers}: "He", "However", "This", ...)
 *       comes with the sentence before it or not at all, so no summary leaves the reader guessing
 *       who "he" is.
 *   <li>A sentence that retells an earlier one of its report (cosine {@value #RETELLING} or more),
 *       as a photo caption under the lede often does, is left for the earlier one.
 *   <li>No two chosen sentences repeat each other (cosine similarity of their tf-idf vectors above
 *       {@value #REDUNDANCY}), as in maximal marginal relevance (Carbonell and Goldstein 1998);
 *       across several outlets' reports, which retell a fact in other words, the bar is
 *       {@value #CROSS_REPORT_REDUNDANCY}, so one event is not told twice.
 *   <li>Within these rules, the summary is the set of sentences with the highest total score that
 *       fits the length, found by exhaustive search over the {@value #CANDIDATES} best-scored
 *       sentences (with the sentences they need) rather than greedily, since a greedy pick of a
 *       sentence and its context can crowd out two better sentences. Under a word or byte budget
 *       the best-scored sentence is always in it, so that a long lede is not traded for two
 *       shorter sentences.
 * </ul>
 *
 * <p>Measured on the BBC News Summary set, see the README.
 */
public final class NewsRankSummarizer implements Summarizer, SentenceScorer {

    /** Exponent of the length preference; measured on the BBC News Summary set. */
    static final double LENGTH_EXPONENT = 0.2;
    /** PageRank damping; a little above TextRank's 0.85, so the graph weighs more than chance. */
    static final double DAMPING = 0.95;
    /** Similarity above which a candidate counts as a repeat of a chosen sentence. */
    static final double REDUNDANCY = 0.6;
    /**
     * The same across two outlets' reports, which retell one fact in their own words: on the
     * samples, two ledes announcing one rate rise score 0.3 to 0.5.
     */
    static final double CROSS_REPORT_REDUNDANCY = 0.3;
    /** Cosine at or above which a sentence retells an earlier one of its report. */
    static final double RETELLING = 0.8;
    /** How many best-scored sentences the search considers. */
    static final int CANDIDATES = 10;
    /** How many sentences before a pointing-back opener may be pulled in to explain it. */
    private static final int MAX_CONTEXT = 2;

    private final double lengthExponent;
    private final double redundancy;

    /** With the settings measured best on news. */
    public NewsRankSummarizer() {
        this(LENGTH_EXPONENT, REDUNDANCY);
    }

    /**
     * @param lengthExponent how strongly longer sentences are preferred; 0 for not at all
     * @param redundancy cosine similarity above which two sentences may not both be chosen
     */
    NewsRankSummarizer(double lengthExponent, double redundancy) {
        this.lengthExponent = lengthExponent;
        this.redundancy = redundancy;
    }

    @Override
    public double[] scores(AnalyzedArticle article) {
        return scores(article.sentences(), Terms.words(article.sentences()));
    }

    private double[] scores(List<Sentence> sentences, List<List<String>> words) {
        return scores(sentences, words, lengthExponent);
    }

    /**
     * @param sentences the sentences
     * @param words their content words, as {@link Terms#words} finds them
     * @param lengthExponent the length preference
     * @return each sentence's score: its TextRank over the words times its length to that power
     */
    static double[] scores(List<Sentence> sentences, List<List<String>> words, double lengthExponent) {
        int n = Math.min(sentences.size(), TextRankSummarizer.MAX_GRAPH_SENTENCES);
        double[] graph = TextRankSummarizer.pageRank(TextRankSummarizer.similarities(words.subList(0, n)), DAMPING);
        double[] scores = new double[sentences.size()];
        for (int i = 0; i < n; i++) {
            scores[i] = graph[i] * Math.pow(Math.max(1, sentences.get(i).wordCount()), lengthExponent);
        }
        return scores;
    }

    @Override
    public Summary summarize(AnalyzedArticle article, SummaryLength length) {
        List<List<String>> words = Terms.words(article.sentences());
        return select(article, scores(article.sentences(), words), TermVectors.of(words), length, redundancy, name());
    }

    /**
     * The readable selection this class describes, over any scores: the best-scoring set of
     * sentences, each with the sentences it points back to, that fits and repeats nothing.
     *
     * @param article the article
     * @param scores one non-negative score per sentence
     * @param vectors the sentences' term vectors, for redundancy
     * @param length the budget
     * @param redundancy cosine similarity above which two sentences may not both be chosen
     * @param name the algorithm name the summary carries
     * @return the summary
     */
    static Summary select(AnalyzedArticle article, double[] scores, TermVectors vectors, SummaryLength length,
            double redundancy, String name) {
        List<Sentence> sentences = article.sentences();
        Selection none = new Selection(length, sentences.size());
        List<List<Sentence>> units = new ArrayList<>();
        for (int i : Selection.ranking(scores, sentences.size())) {
            if (units.size() == CANDIDATES) {
                break;
            }
            if (retellsAnEarlierSentence(article, vectors, i)) {
                continue;
            }
            List<Sentence> unit = withContext(article, i);
            if (!unit.isEmpty() && none.fits(unit)) {
                units.add(unit);
            }
        }
        Search search = new Search(article, units, scores, vectors, length, sentences.size(), redundancy);
        search.exploreAroundTheBest();
        Selection selection = new Selection(length, sentences.size());
        selection.addIfFits(search.best());
        return selection.summary(name);
    }

    @Override
    public String name() {
        return "newsrank";
    }

    /**
     * Whether sentence {@code index} says again what an earlier sentence of its report said, as a
     * photo caption under the lede often does; the earlier one stands in its place.
     */
    static boolean retellsAnEarlierSentence(AnalyzedArticle article, TermVectors vectors, int index) {
        int document = article.documentOf(index);
        for (int earlier = index - 1; earlier >= 0 && article.documentOf(earlier) == document; earlier--) {
            if (vectors.cosine(index, earlier) >= RETELLING) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentence together with the sentences before it that it needs, or nothing when it needs
     * more context than {@value #MAX_CONTEXT} sentences give.
     */
    static List<Sentence> withContext(AnalyzedArticle article, int index) {
        List<Sentence> sentences = article.sentences();
        List<Sentence> unit = new ArrayList<>();
        unit.add(sentences.get(index));
        int current = index;
        while (Openers.pointsBack(sentences.get(current)) && article.positionInDocument(current) > 0) {
            if (unit.size() > MAX_CONTEXT) {
                return List.of();
            }
            current--;
            unit.add(0, sentences.get(current));
        }
        return unit;
    }

    /**
     * Depth-first search for the best-scoring set of units that fits and repeats nothing. The
     * candidate sentences get local numbers so that a set is a bit mask and every pairwise
     * similarity is computed once.
     */
    private static final class Search {

        private final List<Sentence> candidates = new ArrayList<>();
        private final long[] unitMasks;
        private final double[] gain;
        private final int[] words;
        private final int[] bytes;
        private final long[] repeats;
        private final int sentenceLimit;
        private final int maxWords;
        private final int maxBytes;
        private long bestMask;
        private double bestScore = -1;

        Search(AnalyzedArticle article, List<List<Sentence>> units, double[] scores, TermVectors vectors,
                SummaryLength length, int articleSentences, double redundancy) {
            Map<Integer, Integer> local = new HashMap<>(); // sentence index to candidate number
            for (List<Sentence> unit : units) {
                for (Sentence sentence : unit) {
                    if (local.putIfAbsent(sentence.index(), candidates.size()) == null) {
                        candidates.add(sentence);
                    }
                }
            }
            int m = candidates.size();
            gain = new double[m];
            words = new int[m];
            bytes = new int[m];
            repeats = new long[m];
            for (int a = 0; a < m; a++) {
                Sentence sentence = candidates.get(a);
                gain[a] = scores[sentence.index()];
                words[a] = sentence.wordCount();
                bytes[a] = length.maxBytes() > 0
                        ? sentence.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1 : 0;
                for (int b = 0; b < a; b++) {
                    Sentence other = candidates.get(b);
                    double limit = article.documentOf(sentence.index()) == article.documentOf(other.index()) ? redundancy
                            : Math.min(redundancy, CROSS_REPORT_REDUNDANCY);
                    if (vectors.cosine(sentence.index(), other.index()) > limit) {
                        repeats[a] |= 1L << b;
                        repeats[b] |= 1L << a;
                    }
                }
            }
            unitMasks = new long[units.size()];
            for (int u = 0; u < units.size(); u++) {
                for (Sentence sentence : units.get(u)) {
                    unitMasks[u] |= 1L << local.get(sentence.index());
                }
            }
            int limit = length.sentenceLimit(articleSentences);
            sentenceLimit = limit > 0 ? limit : Integer.MAX_VALUE;
            maxWords = length.maxWords() > 0 ? length.maxWords() : Integer.MAX_VALUE;
            maxBytes = length.maxBytes() > 0 ? length.maxBytes() + 1 : Integer.MAX_VALUE; // +1: no space before the first
        }

        /**
         * Under a word or byte budget, the best-scored unit is always taken when it fits, and the
         * rest is searched around it: a sum of scores would otherwise trade the one sentence the
         * scorer trusts most, often a long lede, for two or three shorter ones. Under a sentence
         * budget alone there is no such trade, and the whole search runs.
         */
        void exploreAroundTheBest() {
            if (unitMasks.length == 0) {
                return;
            }
            if (maxWords == Integer.MAX_VALUE && maxBytes == Integer.MAX_VALUE) {
                explore(0, 0, 0, 0, 0);
                return;
            }
            long first = unitMasks[0];
            double total = 0;
            int wordsUsed = 0;
            int bytesUsed = 0;
            for (long rest = first; rest != 0; rest &= rest - 1) {
                int a = Long.numberOfTrailingZeros(rest);
                total += gain[a];
                wordsUsed += words[a];
                bytesUsed += bytes[a];
            }
            if (Long.bitCount(first) <= sentenceLimit && wordsUsed <= maxWords && bytesUsed <= maxBytes) {
                explore(1, first, total, wordsUsed, bytesUsed);
            } else {
                explore(0, 0, 0, 0, 0);
            }
        }

        void explore(int from, long mask, double total, int wordsUsed, int bytesUsed) {
            if (total > bestScore) {
                bestScore = total;
                bestMask = mask;
            }
            int count = Long.bitCount(mask);
            for (int u = from; u < unitMasks.length; u++) {
                long added = unitMasks[u] & ~mask;
                if (added == 0 || count + Long.bitCount(added) > sentenceLimit) {
                    continue;
                }
                double addedScore = 0;
                int addedWords = 0;
                int addedBytes = 0;
                boolean clash = false;
                for (long rest = added; rest != 0; rest &= rest - 1) {
                    int a = Long.numberOfTrailingZeros(rest);
                    clash |= (repeats[a] & mask) != 0;
                    addedScore += gain[a];
                    addedWords += words[a];
                    addedBytes += bytes[a];
                }
                if (clash || wordsUsed + addedWords > maxWords || bytesUsed + addedBytes > maxBytes) {
                    continue;
                }
                explore(u + 1, mask | added, total + addedScore, wordsUsed + addedWords, bytesUsed + addedBytes);
            }
        }

        List<Sentence> best() {
            List<Sentence> chosen = new ArrayList<>();
            for (long rest = bestMask; rest != 0; rest &= rest - 1) {
                chosen.add(candidates.get(Long.numberOfTrailingZeros(rest)));
            }
            return chosen;
        }
    }
}
