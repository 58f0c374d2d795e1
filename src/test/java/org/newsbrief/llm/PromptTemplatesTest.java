package org.newsbrief.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;

class PromptTemplatesTest {

    @TempDir
    Path temp;

    @Test
    void theProjectsPromptsLoadAndFillEveryVariable() {
        PromptTemplates prompts = PromptTemplates.load(List.of(TestFiles.samples().resolveSibling("prompts")));

        String filled = prompts.fill(PromptTemplates.Kind.ARTICLE, Map.of("title", "Port reopens", "source", "Wire",
                "published", "2026-11-25", "text", "FENCED", "max_words", "90", "language", "English", "date", "today"));

        assertThat(filled).contains("Port reopens", "FENCED", "90").doesNotContain("{{");
        assertThat(prompts.source(PromptTemplates.Kind.ARTICLE)).endsWith("article-summary.txt");
    }

    @Test
    void aFileInTheFirstFolderReplacesOnlyThatPrompt() throws IOException {
        Files.writeString(temp.resolve("headline.txt"), "Headline in {{max_words}} words: {{summary}}");

        PromptTemplates prompts = PromptTemplates.load(List.of(temp, TestFiles.samples().resolveSibling("prompts")));

        assertThat(prompts.source(PromptTemplates.Kind.HEADLINE)).isEqualTo(temp.resolve("headline.txt").toString());
        assertThat(prompts.source(PromptTemplates.Kind.STORY)).doesNotStartWith(temp.toString());
        assertThat(prompts.fill(PromptTemplates.Kind.HEADLINE, Map.of("max_words", "12", "summary", "S")))
                .isEqualTo("Headline in 12 words: S");
    }

    @Test
    void everyProblemIsReportedWithItsFileAndLine() throws IOException {
        Files.writeString(temp.resolve("story-summary.txt"), "Combine:\n{{summaries}}\nin {{langauge}}\nand {{broken\n");
        Files.writeString(temp.resolve("article-summary.txt"), "Summarize {{title}} please.\n");

        assertThatThrownBy(() -> PromptTemplates.load(List.of(temp)))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining(temp.resolve("story-summary.txt") + ":3:4: unknown variable {{langauge}}")
                .hasMessageContaining(temp.resolve("story-summary.txt") + ":4:5: unclosed or stray braces")
                .hasMessageContaining(temp.resolve("article-summary.txt") + ":1:1: never uses {{text}}");
    }

    @Test
    void withoutAnyFolderTheBuiltInPromptsAreUsed() throws IOException {
        PromptTemplates prompts = PromptTemplates.load(List.of());

        assertThat(prompts.source(PromptTemplates.Kind.SYSTEM)).isEqualTo("built-in system.txt");
        assertThat(prompts.fill(PromptTemplates.Kind.SYSTEM, Map.of()))
                .isEqualTo(Files.readString(TestFiles.samples().resolveSibling("prompts").resolve("system.txt")).strip());
    }

    @Test
    void checkingAFolderReportsEachProblemWithLineAndColumnAndAFileThatIsNoPrompt() throws IOException {
        Files.writeString(temp.resolve("story-summary.txt"), "Combine:\n{{summaries}}\nin {{langauge}}\n");
        Files.writeString(temp.resolve("executive.txt"), "Summarize {{stories}}\n");
        Files.writeString(temp.resolve("notes.md"), "not a prompt and not checked {{at all}}\n");

        List<String> problems = PromptTemplates.check(temp);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith(temp.resolve("executive.txt") + ":1:1: ").contains("executive-summary.txt");
        assertThat(problems.get(1)).startsWith(temp.resolve("story-summary.txt") + ":3:4: unknown variable {{langauge}}");
        assertThat(PromptTemplates.check(TestFiles.samples().resolveSibling("prompts"))).isEmpty();
    }
}
