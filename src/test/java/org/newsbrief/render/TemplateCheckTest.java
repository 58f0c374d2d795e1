package org.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;

/**
 * What {@code check-templates} refuses, each found in an edited copy of the project's templates
 * and reported as {@code file:line:column: message} at the place of the edit.
 */
class TemplateCheckTest {

    @TempDir
    Path dir;

    /** @return a copy of the project's templates, in a folder with no prompts beside it */
    private Path templates() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("templates"));
        for (String name : List.of("briefing.html", "briefing.css", "email.html")) {
            Files.copy(TestFiles.templates().resolve(name), copy.resolve(name));
        }
        return copy;
    }

    /** Replaces the first {@code from} in a file with {@code to}; the file must contain it. */
    private static Path edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return file;
    }

    /** @return {@code file:line:column} of the first place {@code text} is written in the file */
    private static String where(Path file, String text) throws IOException {
        return where(file, text, 0);
    }

    /** @return {@code file:line:column} of the character {@code shift} after where {@code text} is first written */
    private static String where(Path file, String text, int shift) throws IOException {
        String content = Files.readString(file);
        int found = content.indexOf(text);
        assertThat(found).as(text + " in " + file).isNotNegative();
        int at = found + shift;
        int line = 1 + (int) content.substring(0, at).chars().filter(c -> c == '\n').count();
        int column = at - content.lastIndexOf('\n', at - 1);
        return file + ":" + line + ":" + column;
    }

    @Test
    void theProjectsTemplatesAndPromptsPass() throws IOException {
        assertThat(TemplateCheck.check(TestFiles.templates())).isEmpty();
        assertThat(TemplateCheck.check(TestFiles.templates().resolveSibling("prompts"))).isEmpty();
        assertThat(TemplateCheck.problems(new TemplateFolder(TestFiles.templates()))).isEmpty();
    }

    @Test
    void thUtextIsRefusedWhereItIsWritten() throws IOException {
        Path file = edit(templates().resolve("briefing.html"), "<h1 th:text=\"${briefing.title}\">",
                "<h1 th:utext=\"${briefing.title}\">");

        assertThat(TemplateCheck.check(file.getParent())).singleElement().asString()
                .startsWith(where(file, "th:utext=\"${briefing.title}\"") + ": ").contains("th:utext", "th:text");
    }

    @Test
    void unescapedInlineOutputIsRefused() throws IOException {
        Path file = edit(templates().resolve("briefing.html"), "<p class=\"kicker\">newsbrief</p>",
                "<p class=\"kicker\">[(${briefing.title})]</p>");

        assertThat(TemplateCheck.check(file.getParent())).singleElement().asString()
                .startsWith(where(file, "[(") + ": ").contains("unescaped");
    }

    @Test
    void aFragmentNamedByAVariableIsRefused() throws IOException {
        Path file = edit(templates().resolve("briefing.html"), "<p class=\"kicker\">newsbrief</p>",
                "<p class=\"kicker\" th:insert=\"${briefing.title}\">newsbrief</p>");

        assertThat(TemplateCheck.check(file.getParent())).singleElement().asString()
                .startsWith(where(file, "th:insert") + ": ").contains("variable");
    }

    @Test
    void theEmailTemplateIsCheckedLikeTheBriefing() throws IOException {
        Path folder = templates();
        Path email = folder.resolve("email.html");
        edit(email, "th:text=\"${briefing.title}\">Daily Briefing</h1>", "th:utext=\"${briefing.title}\">Daily Briefing</h1>");

        assertThat(TemplateCheck.check(folder)).singleElement().asString()
                .startsWith(where(email, "th:utext=\"${briefing.title}\"") + ": ");
    }

    @Test
    void anExpressionThatFailsInTheEmailTemplateIsFound() throws IOException {
        Path folder = templates();
        Path email = edit(folder.resolve("email.html"), "th:text=\"${briefing.dateText}\"",
                "th:text=\"${briefing.storyCount / 0}\"");

        assertThat(TemplateCheck.check(folder)).singleElement().asString()
                .startsWith(where(email, "th:text=\"${briefing.storyCount / 0}\"") + ": ").contains("/ by zero");
    }

    @Test
    void aBrokenStylesheetIsReportedAtTheBrokenDeclarationAndBrace() throws IOException {
        Path css = edit(templates().resolve("briefing.css"), "body {\n  margin: 0;\n}",
                "body {\n  margin: 0;\n  color: #12; broken {{{\n}");

        List<String> problems = TemplateCheck.check(css.getParent());

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith(where(css, "#12;") + ": ").contains("'#12'", "colour");
        assertThat(problems.get(1)).startsWith(where(css, "broken {") + ": ").contains("broken");
    }

    @Test
    void aDeclarationWithoutColonIsReported() throws IOException {
        Path css = edit(templates().resolve("briefing.css"), "  margin: 0;\n}", "  margin 0;\n}");

        assertThat(TemplateCheck.check(css.getParent())).singleElement().asString()
                .startsWith(where(css, "margin 0;") + ": ").contains("':'");
    }

    @Test
    void bracesThatDoNotPairAreReported() throws IOException {
        Path folder = templates();
        Path css = folder.resolve("briefing.css");
        String shipped = Files.readString(css);

        Files.writeString(css, shipped + "\n.stray { margin: 0; } }\n");
        assertThat(TemplateCheck.check(folder)).singleElement().asString()
                .startsWith(where(css, "} }", 2) + ": ").contains("'}'");

        Files.writeString(css, shipped + "\n.unclosed {\n  margin: 0;\n");
        assertThat(TemplateCheck.check(folder)).singleElement().asString()
                .startsWith(where(css, ".unclosed {", ".unclosed ".length()) + ": ").contains("never closed");
    }

    @Test
    void aFontThatIsNotShippedIsReportedInStylesheetsAndStyleAttributes() throws IOException {
        Path folder = templates();
        Path css = edit(folder.resolve("briefing.css"), "html {\n  font-family: 'DejaVu Sans';",
                "html {\n  font-family: 'Comic Sans MS', sans-serif;");
        Path html = edit(folder.resolve("briefing.html"), "<p class=\"kicker\">", "<p class=\"kicker\" style=\"font: bold 9pt Papyrus, serif\">");

        List<String> problems = TemplateCheck.check(folder);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith(where(css, "'Comic Sans MS'") + ": ").contains("Comic Sans MS", "DejaVu Sans");
        assertThat(problems.get(1)).startsWith(where(html, "Papyrus") + ": ").contains("Papyrus");
    }

    @Test
    void shippedAndGenericFamiliesPass() throws IOException {
        Path css = edit(templates().resolve("briefing.css"), "html {\n  font-family: 'DejaVu Sans';",
                "html {\n  font-family: \"dejavu serif\", DejaVu Sans, serif, sans-serif, monospace;");

        assertThat(TemplateCheck.check(css.getParent())).isEmpty();
    }

    @Test
    void aRemoteStylesheetIsReportedAtItsOwnLine() throws IOException {
        Path html = edit(templates().resolve("briefing.html"), "<link rel=\"stylesheet\" href=\"briefing.css\" />",
                "<link rel=\"stylesheet\" href=\"briefing.css\" />\n  <link rel=\"stylesheet\" href=\"https://cdn.example/x.css\" />");

        assertThat(TemplateCheck.check(html.getParent())).singleElement().asString()
                .startsWith(where(html, "href=\"https://cdn.example/x.css\"") + ": ").contains("https://cdn.example/x.css", "remote");
    }

    @Test
    void remoteAndOutsideResourcesAreReportedInTemplatesAndStylesheets() throws IOException {
        Path folder = templates();
        Path html = edit(folder.resolve("briefing.html"), "<p class=\"kicker\">newsbrief</p>",
                "<p class=\"kicker\"><img src=\"//img.example/logo.png\" alt=\"\" />newsbrief</p>");
        Path css = edit(folder.resolve("briefing.css"), "body {\n  margin: 0;\n}",
                "@import \"../shared/print.css\";\nbody {\n  margin: 0;\n  background: url(http://img.example/paper.png);\n}");

        List<String> problems = TemplateCheck.check(folder);

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith(where(css, "\"../shared/print.css\"") + ": ").contains("outside the templates folder");
        assertThat(problems.get(1)).startsWith(where(css, "url(http:") + ": ").contains("http://img.example/paper.png");
        assertThat(problems.get(2)).startsWith(where(html, "src=") + ": ").contains("//img.example/logo.png");
    }

    @Test
    void aStylesheetThatIsNotInTheFolderIsReported() throws IOException {
        Path html = edit(templates().resolve("briefing.html"), "href=\"briefing.css\"", "href=\"print.css\"");

        assertThat(TemplateCheck.check(html.getParent())).singleElement().asString()
                .startsWith(where(html, "href=\"print.css\"") + ": ").contains("print.css");
    }

    @Test
    void promptsBesideTheTemplatesAreCheckedToo() throws IOException {
        Path folder = templates();
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(prompts.resolve("headline.txt"), "Write a headline.\n\nSummary: {{summary}}\nFor: {{audience}}\n");

        assertThat(TemplateCheck.check(folder)).singleElement().asString()
                .startsWith(prompts.resolve("headline.txt") + ":4:6: ").contains("{{audience}}");
    }

    @Test
    void aFolderOfPromptsIsCheckedAsPrompts() throws IOException {
        Path prompts = Files.createDirectories(dir.resolve("my-prompts"));
        Files.writeString(prompts.resolve("story-summary.txt"), "Combine:\n{{summaries}}\nin {{langauge}}\n");
        Files.writeString(prompts.resolve("headlines.txt"), "Headline: {{summary}}\n");

        assertThat(TemplateCheck.check(prompts)).containsExactly(
                prompts.resolve("headlines.txt") + ":1:1: " + firstProblem(prompts, "headlines.txt"),
                prompts.resolve("story-summary.txt") + ":3:4: " + firstProblem(prompts, "story-summary.txt"));
        assertThat(firstProblem(prompts, "headlines.txt")).contains("headline.txt");
        assertThat(firstProblem(prompts, "story-summary.txt")).contains("{{langauge}}");
    }

    private static String firstProblem(Path prompts, String file) throws IOException {
        return TemplateCheck.check(prompts).stream().filter(line -> line.startsWith(prompts.resolve(file) + ":"))
                .findFirst().orElseThrow().replaceFirst(".*?:\\d+:\\d+: ", "");
    }

    @Test
    void problemsBeforeARunFindAFailingExpressionAndPassTheBuiltInTemplates() throws IOException {
        Path file = edit(templates().resolve("briefing.html"), "th:text=\"${briefing.dateText}\"",
                "th:text=\"${briefing.dateText.foo()}\"");

        assertThat(TemplateCheck.problems(new TemplateFolder(file.getParent()))).singleElement().asString()
                .startsWith(where(file, "th:text=\"${briefing.dateText.foo()}\"") + ": ").contains("foo");
        assertThat(TemplateCheck.problems(new TemplateFolder(null))).isEmpty();
    }
}
