package org.newsbrief.llm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Holds a written summary to its word limit, since models overshoot the limit they are asked for. */
final class SummaryTrimming {

    private SummaryTrimming() {}

    /**
     * @param sentences the summary's sentences
     * @param maxWords the limit
     * @return the leading sentences that fit in the limit; when even the first does not, its first
     *     {@code maxWords} words and an ellipsis
     */
    static List<String> toWords(List<String> sentences, int maxWords) {
        List<String> kept = new ArrayList<>();
        int words = 0;
        for (String sentence : sentences) {
            String[] split = sentence.strip().split("\\s+");
            if (words + split.length > maxWords) {
                if (kept.isEmpty()) {
                    kept.add(String.join(" ", Arrays.asList(split).subList(0, maxWords)).replaceAll("[,;:]$", "") + "…");
                }
                break;
            }
            kept.add(sentence.strip());
            words += split.length;
        }
        return kept;
    }
}
