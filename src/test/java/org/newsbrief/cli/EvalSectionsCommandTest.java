package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;

class EvalSectionsCommandTest {

    /** Made-up items labelled as AG News labels them: World, Sports, Business, Sci/Tech. */
    private static final String AG_STYLE = "src/test/resources/sections-agnews-style.jsonl";
    /** Made-up items of all six sections, some labelled by a BBC-style id. */
    private static final String SLICE = "src/test/resources/sections-mini.jsonl";

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TestFiles.run(out, err, args);
    }

    private static double accuracy(String output, String label) {
        Matcher matcher = Pattern.compile(Pattern.quote(label) + " +([01]\\.\\d{4}) ").matcher(output);
        assertThat(matcher.find()).as(label + " in\n" + output).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void printsAccuracyAndConfusionChoosingAmongTheSectionsTheLabelsName() {
        int code = run("eval-sections", "--dataset", AG_STYLE);

        assertThat(code).as(err.toString()).isZero();
        String output = out.toString();
        assertThat(output).contains("Sections of sections-agnews-style.jsonl: 24 records, by the shipped model")
                .contains("The labels name 4 of the model's 6 sections, so each record's section is chosen among those 4:"
                        + " World, Business, Science and technology, Sport.")
                .contains("Rows: true section; columns: the section chosen among the labels' sections.")
                .contains("Rows: true section; columns: the section chosen among all the model's sections.")
                .containsPattern("\\n +World +Business +Science +Sport\\n")
                .containsPattern("\\n +World +Politics +Business +Science +Sport +Culture\\n")
                .containsPattern("\\nScience and technology +\\d+ +\\d+ +\\d+ +\\d+\\n");
        assertThat(accuracy(output, "accuracy")).isGreaterThanOrEqualTo(0.9);
        assertThat(accuracy(output, "accuracy among all 6 sections")).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void dataOfAllSectionsIsMeasuredOnce() {
        int code = run("eval-sections", "--dataset", SLICE);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("36 records").doesNotContain("among all").doesNotContain("The labels name")
                .containsPattern("\\nCulture and entertainment +\\d+ +\\d+ +\\d+ +\\d+ +\\d+ +\\d+\\n");
        assertThat(accuracy(out.toString(), "accuracy")).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void badRecordsAreNamedByFileAndLineSkippedAndCounted() throws Exception {
        Path data = folder.resolve("bad.jsonl");
        Files.writeString(data, String.join("\n",
                "{\"title\": \"Shares fall\", \"text\": \"Stocks fell on Wall Street.\", \"label\": \"Business\"}",
                "{\"title\": \"Broken\", \"text\": ",
                "{\"title\": \"No label\", \"text\": \"Something happened.\"}",
                "{\"title\": \"Odd label\", \"text\": \"Something else happened.\", \"label\": \"Weather\"}",
                "{\"title\": \"Health\", \"text\": \"A new vaccine was approved.\", \"section\": \"Health\"}",
                "{\"title\": \"Goal\", \"text\": \"The striker scored twice in the derby.\", \"category\": \"sports\"}", ""));

        int code = run("eval-sections", "--dataset", data.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("newsbrief: skipped " + data + ":2: malformed JSON")
                .contains("newsbrief: skipped " + data + ":3: no \"label\", \"section\" or \"category\"")
                .contains("newsbrief: skipped " + data + ":4: the label \"Weather\" names none of the sections")
                .contains("newsbrief: skipped " + data + ":5: the label \"Health\" names Health, which is not among");
        assertThat(out.toString()).contains("bad.jsonl: 2 records (4 lines skipped)");
    }

    @Test
    void aFileWithoutUsableRecordsIsAnError() throws Exception {
        Path data = Files.writeString(folder.resolve("empty.jsonl"), "{\"title\": \"x\"}\n");

        int code = run("eval-sections", "--dataset", data.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains(data + ": no usable record (1 skipped)");
    }

    @Test
    void foldsCrossValidateTrainingOnTheOtherFoldsAndTheExtraData() {
        int code = run("eval-sections", "--dataset", AG_STYLE, "--folds", "3", "--extra", SLICE);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("3-fold cross-validation on sections-agnews-style.jsonl: 24 records; record i"
                        + " is in fold i mod 3, and each fold is measured by a model trained on the other folds and on"
                        + " sections-mini.jsonl (36 records)")
                .containsPattern("\\n1 +8 +[01]\\.\\d{4} +[01]\\.\\d{4}\\n")
                .containsPattern("\\nmean +[01]\\.\\d{4} +[01]\\.\\d{4}\\n")
                .containsPattern("\\noverall +24 +[01]\\.\\d{4} +[01]\\.\\d{4}\\n")
                .contains("Over all folds together:");
        assertThat(err.toString()).contains("newsbrief: fold 3 of 3: accuracy");
    }

    @Test
    void foldsWithoutTheShippedModelsOtherDataSayWhatIsMissing() {
        int code = run("eval-sections", "--dataset", SLICE, "--folds", "2");

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("the shipped model is also trained on agnews-train.jsonl, which is not beside "
                + SLICE + "; the folds are trained without it");
        assertThat(out.toString()).contains("each fold is measured by a model trained on the other folds\n");
    }

    @Test
    void oneFoldIsBadInput() {
        assertThat(run("eval-sections", "--dataset", SLICE, "--folds", "1")).isEqualTo(2);
        assertThat(run("eval-sections", "--dataset", SLICE, "--extra", SLICE)).isEqualTo(2);
        assertThat(err.toString()).contains("--extra needs --folds");
    }

    @Test
    void theShippedModelOnTheSharedData() {
        Path agNews = TestFiles.shared("datasets/agnews-train.jsonl");
        Path bbc = TestFiles.shared("datasets/bbc-news-summary.jsonl");

        assertThat(run("eval-sections", "--dataset", agNews.toString())).as(err.toString()).isZero();
        assertThat(run("eval-sections", "--dataset", bbc.toString())).as(err.toString()).isZero();

        // the model learned from both files, so this checks that it was, not how well it generalizes
        String output = out.toString();
        assertThat(output).contains("agnews-train.jsonl: 12,683 records").contains("bbc-news-summary.jsonl: 2,225 records");
        assertThat(accuracy(output, "accuracy")).isGreaterThan(0.93);
    }
}
