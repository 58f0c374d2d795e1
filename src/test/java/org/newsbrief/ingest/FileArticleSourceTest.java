package org.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;

class FileArticleSourceTest {

    @TempDir
    Path dir;

    @Test
    void textHeaderBlockGivesMetadata() throws IOException {
        Path file = write("a.txt", """
                Title: Port Strike Ends After Nine Days
                Source: The Harbour Times
                Date: 2026-11-23
                URL: https://www.harbourtimes.example/port

                Dockworkers returned on Monday.
                """);

        Article article = single(file);

        assertThat(article.title()).isEqualTo("Port Strike Ends After Nine Days");
        assertThat(article.source()).isEqualTo("The Harbour Times");
        assertThat(article.date()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(article.url()).isEqualTo("https://www.harbourtimes.example/port");
        assertThat(article.text()).isEqualTo("Dockworkers returned on Monday.");
    }

    @Test
    void textWithoutHeaderKeepsEverythingAsBody() throws IOException {
        Article article = single(write("b.txt", "Headline Without Header\n\nPublished:\n\nBody text here."));

        assertThat(article.title()).isEmpty();
        assertThat(article.text()).startsWith("Headline Without Header");
    }

    @Test
    void markdownFrontMatterAndInlineMarkupAreUnwrapped() throws IOException {
        Article article = single(write("c.md", """
                ---
                title: "Rates Rise in Wellington"
                source: Pacific Dispatch
                date: 2026-11-25
                url: https://www.pacificdispatch.example/rates
                ---

                The bank **raised** its rate, *as expected*, says [the statement](https://x.example/s).

                ## What Comes Next

                - first item
                - second item
                """));

        assertThat(article.title()).isEqualTo("Rates Rise in Wellington");
        assertThat(article.source()).isEqualTo("Pacific Dispatch");
        assertThat(article.date()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(article.text()).contains("The bank raised its rate, as expected, says the statement.")
                .contains("\n\nWhat Comes Next\n\n").contains("- first item").doesNotContain("**", "](", "##");
    }

    @Test
    void htmlKeepsTheArticleAndDropsPageClutter() throws IOException {
        Article article = single(write("d.html", """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>Page title | Outlet</title>
                <meta property="og:site_name" content="Northern Ledger">
                <meta property="og:title" content="Ships Queue Off Maasvlakte">
                <meta property="article:published_time" content="2026-11-24T07:30:00Z">
                <link rel="canonical" href="https://www.northernledger.example/ships"></head>
                <body><header><nav><a href="/">Home</a><a href="/world">World</a></nav></header>
                <article><h1>Ships Queue Off Maasvlakte</h1>
                <div class="share-bar">Share this</div>
                <p>Forty ships waited at anchor on Tuesday.</p>
                <h2>Backlog</h2>
                <p>Terminal operators expect the queue to clear by Friday.</p>
                <p style="display:none">Hidden text must not appear.</p>
                <p hidden>Neither must this.</p>
                <div class="ad">Advertisement</div></article>
                <aside><h3>Most read</h3><ul><li>Other story</li></ul></aside>
                <script>var tracking = "do not read";</script>
                <footer>© 2026 Northern Ledger</footer></body></html>
                """));

        assertThat(article.title()).isEqualTo("Ships Queue Off Maasvlakte");
        assertThat(article.source()).isEqualTo("Northern Ledger");
        assertThat(article.date()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(article.url()).isEqualTo("https://www.northernledger.example/ships");
        assertThat(article.text()).isEqualTo("""
                Forty ships waited at anchor on Tuesday.

                Backlog

                Terminal operators expect the queue to clear by Friday.""");
    }

    @Test
    void pageWithoutArticleMarkupKeepsBareTextBlocksAndDropsLinkRows() throws IOException {
        Article article = single(write("plain.html", """
                <html><head><title>Council approves tram line</title></head><body>
                <div class="top"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
                <div id="content">
                  <h1>Council approves tram line</h1>
                  <div class="when">24 November 2026</div>
                  <div>The regional council approved a new tram line through the old harbour district on Monday evening,                 after a debate that lasted more than four hours.</div>
                  <div>Construction is due to start in the spring of 2028, and the first trams should run two years later,                 the council's transport committee said.</div>
                  <p>Opponents said the route would cut through a protected park, and promised to appeal.</p>
                </div>
                </body></html>
                """));

        assertThat(article.text()).isEqualTo(String.join("\n\n",
                "24 November 2026",
                "The regional council approved a new tram line through the old harbour district on Monday evening, "
                        + "after a debate that lasted more than four hours.",
                "Construction is due to start in the spring of 2028, and the first trams should run two years later, "
                        + "the council's transport committee said.",
                "Opponents said the route would cut through a protected park, and promised to appeal."));
        assertThat(article.text()).doesNotContain("Home", "Sport");
    }

    @Test
    void jsonObjectArrayAndLinesAreRead() throws IOException {
        Path object = write("e.json", "{\"title\": \"One\", \"text\": \"Body one.\", \"source\": \"Wire\"}");
        Path array = write("f.json", "[{\"id\": \"x\", \"text\": \"Body x.\"}, {\"text\": \"\"}, {\"id\": \"y\", \"text\": \"Body y.\"}]");
        Path lines = write("g.jsonl", "{\"id\": 1, \"text\": \"Line one.\"}\n{broken\n\n{\"id\": 2, \"text\": \"Line two.\"}\n");

        IngestResult result = new FileArticleSource(List.of(object, array, lines)).read();

        assertThat(result.articles()).extracting(Article::id).containsExactly(object.toString(), "x", "y", "1", "2");
        assertThat(result.articles().get(0).source()).isEqualTo("Wire");
        assertThat(result.skipped()).extracting(SkippedInput::location)
                .containsExactly(array + "[1]", lines + ":2");
        assertThat(result.skipped().get(1).reason()).startsWith("malformed JSON");
    }

    @Test
    void badFilesAreSkippedWithOneLineReasonsWhileOthersAreRead() throws IOException {
        Path good = write("good.txt", "A sentence that reads fine.");
        Path empty = write("empty.txt", "");
        Path blank = write("blank.txt", "  \n\n \t \n");
        Path binary = dir.resolve("image.txt");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        Path missing = dir.resolve("missing.txt");

        IngestResult result = new FileArticleSource(List.of(empty, good, blank, binary, missing)).read();

        assertThat(result.articles()).extracting(Article::id).containsExactly(good.toString());
        assertThat(result.skipped()).extracting(SkippedInput::toString).containsExactly(
                empty + ": empty file",
                blank + ": empty file (only white space)",
                binary + ": binary file, not text",
                missing + ": no such file");
        assertThat(result.skipped()).allSatisfy(skip -> assertThat(skip.toString()).doesNotContain("\n"));
    }

    @Test
    void foldersAreReadRecursivelyInNameOrderAndOtherTypesAreListed() throws IOException {
        write("b.txt", "Second file.");
        Files.createDirectories(dir.resolve("sub"));
        write("sub/a.md", "First file.");
        write("notes.pdf", "not an article");
        write(".hidden.txt", "Hidden files are not articles.");

        FileArticleSource source = new FileArticleSource(List.of(dir));
        IngestResult result = source.read();

        assertThat(result.articles()).extracting(Article::text).containsExactly("Second file.", "First file.");
        assertThat(result.skipped()).extracting(SkippedInput::location).containsExactly(dir.resolve("notes.pdf").toString());
    }

    @Test
    void encodingsAreDetectedAndTextNormalized() throws IOException {
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "Caf\u00e9 in Z\u00fcrich costs \u00a35.".getBytes(Charset.forName("windows-1252")));
        Path bom = dir.resolve("bom.txt");
        Files.write(bom, ("\uFEFFS\u00e3o Paulo\r\nline two.").getBytes(StandardCharsets.UTF_8));
        Path decomposed = write("nfd.txt", "Zu\u0308rich soft\u00ADhyphen.");

        assertThat(single(latin1).text()).isEqualTo("Café in Zürich costs £5.");
        assertThat(single(bom).text()).isEqualTo("São Paulo\nline two.");
        assertThat(single(decomposed).text()).isEqualTo("Zürich softhyphen.");
    }

    @Test
    void everySampleIsReadWithATitleOrTitleLine() {
        IngestResult result = new FileArticleSource(List.of(TestFiles.samples())).read();

        assertThat(result.skipped()).isEmpty();
        assertThat(result.articles()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(result.articles()).allSatisfy(article -> assertThat(article.text()).hasSizeGreaterThan(500));
        assertThat(result.articles().stream().filter(article -> !article.title().isEmpty())).hasSizeGreaterThanOrEqualTo(11);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static Article single(Path file) {
        IngestResult result = FileArticleSource.readFile(file);
        assertThat(result.skipped()).isEmpty();
        assertThat(result.articles()).hasSize(1);
        return result.articles().get(0);
    }
}
