package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.config.ConfigLoader;
import org.newsbrief.config.SettingFlags;
import picocli.CommandLine;

/** Every option of generate is a key of newsbrief.yaml and the other way round, and both mean the same. */
class SettingFlagsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private static CommandLine.Model.CommandSpec generate() {
        return Main.commandLine(TestFiles.newsbrief()).getSubcommands().get("generate").getCommandSpec();
    }

    @Test
    void everyOptionOfGenerateIsAKeyOrSaysWhyNot() {
        List<String> unexplained = new ArrayList<>();
        for (CommandLine.Model.OptionSpec option : generate().options()) {
            boolean setting = Arrays.stream(option.names()).anyMatch(name -> SettingFlags.named(name).isPresent());
            boolean runOnly = Arrays.stream(option.names()).anyMatch(SettingFlags.RUN_ONLY::containsKey);
            if (!setting && !runOnly) {
                unexplained.add(option.longestName());
            }
        }
        assertThat(unexplained).as("options of generate that are neither a key nor about one run").isEmpty();
        assertThat(SettingFlags.FLAGS).allSatisfy(flag -> assertThat(generate().findOption(flag.name()))
                .as(flag.name() + " is an option of generate").isNotNull());
    }

    @Test
    void everyKeyOfTheFileIsAnOptionOfGenerateOrSaysWhyNot() {
        List<String> flagged = SettingFlags.FLAGS.stream().flatMap(flag -> flag.keys().stream()).toList();
        List<String> unexplained = ConfigLoader.keys().stream()
                .filter(key -> !flagged.contains(key) && !SettingFlags.EDITION_ONLY.containsKey(key.replaceAll("\\..*", "")))
                .toList();
        assertThat(unexplained).as("keys of newsbrief.yaml with no option on generate and no reason").isEmpty();
        assertThat(flagged).as("every flag sets a key the file knows").allSatisfy(key -> assertThat(ConfigLoader.keys())
                .contains(key));
    }

    @Test
    void generateReadsTheConfigurationAndTheFlagsWin() throws IOException {
        Path config = Files.writeString(dir.resolve("newsbrief.yaml"), """
                title: Harbour Desk
                sources:
                  - folder: %s
                formats: [md, txt]
                sections: [Sport, Business]
                stories:
                  max: 10
                """.formatted(TestFiles.samples().toAbsolutePath()));
        Path first = dir.resolve("first");

        assertThat(TestFiles.run(out, err, "generate", "--config", config.toString(), "--out", first.toString(),
                "--date", "2026-11-25")).isZero();
        String markdown = Files.readString(first.resolve("briefing-2026-11-25.md"));
        assertThat(markdown).startsWith("# Harbour Desk");
        assertThat(first.resolve("briefing-2026-11-25.txt")).exists();
        assertThat(first.resolve("briefing-2026-11-25.pdf")).doesNotExist();
        assertThat(markdown.indexOf("\n## Sport")).as("sections in the file's order").isPositive()
                .isLessThan(markdown.indexOf("\n## Business"));
        assertThat(out.toString()).contains("10 stories from 15 articles");

        Path second = dir.resolve("second");
        assertThat(TestFiles.run(out, err, "generate", "--config", config.toString(), "--out", second.toString(),
                "--date", "2026-11-25", "--title", "Evening Desk", "--format", "md", "--sections", "Business,Sport",
                "--max-stories", "4")).isZero();
        String overridden = Files.readString(second.resolve("briefing-2026-11-25.md"));
        assertThat(overridden).startsWith("# Evening Desk");
        assertThat(second.resolve("briefing-2026-11-25.txt")).doesNotExist();
        assertThat(overridden.indexOf("\n## Business")).as("the flag's order wins").isPositive();
        assertThat(overridden.indexOf("\n## Business")).isLessThan(overridden.indexOf("\n## Science and technology"));
        assertThat(out.toString()).contains("4 stories from 15 articles");
    }

    @Test
    void aBadValueIsNamedByItsFlagOrByItsKeyAndLine() throws IOException {
        assertThat(TestFiles.run(out, err, "generate", TestFiles.samples().toString(), "--max-stories", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--max-stories: must be at least 1, was 0");

        Path config = Files.writeString(dir.resolve("newsbrief.yaml"), """
                title: Harbour Desk
                paper: tabloid
                """);
        err.getBuffer().setLength(0);
        assertThat(TestFiles.run(out, err, "generate", TestFiles.samples().toString(), "--config", config.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("newsbrief.yaml: paper: line 2: must be A4 or letter");

        err.getBuffer().setLength(0);
        assertThat(TestFiles.run(out, err, "generate", TestFiles.samples().toString(), "--config", config.toString(),
                "--paper", "letter", "--out", dir.resolve("out").toString(), "--format", "md")).isZero();
    }
}
