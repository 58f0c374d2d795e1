package org.newsbrief.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.HttpFetcher;
import org.newsbrief.ingest.Ingestion;
import org.newsbrief.ingest.SourcesFile;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.summarize.LeadSummarizer;
import org.newsbrief.summarize.SummaryLength;

/** Where a briefing puts its stories: the section an input names, else the trained classifier's. */
class StorySectionsTest {

    private static final String MATCH = "The striker scored twice in the second half as the home side won the derby 3-1"
            + " on Saturday, lifting the club to second place in the league table.";
    private static final String RATES = "The central bank raised its benchmark interest rate by a quarter point on"
            + " Thursday to curb inflation, and shares fell as investors priced in further increases.";

    @TempDir
    Path dir;

    private Map<String, String> sections(Path sourcesOrFile, boolean sourcesFile) {
        Ingestion ingestion = new Ingestion(new HttpFetcher(FetchSettings.defaults()), false, 1);
        List<org.newsbrief.ingest.ArticleSource> sources = sourcesFile
                ? SourcesFile.read(sourcesOrFile).stream().map(ingestion::source).toList()
                : List.of(ingestion.source(sourcesOrFile.toString()));
        List<AnalyzedArticle> analyzed = ingestion.read(sources).articles().stream()
                .map(TestFiles.analyzer()::analyze).toList();
        Briefing briefing = new BriefingComposer(new LeadSummarizer(), SummaryLength.sentences(1), TestFiles.CLOCK,
                BriefingComposer.Limits.defaults().withGroupedStories(false)).compose("B", LocalDate.of(2026, 11, 25), analyzed);
        return briefing.sections().stream().flatMap(section -> section.stories().stream()
                        .map(story -> Map.entry(story.headline(), section.name())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void aRecordsOwnSectionWinsOverItsWordsAndOtherStoriesAreClassified() throws IOException {
        Path records = Files.writeString(dir.resolve("records.jsonl"), """
                {"title": "Derby won late", "text": "%s", "section": "Opinion"}
                {"title": "Rates rise", "text": "%s", "category": "world news"}
                {"title": "Derby again", "text": "%s It was their fifth win in a row."}
                {"title": "Rates up again", "text": "%s Mortgage lenders followed within hours."}
                """.formatted(MATCH, RATES, MATCH, RATES));

        assertThat(sections(records, false)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Derby won late", "Opinion", "Rates rise", "World", "Derby again", "Sport", "Rates up again", "Business"));
    }

    @Test
    void aFeedsCategoriesAndASourcesFileSectionWin() throws IOException {
        Files.writeString(dir.resolve("feed.rss"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Coastline Daily</title>
                  <item><title>Derby won late</title><link>https://coast.example/1</link>
                    <category>Arts</category><description>%s</description></item>
                </channel></rss>
                """.formatted(MATCH));
        Files.writeString(dir.resolve("feed.atom"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Meridian Post</title>
                  <id>urn:meridian</id><updated>2026-11-24T08:00:00Z</updated>
                  <entry><title>Rates rise</title><id>urn:meridian:1</id><updated>2026-11-24T08:00:00Z</updated>
                    <category term="sports"/><summary>%s</summary></entry>
                </feed>
                """.formatted(RATES));
        Files.writeString(dir.resolve("a.json"), "{\"title\": \"Derby again\", \"text\": \"" + MATCH
                + " Fans celebrated.\", \"section\": \"Sport\"}");
        Path sources = Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - file: feed.rss
                  - file: feed.atom
                  - section: Local
                    file: a.json
                """);

        assertThat(sections(sources, true)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Derby won late", "Culture and entertainment", "Rates rise", "Sport", "Derby again", "Local"));
    }
}
