package org.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A section an input names travels with its articles, mapped onto the briefing's own names. */
class InputSectionsTest {

    private static final String BODY = "The striker scored twice in the second half as the home side won the derby 3-1"
            + " on Saturday, lifting the club to second place in the league.";

    @TempDir
    Path dir;

    private final Ingestion ingestion = new Ingestion(new HttpFetcher(FetchSettings.defaults()), false, 1);

    private List<Article> read(String name, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        Ingestion.Report report = ingestion.read(List.of(ingestion.source(file.toString())));
        assertThat(report.skipped()).isEmpty();
        return report.articles();
    }

    @Test
    void aJsonRecordsSectionField() throws IOException {
        List<Article> articles = read("a.json", "{\"title\": \"Derby\", \"text\": \"" + BODY + "\", \"section\": \"Opinion\"}");

        assertThat(articles).extracting(Article::section).containsExactly("Opinion");
    }

    @Test
    void aJsonLinesRecordsCategoryFieldMappedOntoAKnownSection() throws IOException {
        List<Article> articles = read("a.jsonl", """
                {"title": "Derby", "text": "%s", "category": "sports"}
                {"title": "Derby again", "text": "%s Fans celebrated.", "category": ["Tech", "Gadgets"]}
                {"title": "No section", "text": "%s Again."}
                """.formatted(BODY, BODY, BODY));

        assertThat(articles).extracting(Article::section).containsExactly("Sport", "Science and technology", "");
    }

    @Test
    void anRssItemsFirstCategory() throws IOException {
        List<Article> articles = read("feed.rss", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Coastline Daily</title>
                  <item><title>Derby</title><link>https://coast.example/1</link>
                    <category>Local news</category><category>Sport</category>
                    <description>%s</description></item>
                  <item><title>Markets</title><link>https://coast.example/2</link>
                    <category>markets</category><description>Shares rose in early trading.</description></item>
                </channel></rss>
                """.formatted(BODY));

        assertThat(articles).extracting(Article::section).containsExactly("Local news", "Business");
    }

    @Test
    void anAtomEntrysFirstCategoryTerm() throws IOException {
        List<Article> articles = read("feed.atom", """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Meridian Post</title>
                  <id>urn:meridian</id><updated>2026-11-24T08:00:00Z</updated>
                  <entry><title>Derby</title><id>urn:meridian:1</id><updated>2026-11-24T08:00:00Z</updated>
                    <link href="https://meridian.example/1"/>
                    <category term="culture" label="Arts and culture"/>
                    <summary>%s</summary></entry>
                </feed>
                """.formatted(BODY));

        assertThat(articles).extracting(Article::section).containsExactly("Culture and entertainment");
    }

    @Test
    void aTextHeadersSectionLine() throws IOException {
        List<Article> articles = read("a.txt", "Title: Derby\nSection: world news\n\n" + BODY + "\n");

        assertThat(articles).extracting(Article::section).containsExactly("World");
    }

    @Test
    void theSourcesFilesSectionBeatsTheRecordsOwn() throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), """
                {"title": "Derby", "text": "%s", "section": "Sport"}
                {"title": "Derby again", "text": "%s Fans celebrated."}
                """.formatted(BODY, BODY));
        Files.writeString(dir.resolve("b.json"), "{\"title\": \"Other\", \"text\": \"" + BODY + " More.\", \"category\": \"Opinion\"}");
        Path sources = Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - name: Northern Ledger
                    section: economy
                    file: a.jsonl
                  - name: Meridian Post
                    file: b.json
                """);

        List<ArticleSource> entries = SourcesFile.read(sources).stream().map(ingestion::source).toList();
        Ingestion.Report report = ingestion.read(entries);

        assertThat(report.articles()).extracting(Article::section).containsExactly("Business", "Business", "Opinion");
    }
}
