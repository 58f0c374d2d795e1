package org.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.LoopbackServer;

class IngestionTest {

    private static final String AGENCY_TEXT = """
            Dockworkers at the Port of Rotterdam will return to work on Tuesday after their union and terminal \
            operators agreed a two-year pay deal on Monday, ending a nine-day strike that left dozens of ships \
            waiting at anchor in the North Sea. Under the deal, about 4,300 workers will receive a pay rise of 7.2 \
            per cent over two years. The Port of Rotterdam Authority said 87 container ships were waiting at \
            anchor or had slowed their approach on Monday, and that it expected normal operations within two weeks.""";

    @TempDir
    Path dir;

    private final Ingestion ingestion = new Ingestion(new HttpFetcher(FetchSettings.defaults().withPrivateNetwork(true)), false, 2);

    @Test
    void theSameArticleReachedTwiceIsReadOnce() throws IOException {
        Path first = Files.writeString(dir.resolve("a.json"),
                "{\"title\": \"One\", \"url\": \"https://www.wire.example/story?utm_source=x\", \"text\": \"First text here.\"}");
        Path second = Files.writeString(dir.resolve("b.json"),
                "{\"title\": \"One again\", \"url\": \"http://wire.example/story/\", \"text\": \"Different words entirely.\"}");
        Path copy = Files.writeString(dir.resolve("c.txt"), "First text here.");

        Ingestion.Report report = ingestion.read(List.of(ingestion.source(first.toString()),
                ingestion.source(second.toString()), ingestion.source(copy.toString())));

        assertThat(report.articles()).extracting(Article::title).containsExactly("One");
        assertThat(report.duplicates()).isEqualTo(2);
        assertThat(report.summary()).isEqualTo("read 1 article from 3 sources; 2 duplicates read once");
    }

    @Test
    void nearIdenticalCopiesFromSeveralOutletsAreGroupedWithTheirOutlets() {
        Article wire = new Article("1", "Strike ends", "Continental Wire", null, "https://a.example/1", AGENCY_TEXT, "a");
        Article copy = new Article("2", "Rotterdam strike over", "Harbour Times", null, "https://b.example/2",
                AGENCY_TEXT.replace("on Tuesday", "on Tuesday morning"), "b");
        Article other = new Article("3", "Rates rise", "Pacific Dispatch", null, "https://c.example/3",
                "The central bank raised its main rate to four per cent on Thursday, the first increase in three years.", "c");

        List<List<Article>> groups = NearDuplicates.groups(List.of(wire, other, copy));

        assertThat(groups).hasSize(1);
        assertThat(groups.get(0)).containsExactly(wire, copy);
        assertThat(NearDuplicates.similarity(wire.text(), copy.text())).isGreaterThanOrEqualTo(NearDuplicates.THRESHOLD);
        Ingestion.Report report = new Ingestion.Report(1, List.of(wire, other, copy), List.of(), 0, groups);
        assertThat(report.outlets(copy)).containsExactly("Continental Wire", "Harbour Times");
        assertThat(report.outlets(other)).containsExactly("Pacific Dispatch");
    }

    @Test
    void rewrittenReportsOfOneEventAreNotNearDuplicates() throws IOException {
        String first = Files.readString(Path.of("samples/rotterdam-dockworkers-end-strike-harbour-times.txt"));
        String second = Files.readString(Path.of("samples/rotterdam-automation-pledge-meridian-post.md"));

        assertThat(NearDuplicates.similarity(first, second)).isLessThan(0.3);
    }

