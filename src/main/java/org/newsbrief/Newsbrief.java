package org.newsbrief;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.ArticleSource;
import org.newsbrief.ingest.Ingestion;
import org.newsbrief.ingest.SkippedInput;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.NlpModels;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.nlp.TextAnalyzer;
import org.newsbrief.render.HtmlRenderer;
import org.newsbrief.render.HtmlWriter;
import org.newsbrief.render.PdfRenderer;
import org.newsbrief.render.RenderException;
import org.newsbrief.render.TemplateFolder;
import org.newsbrief.summarize.Algorithm;
import org.newsbrief.summarize.SummaryLength;
import org.w3c.dom.Document;

/**
 * The facade and composition root: builds the pipeline's parts with {@code new} and runs them.
 * Everything the command line does is one call here.
 */
public final class Newsbrief {

    /**
     * What to put in a briefing and where.
     *
     * @param sources where the articles come from
     * @param ingestion reads the sources
     * @param outputFolder where the PDF and HTML go; created when missing
     * @param date the day the edition covers
     * @param title the edition's title
     * @param algorithm how articles are summarized
     * @param length how long each summary may be
     * @param templates where templates are read from
     * @param threads how many articles are analyzed at once
     */
    public record GenerateRequest(List<ArticleSource> sources, Ingestion ingestion, Path outputFolder, LocalDate date,
            String title, Algorithm algorithm, SummaryLength length, TemplateFolder templates, int threads) {

        public GenerateRequest {
            sources = List.copyOf(sources);
            Objects.requireNonNull(ingestion, "ingestion");
            Objects.requireNonNull(outputFolder, "outputFolder");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(templates, "templates");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
        }
    }

    /**
     * What a generate run made.
     *
     * @param pdf the PDF written
     * @param html the HTML copy written beside it
     * @param articles how many articles the briefing holds
     * @param read what reading the sources gave, with everything skipped there or in analysis
     */
    public record GenerateReport(Path pdf, Path html, int articles, Ingestion.Report read) {}

    /** Nothing usable was read; the report says what was tried. */
    public static final class NoArticlesException extends NewsbriefException {

        private final transient Ingestion.Report report;

        NoArticlesException(Ingestion.Report report) {
            super("no article could be read (" + report.summary() + ")");
            this.report = report;
        }

        /** @return what was read and skipped */
        public Ingestion.Report report() {
            return report;
        }
    }

    private final NlpModels models;
    private final TextAnalyzer analyzer;
    private final Clock clock;

    /**
     * @param models the NLP models, loaded on first use and shared
     * @param clock the clock editions are stamped with
     */
    public Newsbrief(NlpModels models, Clock clock) {
        this.models = Objects.requireNonNull(models, "models");
        this.analyzer = new OpenNlpTextAnalyzer(models);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the analyzer, shared and thread-safe */
    public TextAnalyzer analyzer() {
        return analyzer;
    }

    /** @return the models behind the analyzer */
    public NlpModels models() {
        return models;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /**
     * Reads, analyzes, summarizes and renders a briefing.
     *
     * @param request what to read and where to write
     * @param warnings receives one line per problem that did not stop the run
     * @return the files written and what was skipped
     * @throws NewsbriefException when no article could be read, or rendering or writing fails
     */
    public GenerateReport generate(GenerateRequest request, Consumer<String> warnings) {
        Ingestion.Report ingested = request.ingestion().read(request.sources());
        List<SkippedInput> skipped = new ArrayList<>(ingested.skipped());
        List<AnalyzedArticle> analyzed = analyzeAll(ingested.articles(), request.threads(), skipped);
        Ingestion.Report read = new Ingestion.Report(ingested.sources(),
                analyzed.stream().map(AnalyzedArticle::source).toList(), skipped, ingested.duplicates(),
                ingested.nearDuplicates());
        if (analyzed.isEmpty()) {
            throw new NoArticlesException(read);
        }
        BriefingComposer composer = new BriefingComposer(request.algorithm().create(), request.length(), clock);
        Briefing briefing = composer.compose(request.title(), request.date(), analyzed);

        Document page = new HtmlRenderer(request.templates(), warnings).render(briefing);
        Path pdf = request.outputFolder().resolve("briefing-" + request.date() + ".pdf");
        Path html = request.outputFolder().resolve("briefing-" + request.date() + ".html");
        try {
            Files.createDirectories(request.outputFolder());
            writeAtomically(html, out -> out.write(HtmlWriter.write(page).getBytes(StandardCharsets.UTF_8)));
            PdfRenderer pdfRenderer = new PdfRenderer(request.templates(), warnings);
            writeAtomically(pdf, out -> pdfRenderer.render(page, out));
        } catch (IOException e) {
            throw new RenderException("cannot write the briefing to " + request.outputFolder() + ": " + e.getMessage(), e);
        }
        return new GenerateReport(pdf, html, analyzed.size(), read);
    }

    /**
     * Analyzes articles on several threads, keeping their order. An article whose analysis fails
     * is added to {@code skipped}.
     *
     * @param articles the articles
     * @param threads how many at once
     * @param skipped receives the failures
     * @return the analyzed articles, in input order
     */
    public List<AnalyzedArticle> analyzeAll(List<Article> articles, int threads, List<SkippedInput> skipped) {
        List<Parallel.Outcome<AnalyzedArticle>> outcomes = Parallel.map(articles, threads, analyzer::analyze);
        List<AnalyzedArticle> analyzed = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).succeeded()) {
                analyzed.add(outcomes.get(i).value());
            } else {
                skipped.add(new SkippedInput(articles.get(i).origin(), "cannot analyze: " + outcomes.get(i).reason()));
            }
        }
        return analyzed;
    }

    private interface Output {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes beside the target and then moves it in place, so no reader sees half a file. */
    private static void writeAtomically(Path target, Output output) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            output.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
