package org.newsbrief.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.summarize.Terms;

/**
 * A section for stories whose sources name none, from the words they use: each topic has a small
 * list of telling word stems, and the topic whose stems occur most wins. Stories that match none
 * go to "News".
 */
final class Topics {

    static final String DEFAULT = "News";

    private static final Map<String, Set<String>> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put("Politics", Set.of("govern", "parliament", "minist", "elect", "vote", "parti", "law", "presid",
                "opposit", "coalit", "senat", "polit", "legisl", "mep", "committe", "budget"));
        TOPICS.put("Business", Set.of("bank", "rate", "market", "share", "profit", "compani", "economi", "inflat",
                "price", "port", "trade", "investor", "firm", "wage", "pay", "union", "strike", "cent", "cost", "revenu"));
        TOPICS.put("Science and technology", Set.of("scientist", "research", "studi", "space", "probe", "asteroid",
                "data", "technolog", "softwar", "digit", "cabl", "drone", "network", "satellit", "spacecraft", "mission",
                "laboratori", "hospit", "health"));
        TOPICS.put("Sport", Set.of("match", "win", "won", "cup", "leagu", "race", "goal", "coach", "season", "champion",
                "tournament", "player", "team", "sailor", "slalom", "finish", "podium"));
        TOPICS.put("World", Set.of("war", "troop", "militari", "diplomat", "summit", "refuge", "border", "embassi",
                "sanction", "ceasefir", "foreign"));
    }

    private Topics() {}

    static String of(List<AnalyzedArticle> articles) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (AnalyzedArticle article : articles) {
            for (List<String> sentence : Terms.of(article.sentences())) {
                for (String term : sentence) {
                    TOPICS.forEach((topic, stems) -> {
                        if (stems.contains(term)) {
                            scores.merge(topic, 1, Integer::sum);
                        }
                    });
                }
            }
        }
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(DEFAULT);
    }
}
