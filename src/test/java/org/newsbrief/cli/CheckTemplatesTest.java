package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;

class CheckTemplatesTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TestFiles.run(out, err, args);
    }

    private Path brokenCopy(String from, String to) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("templates"));
        for (String name : List.of("briefing.html", "briefing.css")) {
            Files.copy(TestFiles.templates().resolve(name), copy.resolve(name));
        }
        Path template = copy.resolve("briefing.html");
        String text = Files.readString(template);
        assertThat(text).contains(from);
        Files.writeString(template, text.replace(from, to));
        return copy;
    }

    @Test
    void theProjectTemplatesAreFine() {
        assertThat(run("check-templates", TestFiles.templates().toString())).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unclosedElementIsReportedWithFileLineAndColumn() throws IOException {
        Path copy = brokenCopy("<p class=\"kicker\">newsbrief</p>", "<p class=\"kicker\">newsbrief</div>");

        int code = run("check-templates", copy.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString().lines()).singleElement().asString()
                .matches(java.util.regex.Pattern.quote(copy.resolve("briefing.html").toString()) + ":\\d+:\\d+: not well-formed XHTML: .*");
    }

    @Test
    void unknownVariablesAreReportedWhereTheyAre() throws IOException {
        Path copy = brokenCopy("th:text=\"${story.headline}\">Headline</h3>", "th:text=\"${story.headlin}\">Headline</h3>");
        Files.writeString(copy.resolve("briefing.html"), Files.readString(copy.resolve("briefing.html"))
                .replace("<h1 th:text=\"${briefing.title}\">", "<h1 th:text=\"${edition.title}\">"));

        int code = run("check-templates", copy.toString());

        assertThat(code).isEqualTo(2);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches(".*briefing\\.html:\\d+:\\d+: unknown variable 'edition' .*");
        assertThat(lines.get(1)).matches(".*briefing\\.html:\\d+:\\d+: unknown variable 'story\\.headlin' \\(known: .*headline.*\\)");
    }

    @Test
    void thymeleafSyntaxErrorIsReportedWithItsPosition() throws IOException {
        Path copy = brokenCopy("th:text=\"${briefing.dateText}\">Wednesday", "th:text=\"${briefing.dateText + }\">Wednesday");

        int code = run("check-templates", copy.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString().lines()).singleElement().asString().matches(".*briefing\\.html:\\d+:\\d+: .*");
    }

    @Test
    void aPromptsFolderHasItsPromptsChecked() throws IOException {
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(prompts.resolve("headline.txt"), "Write a headline.\n\nSummary: {{summary}}\nFor: {{audience}}\n");

        int code = run("check-templates", prompts.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString().lines()).singleElement().asString()
                .startsWith(prompts.resolve("headline.txt") + ":4:6: unknown variable {{audience}}");
        assertThat(err.toString()).doesNotContain("fine");
    }

    @Test
    void theProjectsPromptsPass() {
        assertThat(run("check-templates", TestFiles.templates().resolveSibling("prompts").toString())).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void jsonListsEachProblemWithItsFileLineAndColumn() throws IOException {
        Path copy = brokenCopy("<h1 th:text=\"${briefing.title}\">", "<h1 th:utext=\"${briefing.title}\">");
        String line = Files.readString(copy.resolve("briefing.html")).lines()
                .filter(text -> text.contains("<h1 th:utext")).findFirst().orElseThrow();

        int code = run("check-templates", "--format", "json", copy.toString());

        assertThat(code).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("folder").asText()).isEqualTo(copy.toString());
        assertThat(json.get("problems")).hasSize(1);
        JsonNode problem = json.get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo(copy.resolve("briefing.html").toString());
        assertThat(problem.get("line").asInt()).isEqualTo(Files.readString(copy.resolve("briefing.html")).lines().toList().indexOf(line) + 1);
        assertThat(problem.get("column").asInt()).isEqualTo(line.indexOf("th:utext") + 1);
        assertThat(problem.get("message").asText()).contains("th:utext");
    }

    @Test
    void jsonOfFineTemplatesHasNoProblems() throws IOException {
        int code = run("check-templates", "--format", "json", TestFiles.templates().toString());

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("folder").asText()).isEqualTo(TestFiles.templates().toString());
        assertThat(json.get("problems")).isEmpty();
    }
}
