package org.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.compose.Section;
import org.newsbrief.compose.Story;
import org.newsbrief.ingest.FileArticleSource;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.summarize.Algorithm;
import org.newsbrief.summarize.SummaryLength;

/** The samples' briefing read back from its PDF: outline, contents page numbers, links, metadata. */
class BriefingPdfTest {

    @TempDir
    static Path dir;

    private static Briefing briefing;
    private static Path pdf;

    @BeforeAll
    static void render() throws IOException {
        OpenNlpTextAnalyzer analyzer = new OpenNlpTextAnalyzer(TestFiles.MODELS);
        briefing = new BriefingComposer(Algorithm.defaultAlgorithm().create(), SummaryLength.sentences(3), TestFiles.CLOCK,
                BriefingComposer.Limits.defaults().withGroupedStories(true))
                .compose("Daily Briefing", LocalDate.of(2026, 11, 25), new FileArticleSource(List.of(TestFiles.samples()))
                        .read().articles().stream().map(analyzer::analyze).toList());
        TemplateFolder templates = new TemplateFolder(TestFiles.templates());
        var page = new HtmlRenderer(templates, warning -> { }).render(briefing);
        pdf = dir.resolve("briefing.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new PdfRenderer(templates, warning -> { }).render(page, out);
        }
    }

    @Test
    void outlineHasEverySectionWithItsStories() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> sections = new ArrayList<>();
            List<List<String>> stories = new ArrayList<>();
            for (PDOutlineItem section : document.getDocumentCatalog().getDocumentOutline().children()) {
                sections.add(section.getTitle());
                List<String> titles = new ArrayList<>();
                section.children().forEach(story -> titles.add(story.getTitle()));
                stories.add(titles);
            }
            assertThat(sections).containsExactlyElementsOf(briefing.sections().stream().map(Section::name).toList());
            for (int s = 0; s < sections.size(); s++) {
                assertThat(stories.get(s)).containsExactlyElementsOf(
                        briefing.sections().get(s).stories().stream().map(Story::headline).toList());
            }
        }
    }

    @Test
    void contentsPageNumbersAreThePagesStoriesStartOn() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            String all = stripper.getText(document);
            for (Story story : briefing.stories()) {
                String headline = TestFiles.normalizeSpace(story.headline());
                Matcher entry = Pattern.compile(Pattern.quote(headline) + "[ .]*\\.\\s*(\\d+)").matcher(TestFiles.normalizeSpace(all));
                assertThat(entry.find()).as("contents entry for " + headline).isTrue();
                int listed = Integer.parseInt(entry.group(1));
                int actual = -1;
                for (int page = 1; page <= document.getNumberOfPages() && actual < 0; page++) {
                    stripper.setStartPage(page);
                    stripper.setEndPage(page);
                    // a story starts where its headline stands above its byline, or above its summary when
                    // no outlet is known
                    String byline = HtmlRenderer.reportedBy(story.outletNames());
                    String below = TestFiles.normalizeSpace(byline.isEmpty() ? story.summary().get(0) : byline);
                    if (TestFiles.normalizeSpace(stripper.getText(document)).contains(headline + " " + below)) {
                        actual = page;
                    }
                }
                assertThat(listed).as("page of " + headline).isEqualTo(actual);
            }
        }
    }

    @Test
    void sourcesAreLinkedAndMetadataIsSet() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> links = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                page.getAnnotations().stream().filter(PDAnnotationLink.class::isInstance).map(PDAnnotationLink.class::cast)
                        .filter(link -> link.getAction() instanceof PDActionURI)
                        .forEach(link -> links.add(((PDActionURI) link.getAction()).getURI()));
            }
            briefing.stories().forEach(story -> story.outlets().stream().filter(outlet -> !outlet.url().isEmpty())
                    .forEach(outlet -> assertThat(links).contains(outlet.url())));
            var info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Daily Briefing · Wednesday 25 November 2026");
            assertThat(info.getSubject()).contains("25 November 2026");
            assertThat(info.getKeywords()).startsWith("news, briefing");
            assertThat(info.getCreationDate()).isNotNull();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
                }
            }
        }
    }
}
