package org.newsbrief.summarize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.newsbrief.nlp.Sentence;

/** Fills a length budget from ranked sentences and returns the choice in document order. */
final class Selection {

    private final SummaryLength length;
    private final int sentenceLimit;
    private final List<Sentence> chosen = new ArrayList<>();
    private int words;
    private int bytes = -1; // the joining space before the first sentence is not counted

    Selection(SummaryLength length, int articleSentences) {
        this.length = length;
        this.sentenceLimit = length.sentenceLimit(articleSentences);
    }

    /**
     * Takes sentences best first while they fit. A sentence that would overflow a word or byte
     * budget is passed over for a shorter one further down the ranking.
     *
     * @param sentences all candidate sentences, in document order
     * @param scores one score per sentence; ties go to the earlier sentence
     * @param length the budget
     * @param algorithm name recorded in the summary
     */
    static Summary best(List<Sentence> sentences, double[] scores, SummaryLength length, String algorithm) {
        Selection selection = new Selection(length, sentences.size());
        for (int i : ranking(scores, sentences.size())) {
            if (selection.isFull()) {
                break;
            }
            selection.addIfFits(List.of(sentences.get(i)));
        }
        return selection.summary(algorithm);
    }

    /**
     * @param scores one score per sentence
     * @param count how many sentences
     * @return sentence indexes, best score first, ties in document order
     */
    static List<Integer> ranking(double[] scores, int count) {
        if (scores.length != count) {
            throw new IllegalArgumentException("need one score per sentence: " + scores.length + " for " + count);
        }
        List<Integer> ranking = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ranking.add(i);
        }
        ranking.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        return ranking;
    }

    /** @return whether no further sentence can be added */
    boolean isFull() {
        return sentenceLimit > 0 && chosen.size() >= sentenceLimit;
    }

    /** @return whether the sentence is already chosen */
    boolean contains(Sentence sentence) {
        return chosen.contains(sentence);
    }

    /** @return the sentences chosen so far, in the order they were added */
    List<Sentence> chosen() {
        return chosen;
    }

    /** @return whether the sentences, added to those chosen, would fit */
    boolean fits(List<Sentence> group) {
        int groupWords = 0;
        int groupBytes = 0;
        for (Sentence sentence : group) {
            groupWords += length.maxWords() > 0 ? sentence.wordCount() : 0;
            groupBytes += length.maxBytes() > 0 ? sentence.text().getBytes(StandardCharsets.UTF_8).length + 1 : 0;
        }
        return !(sentenceLimit > 0 && chosen.size() + group.size() > sentenceLimit
                || length.maxWords() > 0 && words + groupWords > length.maxWords()
                || length.maxBytes() > 0 && bytes + groupBytes > length.maxBytes());
    }

    /**
     * Adds the sentences together, or none of them when together they do not fit.
     *
     * @return whether they were added
     */
    boolean addIfFits(List<Sentence> group) {
        if (!fits(group)) {
            return false;
        }
        for (Sentence sentence : group) {
            words += length.maxWords() > 0 ? sentence.wordCount() : 0;
            bytes += length.maxBytes() > 0 ? sentence.text().getBytes(StandardCharsets.UTF_8).length + 1 : 0;
        }
        chosen.addAll(group);
        return true;
    }

    Summary summary(String algorithm) {
        List<Sentence> ordered = new ArrayList<>(chosen);
        ordered.sort(Comparator.comparingInt(Sentence::index));
        return new Summary(ordered, algorithm);
    }
}
