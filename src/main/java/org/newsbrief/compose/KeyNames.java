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
 * counts for "Mohammed Shia al-Sudani" (case aside: "Al-Sudani" opening a sentence is the same
 * man). Titles before a name ("Prime Minister") and calendar words are left out.
 */
final class KeyNames {

    /** Calendar words the tagger calls proper nouns; they name no one. */
    private static final java.util.Set<String> CALENDAR = java.util.Set.of("Monday", "Tuesday", "Wednesday", "Thursday",
            "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December");

    /** Titles that come before a name and are not part of it. */
    private static final java.util.Set<String> TITLES = java.util.Set.of("Mr", "Mrs", "Ms", "Dr", "Prof", "Professor",
            "President", "Prime", "Minister", "Chancellor", "Governor", "Secretary", "Senator", "Judge", "General",
            "Deputy", "Mayor", "King", "Queen", "Pope", "Sir", "Dame", "Lord", "Lady", "Chief", "Executive");

    /** Lower-case words inside names: "Bank of England", "Route du Rhum", "Ursula von der Leyen". */
    private static final java.util.Set<String> PARTICLES = java.util.Set.of("of", "du", "de", "des", "der", "van", "von",
            "la", "le", "da", "di", "do", "dos", "das", "del", "y");

    /**
     * Adjectives that open place and body names ("New Zealand", "Black Sea", "United Nations");
     * other capitalized adjectives, such as "European" before a spacecraft, are not part of one.
     */
    private static final java.util.Set<String> PLACE_ADJECTIVES = java.util.Set.of("New", "Black", "Red", "White", "Dead",
            "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Great", "United", "Middle",
            "Upper", "Lower", "Central", "Royal", "Holy", "Old", "Greater", "Grand", "Little", "Saint");

    /** A possessive ending, which closes a name: "Ukraine’s Black Sea ports" names two things. */
    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("['’]s$");

    private KeyNames() {}

    /**
     * @param articles the texts to look in
     * @param limit how many names at most
     * @return the names, most mentioned first
     */
    static List<String> of(List<AnalyzedArticle> articles, int limit) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AnalyzedArticle article : articles) {
            List<List<String>> tags = article.partsOfSpeech();
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
                String a = longer.toLowerCase(java.util.Locale.ROOT);
                String b = name.toLowerCase(java.util.Locale.ROOT);
                if (a.equals(b) || a.endsWith(" " + b) || a.startsWith(b + " ")) {
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

    private static void collect(Sentence sentence, List<String> rawTags, Map<String, Integer> counts) {
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        joinHyphenated(sentence, rawTags, words, tags);
        List<String> current = new ArrayList<>();
        int size = words.size();
        for (int t = 0; t <= size; t++) {
            String token = t < size ? words.get(t) : "";
            boolean possessive = POSSESSIVE.matcher(token).find();
            String word = possessive ? POSSESSIVE.matcher(token).replaceFirst("") : token;
            boolean joiner = !current.isEmpty() && PARTICLES.contains(token) && startsName(words, tags, t + 1);
            if (t < size && !word.isEmpty() && (isName(word, tags.get(t)) || joiner || t > 0 && namePrefix(words, tags, t))) {
                current.add(word);
                if (!possessive) {
                    continue;
                }
            }
            if (!current.isEmpty()) {
                flush(current, counts);
            }
        }
    }

    /**
     * "al-Sudani" is one word to a reader but three tokens to the tokenizer; parts that touch
     * across a hyphen are joined, and the word takes the tag of its last part.
     */
    private static void joinHyphenated(Sentence sentence, List<String> tags, List<String> words, List<String> wordTags) {
        List<org.newsbrief.nlp.Token> tokens = sentence.tokens();
        int size = Math.min(tokens.size(), tags.size());
        for (int t = 0; t < size; t++) {
            StringBuilder word = new StringBuilder(tokens.get(t).text());
            String tag = tags.get(t);
            while (t + 2 < size && tokens.get(t + 1).text().equals("-") && tokens.get(t + 1).start() == tokens.get(t).end()
                    && tokens.get(t + 2).start() == tokens.get(t + 1).end()) {
                word.append('-').append(tokens.get(t + 2).text());
                tag = tags.get(t + 2);
                t += 2;
            }
            words.add(word.toString());
            wordTags.add(tag);
        }
    }

    /** "New" in "New Zealand", "Black" in "Black Sea": a capitalized adjective opening a name. */
    private static boolean namePrefix(List<String> words, List<String> tags, int t) {
        return tags.get(t).equals("ADJ") && PLACE_ADJECTIVES.contains(words.get(t))
                && t + 1 < words.size() && isName(words.get(t + 1), tags.get(t + 1));
    }

    private static boolean startsName(List<String> words, List<String> tags, int t) {
        return t < words.size() && (isName(words.get(t), tags.get(t)) || namePrefix(words, tags, t));
    }

    private static boolean isName(String token, String tag) {
        return tag.equals("PROPN") && (Character.isUpperCase(token.codePointAt(0)) || token.startsWith("al-"));
    }

    private static void flush(List<String> current, Map<String, Integer> counts) {
        while (!current.isEmpty() && (CALENDAR.contains(current.get(0)) || current.size() > 1 && TITLES.contains(current.get(0)))) {
            current.remove(0);
        }
        while (!current.isEmpty() && (CALENDAR.contains(current.get(current.size() - 1))
                || PARTICLES.contains(current.get(current.size() - 1)))) {
            current.remove(current.size() - 1);
        }
        String name = String.join(" ", current);
        if (name.length() > 2) {
            counts.merge(name, 1, Integer::sum);
        }
        current.clear();
    }
}
