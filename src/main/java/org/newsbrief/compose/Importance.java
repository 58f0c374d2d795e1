package org.newsbrief.compose;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * How much a story matters, with the reasons in words. Each part is an editor's rule of thumb:
 *
 * <ul>
 *   <li><b>coverage</b>: each outlet that reported it adds its weight from the sources file (1 by
 *       default; reports of an unnamed outlet count apart);
 *   <li><b>size</b>: more reports of one event, more weight ({@code 0.5 × ln reports});
 *   <li><b>recency</b>: up to 0.5 for a story of the edition's day, less the older it is;
 *   <li><b>salience</b>: what the title and opening say: deaths, disasters, attacks and other hard
 *       news (0.4 a kind, at most 1.2), figures (0.1 each, at most 0.3) and capitalized words
 *       inside sentences, which are mostly names (0.05 each, at most 0.25);
 *   <li><b>watchlist</b>: 3 for each watched term it mentions, more than a second outlet adds.
 * </ul>
 *
 * Alphabetical order plays no part: equal scores are settled by date and then by the story's id,
 * which depends only on its reports.
 */
final class Importance {

    static final double WATCH_BOOST = 3;

    /** Words that make hard news, whole and lower-cased, each with its kind. */
    private static final Map<String, String> HARD_NEWS = new HashMap<>();

    static {
        kind("deaths", "kill", "kills", "killed", "killing", "killings", "dead", "death", "deaths", "die", "dies", "died",
                "dying", "fatal", "fatalities", "toll");
        kind("injuries", "injured", "injuries", "injuring", "wounded", "wounding", "casualties");
        kind("disaster", "fire", "fires", "blaze", "wildfire", "explosion", "explosions", "blast", "earthquake", "quake",
                "flood", "floods", "flooding", "storm", "hurricane", "cyclone", "typhoon", "tsunami", "landslide", "eruption",
                "drought", "famine", "epidemic", "outbreak");
        kind("violence", "attack", "attacks", "attacked", "bomb", "bombs", "bombing", "bomber", "shooting", "gunman", "gunmen",
                "terror", "terrorist", "terrorists", "war", "invasion", "missile", "missiles", "airstrike", "airstrikes",
                "hostage", "hostages", "massacre", "clashes", "coup", "riot", "riots");
        kind("emergency", "crash", "crashed", "derailed", "sank", "sinking", "collapse", "collapsed", "evacuated",
                "evacuation", "emergency", "rescue", "rescuers");
    }

    private static void kind(String kind, String... words) {
        for (String word : words) {
            HARD_NEWS.put(word, kind);
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
    private static final Pattern FIGURE = Pattern.compile("\\d[\\d,.]*");
    private static final int OPENING_SENTENCES = 2;

    private Importance() {}

    /**
     * @param cluster the story's reports
     * @param story the story as made, for its date and names
     * @param edition the day the edition covers
     * @param watch the watched terms, as given
     * @return the score and the reasons, most telling first
     */
    static Story.Ranking of(List<AnalyzedArticle> cluster, Story story, LocalDate edition, List<String> watch) {
        List<String> why = new ArrayList<>();
        double score = 0;

        Map<String, Double> outlets = new HashMap<>();
        for (AnalyzedArticle article : cluster) {
            String outlet = article.source().source().isEmpty() ? "\0" + article.source().id() : article.source().source();
            outlets.merge(outlet, article.source().weight(), Math::max);
        }
        double coverage = outlets.values().stream().mapToDouble(Double::doubleValue).sum();
        score += coverage;
        if (outlets.size() > 1) {
            why.add("reported by " + outlets.size() + " outlets");
        }
        if (cluster.size() > 1) {
            score += 0.5 * Math.log(cluster.size());
            if (outlets.size() < cluster.size()) {
                why.add(cluster.size() + " reports");
            }
        }

        List<String> watched = watched(watch, cluster);
        if (!watched.isEmpty()) {
            score += WATCH_BOOST * watched.size();
            why.add(0, "watchlist: " + String.join(", ", watched));
        }
        String text = opening(cluster);
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> kinds = new LinkedHashSet<>();
        var words = WORD.matcher(lower);
        while (words.find()) {
            String kind = HARD_NEWS.get(words.group());
            if (kind != null) {
                kinds.add(kind);
            }
        }
        if (!kinds.isEmpty()) {
            score += 0.4 * Math.min(3, kinds.size());
            why.add("hard news: " + String.join(", ", kinds));
        }
        long figures = FIGURE.matcher(text).results().count();
        score += 0.1 * Math.min(3, figures);
        score += 0.05 * Math.min(5, names(text));

        if (story.date() != null) {
            long days = Math.abs(ChronoUnit.DAYS.between(story.date(), edition));
            score += 0.5 / (1 + days);
            if (days > 1) {
                why.add("from " + story.date() + ", " + days + " days before the edition");
            }
        }
        return new Story.Ranking(0, score, why);
    }

    /**
     * @param watch the watched terms
     * @param cluster the story's reports
     * @return the watched terms any report mentions anywhere, as given
     */
    static List<String> watched(List<String> watch, List<AnalyzedArticle> cluster) {
        List<String> found = new ArrayList<>();
        for (String term : watch) {
            String wanted = term.toLowerCase(Locale.ROOT).strip();
            for (AnalyzedArticle article : cluster) {
                if (mentions((article.title() + "\n" + article.text()).toLowerCase(Locale.ROOT), wanted)) {
                    found.add(term.strip());
                    break;
                }
            }
        }
        return found;
    }

    /** Whether the text holds the term as whole words ("ECB" in "the ECB's", not in "ECBA"). */
    static boolean mentions(String lowerText, String lowerTerm) {
        if (lowerTerm.isEmpty()) {
            return false;
        }
        for (int at = lowerText.indexOf(lowerTerm); at >= 0; at = lowerText.indexOf(lowerTerm, at + 1)) {
            int end = at + lowerTerm.length();
            boolean before = at == 0 || !Character.isLetterOrDigit(lowerText.charAt(at - 1));
            boolean after = end == lowerText.length() || !Character.isLetterOrDigit(lowerText.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    /** Distinct capitalized words inside sentences of the opening: a cheap count of the names it holds. */
    private static int names(String opening) {
        Set<String> names = new java.util.HashSet<>();
        for (String line : opening.split("\n")) {
            String[] words = line.split("\\s+");
            for (int w = 1; w < words.length; w++) {
                if (!words[w].isEmpty() && Character.isUpperCase(words[w].codePointAt(0))) {
                    names.add(words[w].replaceAll("[^\\p{L}\\p{N}]", ""));
                }
            }
        }
        return names.size();
    }

    /** The titles and first sentences of the reports: what an editor weighs a story by. */
    private static String opening(List<AnalyzedArticle> cluster) {
        StringBuilder text = new StringBuilder();
        for (AnalyzedArticle article : cluster) {
            text.append(article.title()).append('\n');
            List<Sentence> sentences = article.sentences();
            for (int s = 0; s < Math.min(OPENING_SENTENCES, sentences.size()); s++) {
                text.append(sentences.get(s).text()).append('\n');
            }
        }
        return text.toString();
    }
}
