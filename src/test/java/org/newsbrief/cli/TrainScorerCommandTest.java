package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.summarize.NewsFeatures;
import org.newsbrief.summarize.ScorerModel;

class TrainScorerCommandTest {

    private static final String SLICE = "src/test/resources/train-mini.jsonl";
    private static final Path SHIPPED = Path.of("src/main/resources/org/newsbrief/summarize", ScorerModel.RESOURCE);

    @TempDir
    Path folder;

    private int train(Path output, String... dataset) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[dataset.length * 2 + 4];
        args[0] = "train";
        args[1] = "scorer";
        for (int i = 0; i < dataset.length; i++) {
            args[2 + 2 * i] = "--dataset";
            args[3 + 2 * i] = dataset[i];
        }
        args[args.length - 2] = "--output";
        args[args.length - 1] = output.toString();
        int code = TestFiles.run(out, err, args);
        assertThat(code).as(err.toString()).isZero();
        return code;
    }

    @Test
    void trainingTwiceOnTheSameSliceWritesTheSameBytes() throws Exception {
        Path first = folder.resolve("first.txt");
        Path second = folder.resolve("second.txt");

        train(first, SLICE);
        train(second, SLICE);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        String model = Files.readString(first);
        assertThat(model).contains("# data: train-mini.jsonl sha256 ")
                .contains("# command: newsbrief train scorer --dataset train-mini.jsonl")
                .contains("[flat] split: trained on 24 records").contains("measured on 6 records")
                .contains("[paragraphed] split: trained on 5 records").contains("measured on 5 records")
                .contains("# [flat] metrics on the measured records")
                .contains("# [paragraphed] length exponent ");
        ScorerModel read = ScorerModel.read(new ByteArrayInputStream(Files.readAllBytes(first)), "first.txt");
        assertThat(read.flat().weights()).hasSize(NewsFeatures.NAMES.size());
        assertThat(read.format()).isEqualTo(model);
    }

    @Test
    void theLearnedModelPrefersWhatTheHighlightsTell() throws Exception {
        Path output = folder.resolve("model.txt");
        train(output, SLICE);
        ScorerModel model = ScorerModel.read(Files.newInputStream(output), "model.txt");

        // in the slice the first sentence always carries the highlight
        assertThat(model.flat().weights().get(NewsFeatures.NAMES.indexOf("inverse_position"))).isPositive();
    }

    @Test
    void theShippedModelIsWhatTheFullCommandWrites() throws Exception {
        Path cnn = TestFiles.shared("datasets/cnndm-dev.jsonl");
        Path bbc = TestFiles.shared("datasets/bbc-news-summary.jsonl");
        Path output = folder.resolve(ScorerModel.RESOURCE);

        train(output, cnn.toString(), bbc.toString());

        assertThat(Files.readString(output)).isEqualTo(Files.readString(SHIPPED));
    }

    @Test
    void aFormWithoutTrainingRecordsSharesTheOtherFormsPart() throws Exception {
        Path output = folder.resolve("flat-only.txt");
        StringWriter err = new StringWriter();

        int code = TestFiles.run(new StringWriter(), err, "train", "scorer", "--dataset", SLICE, "--train-ids",
                "cnndm-train-.*", "--output", output.toString());

        assertThat(code).as(err.toString()).isZero();
        ScorerModel model = ScorerModel.read(Files.newInputStream(output), "flat-only.txt");
        assertThat(model.paragraphed().weights()).isEqualTo(model.flat().weights());
        assertThat(Files.readString(output)).contains("[paragraphed] split: trained on 0 records")
                .contains("none of this form, so it shares the other form's part");
    }

    @Test
    void aTrainingSetWithoutMatchingIdsIsBadInput() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = TestFiles.run(out, err, "train", "scorer", "--dataset", SLICE, "--train-ids", "nothing-.*",
                "--output", folder.resolve("m.txt").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--train-ids");
    }
}
