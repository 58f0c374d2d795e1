package org.newsbrief;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsbrief.summarize.LeadSummarizer;
import org.newsbrief.summarize.SummaryLength;
import org.newsbrief.ingest.SkippedInput;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;

class BatchSummarizationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keepsIdsAndOrderAndReportsBadLinesByNumber() throws Exception {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 700; i++) {
            input.append("{\"id\": \"doc-").append(i).append("\", \"title\": \"T\", \"text\": \"Item ").append(i).append(" opens the record")
                    .append(". Sentence two follows here. A third closes it.\", \"extra\": true}\n");
            if (i == 3) {
                input.append("{\"id\": \"broken\", \"text\": \n");
            }
            if (i == 600) {
                input.append("{\"id\": 42, \"text\": \"\"}\n");
                input.append("\n");
                input.append("{\"text\": \"No id here. None at all.\"}\n");
            }
        }
        input.append("{\"id\": 7, \"text\": \"Numbers stay numbers. They are ids too.\"}\n");
        StringWriter out = new StringWriter();
        List<SkippedInput> heard = new ArrayList<>();
        BatchSummarization batch = new BatchSummarization(new OpenNlpTextAnalyzer(TestFiles.MODELS),
                new LeadSummarizer(), SummaryLength.sentences(2), 2);

        BatchSummarization.Report report = batch.run(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)), "in.jsonl",
                out, heard::add, done -> { });

        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(701);
        for (int i = 0; i < 700; i++) {
            JsonNode line = JSON.readTree(lines[i]);
            assertThat(line.get("id").asText()).isEqualTo("doc-" + i);
            assertThat(line.get("sentences")).hasSize(2);
            assertThat(line.get("summary").asText()).isEqualTo("Item " + i + " opens the record.\nSentence two follows here.");
        }
        assertThat(JSON.readTree(lines[700]).get("id").isInt()).isTrue();
        assertThat(report.read()).isEqualTo(704);
        assertThat(report.written()).isEqualTo(701);
        assertThat(report.skipped()).isEqualTo(heard);
        assertThat(report.skipped()).extracting(SkippedInput::location)
                .containsExactly("in.jsonl:5", "in.jsonl:603", "in.jsonl:605");
        assertThat(report.skipped().get(0).reason()).startsWith("malformed JSON");
        assertThat(report.skipped().get(1).reason()).contains("text");
        assertThat(report.skipped().get(2).reason()).contains("id");
    }

    @Test
    void aLineAloneGivesTheLineTheBatchWrites() throws Exception {
        String input = "{\"id\": 7, \"title\": \"T\", \"text\": \"Numbers stay numbers. They are ids too. A third follows.\"}\n"
                + "{\"id\": \"pair\", \"documents\": [{\"text\": \"One outlet says this. Then more.\"}, "
                + "{\"text\": \"Another outlet says that. And more again.\"}]}\n";
        BatchSummarization batch = new BatchSummarization(new OpenNlpTextAnalyzer(TestFiles.MODELS),
                new LeadSummarizer(), SummaryLength.sentences(2), 1);
        StringWriter out = new StringWriter();
        batch.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "in.jsonl", out, skip -> { }, done -> { });

        String[] lines = input.split("\n");
        assertThat(batch.summarizeLine(lines[0], "in.jsonl:1") + "\n" + batch.summarizeLine(lines[1], "in.jsonl:2") + "\n")
                .isEqualTo(out.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> batch.summarizeLine("{\"id\": 1}", "in.jsonl:3"))
                .isInstanceOf(NewsbriefException.class).hasMessageStartingWith("in.jsonl:3: ");
    }
}
