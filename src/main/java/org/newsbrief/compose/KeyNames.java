package org.newsbrief.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * People, places and organizations, found as runs of proper nouns in the part-of-speech tags
 * ("Mohammed Shia al-Sudani", "Reserve Bank of New Zealand": "of" may join two runs). A name that
 * is the end or start of a longer one found in the same texts is merged into it, so "al-Sudani"
 * counts for "Mohammed Shia al-Sudani".
 */
final class KeyNames {

    /** Calendar words the tagger calls proper nouns; they name no one. */
    private static final java.util.Set<String> CALENDAR = java.util.Set.of("Monday", "Tuesday", "Wednesday", "Thursday",
            "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December");

    private KeyNames() {}

    /**
     * @param articles the texts to look in
     * @param limit how many names at most
     * @return the names, most mentioned first
     */
    static List<String> of(List<AnalyzedArticle> articles, int limit) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AnalyzedArticle article : articles) {
            List<List<String>> tags = article.tags().partsOfSpeech();
            for (int s = 0; s < article.sentences().size(); s++) {
                collect(article.sentences().get(s), tags.get(s), counts);
            }
        }
        Map<String, Integer> merged = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(counts.keySet());
        names.sort((a, b) -> Integer.compare(b.length(), a.length()));
        for (String name : names) {
            String into = null;
            for (String longer : merged.keySet()) {
                if (longer.endsWith(" " + name) || longer.startsWith(name + " ")) {
                    into = longer;
                    break;
                }
            }
            merged.merge(into == null ? name : into, counts.get(name), Integer::sum);
        }
        return merged.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey)
                .limit(limit)
                .toList();
    }

    private static void collect(Sentence sentence, List<String> tags, Map<String, Integer> counts) {
        List<String> current = new ArrayList<>();
        for (int t = 0; t <= sentence.tokens().size(); t++) {
            String token = t < sentence.tokens().size() ? sentence.tokens().get(t).text() : "";
            String tag = t < tags.size() ? tags.get(t) : "";
            boolean proper = tag.equals("PROPN") && Character.isUpperCase(token.codePointAt(0))
                    || tag.equals("PROPN") && token.startsWith("al-");
            boolean joiner = !current.isEmpty() && token.equals("of") && t + 1 < tags.size() && tags.get(t + 1).equals("PROPN");
            if (proper || joiner) {
                current.add(token);
                continue;
            }
            if (!current.isEmpty()) {
                while (!current.isEmpty() && CALENDAR.contains(current.get(0))) {
                    current.remove(0);
                }
                while (!current.isEmpty() && (CALENDAR.contains(current.get(current.size() - 1))
                        || current.get(current.size() - 1).equals("of"))) {
                    current.remove(current.size() - 1);
                }
                String name = String.join(" ", current);
                if (name.length() > 2) {
                    counts.merge(name, 1, Integer::sum);
                }
                current.clear();
            }
        }
    }
}
