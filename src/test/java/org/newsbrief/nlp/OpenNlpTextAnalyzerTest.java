package org.newsbrief.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.TestFiles;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.FileArticleSource;

class OpenNlpTextAnalyzerTest {

    private static final List<String> SEED_HEADINGS = List.of(
            "Iraqi Forces Strike a Major Blow Against Islamic State Leadership",
            "The Operation: A Coordinated Effort",
            "The Context of the Fight Against IS",
            "Ongoing Operations and Coalition Support",
            "The Future of US Military Presence in Iraq",
            "Conclusion");

    private final OpenNlpTextAnalyzer analyzer = new OpenNlpTextAnalyzer(TestFiles.MODELS);

    @Test
    void seedArticleKeepsTitleHeadingsAndSentencesApart() throws IOException {
        Path seed = TestFiles.shared("seed/seed-article.txt");
        String raw = Files.readString(seed, StandardCharsets.UTF_8);
        AnalyzedArticle article = analyzer.analyze(FileArticleSource.readFile(seed).articles().get(0));

        assertThat(article.title()).isEqualTo("Iraq Claims Elimination of 9 Islamic State Commanders, Including Key Leader");
        assertThat(article.headings()).containsExactlyElementsOf(SEED_HEADINGS);
        assertThat(article.dropped()).contains("Published:", "Related articles", "Recent articles");
        assertThat(article.text()).doesNotContain("Published:", "Related articles", "Recent articles", article.title());
        assertThat(article.sentences()).hasSizeGreaterThan(20);
        assertThat(article.sentences().get(0).text()).startsWith("In a significant development in the ongoing fight");
        for (Sentence sentence : article.sentences()) {
            assertThat(raw).as("sentence quoted from the source").contains(sentence.text());
            assertThat(sentence.text()).doesNotContain("\n").doesNotContain("Published");
            assertThat(sentence.text()).as("a whole sentence").matches("[\\p{Lu}\"“].*[.!?]['\"”’]?");
            SEED_HEADINGS.forEach(heading -> assertThat(sentence.text()).doesNotStartWith(heading));
            assertThat(article.blocks().get(sentence.block()).kind()).isEqualTo(Block.Kind.PARAGRAPH);
        }
        assertThat(article.language()).isEqualTo("eng");
    }

    @Test
    void scrapedSampleHasItsHeadingsFoundAndTrailerDropped() {
        Article sample = FileArticleSource.readFile(TestFiles.samples().resolve("scraped-drone-delivery.txt"))
                .articles().get(0);
        AnalyzedArticle article = analyzer.analyze(sample);

        assertThat(article.title()).isEqualTo("Hospital Drones Cut Blood Sample Delivery Times in Northern Sweden");
        assertThat(article.headings()).hasSizeGreaterThanOrEqualTo(4).endsWith("Conclusion");
        assertThat(article.dropped()).containsExactly("Published:", "Related articles", "Recent articles");
        for (Sentence sentence : article.sentences()) {
            assertThat(article.headings()).noneMatch(heading -> sentence.text().contains(heading));
        }
    }

