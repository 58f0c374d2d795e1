package org.newsbrief.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.NewsbriefException;
import org.newsbrief.TestFiles;
import org.newsbrief.events.RunEvent;
import org.newsbrief.events.RunLog;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;

class LabTest {

    private static final Path EVAL_MINI = Path.of("src/test/resources/eval-mini.jsonl");
    private static final Path SECTIONS_MINI = Path.of("src/test/resources/sections-mini.jsonl");

    private final Lab lab = new Lab(new OpenNlpTextAnalyzer(TestFiles.MODELS), TestFiles.MODELS, TestFiles.CLOCK);

    @TempDir
    Path folder;

    @Test
    void badArgumentsNameTheirOptionBeforeAnyFileIsRead() {
        Path missing = folder.resolve("missing.jsonl");

        assertThatThrownBy(() -> lab.evaluate(missing, List.of("lead"), new Lab.Length(2, 30, null, null), 0, 1,
                RunLog.none())).isInstanceOf(Lab.OptionException.class)
                .hasMessage("give one of --sentences, --words, --bytes or --ratio, not several");
        assertThatThrownBy(() -> lab.evaluate(missing, List.of("lead"), new Lab.Length(null, 0, null, null), 0, 1,
                RunLog.none())).isInstanceOf(Lab.OptionException.class).hasMessageStartingWith("--words must be at least 1");
        assertThatThrownBy(() -> lab.evaluate(missing, List.of("magic"), Lab.Length.story(), 0, 1, RunLog.none()))
                .isInstanceOf(Lab.OptionException.class).hasMessageContaining("unknown algorithm 'magic'")
                .hasMessageEndingWith(", or all");
        assertThatThrownBy(() -> lab.trainScorer(List.of(missing), "(", ".*", 0, 1, folder.resolve("m.txt"),
                RunLog.none())).isInstanceOf(Lab.OptionException.class)
                .hasMessage("--train-ids is not a regular expression: (");
    }

    @Test
    void aMissingDataSetIsAnInputFailureNotABadArgument() {
        Path missing = folder.resolve("missing.jsonl");

        assertThatThrownBy(() -> lab.evaluate(missing, List.of("lead"), Lab.Length.story(), 0, 1, RunLog.none()))
                .isInstanceOf(NewsbriefException.class).hasMessage(missing + ": no such file");
    }

    @Test
    void evaluateScoresEachAlgorithmAskedForOnce() throws Exception {
        RunLog.Recorder log = new RunLog.Recorder();

        Lab.RougeScores scores = lab.evaluate(EVAL_MINI, List.of("lead", "LEAD", "textrank"),
                new Lab.Length(2, null, null, null), 2, 2, log);

        assertThat(scores.records()).isEqualTo(2);
        assertThat(scores.length()).isEqualTo("2 sentences");
        assertThat(scores.results()).extracting(Evaluation.Result::algorithm).containsExactly("lead", "textrank");
        assertThat(log.messages(RunEvent.Progress.class)).singleElement().asString()
                .startsWith("read and analyzed 2 records in ");
    }

    @Test
    void theShippedSectionModelIsMeasuredOnTheSectionsItsLabelsName() throws Exception {
        Lab.SectionScores scores = lab.evaluateSections(SECTIONS_MINI, RunLog.none());

        assertThat(scores.records()).isEqualTo(36);
        assertThat(scores.skipped()).isZero();
        assertThat(scores.labelled()).hasSize(6).isSubsetOf(scores.sections());
        assertThat(scores.outcome().restricted().total()).isEqualTo(36);
    }

    @Test
    void foldsBeyondTheRecordsNameTheOption() {
        assertThatThrownBy(() -> lab.crossValidateSections(SECTIONS_MINI, 37, List.of(), RunLog.none()))
                .isInstanceOf(Lab.OptionException.class)
                .hasMessage(SECTIONS_MINI + " has 36 usable records, fewer than --folds 37");
    }

    @Test
    void frequenciesAreWrittenWithTheirProvenanceAndCounted() throws Exception {
        Path output = folder.resolve("sub/df.txt");
        Path data = Files.writeString(folder.resolve("two.jsonl"),
                "{\"title\": \"Rain\", \"text\": \"Rain falls.\"}\nnot json\n{\"documents\": [{\"text\": \"Sun.\"}]}\n");
        RunLog.Recorder log = new RunLog.Recorder();

        int articles = lab.trainFrequencies(List.of(data), 0, output, log);

        assertThat(articles).isEqualTo(2);
        assertThat(Files.readString(output)).contains("# data: two.jsonl sha256 ")
                .contains("# command: newsbrief train frequencies --dataset two.jsonl --output news-df.txt")
                .contains("documents 2");
        assertThat(log.messages(RunEvent.Skipped.class)).singleElement().asString()
                .startsWith(data + ":2: malformed JSON");
    }
}
