package org.newsbrief.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.TestFiles;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.summarize.LeadSummarizer;
import org.newsbrief.summarize.SummaryLength;

class BriefingComposerTest {

    private final OpenNlpTextAnalyzer analyzer = new OpenNlpTextAnalyzer(TestFiles.MODELS);
    private final BriefingComposer composer =
            new BriefingComposer(new LeadSummarizer(), SummaryLength.sentences(2), TestFiles.CLOCK);

    @Test
    void eachEventCoveredBySeveralOutletsIsOneStoryAndUnrelatedOnesStayApart() {
        List<AnalyzedArticle> samples = new org.newsbrief.ingest.FileArticleSource(List.of(TestFiles.samples())).read()
                .articles().stream().map(analyzer::analyze).toList();
        BriefingComposer auto = new BriefingComposer(org.newsbrief.summarize.Algorithm.defaultAlgorithm().create(),
                SummaryLength.sentences(3), TestFiles.CLOCK);

        Briefing briefing = auto.compose("Daily Briefing", LocalDate.of(2026, 11, 25), samples);

        assertThat(briefing.stories()).hasSize(10);
        assertThat(outletsOf(briefing, "Rotterdam")).containsExactlyInAnyOrder("The Harbour Times", "Northern Ledger", "Meridian Post");
        assertThat(outletsOf(briefing, "Kestrel")).containsExactlyInAnyOrder("Continental Wire", "Meridian Post", "Coastline Daily");
        assertThat(outletsOf(briefing, "Reserve Bank")).containsExactlyInAnyOrder("Pacific Dispatch", "Coastline Daily");
        assertThat(briefing.stories()).filteredOn(story -> story.outlets().size() == 1).hasSize(7);
        assertThat(briefing.stories().get(0).outlets()).hasSize(3);
        assertThat(briefing.executiveSummary()).hasSizeBetween(3, 5);
        briefing.stories().forEach(story -> assertThat(story.summary()).isNotEmpty().hasSizeLessThanOrEqualTo(3));
    }

    @Test
    void withoutGroupingEveryArticleIsItsOwnStoryWithItsOwnSummary() {
        List<AnalyzedArticle> samples = new org.newsbrief.ingest.FileArticleSource(List.of(TestFiles.samples())).read()
                .articles().stream().map(analyzer::analyze).toList();
        var summarizer = org.newsbrief.summarize.Algorithm.defaultAlgorithm().create();

        Briefing briefing = new BriefingComposer(summarizer, SummaryLength.sentences(3), TestFiles.CLOCK,
                BriefingComposer.Limits.defaults().withGroupedStories(false)).compose("Daily Briefing", LocalDate.of(2026, 11, 25), samples);

        assertThat(briefing.stories()).hasSize(samples.size());
        for (AnalyzedArticle article : samples) {
            assertThat(briefing.stories()).anySatisfy(story -> {
                assertThat(story.headline()).isEqualTo(article.title());
                assertThat(story.summary()).isEqualTo(summarizer.summarize(article, SummaryLength.sentences(3)).texts());
            });
        }
    }

    @Test
    void aSourceWeightLiftsItsStoryAboveEqualCoverage() {
        AnalyzedArticle tram = analyzer.analyze(new Article("tram", "Council approves harbour tram line", "Wire",
                LocalDate.of(2026, 11, 25), "", "The regional council approved a new tram line through the old harbour district.",
                "tram"));
        Article bridge = new Article("bridge", "Engineers close cracked river bridge", "Ledger",
                LocalDate.of(2026, 11, 25), "", "Engineers closed the northern river bridge after finding cracks in two piers.",
                "bridge");

        List<String> plain = composer.compose("B", LocalDate.of(2026, 11, 25), List.of(tram, analyzer.analyze(bridge)))
                .stories().stream().map(Story::headline).toList();
        List<String> weighted = composer.compose("B", LocalDate.of(2026, 11, 25),
                        List.of(tram, analyzer.analyze(bridge.withWeight(1.5))))
                .stories().stream().map(Story::headline).toList();

        assertThat(plain).startsWith("Council approves harbour tram line");
        assertThat(weighted).startsWith("Engineers close cracked river bridge");
    }

