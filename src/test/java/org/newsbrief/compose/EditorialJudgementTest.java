package org.newsbrief.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsbrief.TestFiles;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.JsonArticles;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.summarize.LeadSummarizer;
import org.newsbrief.summarize.SummaryLength;

/**
 * A day that mixes events sharing words (two fires, two tennis finals, a cyclone told over three
 * days and a rate decision in the cyclone's country), written for these tests: grouping, ranking,
 * the window and the watchlist on it.
 */
class EditorialJudgementTest {

    private static final LocalDate EDITION = LocalDate.of(2026, 3, 14);
    private static List<AnalyzedArticle> day;
    private static Map<String, String> eventOf;

    @BeforeAll
    static void readTheDay() throws IOException {
        OpenNlpTextAnalyzer analyzer = new OpenNlpTextAnalyzer(TestFiles.MODELS);
        day = new ArrayList<>();
        eventOf = new HashMap<>();
        Path file = Path.of("src/test/resources/day/mixed-day.jsonl");
        for (String line : Files.readAllLines(file)) {
            JsonNode node = JsonArticles.readLine(line, file.toString());
            Article article = JsonArticles.fromJson(node, file.toString(), file.toString());
            day.add(analyzer.analyze(article));
            eventOf.put(article.title(), node.get("event").asText());
        }
    }

    private static BriefingComposer composer(BriefingComposer.Limits limits) {
        return new BriefingComposer(new LeadSummarizer(), SummaryLength.sentences(2), TestFiles.CLOCK, limits);
    }

    private static List<String> events(Story story) {
        return story.outlets().stream().map(outlet -> eventOf.get(outlet.title())).distinct().toList();
    }

    @Test
    void eachStoryIsOneEventAndEachEventOneStory() {
        Briefing briefing = composer(BriefingComposer.Limits.defaults()).compose("Day", EDITION, day);

        briefing.stories().forEach(story -> assertThat(events(story)).as(story.headline()).hasSize(1));
        assertThat(briefing.stories()).hasSize(6);
    }

    @Test
    void twoFiresOnTheSameDayStayApart() {
        Briefing briefing = composer(BriefingComposer.Limits.defaults()).compose("Day", EDITION, day);

        List<Story> fires = briefing.stories().stream().filter(story -> events(story).get(0).contains("fire")).toList();
        assertThat(fires).hasSize(2);
        fires.forEach(story -> assertThat(story.outlets()).hasSize(2));
        assertThat(briefing.stories()).filteredOn(story -> events(story).get(0).startsWith("tennis")).hasSize(2);
    }

    @Test
    void oneEventOverThreeDaysStaysTogether() {
        Briefing briefing = composer(BriefingComposer.Limits.defaults()).compose("Day", EDITION, day);

        Story cyclone = briefing.stories().stream().filter(story -> events(story).contains("storm-kara")).findFirst().orElseThrow();
        assertThat(cyclone.outlets()).hasSize(3);
        assertThat(cyclone.date()).isEqualTo(LocalDate.of(2026, 3, 14));
    }

    @Test
    void theOrderInWhichArticlesArriveNeverChangesTheRanking() {
        List<String> reference = headlines(composer(BriefingComposer.Limits.defaults()).compose("Day", EDITION, day));
        List<AnalyzedArticle> alphabetical = new ArrayList<>(day);
        alphabetical.sort(Comparator.comparing(AnalyzedArticle::title));
        List<AnalyzedArticle> reversed = new ArrayList<>(alphabetical);
        java.util.Collections.reverse(reversed);

        assertThat(headlines(composer(BriefingComposer.Limits.defaults()).compose("Day", EDITION, alphabetical)))
                .isEqualTo(reference);
        assertThat(headlines(composer(BriefingComposer.Limits.defaults()).compose("Day", EDITION, reversed)))
                .isEqualTo(reference);
        List<String> sorted = new ArrayList<>(reference);
        sorted.sort(Comparator.naturalOrder());
        assertThat(reference).isNotEqualTo(sorted);
    }