    @Test
    void offsetsPointIntoTheCleanedText() {
        Article input = Article.of("inline", "", """
                Markets Rally on Rate Hopes

                Shares rose on Tuesday. Traders cited
                softer inflation data from Frankfurt.

                Outlook

                Analysts expect more gains. "We are cautious," one said.
                """);
        AnalyzedArticle article = analyzer.analyze(input);

        assertThat(article.title()).isEqualTo("Markets Rally on Rate Hopes");
        assertThat(article.headings()).containsExactly("Outlook");
        assertThat(article.paragraphs()).containsExactly(
                "Shares rose on Tuesday. Traders cited softer inflation data from Frankfurt.",
                "Analysts expect more gains. \"We are cautious,\" one said.");
        assertThat(article.sentences()).extracting(Sentence::text).containsExactly(
                "Shares rose on Tuesday.",
                "Traders cited softer inflation data from Frankfurt.",
                "Analysts expect more gains.",
                "\"We are cautious,\" one said.");
        for (Sentence sentence : article.sentences()) {
            assertThat(article.text().substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
            for (Token token : sentence.tokens()) {
                assertThat(article.text().substring(token.start(), token.end())).isEqualTo(token.text());
            }
        }
        for (Block block : article.blocks()) {
            assertThat(article.text().substring(block.start(), block.end())).isEqualTo(block.text());
        }
    }

    @Test
    void partsOfSpeechAndLemmasAreComputedOnRequestPerToken() {
        AnalyzedArticle article = analyzer.analyze(Article.of("pos", "",
                "The ministers signed the agreements in Geneva on Monday. Talks resumed later."));

        AnalyzedArticle.Tags tags = article.tags();

        assertThat(tags.partsOfSpeech()).hasSize(2);
        assertThat(tags.partsOfSpeech().get(0)).hasSize(article.sentences().get(0).tokens().size());
        assertThat(tags.partsOfSpeech().get(0).get(1)).isEqualTo("NOUN");
        assertThat(tags.lemmas().get(0)).contains("minister", "sign", "agreement");
        assertThat(article.tags()).isSameAs(tags);
    }

    @Test
    void analyzerIsSafeToShareBetweenThreads() throws Exception {
        Article input = FileArticleSource.readFile(TestFiles.samples().resolve("scraped-drone-delivery.txt"))
                .articles().get(0);
        List<String> expected = analyzer.analyze(input).sentences().stream().map(Sentence::text).toList();
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    List<String> got = analyzer.analyze(input).sentences().stream().map(Sentence::text).toList();
                    if (!got.equals(expected)) {
                        failures.add(new AssertionError("different sentences on a worker thread"));
                    }
                }
            });
            thread.setUncaughtExceptionHandler((th, e) -> failures.add(e));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void germanAndFrenchUseTheirOwnSentenceModels() {
        AnalyzedArticle german = analyzer.analyze(Article.of("de", "", """
                Die Bundesregierung hat am Dienstag ein neues Gesetz zur Förderung von Wärmepumpen beschlossen.                 Nach Angaben des Ministeriums sollen bis 2030 rund sechs Millionen Geräte installiert werden.                 Kritiker bemängeln, dass die Kosten für Mieter steigen könnten."""));
        AnalyzedArticle french = analyzer.analyze(Article.of("fr", "", """
                Le gouvernement a présenté mardi un plan de rénovation des écoles pour les dix prochaines années.                 Selon le ministère, près de deux mille bâtiments seront concernés.                 Les syndicats ont salué l'annonce, tout en demandant des précisions sur le financement."""));

        assertThat(german.language()).isEqualTo("deu");
        assertThat(german.sentences()).hasSize(3);
        assertThat(german.notes()).isEmpty();
        assertThat(french.language()).isEqualTo("fra");
        assertThat(french.sentences()).hasSize(3);
    }

    @Test
    void otherLanguagesAreSplitByRulesAndFlagged() {
        AnalyzedArticle spanish = analyzer.analyze(Article.of("es", "", """
                El Gobierno aprobó el martes un nuevo plan de vivienda para jóvenes. Según el ministerio,                 se construirán cincuenta mil pisos en cinco años. Los sindicatos pidieron más detalles sobre                 la financiación del programa."""));

        assertThat(spanish.language()).isEqualTo("spa");
        assertThat(spanish.sentences()).extracting(Sentence::text).containsExactly(
                "El Gobierno aprobó el martes un nuevo plan de vivienda para jóvenes.",
                "Según el ministerio, se construirán cincuenta mil pisos en cinco años.",
                "Los sindicatos pidieron más detalles sobre la financiación del programa.");
        assertThat(spanish.notes()).singleElement().asString().contains("'spa'", "punctuation rules");
    }

    @Test
    void shortOrEmptyTextGivesNoSentencesAndUnknownLanguage() {
        AnalyzedArticle article = analyzer.analyze(Article.of("short", "A title", "Only a Heading"));

        assertThat(article.sentences()).isEmpty();
        assertThat(article.language()).isEqualTo("und");
    }

    /** A page of words without one full stop was one sentence, and tagging it took the square of its length. */
    @Test
    void aLongUnpunctuatedPageIsCutAndTaggedQuickly() {
        String[] words = {"harbour", "council", "Rotterdam", "river", "market", "station", "alpha", "bravo", "delta"};
        StringBuilder page = new StringBuilder("Dock workers voted on Tuesday.\n\n");
        java.util.Random random = new java.util.Random(7);
        while (page.length() < OpenNlpTextAnalyzer.MAX_CHARS * 2) {
            page.append(words[random.nextInt(words.length)]).append(random.nextInt(20) == 0 ? ", " : " ");
        }
        Article hostile = Article.of("hostile.html", "A page without punctuation", page.toString());

        AnalyzedArticle article = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> {
                    AnalyzedArticle analyzed = analyzer.analyze(hostile);
                    analyzed.partsOfSpeech();
                    return analyzed;
                });

        assertThat(article.text().length()).isLessThanOrEqualTo(OpenNlpTextAnalyzer.MAX_CHARS);
        assertThat(page.toString()).startsWith(article.text());
        assertThat(article.sentences()).hasSizeGreaterThan(10).hasSizeLessThanOrEqualTo(OpenNlpTextAnalyzer.MAX_SENTENCES);
        assertThat(article.sentences().get(0).text()).isEqualTo("Dock workers voted on Tuesday.");
        for (Sentence sentence : article.sentences()) {
            assertThat(sentence.tokens()).hasSizeLessThanOrEqualTo(OpenNlpTextAnalyzer.MAX_SENTENCE_TOKENS);
            assertThat(article.text().substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
            assertThat(sentence.tokens().get(0).start()).isEqualTo(sentence.start());
            assertThat(sentence.tokens().get(sentence.tokens().size() - 1).end()).isEqualTo(sentence.end());
        }
        assertThat(article.partsOfSpeech()).hasSameSizeAs(article.sentences());
        assertThat(article.notes()).anyMatch(note -> note.contains("characters were analyzed"))
                .anyMatch(note -> note.contains("cut into pieces"));
    }

    @Test
    void aPageOfTinySentencesKeepsOnlyTheFirstThousand() {
        String page = "Yes. No. ".repeat(OpenNlpTextAnalyzer.MAX_SENTENCES * 2);
        AnalyzedArticle article = analyzer.analyze(Article.of("tiny.txt", "Tiny sentences", page));

        assertThat(article.sentences()).hasSize(OpenNlpTextAnalyzer.MAX_SENTENCES);
        assertThat(article.notes()).anyMatch(note -> note.contains("only the first 1,000 sentences"));
    }

    @Test
    void partsOfSpeechAloneAreTheTagsOfTheFullTagging() {
        Article input = Article.of("rates.txt", "Rates", "The Reserve Bank of New Zealand raised rates. Banks followed.");

        List<List<String>> alone = analyzer.analyze(input).partsOfSpeech();

        assertThat(alone).isEqualTo(analyzer.analyze(input).tags().partsOfSpeech());
        assertThat(alone.get(0)).contains("PROPN");
    }

    @Test
    void anArticleWithinTheBoundsGetsNoNote() {
        AnalyzedArticle article = analyzer.analyze(Article.of("short.txt", "Rates", "Rates rose on Tuesday. Banks followed."));

        assertThat(article.notes()).isEmpty();
        assertThat(article.sentences()).hasSize(2);
    }
}
