package org.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsbrief.TestFiles;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.compose.Section;
import org.newsbrief.compose.Story;
import org.newsbrief.ingest.FileArticleSource;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.summarize.Algorithm;
import org.newsbrief.summarize.SummaryLength;

/**
 * Where the briefing's text lands on its pages, read back glyph by glyph: inside the margins (text
 * the renderer clips away still reaches search and screen readers), the contents right after the
 * executive summary when they fit, and no heading left alone at the foot of a page.
 */
class BriefingLayoutTest {

    private static final float MM = 72 / 25.4f;

    // briefing.css: "@page { margin: 24mm 20mm 22mm 20mm }"
    private static final float MARGIN_TOP = 24 * MM;
    private static final float MARGIN_RIGHT = 20 * MM;
    private static final float MARGIN_BOTTOM = 22 * MM;
    private static final float MARGIN_LEFT = 20 * MM;

    // @top-left holds the running head on every page but the first: one line of 7.5pt text,
    // line-height 1.5, standing on the bottom of the top margin with 4mm of padding below it.
    private static final float HEAD_BOTTOM = MARGIN_TOP - 4 * MM;
    private static final float HEAD_TOP = HEAD_BOTTOM - 7.5f * 1.5f;

    // @bottom-center holds the page number on every page: one line of 8pt text, line-height 1.5,
    // centred in the bottom margin.
    private static final float FOOT_HALF_HEIGHT = 8f * 1.5f / 2;

    /** How far a glyph's box, as PDFBox estimates it from the font, may stray past an edge. */
    private static final float SLACK = 0.5f;

    @TempDir
    static Path dir;

    private static Briefing samples;
    private static Path samplesPdf;
    private static Briefing crowded;
    private static Path crowdedPdf;

    @BeforeAll
    static void render() throws IOException {
        OpenNlpTextAnalyzer analyzer = new OpenNlpTextAnalyzer(TestFiles.MODELS);
        samples = new BriefingComposer(Algorithm.defaultAlgorithm().create(), SummaryLength.sentences(3), TestFiles.CLOCK,
                BriefingComposer.Limits.defaults().withGroupedStories(true))
                .compose("Daily Briefing", LocalDate.of(2026, 11, 25), new FileArticleSource(List.of(TestFiles.samples()))
                        .read().articles().stream().map(analyzer::analyze).toList());
        samplesPdf = render(samples, "samples.pdf");
        // a first section of eight puts the third section's name at the foot of page 1, unless it is
        // kept with its first entry
        crowded = generated(8, 12, 12, 12, 12);
        crowdedPdf = render(crowded, "crowded.pdf");
    }

    static Stream<String> briefings() {
        return Stream.of("samples", "crowded");
    }

