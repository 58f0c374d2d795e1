package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.LoopbackServer;
import org.newsbrief.TestFiles;

/** Feeds and pages served on loopback, and the bad inputs the web brings, through {@code extract}. */
@Timeout(60)
class WebIngestionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private LoopbackServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer()
                .serve("/rss.xml", "application/rss+xml; charset=utf-8", resource("rss2.xml"))
                .serve("/atom.xml", "application/atom+xml", resource("atom.xml"))
                .serve("/page.html", "text/html; charset=utf-8", resource("page.html"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String resource(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/web", name));
    }

    private int run(String... args) {
        return TestFiles.run(out, err, args);
    }

    private JsonNode extractJson(String... sources) throws IOException {
        String[] args = new String[sources.length + 4];
        args[0] = "extract";
        System.arraycopy(sources, 0, args, 1, sources.length);
        args[sources.length + 1] = "--format";
        args[sources.length + 2] = "json";
        args[sources.length + 3] = "--allow-private-network";
        int code = run(args);
        assertThat(code).as(err.toString()).isZero();
        return JSON.readTree(out.toString());
    }

    @Test
    void rssItemsWithHtmlDescriptionsBecomeArticles() throws IOException {
        JsonNode articles = extractJson(server.base() + "/rss.xml");

        assertThat(articles).hasSize(2);
        JsonNode ferry = articles.get(0);
        assertThat(ferry.get("title").asText()).isEqualTo("Ferry operator orders three electric vessels");
        assertThat(ferry.get("outlet").asText()).isEqualTo("Coastline Daily – Economy");
        assertThat(ferry.get("date").asText()).isEqualTo("2026-11-24");
        assertThat(ferry.get("url").asText()).isEqualTo("https://www.coastlinedaily.example/economy/2026/11/24/ferry-electric-order");
        assertThat(ferry.get("headings").get(0).asText()).isEqualTo("Unions welcome the order");
        assertThat(ferry.get("paragraphs")).hasSize(4);
        assertThat(ferry.get("paragraphs").get(0).asText()).startsWith("The island ferry operator Seabridge has ordered");
        assertThat(out.toString()).doesNotContain("<p>", "mp3", "&lt;");
        assertThat(articles.get(1).get("paragraphs")).hasSize(2);
        assertThat(articles.get(1).get("language").asText()).isEqualTo("eng");
    }

    @Test
    void atomHtmlContentIsReadAsParagraphs() throws IOException {
        JsonNode entry = extractJson(server.base() + "/atom.xml").get(0);

        assertThat(entry.get("title").asText()).isEqualTo("Glacier survey finds faster melt in the eastern Alps");
        assertThat(entry.get("outlet").asText()).isEqualTo("Meridian Post: Science");
        assertThat(entry.get("headings").get(0).asText()).isEqualTo("Water supply");
        assertThat(entry.get("paragraphs")).hasSize(3);
    }

    @Test
    void pageGivesEveryArticleParagraphAndNothingAround() {
        int code = run("extract", server.base() + "/page.html", "--allow-private-network");

        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("title:    Rail freight line reopens after landslide", "outlet:   Northern Ledger",
                "date:     2026-11-24",
                "Freight trains began running again on Tuesday on the mountain line",
                "Engineers removed about 40,000 tonnes of rock and soil",
                "## Backlog of containers",
                "Logistics firms said about 1,800 containers had piled up",
                "The operator said it would run four extra night trains a week");
        assertThat(text).doesNotContain("Hidden sponsor", "Another hidden", "Screen-reader", "cookies", "Reader comment",
                "Most read", "Port strike ends", "newsletter", "All rights reserved", "Script text", "Home", "Economy\n");
    }

    @Test
    void teaserItemsAreFlaggedOrReadFromTheirPageWithFollowLinks() throws IOException {
        server.serve("/teaser.xml", "application/rss+xml", resource("teaser-rss.xml").replace("LINK", server.base() + "/page.html"));

        JsonNode flagged = extractJson(server.base() + "/teaser.xml").get(0);
        assertThat(flagged.get("notes").get(0).asText()).contains("only a teaser");

        out.getBuffer().setLength(0);
        int code = run("extract", server.base() + "/teaser.xml", "--allow-private-network", "--follow-links", "--format", "json");
        assertThat(code).isZero();
        JsonNode full = JSON.readTree(out.toString()).get(0);
        assertThat(full.get("notes")).isEmpty();
        assertThat(full.get("paragraphs")).hasSize(4);
        assertThat(full.get("outlet").asText()).isEqualTo("Northern Ledger");
    }

    @Test
    void opmlSubscriptionListReadsEveryFeed() throws IOException {
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Subscriptions</title></head><body>
                  <outline text="Economy" title="Economy">
                    <outline type="rss" text="Coastline" title="Coastline Daily" xmlUrl="%s/rss.xml"/>
                    <outline type="rss" text="Meridian" title="Meridian Post" xmlUrl="%s/atom.xml"/>
                  </outline>
                </body></opml>""".formatted(server.base(), server.base());
        Path list = Files.writeString(dir.resolve("subscriptions.opml"), opml);
        Path sources = Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - section: Economy\n    opml: subscriptions.opml\n");

        int code = run("generate", "--sources", sources.toString(), "--allow-private-network", "--out", dir.resolve("out").toString(),
                "--date", "2026-11-25");

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("newsbrief: read 3 articles from 1 source");
        assertThat(list).exists();
    }

    @Test
    void gzipBodiesAreDecompressed() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(resource("page.html").getBytes(StandardCharsets.UTF_8));
        }
        server.handle("/gz.html", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, zipped.size());
            exchange.getResponseBody().write(zipped.toByteArray());
            exchange.close();
        });

        assertThat(extractJson(server.base() + "/gz.html").get(0).get("paragraphs")).hasSize(4);
    }

    @Test
    void sourcesFileWithSamplesWorksOffline() throws IOException {
        int code = run("generate", "--sources", "samples/sources.yaml", "--out", dir.toString(), "--date", "2026-11-25");

        assertThat(code).as(err.toString()).isZero();
        assertThat(dir.resolve("briefing-2026-11-25.pdf")).exists();
        assertThat(err.toString()).contains("newsbrief: read 15 articles from");
    }

    /** Every bad input ends in one line naming it, while a good source beside it is still read. */
    private void assertOneLineAndTheRestRead(String bad, String expected, String... options) {
        String[] args = new String[3 + options.length];
        args[0] = "extract";
        args[1] = bad;
        args[2] = server.base() + "/page.html";
        System.arraycopy(options, 0, args, 3, options.length);

        int code = run(args);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Freight trains began running again");
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).as(err.toString()).hasSize(2);
        assertThat(lines.get(0)).startsWith("newsbrief: skipped " + bad).contains(expected);
        assertThat(lines.get(1)).isEqualTo("newsbrief: read 1 article from 2 sources; skipped 1");
    }

    @Test
    void malformedXml() {
        server.serve("/broken.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>x</title><item><title>a</item>");
        assertOneLineAndTheRestRead(server.base() + "/broken.xml", "not a readable RSS or Atom feed", "--allow-private-network");
    }

    @Test
    void billionLaughs() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title></item></channel></rss>""";
        server.serve("/bomb.xml", "application/rss+xml", bomb);
        assertOneLineAndTheRestRead(server.base() + "/bomb.xml", "DOCTYPE is refused", "--allow-private-network");
    }

    @Test
    void externalEntityReadingALocalFile() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>x</title><item><title>&xxe;</title>"
                + "<description>&xxe; is the text of this item, long enough to count.</description></item></channel></rss>";
        server.serve("/xxe.xml", "application/rss+xml", xxe);
        assertOneLineAndTheRestRead(server.base() + "/xxe.xml", "DOCTYPE is refused", "--allow-private-network");
        assertThat(out.toString() + err.toString()).doesNotContain("TOP-SECRET-VALUE");
    }

    @Test
    void fiftyMegabyteBody() {
        server.huge("/huge.html", 50L * 1024 * 1024);
        assertOneLineAndTheRestRead(server.base() + "/huge.html", "limit", "--allow-private-network");
    }

    @Test
    void wrongDeclaredCharsetStillReadsRight() throws IOException {
        String page = resource("page.html").replace("Freight trains began", "Zürich-bound freight trains began");
        server.serve("/latin.html", "text/html; charset=iso-8859-1", page.getBytes(StandardCharsets.UTF_8));

        JsonNode article = extractJson(server.base() + "/latin.html").get(0);

        assertThat(article.get("paragraphs").get(0).asText()).startsWith("Zürich-bound freight trains began");
    }

    @Test
    void redirectLoop() {
        server.redirect("/loop-a", "/loop-b").redirect("/loop-b", "/loop-a");
        assertOneLineAndTheRestRead(server.base() + "/loop-a", "redirect loop", "--allow-private-network");
    }

    @Test
    void notFound() {
        server.status("/missing", 404);
        assertOneLineAndTheRestRead(server.base() + "/missing", "HTTP 404", "--allow-private-network");
    }

    @Test
    void reportFileListsWhatWasReadAndSkipped() throws IOException {
        server.status("/gone", 410);
        Path report = dir.resolve("report.json");

        int code = run("extract", server.base() + "/page.html", server.base() + "/gone", "--allow-private-network",
                "--report", report.toString());

        assertThat(code).isZero();
        JsonNode json = JSON.readTree(report.toFile());
        assertThat(json.get("articles").asInt()).isEqualTo(1);
        assertThat(json.get("summary").asText()).isEqualTo("read 1 article from 2 sources; skipped 1");
        assertThat(json.get("skipped").get(0).get("source").asText()).isEqualTo(server.base() + "/gone");
        assertThat(json.get("skipped").get(0).get("reason").asText()).isEqualTo("HTTP 410");
    }

    @Test
    void serverError() {
        server.status("/error", 500);
        assertOneLineAndTheRestRead(server.base() + "/error", "HTTP 500", "--allow-private-network");
    }

    @Test
    void slowResponsePastTheTimeout() {
        // The answer comes only after the run, so the one-second deadline is the only way the exchange can end;
        // the source is alone, as with --timeout 1 a page beside it would have to come within a second of real time.
        CountDownLatch afterTheRun = new CountDownLatch(1);
        server.hold("/slow", afterTheRun);
        try {
            int code = run("extract", server.base() + "/slow", "--allow-private-network", "--timeout", "1");

            assertThat(code).isEqualTo(1);
            assertThat(err.toString().lines().findFirst()).hasValue("newsbrief: skipped " + server.base()
                    + "/slow: no complete answer within 1 s");
        } finally {
            afterTheRun.countDown();
        }
    }

    @Test
    void fileUrl() {
        assertOneLineAndTheRestRead("file:///etc/passwd", "only http and https", "--allow-private-network");
        assertThat(out.toString()).doesNotContain("root:");
    }

    @Test
    void loopbackUrlWithoutTheFlag() {
        int code = run("extract", server.base() + "/page.html");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("newsbrief: skipped " + server.base() + "/page.html: refused", "--allow-private-network");
    }

    @Test
    void allowHostOpensOnlyTheNamedHost() {
        String named = server.base().replace("127.0.0.1", "localhost");
        server.redirect("/away", server.base() + "/page.html");

        int code = run("extract", named + "/page.html", "--allow-host", "localhost");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Freight trains began running again");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        // the same server under another name, reached by a redirect, stays closed
        code = run("extract", named + "/away", "--allow-host", "localhost");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("newsbrief: skipped " + named + "/away: refused, 127.0.0.1 is a loopback,"
                + " private or reserved address (127.0.0.1); allow it with --allow-host 127.0.0.1");
    }

    @Test
    void allowHostThatIsNoHostIsBadInput() {
        int code = run("extract", server.base() + "/page.html", "--allow-host", "intranet.example/24");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--allow-host: allowed host 'intranet.example/24' is not a host name");
    }

    @Test
    void emptyFeed() {
        server.serve("/empty.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>");
        assertOneLineAndTheRestRead(server.base() + "/empty.xml", "no items", "--allow-private-network");
    }

    @Test
    void binaryFileNamedTxt() throws IOException {
        Path binary = Files.write(dir.resolve("photo.txt"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0x10, 'J', 'F', 'I', 'F', 0});
        assertOneLineAndTheRestRead(binary.toString(), "binary file", "--allow-private-network");
    }

    @Test
    void randomBytes() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        server.serve("/noise", "application/octet-stream", noise);
        assertOneLineAndTheRestRead(server.base() + "/noise", "binary", "--allow-private-network");
    }
}
