package org.newsbrief.summarize;

import java.util.List;
import java.util.Objects;
import org.newsbrief.nlp.Sentence;

/**
 * The sentences a summarizer chose, verbatim and in document order.
 *
 * @param sentences the chosen sentences
 * @param algorithm the name of the algorithm that chose them
 */
public record Summary(List<Sentence> sentences, String algorithm) {

    public Summary {
        sentences = List.copyOf(sentences);
        Objects.requireNonNull(algorithm, "algorithm");
        for (int i = 1; i < sentences.size(); i++) {
            if (sentences.get(i).index() <= sentences.get(i - 1).index()) {
                throw new IllegalArgumentException("summary sentences must be in document order");
            }
        }
    }

    /** @return the sentences' texts */
    public List<String> texts() {
        return sentences.stream().map(Sentence::text).toList();
    }

    /** @return the summary as one paragraph, sentences joined by a space */
    public String text() {
        return String.join(" ", texts());
    }

    /** @return how many words the summary has */
    public int wordCount() {
        return sentences.stream().mapToInt(Sentence::wordCount).sum();
    }

    /** @return whether no sentence was chosen */
    public boolean isEmpty() {
        return sentences.isEmpty();
    }
}
