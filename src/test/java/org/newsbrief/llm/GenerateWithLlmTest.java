package org.newsbrief.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.ManualClock;
import org.newsbrief.TestFiles;

/** {@code newsbrief generate samples --summarizer llm} against the loopback model service. */
class GenerateWithLlmTest {

    @RegisterExtension
    final FakeModelServer server = new FakeModelServer();

    @TempDir
    Path temp;

    private int generate(StringWriter out, StringWriter err, String... extra) {
        String[] args = new String[] {"generate", TestFiles.samples().toString(), "--out", temp.resolve("out").toString(),
            "--date", "2026-11-25", "--format", "pdf,html,md", "--summarizer", "llm", "--llm-base-url", server.baseUrl(),
            "--llm-model", "test-model"};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return TestFiles.run(out, err, all);
    }

    @Test
    void theBriefingMarksEveryWrittenStoryAndLinksItsReports() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = generate(out, err);

        assertThat(code).as(err.toString()).isZero();
        Path pdf = temp.resolve("out/briefing-2026-11-25.pdf");
        String text = TestFiles.pdfText(pdf);
        Matcher marks = Pattern.compile("AI-written summary, checked against (\\d+) sources?").matcher(text);
        int marked = 0;
        int severalSources = 0;
        while (marks.find()) {
            marked++;
            severalSources += Integer.parseInt(marks.group(1)) > 1 ? 1 : 0;
        }
        assertThat(marked).isEqualTo(10);
        assertThat(severalSources).isEqualTo(3);
        assertThat(text).contains("Reported by The Harbour Times, Meridian Post and Northern Ledger");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            long links = 0;
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri
                            && uri.getURI().startsWith("http")) {
                        links++;
                    }
                }
            }
            assertThat(links).isGreaterThanOrEqualTo(10);
        }
        assertThat(Files.readString(temp.resolve("out/briefing-2026-11-25.md"))).contains("AI-written summary, checked against");
        assertThat(text).contains("10 of 10 summaries were written by AI and checked against the reports");
        assertThat(err.toString()).contains("LLM summaries: 10 written, 0 kept extractive");
    }

    @Test
    void theJsonReportSaysWhoWroteEachStoryAndWhatItCost() throws IOException {
        Path report = temp.resolve("report.json");

        assertThat(generate(new StringWriter(), new StringWriter(), "--report", report.toString())).isZero();

        com.fasterxml.jackson.databind.JsonNode llm = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(report.toFile()).path("llm");
        assertThat(llm.fieldNames()).toIterable().containsExactly("summary", "written", "kept_extractive",
                "dropped_sentences", "replies", "from_cache", "failed", "not_sent", "http_requests", "input_tokens",
                "output_tokens", "estimated_cost", "provider_given_up", "budget_spent", "stories");
        assertThat(llm.path("summary").asText()).startsWith("LLM summaries: 10 written, 0 kept extractive, 0 unsupported");
        assertThat(llm.path("written").asInt()).isEqualTo(10);
        assertThat(llm.path("http_requests").asInt()).isEqualTo(server.requests());
        assertThat(llm.path("input_tokens").asLong()).isEqualTo(120L * server.requests());
        assertThat(llm.path("stories")).hasSize(10);
        assertThat(llm.path("stories").get(0).path("summary_by").asText()).isEqualTo("model_written");
        assertThat(llm.path("stories").get(0).fieldNames()).toIterable()
                .containsExactly("headline", "summary_by", "checked_sources", "reason");
    }

    @Test
    void aRerunWithTheCacheWarmSendsNoRequest() {
        assertThat(generate(new StringWriter(), new StringWriter())).isZero();
        int sent = server.requests();

        StringWriter err = new StringWriter();
        assertThat(generate(new StringWriter(), err)).isZero();

        assertThat(server.requests()).isEqualTo(sent);
        assertThat(err.toString()).contains("from the cache), 0 HTTP requests");
    }

    @Test
    void aModelServerStallingInItsRepliesIsCutAtTheTimeoutAndTheBriefingIsQuoted() throws IOException {
        ManualClock clock = new ManualClock();
        // the headers and half the body at once, then nothing until the client's deadline has passed
        server.behave(call -> FakeModelServer.careful(call).stalledInBody(() -> clock.advance(Duration.ofMinutes(1))));
        StringWriter err = new StringWriter();
        picocli.CommandLine commandLine = org.newsbrief.cli.Main.commandLine(org.newsbrief.Newsbrief.builder(org.newsbrief.config.NewsbriefConfig.defaults()).models(TestFiles.MODELS).clock(clock).build());
        commandLine.setOut(new java.io.PrintWriter(new StringWriter(), true));
        commandLine.setErr(new java.io.PrintWriter(err, true));

        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> commandLine.execute("generate",
                TestFiles.samples().toString(), "--out", temp.resolve("out").toString(), "--date", "2026-11-25",
                "--format", "html,txt,md", "--summarizer", "llm", "--llm-base-url", server.baseUrl(), "--llm-model", "test-model",
                "--llm-timeout", "30", "--llm-retries", "1", "--report", temp.resolve("report.json").toString()));

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("within 30 s", "LLM summaries: 0 written, 10 kept extractive");
        for (String format : List.of("html", "txt", "md")) {
            String page = TestFiles.normalizeSpace(Files.readString(temp.resolve("out/briefing-2026-11-25." + format)));
            assertThat(page).as("readers are told how, not the service's trouble (" + format + ")")
                    .contains("Quoted from the reports").doesNotContain("did not answer", "AI-written summary, checked against");
        }
        assertThat(Files.readString(temp.resolve("report.json"))).as("the operator still learns why")
                .contains("the AI service did not answer");
    }

    @Test
    void aPromptWithAnUnknownVariableStopsTheRunNamingFileAndLine() throws IOException {
        Path prompts = Files.createDirectories(temp.resolve("prompts"));
        Files.writeString(prompts.resolve("headline.txt"), "Write a headline.\n\nSummary: {{summary}}\nFor: {{audience}}\n");
        StringWriter err = new StringWriter();

        int code = generate(new StringWriter(), err, "--prompts", prompts.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(prompts.resolve("headline.txt") + ":4:6: unknown variable {{audience}}");
        assertThat(server.requests()).isZero();
    }

    @Test
    void llmWithoutAProviderIsAUsageError() {
        StringWriter err = new StringWriter();

        int code = TestFiles.run(new StringWriter(), err, "generate", TestFiles.samples().toString(), "--out",
                temp.resolve("out").toString(), "--summarizer", "llm");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--summarizer llm needs a provider");
    }
}
