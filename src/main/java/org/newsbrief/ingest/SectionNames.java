package org.newsbrief.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The briefing's own section names, and how a section an input names is mapped onto them. Feeds,
 * JSON records and sources files name sections in many ways ({@code sports}, {@code Sci/Tech},
 * {@code Markets}); a name that is one of the known sections or an obvious synonym of one becomes
 * that section's display name, so that stories from different inputs meet in one section. Any
 * other name is kept as the input wrote it, trimmed, with a capital first letter.
 */
public final class SectionNames {

    /** International news. */
    public static final String WORLD = "World";
    /** Government, parties and elections. */
    public static final String POLITICS = "Politics";
    /** Companies, markets and the economy. */
    public static final String BUSINESS = "Business";
    /** Research, space, computing and the internet. */
    public static final String SCIENCE_AND_TECHNOLOGY = "Science and technology";
    /** Sport. */
    public static final String SPORT = "Sport";
    /** Film, music, television, books and the arts. */
    public static final String CULTURE_AND_ENTERTAINMENT = "Culture and entertainment";
    /** Health and medicine; only an input names it, the trained classifier does not choose it. */
    public static final String HEALTH = "Health";

    /** The sections newsbrief knows, in the order a briefing usually shows them. */
    public static final List<String> KNOWN = List.of(WORLD, POLITICS, BUSINESS, SCIENCE_AND_TECHNOLOGY, SPORT,
            CULTURE_AND_ENTERTAINMENT, HEALTH);

    private static final Map<String, String> SYNONYMS = new HashMap<>();
    private static final Pattern AND = Pattern.compile("[&/+]");
    private static final Pattern SPACE = Pattern.compile("[-_.,:;\\s]+");

    static {
        synonyms(WORLD, "world", "international", "foreign", "foreign affairs", "world affairs");
        synonyms(POLITICS, "politics", "political");
        synonyms(BUSINESS, "business", "economy", "economics", "finance", "financial", "markets", "money",
                "business and finance", "business and economy");
        synonyms(SCIENCE_AND_TECHNOLOGY, "science and technology", "science", "technology", "tech", "sci and tech",
                "scitech", "sci tech", "science and tech", "technology and science", "science tech");
        synonyms(SPORT, "sport", "sports");
        synonyms(CULTURE_AND_ENTERTAINMENT, "culture and entertainment", "culture", "entertainment", "arts", "the arts",
                "arts and culture", "arts and entertainment", "entertainment and arts", "culture and arts");
        synonyms(HEALTH, "health", "medicine", "health and medicine");
    }

    private SectionNames() {}

    private static void synonyms(String section, String... names) {
        for (String name : names) {
            SYNONYMS.put(name, section);
        }
    }

    /**
     * @param given a section name as an input gives it, such as {@code "sports"} or {@code "Sci/Tech"}
     * @return the known section it names, when it is one or an obvious synonym of one (a trailing
     *     "news" is allowed: {@code "World news"} is {@value #WORLD})
     */
    public static Optional<String> known(String given) {
        if (given == null) {
            return Optional.empty();
        }
        String key = SPACE.matcher(AND.matcher(given.toLowerCase(Locale.ROOT)).replaceAll(" and ")).replaceAll(" ").strip();
        String section = SYNONYMS.get(key);
        if (section == null && key.endsWith(" news")) {
            section = SYNONYMS.get(key.substring(0, key.length() - " news".length()));
        }
        return Optional.ofNullable(section);
    }

    /**
     * @param given a section name as an input gives it; may be null or blank
     * @return the known section's display name, or else the name as given, trimmed, with a capital
     *     first letter; empty for a blank name
     */
    public static String displayName(String given) {
        if (given == null || given.isBlank()) {
            return "";
        }
        Optional<String> section = known(given);
        if (section.isPresent()) {
            return section.get();
        }
        String trimmed = given.strip();
        int first = trimmed.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(trimmed, Character.charCount(first), trimmed.length()).toString();
    }
}