    @ParameterizedTest
    @MethodSource("briefings")
    void everyGlyphIsInsideTheContentBoxOrWhereTheRunningHeadAndPageNumberAreDrawn(String which) throws IOException {
        List<Page> pages = pages(pdf(which));
        List<String> outside = new ArrayList<>();
        for (Page page : pages) {
            float left = MARGIN_LEFT - SLACK;
            float right = page.width() - MARGIN_RIGHT + SLACK;
            float footMiddle = page.height() - MARGIN_BOTTOM / 2;
            for (Glyph glyph : page.glyphs()) {
                boolean across = glyph.left() >= left && glyph.right() <= right;
                boolean inContent = glyph.top() >= MARGIN_TOP - SLACK && glyph.baseline() <= page.height() - MARGIN_BOTTOM + SLACK;
                boolean inHead = page.number() > 1 && glyph.top() >= HEAD_TOP - SLACK && glyph.baseline() <= HEAD_BOTTOM + SLACK;
                boolean inFoot = glyph.top() >= footMiddle - FOOT_HALF_HEIGHT - SLACK
                        && glyph.baseline() <= footMiddle + FOOT_HALF_HEIGHT + SLACK;
                if (!across || !(inContent || inHead || inFoot)) {
                    outside.add("page " + page.number() + ": '" + glyph.text() + "' at x " + glyph.left() + ", y " + glyph.top()
                            + " to " + glyph.baseline());
                }
            }
        }
        assertThat(outside).as("glyphs outside the content box and the running head and foot").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("briefings")
    void noPageEndsWithAHeading(String which) throws IOException {
        Briefing briefing = which.equals("samples") ? samples : crowded;
        Set<String> headings = new TreeSet<>(List.of("contents", "names in this edition:"));
        briefing.sections().forEach(section -> headings.add(section.name().toLowerCase(Locale.ROOT)));
        for (Page page : pages(pdf(which))) {
            List<String> body = page.bodyLines();
            String last = body.get(body.size() - 1).toLowerCase(Locale.ROOT);
            assertThat(headings).as("last line of page " + page.number() + ": " + last).doesNotContain(last);
        }
    }

    @ParameterizedTest
    @MethodSource("briefings")
    void namesInThisEditionStayOnOnePage(String which) throws IOException {
        Briefing briefing = which.equals("samples") ? samples : crowded;
        String names = TestFiles.normalizeSpace("Names in this edition: " + String.join(" · ", briefing.keyNames()));
        long pagesWithAll = pages(pdf(which)).stream().filter(page -> page.text().contains(names)).count();
        assertThat(pagesWithAll).as("pages holding the whole line of names").isEqualTo(1);
    }

    @Test
    void samplesContentsFollowTheExecutiveSummaryOnPageOne() throws IOException {
        Page first = pages(samplesPdf).get(0);
        assertThat(first.bodyLines()).anyMatch(line -> line.equalsIgnoreCase("contents"));
        for (Story story : samples.stories()) {
            assertThat(first.text()).as("contents entry on page 1").containsPattern(entry(story));
        }
        String firstHighlight = TestFiles.normalizeSpace(samples.executiveSummary().get(0).story().headline());
        assertThat(first.text().indexOf(firstHighlight)).isLessThan(first.text().toLowerCase(Locale.ROOT).indexOf("contents"));
    }

    @Test
    void longContentsRunOnFromTheFirstPageAndBreakOnlyBetweenEntries() throws IOException {
        List<Page> pages = pages(crowdedPdf);
        Set<Integer> contentsPages = new TreeSet<>();
        for (Story story : crowded.stories()) {
            int found = -1;
            for (Page page : pages) {
                if (entry(story).matcher(page.text()).find()) {
                    found = page.number();
                    break;
                }
            }
            assertThat(found).as("page with the whole contents entry of " + story.headline()).isPositive();
            contentsPages.add(found);
        }
        assertThat(contentsPages).as("pages the contents run over").hasSizeGreaterThan(1).contains(1);
        for (int number : contentsPages) {
            if (contentsPages.contains(number + 1)) {
                // a page the contents run on from is full, but for the room of a section's name and a
                // two-line entry, which go over together
                Page page = pages.get(number - 1);
                float lastBaseline = page.bodyGlyphs().stream().map(Glyph::baseline).max(Float::compare).orElseThrow();
                assertThat(lastBaseline).as("foot of the contents on page " + number)
                        .isGreaterThan(page.height() - MARGIN_BOTTOM - 45);
            }
        }
    }

    private static Pattern entry(Story story) {
        return Pattern.compile(Pattern.quote(TestFiles.normalizeSpace(story.headline())) + " ?\\.[ .]*\\d+");
    }

    private static Path pdf(String which) {
        return which.equals("samples") ? samplesPdf : crowdedPdf;
    }

    private static Path render(Briefing briefing, String name) throws IOException {
        TemplateFolder templates = new TemplateFolder(TestFiles.templates());
        var page = new HtmlRenderer(templates, warning -> { }).render(briefing);
        Path pdf = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new PdfRenderer(templates, warning -> { }).render(page, out);
        }
        return pdf;
    }

