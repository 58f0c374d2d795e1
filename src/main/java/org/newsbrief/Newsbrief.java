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
import java.util.Map;
import java.util.Objects;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.compose.BriefingEditor;
import org.newsbrief.compose.EditReport;
import org.newsbrief.compose.Story;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.ArticleSource;
import org.newsbrief.ingest.Ingestion;
import org.newsbrief.ingest.SkippedInput;
import org.newsbrief.nlp.AnalysisSettings;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.NlpModels;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.nlp.TextAnalyzer;
import org.newsbrief.render.HtmlRenderer;
import org.newsbrief.render.HtmlWriter;
import org.newsbrief.render.JsonRenderer;
import org.newsbrief.render.PdfRenderer;
import org.newsbrief.render.PlainTextRenderer;
import org.newsbrief.render.RenderException;
import org.newsbrief.render.TemplateFolder;
import org.newsbrief.summarize.Algorithm;
import org.newsbrief.summarize.SummaryLength;
import org.w3c.dom.Document;
import org.newsbrief.internal.Parallel;
import org.newsbrief.events.RunLog;

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
     * @param formats which of pdf, html, md, txt and json to write
     * @param paper the PDF's page size, {@code A4} or {@code letter}
     * @param limits how stories are formed and how many the edition holds
     */
    public record GenerateRequest(List<ArticleSource> sources, Ingestion ingestion, Path outputFolder, LocalDate date,
            String title, Algorithm algorithm, SummaryLength length, TemplateFolder templates, int threads,
            java.util.Set<String> formats, String paper, BriefingComposer.Limits limits) {

        /** The output formats newsbrief writes. */
        public static final List<String> FORMATS = List.of("pdf", "html", "md", "txt", "json");

        /**
         * A request for the PDF and the HTML copy on A4.
         *
         * @see #GenerateRequest(List, Ingestion, Path, LocalDate, String, Algorithm, SummaryLength, TemplateFolder, int,
         *     java.util.Set, String, BriefingComposer.Limits)
         */
        public GenerateRequest(List<ArticleSource> sources, Ingestion ingestion, Path outputFolder, LocalDate date,
                String title, Algorithm algorithm, SummaryLength length, TemplateFolder templates, int threads) {
            this(sources, ingestion, outputFolder, date, title, algorithm, length, templates, threads,
                    java.util.Set.of("pdf", "html"), "A4", BriefingComposer.Limits.defaults());
        }

        public GenerateRequest {
            sources = List.copyOf(sources);
            Objects.requireNonNull(ingestion, "ingestion");
            Objects.requireNonNull(outputFolder, "outputFolder");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(templates, "templates");
            Objects.requireNonNull(limits, "limits");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            formats = java.util.Set.copyOf(formats);
            if (formats.isEmpty() || !FORMATS.containsAll(formats)) {
                throw new IllegalArgumentException("formats must be some of " + String.join(", ", FORMATS) + ", was " + formats);
            }
            if (!paper.equalsIgnoreCase("A4") && !paper.equalsIgnoreCase("letter")) {
                throw new IllegalArgumentException("paper must be A4 or letter, was " + paper);
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
     * @param written every file written, in the order of {@link GenerateRequest#FORMATS}
     * @param briefing the briefing the files show
     */
    public record GenerateReport(Path pdf, Path html, int articles, Ingestion.Report read, List<Path> written,
            Briefing briefing) {}

    /**
     * What a generate run with an editor made.
     *
     * @param files the files written and what was read
     * @param edit what the editor did, such as what a model wrote, dropped and cost; empty when it
     *     did nothing
     */
    public record WrittenReport(GenerateReport files, java.util.Optional<EditReport> edit) {}

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

    /** Runs smaller than this analyze quietly; larger ones say how far they got every this many articles. */
    static final int PROGRESS_STEP = 1_000;

    private final NlpModels models;
    private final TextAnalyzer analyzer;
    private final Clock clock;
    private final AnalysisSettings analysis;
    private final RunLog progress;

    /**
     * @param models the NLP models, loaded on first use and shared
     * @param clock the clock editions are stamped with
     */
    public Newsbrief(NlpModels models, Clock clock) {
        this(models, new OpenNlpTextAnalyzer(models), clock);
    }

    /**
     * A facade with its own analyzer, such as a slow one in a test of the deadlines.
     *
     * @param models the NLP models
     * @param analyzer the analyzer; must be thread-safe
     * @param clock the clock editions are stamped with and deadlines measured on
     */
    public Newsbrief(NlpModels models, TextAnalyzer analyzer, Clock clock) {
        this(models, analyzer, clock, AnalysisSettings.defaults(), RunLog.none());
    }

    private Newsbrief(NlpModels models, TextAnalyzer analyzer, Clock clock, AnalysisSettings analysis,
            RunLog progress) {
        this.models = Objects.requireNonNull(models, "models");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * @param analysis how long analysis may take
     * @param progress receives a line now and then while a large run is analyzed, such as
     *     {@code analyzed 1,000 of 5,000 articles}
     * @return a facade sharing this one's models and clock, with those deadlines
     */
    public Newsbrief withAnalysis(AnalysisSettings analysis, RunLog progress) {
        return new Newsbrief(models, analyzer, clock, analysis, progress);
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
    public GenerateReport generate(GenerateRequest request, RunLog warnings) {
        Prepared prepared = prepare(request);
        Briefing briefing = prepared.briefing();
        Ingestion.Report read = prepared.read();
        int articles = read.articles().size();
        return write(request, briefing, read, articles, warnings);
    }

    /**
     * Reads, analyzes and composes as {@link #generate(GenerateRequest, RunLog)} does, then has the
     * editor edit the briefing, such as a language model rewriting the summaries, before rendering.
     *
     * @param request what to read and where to write
     * @param editor the editor, {@link BriefingEditor#identity()} for none
     * @param log receives progress and one line per problem that did not stop the run
     * @return the files written, and what the editor did
     * @throws NewsbriefException when no article could be read, or rendering fails
     */
    public WrittenReport generate(GenerateRequest request, BriefingEditor editor, RunLog log) {
        Objects.requireNonNull(editor, "editor");
        Prepared prepared = prepare(request);
        BriefingEditor.Edited edited = editor.edit(prepared.composition(), log);
        return new WrittenReport(write(request, prepared.with(edited.composition().briefing()), log), edited.report());
    }

    /**
     * A composed briefing and what reading its sources gave.
     *
     * @param briefing the briefing
     * @param read the articles read and the inputs skipped
     * @param reports each story's analyzed reports, keyed by {@link Story#id()}
     */
    public record Prepared(Briefing briefing, Ingestion.Report read, Map<String, List<AnalyzedArticle>> reports) {

        public Prepared {
            Objects.requireNonNull(briefing, "briefing");
            Objects.requireNonNull(read, "read");
            reports = Map.copyOf(reports);
        }

        /**
         * @param briefing the briefing
         * @param read the articles read and the inputs skipped
         */
        public Prepared(Briefing briefing, Ingestion.Report read) {
            this(briefing, read, Map.of());
        }

        /**
         * @param briefing the same stories, reordered or rewritten
         * @return this with that briefing; reports stay with the stories that keep their ids
         */
        public Prepared with(Briefing briefing) {
            return new Prepared(briefing, read, reports);
        }

        /** @return the briefing with its stories' reports */
        public BriefingComposer.Composition composition() {
            return new BriefingComposer.Composition(briefing, reports);
        }
    }

    /**
     * Reads, analyzes and composes, without rendering: what {@code preview} serves.
     *
     * @param request what to read; output settings are not used
     * @return the briefing and the reading report
     * @throws NoArticlesException when nothing could be read
     */
    public Prepared prepare(GenerateRequest request) {
        return prepare(request, article -> null, false);
    }

    /**
     * Reads, analyzes and composes, knowing what earlier editions carried.
     *
     * @param request what to read; output settings are not used
     * @param coveredOn the day of the earlier edition that carried an article, or {@code null}
     * @param dropRepeats whether stories earlier editions carried are left out rather than marked
     * @return the briefing and the reading report
     * @throws NoArticlesException when nothing could be read
     */
    public Prepared prepare(GenerateRequest request, java.util.function.Function<Article, LocalDate> coveredOn,
            boolean dropRepeats) {
        java.time.Instant started = clock.instant();
        Ingestion.Report ingested = request.ingestion().read(request.sources());
        List<SkippedInput> skipped = new ArrayList<>(ingested.skipped());
        List<AnalyzedArticle> analyzed = analyzeAll(ingested.articles(), request.threads(), skipped, started);
        Ingestion.Report read = new Ingestion.Report(ingested.sources(),
                analyzed.stream().map(AnalyzedArticle::source).toList(), skipped, ingested.duplicates(),
                ingested.nearDuplicates(), ingested.duplicateReads());
        if (analyzed.isEmpty()) {
            throw new NoArticlesException(read);
        }
        BriefingComposer composer = new BriefingComposer(request.algorithm().create(), request.length(), clock,
                request.limits());
        BriefingComposer.Composition composition = composer.composition(request.title(), request.date(), analyzed,
                coveredOn, dropRepeats);
        return new Prepared(composition.briefing(), read, composition.reports());
    }

    /**
     * Renders a composed briefing to the request's formats and folder.
     *
     * @param request the formats, folder, paper and templates
     * @param prepared the briefing and what reading gave
     * @param warnings receives one line per problem that did not stop rendering
     * @return the files written
     */
    public GenerateReport write(GenerateRequest request, Prepared prepared, RunLog warnings) {
        return write(request, prepared.briefing(), prepared.read(), prepared.read().articles().size(), warnings);
    }

    /**
     * @param clock the clock to stamp editions with, such as the system clock in the edition's zone
     * @return a facade sharing this one's models, on that clock
     */
    public Newsbrief withClock(Clock clock) {
        return new Newsbrief(models, analyzer, clock, analysis, progress);
    }

    private GenerateReport write(GenerateRequest request, Briefing briefing, Ingestion.Report read, int articles,
            RunLog warnings) {
        Document page = new HtmlRenderer(request.templates(), warnings).render(briefing);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(request.outputFolder());
            for (String format : GenerateRequest.FORMATS) {
                if (!request.formats().contains(format)) {
                    continue;
                }
                Path file = request.outputFolder().resolve("briefing-" + request.date() + "." + format);
                switch (format) {
                    case "pdf" -> {
                        PdfRenderer pdfRenderer = new PdfRenderer(request.templates(), warnings);
                        writeAtomically(file, out -> pdfRenderer.render(page, out, request.paper()));
                    }
                    case "html" -> writeAtomically(file, out -> out.write(HtmlWriter.write(page).getBytes(StandardCharsets.UTF_8)));
                    case "md" -> writeAtomically(file,
                            out -> out.write(PlainTextRenderer.markdown(briefing).getBytes(StandardCharsets.UTF_8)));
                    case "json" -> writeAtomically(file, out -> JsonRenderer.write(briefing, out));
                    default -> writeAtomically(file,
                            out -> out.write(PlainTextRenderer.text(briefing).getBytes(StandardCharsets.UTF_8)));
                }
                written.add(file);
            }
        } catch (IOException e) {
            throw new RenderException("cannot write the briefing to " + request.outputFolder() + ": " + e.getMessage(), e);
        }
        Path pdf = written.stream().filter(file -> file.toString().endsWith(".pdf")).findFirst().orElse(null);
        Path html = written.stream().filter(file -> file.toString().endsWith(".html")).findFirst().orElse(null);
        return new GenerateReport(pdf, html, articles, read, written, briefing);
    }

    /**
     * Analyzes articles on several threads, keeping their order, and finds their parts of speech
     * there too, since every story's names need them. An article whose analysis fails or outlives
     * its deadline is added to {@code skipped}; so are those not analyzed when the run's deadline,
     * counted from now, passes.
     *
     * @param articles the articles
     * @param threads how many at once
     * @param skipped receives the failures
     * @return the analyzed articles, in input order
     */
    public List<AnalyzedArticle> analyzeAll(List<Article> articles, int threads, List<SkippedInput> skipped) {
        return analyzeAll(articles, threads, skipped, clock.instant());
    }

    private List<AnalyzedArticle> analyzeAll(List<Article> articles, int threads, List<SkippedInput> skipped,
            java.time.Instant started) {
        Parallel.Bounds bounds = new Parallel.Bounds(clock, analysis.articleTimeout(), started.plus(analysis.runTimeout()),
                "the article timeout of " + AnalysisSettings.format(analysis.articleTimeout()),
                "the run timeout of " + AnalysisSettings.format(analysis.runTimeout()));
        boolean large = articles.size() >= PROGRESS_STEP;
        if (large) {
            progress.progress(String.format(java.util.Locale.ROOT, "analyzing %,d articles on %d %s", articles.size(),
                    threads, threads == 1 ? "thread" : "threads"));
        }
        List<Parallel.Outcome<AnalyzedArticle>> outcomes = Parallel.map(articles, threads, article -> {
            // parts of speech are found later, only for the articles of the stories an edition keeps
            return analyzer.analyze(article);
        }, bounds, done -> {
            if (large && (done % PROGRESS_STEP == 0 || done == articles.size())) {
                progress.progress(String.format(java.util.Locale.ROOT, "analyzed %,d of %,d articles", done, articles.size()));
            }
        });
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

    interface Output {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes beside the target and then moves it in place, so no reader sees half a file. */
    static void writeAtomically(Path target, Output output) throws IOException {
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
