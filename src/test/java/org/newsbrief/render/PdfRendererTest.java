package org.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.Section;
import org.newsbrief.compose.Story;
import org.w3c.dom.Document;

class PdfRendererTest {

    private static final String ACCENTS = "Zürich, São Paulo and Kraków: “quoted” – and — dashes";
    private static final String ARABIC = "العراق";
    private static final String CYRILLIC = "Киев";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final TemplateFolder templates = new TemplateFolder(TestFiles.templates());

    @Test
    void textWithAccentsArabicAndCyrillicExtractsBackIntact() throws IOException {
        Path pdf = render(briefing(item(ACCENTS, List.of("Envoys met in " + ARABIC + " and " + CYRILLIC + " this week."),
                "https://news.example/one")));

        String text = TestFiles.pdfText(pdf);

        assertThat(text).contains(ACCENTS, ARABIC, CYRILLIC, "Envoys met in");
        assertThat(text).contains("Page 1 of 1");
        assertThat(warnings).isEmpty();
    }

    @Test
    void everyFontIsEmbeddedAndLinksAreClickable() throws IOException {
        Path pdf = render(briefing(item("Linked story", List.of("A sentence."), "https://news.example/story")));

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> fonts = new ArrayList<>();
            List<String> links = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
                page.getAnnotations().stream().filter(PDAnnotationLink.class::isInstance)
                        .map(PDAnnotationLink.class::cast)
                        .map(link -> link.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri
                                ? uri.getURI() : "")
                        .forEach(links::add);
            }
            assertThat(fonts).anyMatch(name -> name.contains("DejaVu"));
            assertThat(links).contains("https://news.example/story");
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(document.getDocumentInformation().getTitle()).contains("Daily Briefing");
        }
    }

    @Test
    void articleTextIsEscapedNeverMarkup() throws IOException {
        String hostile = "<b>Bold</b> & <script>alert('x')</script> <img src=\"http://evil.example/x.png\"/>";
        Briefing briefing = briefing(item(hostile, List.of("[[${briefing.title}]] stays literal."), "javascript:alert(1)"));

        Document page = new HtmlRenderer(templates, org.newsbrief.events.EventLines.into(warnings)).render(briefing);
        String html = HtmlWriter.write(page);
        Path pdf = render(briefing);

        assertThat(html).contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;").doesNotContain("<script>")
                .doesNotContain("javascript:").contains("[[${briefing.title}]] stays literal.");
        assertThat(TestFiles.pdfText(pdf)).contains("<b>Bold</b> & <script>alert('x')</script>");
        assertThat(warnings).isEmpty();
    }

    @Test
    void stylesheetsOutsideTheTemplatesFolderAreRefusedNotFetched() throws IOException {
        Path custom = dir.resolve("templates");
        Files.createDirectories(custom);
        Files.writeString(custom.resolve("briefing.html"), """
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org">
                <head><title th:text="${briefing.title}">t</title>
                <link rel="stylesheet" href="http://127.0.0.1:9/evil.css"/>
                <link rel="stylesheet" href="../secret.css"/>
                <link rel="stylesheet" href="own.css"/></head>
                <body><h1 th:text="${briefing.title}">t</h1>
                <p th:each="story : ${briefing.stories}" th:text="${story.headline}">x</p></body></html>
                """);
        Files.writeString(custom.resolve("own.css"), "h1 { color: #123456; }");

        Document page = new HtmlRenderer(new TemplateFolder(custom), org.newsbrief.events.EventLines.into(warnings))
                .render(briefing(item("Only story", List.of("Text."), "")));
        String html = HtmlWriter.write(page);

        assertThat(html).contains("h1 { color: #123456; }").doesNotContain("evil.css\"").doesNotContain("secret.css\"");
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).contains("not loaded"));
    }

    @Test
    void missingTemplatesFallBackToTheBuiltInOnes() throws IOException {
        Path empty = dir.resolve("empty-templates");
        Files.createDirectories(empty);

        Document page = new HtmlRenderer(new TemplateFolder(empty), org.newsbrief.events.EventLines.into(warnings))
                .render(briefing(item("Fallback story", List.of("Text."), "")));

        assertThat(HtmlWriter.write(page)).contains("Fallback story").contains("@page");
    }

    @Test
    void malformedTemplateIsReportedWithItsFile() throws IOException {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("briefing.html"), "<html><body><p>unclosed</body></html>");

        assertThatThrownBy(() -> new HtmlRenderer(new TemplateFolder(broken), org.newsbrief.events.EventLines.into(warnings))
                        .render(briefing(item("x", List.of("y."), ""))))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining(broken.resolve("briefing.html").toString())
                .hasMessageContaining("not well-formed");
    }

    @Test
    void aBlockMovedToTheNextPageLeavesNoClippedCopyOfItsFirstLineBehind() throws IOException {
        // The heading's glyphs reach above its line box, so the renderer used to paint the line on
        // the first page as well, below the bottom margin: invisible, but found by search.
        Path custom = dir.resolve("moved-block");
        Files.createDirectories(custom);
        Files.writeString(custom.resolve("briefing.html"), """
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org">
                <head><title th:text="${briefing.title}">t</title>
                <style>
                  @page { size: A4; margin: 20mm; }
                  body { margin: 0; font-family: 'DejaVu Sans'; font-size: 9.5pt; line-height: 1.5; }
                  .filler { height: 245mm; }
                  .kept { page-break-inside: avoid; }
                  h2 { margin: 0; font-size: 8pt; text-transform: uppercase; letter-spacing: 0.12em; }
                </style></head>
                <body><div class="filler"></div>
                <div class="kept"><h2>Moved heading</h2>
                <p th:each="story : ${briefing.stories}" th:text="${story.headline}">x</p>
                <p>One line.</p><p>Two lines.</p><p>Three lines.</p></div></body></html>
                """);
        Document page = new HtmlRenderer(new TemplateFolder(custom), org.newsbrief.events.EventLines.into(warnings))
                .render(briefing(item("Kept story", List.of("Text."), "")));
        Path pdf = dir.resolve("moved.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new PdfRenderer(new TemplateFolder(custom), org.newsbrief.events.EventLines.into(warnings)).render(page, out);
        }

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(document);
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(document);
            assertThat(second).contains("MOVED HEADING", "Kept story");
            assertThat(first).doesNotContain("MOVED HEADING");
        }
    }

    @Test
    void theFamiliesTheStylesheetCheckAllowsAreTheFamiliesOfTheEmbeddedFonts() throws Exception {
        java.util.Set<String> families = new java.util.TreeSet<>();
        for (String file : PdfRenderer.FONT_FILES) {
            String resource = PdfRenderer.FONT_FOLDER + file;
            try (java.io.InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
                com.lowagie.text.pdf.BaseFont font = com.lowagie.text.pdf.BaseFont.createFont(resource,
                        com.lowagie.text.pdf.BaseFont.IDENTITY_H, com.lowagie.text.pdf.BaseFont.EMBEDDED, true,
                        in.readAllBytes(), null);
                for (String[] name : font.getFamilyFontName()) {
                    families.add(name[3]);
                }
            }
        }

        assertThat(families).containsExactlyInAnyOrderElementsOf(PdfRenderer.FONT_FAMILIES);
    }

    private Path render(Briefing briefing) throws IOException {
        Document page = new HtmlRenderer(templates, org.newsbrief.events.EventLines.into(warnings)).render(briefing);
        Path pdf = dir.resolve("out.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new PdfRenderer(templates, org.newsbrief.events.EventLines.into(warnings)).render(page, out);
        }
        return pdf;
    }

    private static Briefing briefing(Story... stories) {
        return new Briefing("Daily Briefing", LocalDate.of(2026, 11, 25), ZonedDateTime.now(TestFiles.CLOCK), List.of(),
                List.of(new Section("News", List.of(stories))), List.of());
    }

    private static Story item(String title, List<String> summary, String url) {
        return new Story(title, summary, List.of(new Story.Outlet("Test Wire", url, title)), LocalDate.of(2026, 11, 24),
                "News", List.of(), "eng");
    }
}