    /**
     * @param perSection how many stories each section has, for up to five sections; every fifth
     *     headline takes two lines in the contents
     * @return a briefing of made-up stories whose contents are longer than a page
     */
    private static Briefing generated(int... perSection) {
        String[] sections = {"World", "Business", "Science and technology", "Sport", "Culture"};
        List<Section> built = new ArrayList<>();
        int number = 0;
        for (int s = 0; s < perSection.length; s++) {
            String section = sections[s];
            List<Story> stories = new ArrayList<>();
            for (int i = 1; i <= perSection[s]; i++) {
                number++;
                String headline = section + " story " + number + (number % 5 == 0
                        ? " has a headline long enough to need a second line in the contents of the briefing, where it wraps"
                        : " makes news");
                String url = "https://news.example/" + section.toLowerCase(Locale.ROOT).replace(' ', '-') + "/" + number;
                stories.add(new Story(headline, List.of("The first sentence of story " + number + " says what happened.",
                        "The second gives a detail, and the third sentence of the summary says why it matters to readers."),
                        List.of(new Story.Outlet("Test Wire", url, headline)), LocalDate.of(2026, 11, 24), section,
                        List.of("Name " + number), "eng"));
            }
            built.add(new Section(section, stories));
        }
        List<Briefing.Highlight> highlights = built.stream().map(section -> section.stories().get(0))
                .map(story -> new Briefing.Highlight(story, story.summary().get(0))).toList();
        List<String> names = List.of("Kestrel", "Ondine", "Port of Rotterdam Authority", "Camille Roussel", "Havenbond");
        return new Briefing("Daily Briefing", LocalDate.of(2026, 11, 25), ZonedDateTime.now(TestFiles.CLOCK), highlights,
                built, names);
    }

    private record Glyph(String text, float left, float right, float top, float baseline, float size) {}

    /**
     * A page's glyphs, and its text as PDFBox extracts it (right-to-left runs in reading order),
     * white space runs made single spaces.
     */
    private record Page(int number, float width, float height, List<Glyph> glyphs, String text) {

        /** The glyphs of the content box: no running head, no page number. */
        List<Glyph> bodyGlyphs() {
            return glyphs.stream().filter(glyph -> glyph.baseline() > MARGIN_TOP
                    && glyph.baseline() <= height - MARGIN_BOTTOM + SLACK).toList();
        }

        /** The lines of the content box, top to bottom. */
        List<String> bodyLines() {
            return lines(bodyGlyphs());
        }

        private static List<String> lines(List<Glyph> glyphs) {
            List<Glyph> sorted = new ArrayList<>(glyphs);
            sorted.sort((a, b) -> Math.abs(a.baseline() - b.baseline()) < 1 ? Float.compare(a.left(), b.left())
                    : Float.compare(a.baseline(), b.baseline()));
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            Glyph previous = null;
            for (Glyph glyph : sorted) {
                if (previous != null && Math.abs(glyph.baseline() - previous.baseline()) >= 1) {
                    lines.add(TestFiles.normalizeSpace(line.toString()));
                    line.setLength(0);
                } else if (previous != null && glyph.left() - previous.right() > glyph.size() / 4) {
                    // a space is a third of an em wide; letter-spacing in the headings is less than a quarter
                    line.append(' ');
                }
                line.append(glyph.text());
                previous = glyph;
            }
            if (!line.isEmpty()) {
                lines.add(TestFiles.normalizeSpace(line.toString()));
            }
            return lines;
        }
    }

    private static List<Page> pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<Page> pages = new ArrayList<>();
            for (int number = 1; number <= document.getNumberOfPages(); number++) {
                List<Glyph> glyphs = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        super.processTextPosition(text);
                        if (!text.getUnicode().isBlank()) {
                            glyphs.add(new Glyph(text.getUnicode(), text.getXDirAdj(), text.getXDirAdj() + text.getWidthDirAdj(),
                                    text.getYDirAdj() - text.getHeightDir(), text.getYDirAdj(), text.getFontSizeInPt()));
                        }
                    }
                };
                stripper.setStartPage(number);
                stripper.setEndPage(number);
                String text = TestFiles.normalizeSpace(stripper.getText(document));
                PDRectangle box = document.getPage(number - 1).getMediaBox();
                pages.add(new Page(number, box.getWidth(), box.getHeight(), List.copyOf(glyphs), text));
            }
            return pages;
        }
    }
}
