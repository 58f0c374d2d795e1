package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.compose.SectionClassifier;
import org.newsbrief.compose.SectionModel;

class TrainSectionsCommandTest {

    /** Made-up items, six a section, labelled as AG News and the BBC data label theirs. */
    private static final String SLICE = "src/test/resources/sections-mini.jsonl";
    private static final Path SHIPPED = Path.of("src/main/resources/org/newsbrief/compose", SectionModel.RESOURCE);

    @TempDir
    Path folder;

    private String train(Path output, String... arguments) {
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("train", "sections"));
        args.addAll(List.of(arguments));
        args.addAll(List.of("--output", output.toString()));
        int code = TestFiles.run(new StringWriter(), err, args.toArray(new String[0]));
        assertThat(code).as(err.toString()).isZero();
        return err.toString();
    }

    @Test
    void trainingTwiceOnTheSameSliceWritesTheSameBytes() throws Exception {
        Path first = folder.resolve("first.txt");
        Path second = folder.resolve("second.txt");

        String log = train(first, "--dataset", SLICE, "--folds", "3");
        train(second, "--dataset", SLICE, "--folds", "3");

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(log).contains("newsbrief: fold 3 of 3: accuracy").contains("newsbrief: wrote " + first);
        String model = Files.readString(first);
        assertThat(model).contains("# data: sections-mini.jsonl sha256 ")
                .contains(": 36 items (World 6, Politics 6, Business 6, Science and technology 6, Sport 6,"
                        + " Culture and entertainment 6)")
                .contains("# command: newsbrief train sections --dataset sections-mini.jsonl --folds 3 --output "
                        + SectionModel.RESOURCE)
                .contains("# sections: World, Politics, Business, Science and technology, Sport, Culture and"
                        + " entertainment (not Health: no training item is labelled with it)")
                .contains("# cross-validation: 3 folds").contains("#   sections-mini.jsonl: ");
        SectionModel read = SectionModel.read(new ByteArrayInputStream(Files.readAllBytes(first)), "first.txt");
        assertThat(read.format()).isEqualTo(model);
    }

    @Test
    void theModelLearnsTheSlicesWords() throws Exception {
        Path output = folder.resolve("model.txt");
        train(output, "--dataset", SLICE, "--folds", "0");
        SectionClassifier classifier = new SectionClassifier(SectionModel.read(Files.newInputStream(output), "model.txt"));

        assertThat(Files.readString(output)).doesNotContain("cross-validation");
        assertThat(classifier.section("Striker scores twice", "The champions won the derby.")).isEqualTo("Sport");
        assertThat(classifier.section("Band tops chart", "The album went to number one in the chart.")).isEqualTo(
                "Culture and entertainment");
    }

    @Test
    void theShippedModelIsWhatTheFullCommandWrites() throws Exception {
        Path agNews = TestFiles.shared("datasets/agnews-train.jsonl");
        Path bbc = TestFiles.shared("datasets/bbc-news-summary.jsonl");
        Path output = folder.resolve(SectionModel.RESOURCE);

        train(output, "--dataset", agNews.toString(), "--dataset", bbc.toString());

        assertThat(Files.readString(output)).isEqualTo(Files.readString(SHIPPED));
    }

    @Test
    void foldsThatCannotBeMadeAreBadInput() {
        StringWriter err = new StringWriter();

        int code = TestFiles.run(new StringWriter(), err, "train", "sections", "--dataset", SLICE, "--folds", "1",
                "--output", folder.resolve("m.txt").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--folds must be 0 or at least 2");
    }
}