    @Test
    void unchangedFeedIsNotDownloadedAgain() throws IOException {
        String feed = Files.readString(Path.of("src/test/resources/web/rss2.xml"));
        AtomicInteger full = new AtomicInteger();
        try (LoopbackServer server = new LoopbackServer()) {
            server.handle("/feed", exchange -> {
                String tag = exchange.getRequestHeaders().getFirst("If-None-Match");
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                if ("\"v1\"".equals(tag)) {
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
                full.incrementAndGet();
                byte[] body = feed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults().withPrivateNetwork(true).withCache(dir.resolve("cache")));

            Fetched first = fetcher.fetch(server.base() + "/feed");
            Fetched second = fetcher.fetch(server.base() + "/feed");

            assertThat(full.get()).isEqualTo(1);
            assertThat(first.fromCache()).isFalse();
            assertThat(second.fromCache()).isTrue();
            assertThat(second.body()).isEqualTo(first.body());
        }
    }

    @Test
    void aFollowedLinkRedirectingToNoAddressSkipsItsItemAndNotTheFeed() throws IOException {
        // the broken redirect once escaped as an IllegalArgumentException that took the whole feed with it
        try (LoopbackServer server = new LoopbackServer()) {
            server.serve("/feed.xml", "application/rss+xml; charset=utf-8", """
                    <rss version="2.0"><channel><title>Northern Ledger</title>
                    <item><title>Rail freight line reopens</title><link>%1$s/page.html</link>
                      <description>Trains run again.</description></item>
                    <item><title>Moved story</title><link>%1$s/moved</link>
                      <description>Read on.</description></item>
                    </channel></rss>""".formatted(server.base()))
                    .serve("/page.html", "text/html; charset=utf-8", Files.readString(Path.of("src/test/resources/web/page.html")))
                    .redirect("/moved", "http://exa mple.org/story");
            Ingestion following = new Ingestion(new HttpFetcher(FetchSettings.defaults().withPrivateNetwork(true)), true, 2);

            Ingestion.Report report = following.read(List.of(following.source(server.base() + "/feed.xml")));

            assertThat(report.articles()).extracting(Article::title).containsExactly("Rail freight line reopens");
            assertThat(report.skipped()).singleElement().satisfies(skip -> {
                assertThat(skip.location()).isEqualTo(server.base() + "/feed.xml item 2");
                assertThat(skip.reason()).contains("HTTP 302 to an invalid address: http://exa mple.org/story");
            });
        }
    }

    @Test
    void privateAddressesAreRecognized() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.5", "192.168.1.1", "169.254.169.254", "::1",
                "fd00::1", "100.64.0.1", "0.0.0.0")) {
            assertThat(HttpFetcher.isPrivate(java.net.InetAddress.getByName(address))).as(address).isTrue();
        }
        assertThat(HttpFetcher.isPrivate(java.net.InetAddress.getByName("93.184.216.34"))).isFalse();
    }

    @Test
    void onlyWebSchemesAreFetched() {
        HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults().withReadTimeout(Duration.ofSeconds(2)));
        for (String url : List.of("file:///etc/passwd", "ftp://example.org/x", "jar:file:/x.jar!/y", "gopher://x")) {
            IngestResult result = new UrlArticleSource(url, fetcher, false, "", "").read();
            assertThat(result.articles()).isEmpty();
            assertThat(result.skipped()).singleElement().extracting(SkippedInput::reason).asString()
                    .contains("only http and https");
        }
    }

    @Test
    void sourcesFileErrorsNameTheEntry() throws IOException {
        Path bad = Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - name: Fine
                    folder: .
                  - name: Two kinds
                    feed: https://a.example/rss
                    page: https://a.example/page
                """);
        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "sources:\n  - name: X\n    fed: https://a.example\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SourcesFile.read(bad))
                .hasMessage(bad + ": sources[1]: needs exactly one of feed, page, url, folder, file or opml (has feed, page)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SourcesFile.read(unknown))
                .hasMessageStartingWith(unknown + ": sources[0].fed: unknown key");
    }

    @Test
    void sampleSourcesFileListsEverySample() throws IOException {
        List<SourcesFile.Entry> entries = SourcesFile.read(Path.of("samples/sources.yaml"));

        assertThat(entries).hasSize(15).allSatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo("file");
            assertThat(Path.of(entry.location())).exists();
            assertThat(entry.section()).isNotEmpty();
        });
    }
}
