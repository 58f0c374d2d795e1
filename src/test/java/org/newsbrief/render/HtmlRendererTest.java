package org.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.Section;
import org.newsbrief.compose.Story;
import org.newsbrief.events.EventLines;

/**
 * A template that fails to render says where in the template and why, as
 * {@code file:line:column: message}, the line {@code check-templates} prints for the same fault.
 */
class HtmlRendererTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    /** @return the project's briefing template, copied and edited: the first {@code from} becomes {@code to} */
    private Path edited(String from, String to) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("templates"));
        for (String name : List.of("briefing.html", "briefing.css")) {
            Files.copy(TestFiles.templates().resolve(name), folder.resolve(name));
        }
        Path template = folder.resolve("briefing.html");
        String text = Files.readString(template);
        assertThat(text).contains(from);
        Files.writeString(template, text.replace(from, to));
        return folder;
    }

    /** @return the 1-based line of the template on which {@code text} is first written */
    private static int lineOf(Path template, String text) throws IOException {
        String content = Files.readString(template);
        assertThat(content).contains(text);
        return 1 + (int) content.substring(0, content.indexOf(text)).chars().filter(c -> c == '\n').count();
    }

    /** Ten stories, so that the filled page runs many lines longer than the template. */
    private static Briefing briefing() {
        List<Story> stories = IntStream.rangeClosed(1, 10).mapToObj(n -> new Story("Story " + n, List.of("Sentence " + n + "."),
                List.of(new Story.Outlet("Wire", "https://news.example/" + n, "Story " + n)), LocalDate.of(2026, 11, 24),
                "News", List.of(), "eng")).toList();
        return new Briefing("Daily Briefing", LocalDate.of(2026, 11, 25), ZonedDateTime.now(TestFiles.CLOCK), List.of(),
                List.of(new Section("News", stories)), List.of());
    }

    private RenderException failure(Path folder) {
        return catchThrowableOfType(RenderException.class,
                () -> new HtmlRenderer(new TemplateFolder(folder), EventLines.into(warnings)).render(briefing()));
    }

    @Test
    void anUnclosedTagIsReportedAtItsLineInTheTemplateNotInTheFilledPage() throws IOException {
        Path folder = edited("th:text=\"${story.reportedBy}\">Reported by Outlet</span>",
                "th:text=\"${story.reportedBy}\">Reported by Outlet<br></span>");
        Path template = folder.resolve("briefing.html");

        RenderException failure = failure(folder);

        assertThat(failure.getMessage()).startsWith(template + ":" + lineOf(template, "<br>") + ":")
                .contains("not well-formed", "br");
        assertThat(TemplateCheck.check(folder)).containsExactly(failure.getMessage());
    }

    @Test
    void aFailingExpressionSaysWhereAndWhy() throws IOException {
        Path folder = edited("th:text=\"${briefing.dateText}\"", "th:text=\"${briefing.dateText.foo()}\"");
        Path template = folder.resolve("briefing.html");
        String attribute = "th:text=\"${briefing.dateText.foo()}\"";
        String line = Files.readString(template).lines().skip(lineOf(template, attribute) - 1).findFirst().orElseThrow();

        RenderException failure = failure(folder);

        assertThat(failure.getMessage()).startsWith(template + ":" + lineOf(template, attribute) + ":"
                + (line.indexOf(attribute) + 1) + ": ").contains("briefing.dateText.foo()", "no method", "foo()")
                .doesNotContain("An error happened", "Exception evaluating OGNL expression");
        assertThat(TemplateCheck.check(folder)).containsExactly(failure.getMessage());
    }

    @Test
    void anExpressionThatDoesNotParseSaysSo() throws IOException {
        Path folder = edited("th:text=\"${briefing.dateText}\"", "th:text=\"${briefing.dateText + }\"");
        Path template = folder.resolve("briefing.html");

        assertThat(failure(folder).getMessage()).startsWith(template + ":" + lineOf(template, "briefing.dateText + ") + ":")
                .contains("does not parse");
    }

    @Test
    void aRefusedStylesheetIsReportedAtItsLink() throws IOException {
        Path folder = edited("<link rel=\"stylesheet\" href=\"briefing.css\" />",
                "<link rel=\"stylesheet\" href=\"briefing.css\" />\n  <link rel=\"stylesheet\" href=\"https://cdn.example/x.css\" />");
        Path template = folder.resolve("briefing.html");

        new HtmlRenderer(new TemplateFolder(folder), EventLines.into(warnings)).render(briefing());

        assertThat(warnings).singleElement().asString()
                .contains(template + ":" + lineOf(template, "https://cdn.example/x.css") + ":", "https://cdn.example/x.css");
    }
}
