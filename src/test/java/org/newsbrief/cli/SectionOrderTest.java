package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;

/** {@code generate --sections}: one flag orders the pages, the contents and the bookmarks alike. */
class SectionOrderTest {

    @TempDir
    Path dir;

    @Test
    void theSectionsFlagOrdersThePagesTheContentsAndTheBookmarksTogether() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path folder = dir.resolve("out");

        int code = TestFiles.run(out, err, "generate", TestFiles.samples().toString(), "--out", folder.toString(),
                "--date", "2026-11-25", "--format", "pdf,html", "--sections", "Sport,Science and technology");

        assertThat(code).as(err.toString()).isZero();
        Document html = Jsoup.parse(folder.resolve("briefing-2026-11-25.html").toFile());
        List<String> page = html.select("section.section > h2").eachText();
        List<String> contents = html.select(".contents-section-name").eachText();
        assertThat(page).as("the sections named come first, in the order named").startsWith("Sport", "Science and technology")
                .hasSizeGreaterThan(2);
        assertThat(contents).as("the contents list them in the same order").isEqualTo(page);
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("briefing-2026-11-25.pdf").toFile())) {
            List<String> bookmarks = new ArrayList<>();
            List<Integer> pages = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
                pages.add(pdf.getPages().indexOf(item.findDestinationPage(pdf)));
            }
            assertThat(bookmarks).as("the bookmarks in the same order").isEqualTo(page);
            assertThat(pages).as("each bookmark leads to its section, in page order").isSorted().doesNotContain(-1);
        }
    }
}
