package org.newsbrief.summarize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.newsbrief.nlp.Sentence;

/** Fills a length budget from ranked sentences and returns the choice in document order. */
final class Selection {

    private Selection() {}

    /**
     * Takes sentences best first while they fit. A sentence that would overflow a word budget is
     * passed over for a shorter one further down the ranking.
     *
     * @param sentences all candidate sentences, in document order
     * @param scores one score per sentence; ties go to the earlier sentence
     * @param length the budget
     * @param algorithm name recorded in the summary
     */
    static Summary best(List<Sentence> sentences, double[] scores, SummaryLength length, String algorithm) {
        if (scores.length != sentences.size()) {
            throw new IllegalArgumentException("need one score per sentence");
        }
        List<Integer> ranking = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            ranking.add(i);
        }
        ranking.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        List<Sentence> chosen = new ArrayList<>();
        int words = 0;
        for (int i : ranking) {
            if (length.maxSentences() > 0 && chosen.size() == length.maxSentences()) {
                break;
            }
            Sentence sentence = sentences.get(i);
            int sentenceWords = sentence.wordCount();
            if (length.maxWords() > 0 && words + sentenceWords > length.maxWords()) {
                continue;
            }
            chosen.add(sentence);
            words += sentenceWords;
        }
        chosen.sort(Comparator.comparingInt(Sentence::index));
        return new Summary(chosen, algorithm);
    }
}