    @Test
    void capsHoldForTheWholeBriefingAndEachSection() {
        List<AnalyzedArticle> samples = new org.newsbrief.ingest.FileArticleSource(List.of(TestFiles.samples())).read()
                .articles().stream().map(analyzer::analyze).toList();

        Briefing total = new BriefingComposer(new LeadSummarizer(), SummaryLength.sentences(1), TestFiles.CLOCK,
                new BriefingComposer.Limits(4, 10, 3, true)).compose("B", LocalDate.of(2026, 11, 25), samples);
        Briefing perSection = new BriefingComposer(new LeadSummarizer(), SummaryLength.sentences(1), TestFiles.CLOCK,
                new BriefingComposer.Limits(40, 1, 3, true)).compose("B", LocalDate.of(2026, 11, 25), samples);

        assertThat(total.stories()).hasSize(4);
        assertThat(total.stories().get(0).outlets()).hasSize(3);
        assertThat(perSection.sections()).allSatisfy(section -> assertThat(section.stories()).hasSize(1));
        assertThat(perSection.sections()).hasSizeGreaterThanOrEqualTo(4);
    }

    private static List<String> outletsOf(Briefing briefing, String headlineWord) {
        List<Story> matching = briefing.stories().stream()
                .filter(story -> story.outlets().stream().anyMatch(outlet -> outlet.title().contains(headlineWord))).toList();
        assertThat(matching).as("stories about " + headlineWord).hasSize(1);
        return matching.get(0).outletNames();
    }

    @Test
    void eachStorysReportsAreFoundByItsIdAndAReplacementKeepsItsPlace() {
        List<AnalyzedArticle> samples = new org.newsbrief.ingest.FileArticleSource(List.of(TestFiles.samples())).read()
                .articles().stream().map(analyzer::analyze).toList();

        BriefingComposer.Composition composition = composer.composition("Daily Briefing", LocalDate.of(2026, 11, 25),
                samples, article -> null, false);

        List<Story> stories = composition.briefing().stories();
        assertThat(stories).extracting(Story::id).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotEmpty());
        assertThat(composition.reports()).hasSameSizeAs(stories);
        for (Story story : stories) {
            assertThat(composition.reportsOf(story)).extracting(report -> report.source().source())
                    .containsExactlyElementsOf(story.outlets().stream().map(Story.Outlet::name).toList());
        }
        Story third = stories.get(2);
        Story retold = third.rewritten("Retold", List.of("Told anew."), Story.Authorship.EXTRACTED);
        assertThat(composition.reportsOf(retold)).isEqualTo(composition.reportsOf(third));

        Briefing replaced = composition.briefing().replacing(java.util.Map.of(third.id(), retold), List.of());

        assertThat(replaced.stories()).hasSameSizeAs(stories).element(2).isEqualTo(retold);
        assertThat(replaced.stories()).filteredOn(story -> story != retold)
                .containsExactlyElementsOf(stories.stream().filter(story -> story != third).toList());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> composition.briefing().replacing(
                java.util.Map.of(stories.get(0).id(), retold), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(third.id());
    }

    @Test
    void untitledArticleIsHeadedByItsOpeningWords() {
        AnalyzedArticle untitled = analyze("untitled.txt", "", null,
                "The regional council approved a new tram line through the old harbour district on Monday evening.");
        AnalyzedArticle empty = analyze("notes/only-heading.txt", "", null, "A Heading Only");

        assertThat(BriefingComposer.headline(untitled))
                .isEqualTo("The regional council approved a new tram line through the old harbour …");
        assertThat(BriefingComposer.headline(empty)).isEqualTo("A Heading Only");
    }

    private AnalyzedArticle analyze(String origin, String title, LocalDate date, String text) {
        return analyzer.analyze(new Article(origin, title, "Wire", date, "https://wire.example/" + origin, text, origin));
    }
}