    @Test
    void storiesAreRankedWithReasonsAndTheSummaryCoversDifferentEvents() {
        Briefing briefing = composer(BriefingComposer.Limits.defaults()).compose("Day", EDITION, day);
        List<Story> ranked = briefing.stories().stream().sorted(Comparator.comparingInt(story -> story.ranking().rank())).toList();

        assertThat(ranked.stream().map(story -> story.ranking().rank()).toList()).containsExactly(1, 2, 3, 4, 5, 6);
        // The deadly nightclub fire, reported by two outlets, leads; a single tennis report does not.
        assertThat(events(ranked.get(0))).containsAnyOf("club-fire", "storm-kara");
        assertThat(ranked.get(0).ranking().why()).anyMatch(reason -> reason.startsWith("reported by"));
        assertThat(briefing.executiveSummary()).hasSize(5);
        assertThat(briefing.executiveSummary().stream().map(item -> events(item.story()).get(0)).collect(Collectors.toSet()))
                .hasSize(5);
    }

    @Test
    void theWindowLeavesOutOlderArticlesAndSaysSo() {
        BriefingComposer.Limits limits = BriefingComposer.Limits.defaults().with(Duration.ofHours(48), List.of());

        Briefing briefing = composer(limits).compose("Day", EDITION, day);

        assertThat(briefing.stories()).allSatisfy(story -> assertThat(story.outlets())
                .noneMatch(outlet -> outlet.title().equals("Cyclone Kara heads for Mozambique coast")));
        assertThat(briefing.leftOut()).singleElement().satisfies(left -> {
            assertThat(left.headline()).isEqualTo("Cyclone Kara heads for Mozambique coast");
            assertThat(left.reason()).startsWith("too old").contains("2026-03-12").contains("2d");
        });
    }

    @Test
    void aWatchedTermLiftsItsStoryAndSaysWhy() {
        Briefing plain = composer(BriefingComposer.Limits.defaults()).compose("Day", EDITION, day);
        Story rates = find(plain, "rates");
        assertThat(rates.ranking().rank()).isGreaterThan(4);

        Briefing watched = composer(BriefingComposer.Limits.defaults().with(null, List.of("Helena Voss")))
                .compose("Day", EDITION, day);

        Story lifted = find(watched, "rates");
        // one outlet and a watched name outrank two outlets on a fire, not three on a deadly cyclone
        assertThat(lifted.ranking().rank()).isEqualTo(2);
        assertThat(lifted.ranking().why()).first().isEqualTo("watchlist: Helena Voss");
        assertThat(watched.stories()).filteredOn(story -> story != lifted)
                .allSatisfy(story -> assertThat(story.ranking().why()).noneMatch(reason -> reason.startsWith("watchlist")));
    }

    @Test
    void storiesOverTheCapAreReportedAsLeftOut() {
        Briefing briefing = composer(new BriefingComposer.Limits(3, 10, 3, true)).compose("Day", EDITION, day);

        assertThat(briefing.stories()).hasSize(3);
        assertThat(briefing.leftOut()).hasSize(3).allSatisfy(left -> assertThat(left.reason()).isEqualTo("over the cap of 3 stories"));
    }

    @Test
    void onRealNewswireTheExecutiveSummaryTellsFiveDifferentEvents() throws IOException {
        Path duc = TestFiles.shared("datasets/duc2003.jsonl");
        List<org.newsbrief.evaluate.StoryGrouping.Report> reports = org.newsbrief.evaluate.StoryGrouping.read(duc,
                new OpenNlpTextAnalyzer(TestFiles.MODELS), 2, skip -> { });
        Map<AnalyzedArticle, String> events = new java.util.IdentityHashMap<>();
        reports.forEach(report -> events.put(report.article(), report.event()));
        BriefingComposer.Composition composition = composer(BriefingComposer.Limits.defaults())
                .composition("Day", EDITION, reports.stream().map(org.newsbrief.evaluate.StoryGrouping.Report::article).toList(),
                        article -> null, false);

        List<Briefing.Highlight> executive = composition.briefing().executiveSummary();
        assertThat(executive).hasSize(5);
        // each line's story is mostly one event, and no event has two lines
        List<String> eventOfLine = executive.stream().map(line -> composition.reportsOf(line.story()).stream()
                .collect(Collectors.groupingBy(events::get, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey()).toList();
        assertThat(eventOfLine).doesNotHaveDuplicates();
    }

    private static Story find(Briefing briefing, String event) {
        return briefing.stories().stream().filter(story -> events(story).contains(event)).findFirst().orElseThrow();
    }

    private static List<String> headlines(Briefing briefing) {
        return briefing.stories().stream().sorted(Comparator.comparingInt(story -> story.ranking().rank()))
                .map(Story::headline).toList();
    }
}
