package org.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files an attacker, or an accident, puts in the way: links out, pipes, bad bytes, parser bombs. */
class HostileFilesTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final String STORY = "Dockworkers returned to the port on Monday after a nine-day strike ended.";

    @TempDir
    Path dir;

    private final Ingestion ingestion = new Ingestion(new HttpFetcher(FetchSettings.defaults()), false, 2);

    @Test
    void linksLeadingOutOfAFolderAreNotFollowed() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("inbox"));
        Path secret = Files.writeString(dir.resolve("secrets.env"), "API_KEY=hunter2-outside-the-folder\n");
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("private.txt"), "Private diary line that must stay home.");
        Files.writeString(folder.resolve("story.txt"), STORY);
        links(folder.resolve("notes.txt"), Path.of("../secrets.env"));
        links(folder.resolve("passwd.txt"), secret.toAbsolutePath());
        links(folder.resolve("diary"), elsewhere.toAbsolutePath());
        links(folder.resolve("again.txt"), Path.of("story.txt"));

        IngestResult result = new FileArticleSource(List.of(folder)).read();

        assertThat(result.articles()).extracting(Article::text).containsOnly(STORY);
        assertThat(result.articles()).noneSatisfy(article -> assertThat(article.text()).contains("hunter2"));
        assertThat(result.skipped()).extracting(SkippedInput::location)
                .contains(folder.resolve("notes.txt").toString(), folder.resolve("passwd.txt").toString(),
                        folder.resolve("diary").toString());
        assertThat(result.skipped()).filteredOn(skip -> skip.location().endsWith("passwd.txt"))
                .singleElement().extracting(SkippedInput::toString).asString()
                .contains("symbolic link leading outside the folder").doesNotContain("\n");
    }

    @Test
    void aLinkTheUserNamesIsTheirChoice() throws IOException {
        Path target = Files.writeString(dir.resolve("story.txt"), STORY);
        Path link = links(dir.resolve("link.txt"), target.toAbsolutePath());

        assertThat(FileArticleSource.readFile(link).articles()).extracting(Article::text).containsExactly(STORY);
    }

    @Test
    void aPipeIsRefusedAtOnceWhetherNamedOrInAFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("inbox"));
        Files.writeString(folder.resolve("story.txt"), STORY);
        Path fifo = folder.resolve("pipe.txt");
        assumeTrue(mkfifo(fifo), "mkfifo is not available here");

        IngestResult named = assertTimeoutPreemptively(GENEROUS, () -> FileArticleSource.readFile(fifo));
        IngestResult inFolder = assertTimeoutPreemptively(GENEROUS, () -> new FileArticleSource(List.of(folder)).read());

        assertThat(named.skipped()).singleElement().hasToString(fifo + ": not a regular file (a device, pipe or socket);"
                + " only regular files are read");
        assertThat(inFolder.articles()).extracting(Article::text).containsExactly(STORY);
        assertThat(inFolder.skipped()).extracting(SkippedInput::location).containsExactly(fifo.toString());
    }

    @Test
    void anEndlessDeviceIsRefusedAtOnce() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");

        Ingestion.Report result = assertTimeoutPreemptively(GENEROUS,
                () -> ingestion.read(List.of(ingestion.source(zero.toString()))));

        assertThat(result.articles()).isEmpty();
        assertThat(result.skipped()).singleElement().extracting(SkippedInput::reason).asString()
                .contains("not a regular file");
    }

    @Test
    void oneLineThatIsNotUtf8CostsOnlyItselfAndTheOthersStayIntact() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            lines.add(("{\"id\": \"" + i + "\", \"title\": \"Zürich café " + i + "\", \"text\": \"" + STORY + " Zürich café.\"}")
                    .getBytes(StandardCharsets.UTF_8));
            if (i == 5) {
                lines.add("{\"id\": \"legacy\", \"text\": \"Le café de Zürich a rouvert.\"}".getBytes(Charset.forName("windows-1252")));
            }
        }
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, join(lines));

        IngestResult result = FileArticleSource.readFile(file);

        assertThat(result.articles()).hasSize(10);
        assertThat(result.articles()).allSatisfy(article -> {
            assertThat(article.title()).startsWith("Zürich café");
            assertThat(article.text()).endsWith("Zürich café.");
        });
        assertThat(result.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.location()).isEqualTo(file + ":6");
            assertThat(skip.reason()).contains("not UTF-8");
        });
    }

    @Test
    void jsonLinesLargerThanTheWholeFileLimitAreReadALineAtATime() throws IOException {
        Path file = dir.resolve("big.jsonl");
        String line = "{\"text\": \"" + STORY + " " + "Filler words about the harbour. ".repeat(30) + "%d\"}\n";
        long written = 0;
        int records = 0;
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written <= FetchSettings.DEFAULT_MAX_BYTES + 1024 * 1024) {
                String record = line.formatted(records++);
                out.write(record);
                written += record.length();
            }
        }

        IngestResult result = FileArticleSource.readFile(file);

        assertThat(result.skipped()).isEmpty();
        assertThat(result.articles()).hasSize(records);
    }

    @Test
    void aDocumentOverTheLimitIsRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("long.txt"), STORY.repeat(100));

        IngestResult result = new FileArticleSource(List.of(file), 1000).read();

        assertThat(result.articles()).isEmpty();
        assertThat(result.skipped()).singleElement().hasToString(file + ": file is larger than the limit of 1000 bytes (--max-bytes)");
    }

    @Test
    void aDeeplyNestedJsonFileIsOneSkippedLineNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("deep.json"), "[".repeat(50_000) + "]".repeat(50_000));
        Path good = Files.writeString(dir.resolve("good.json"), "{\"text\": \"" + STORY + "\"}");

        Ingestion.Report report = ingestion.read(List.of(ingestion.source(file.toString()), ingestion.source(good.toString())));

        assertThat(report.articles()).extracting(Article::text).containsExactly(STORY);
        assertThat(report.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.location()).startsWith(file.toString());
            assertThat(skip.reason()).contains("malformed JSON").doesNotContain("null").doesNotContain("\n");
        });
    }

    @Test
    void anOpmlFileWithADoctypeIsOneSkippedLineNamingTheFile() throws IOException {
        Path opml = Files.writeString(dir.resolve("feeds.opml"), """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
                <opml version="2.0"><body><outline text="x" xmlUrl="http://127.0.0.1:9/&lol2;"/></body></opml>
                """);

        Ingestion.Report report = ingestion.read(List.of(ingestion.source(new SourcesFile.Entry("", "", "opml",
                opml.toString(), 1))));

        assertThat(report.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.location()).isEqualTo(opml.toString());
            assertThat(skip.reason()).containsIgnoringCase("DOCTYPE").doesNotContain("null").doesNotContain("Lambda");
        });
    }

    @Test
    void aYamlAliasBombInASourcesFileIsRefusedByName() throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char name = 'b'; name <= 'j'; name++) {
            yaml.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = name;
        }
        yaml.append("sources:\n  - file: *j\n");
        Path file = Files.writeString(dir.resolve("sources.yaml"), yaml);

        Path deep = Files.writeString(dir.resolve("deep.yaml"), "sources: " + "[".repeat(5000) + "]".repeat(5000) + "\n");

        assertTimeoutPreemptively(GENEROUS, () -> assertThatThrownBy(() -> SourcesFile.read(file))
                .isInstanceOf(IngestException.class)
                .hasMessage(file + ":2: YAML aliases (*a) are not accepted in a sources file"));
        assertThatThrownBy(() -> SourcesFile.read(deep))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith(deep + ": not valid YAML: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("null"));
    }

    @Test
    void aNullTextIsMissingNotTheWordNull() throws IOException {
        Path file = Files.writeString(dir.resolve("nulls.jsonl"), """
                {"id": "a", "title": "Only a title", "text": null}
                {"id": "b", "title": null, "text": "%s"}
                """.formatted(STORY));

        IngestResult result = FileArticleSource.readFile(file);

        assertThat(result.articles()).singleElement().satisfies(article -> {
            assertThat(article.text()).isEqualTo(STORY);
            assertThat(article.title()).isEmpty();
        });
        assertThat(result.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.location()).isEqualTo(file + ":1");
            assertThat(skip.reason()).contains("no \"text\"");
        });
    }

    @Test
    void controlCharactersNeverEnterAnArticle() throws IOException {
        Path file = Files.writeString(dir.resolve("escape.json"), """
                {"title": "Calm \\u001b[2J\\u001b[32mAll checks passed\\u0007", "source": "Wire\\u009b31m",
                 "url": "https://wire.example/\\u001b]8;;x", "text": "%s \\u001b[1A\\u0007Hidden\\u007f."}
                """.formatted(STORY));

        Article article = FileArticleSource.readFile(file).articles().get(0);

        for (String field : List.of(article.title(), article.source(), article.url(), article.text())) {
            assertThat(field.chars()).noneMatch(c -> c < 0x20 && c != '\n' || c >= 0x7F && c <= 0x9F);
        }
        assertThat(article.title()).isEqualTo("Calm [2J[32mAll checks passed");
    }

    private static Path links(Path link, Path target) throws IOException {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available here: " + e.getMessage());
            return link;
        }
    }

    private static boolean mkfifo(Path path) {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static byte[] join(List<byte[]> lines) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }
}
