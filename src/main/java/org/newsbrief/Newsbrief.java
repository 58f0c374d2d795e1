package org.newsbrief;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.compose.BriefingEditor;
import org.newsbrief.compose.EditReport;
import org.newsbrief.compose.Story;
import org.newsbrief.config.NewsbriefConfig;
import org.newsbrief.deliver.Mailer;
import org.newsbrief.deliver.MessagePicture;
import org.newsbrief.deliver.OutboxMailer;
import org.newsbrief.deliver.SmtpMailer;
import org.newsbrief.evaluate.Lab;
import org.newsbrief.events.RunLog;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.ArticleSource;
import org.newsbrief.ingest.FileArticleSource;
import org.newsbrief.ingest.IngestResult;
import org.newsbrief.ingest.Ingestion;
import org.newsbrief.ingest.SkippedInput;
import org.newsbrief.internal.Parallel;
import org.newsbrief.internal.Sleeper;
import org.newsbrief.llm.LlmBriefingEditor;
import org.newsbrief.nlp.AnalysisSettings;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.NlpModels;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;
import org.newsbrief.nlp.TextAnalyzer;
import org.newsbrief.render.Format;
import org.newsbrief.render.HtmlRenderer;
import org.newsbrief.render.HtmlWriter;
import org.newsbrief.render.JsonRenderer;
import org.newsbrief.render.PdfRenderer;
import org.newsbrief.render.PlainTextRenderer;
import org.newsbrief.render.PreviewServer;
import org.newsbrief.render.RenderException;
import org.newsbrief.render.TemplateCheck;
import org.newsbrief.render.TemplateException;
import org.newsbrief.store.EditionStore;
import org.newsbrief.summarize.Summarizer;
import org.w3c.dom.Document;

/**
 * The facade and the one composition root. A {@code Newsbrief} is built once from its settings and
 * a clock; it creates every part of the pipeline with {@code new} and chooses the optional ones
 * there, and each of its operations takes values and returns values. The command line parses its
 * options into settings and calls one operation; a job on a distributed engine calls
 * {@link #summarize(InputStream, String, Writer, RunLog, IntConsumer)} the same way.
 */
public final class Newsbrief {

    /**
     * What to put in one briefing besides what the settings name.
     *
     * @param inputs files, folders and addresses read after the settings' sources
     * @param date the day the edition covers, or {@code null} for today in the settings' time zone
     */
    public record GenerateRequest(List<String> inputs, LocalDate date) {

        public GenerateRequest {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * What a generate run made.
     *
     * @param pdf the PDF written, or {@code null} when it was not asked for
     * @param html the HTML copy written, or {@code null}
     * @param articles how many articles the briefing holds
     * @param read what reading the sources gave, with everything skipped there or in analysis
     * @param written every file written, in the order of {@link Format}
     * @param briefing the briefing the files show
     * @param edit what the briefing's editor did, such as what a language model wrote, dropped and
     *     cost; empty when the summaries stayed as extracted
     */
    public record GenerateReport(Path pdf, Path html, int articles, Ingestion.Report read, List<Path> written,
            Briefing briefing, Optional<EditReport> edit) {

        public GenerateReport {
            written = List.copyOf(written);
            Objects.requireNonNull(edit, "edit");
        }
    }

    /**
     * What reading and analysis made of some sources.
     *
     * @param read the articles read and the inputs skipped
     * @param articles the analyzed articles, in reading order
     */
    public record Extraction(Ingestion.Report read, List<AnalyzedArticle> articles) {

        public Extraction {
            articles = List.copyOf(articles);
        }
    }

    /**
     * One article's summary.
     *
     * @param origin the file or address it came from
     * @param sentences the summary's sentences, in the article's order; empty when it had no complete sentence
     */
    public record ArticleSummary(String origin, List<String> sentences) {

        public ArticleSummary {
            sentences = List.copyOf(sentences);
        }
    }

    /**
     * The summaries of some files.
     *
     * @param summaries one per article read, in reading order
     * @param skipped the files, and articles, that could not be read or analyzed
     * @param several whether more than one file or article was given, so each summary wants a header
     */
    public record FileSummaries(List<ArticleSummary> summaries, List<SkippedInput> skipped, boolean several) {

        public FileSummaries {
            summaries = List.copyOf(summaries);
            skipped = List.copyOf(skipped);
        }
    }

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

    /** A briefing served on loopback while it is open. */
    public interface Preview extends AutoCloseable {

        /** @return the page's address, such as {@code http://127.0.0.1:8080/} */
        String address();

        @Override
        void close();
    }

    /**
     * The parts a facade may be given instead of building them: tests give a fixed clock, a slow
     * analyzer or a mailer that fails on purpose; a process gives every facade the same loaded models.
     */
    public static final class Builder {

        private final NewsbriefConfig settings;
        private Clock clock = Clock.systemDefaultZone();
        private NlpModels models;
        private TextAnalyzer analyzer;
        private Mailer mailer;
        private Sleeper sleeper = Sleeper.real();

        private Builder(NewsbriefConfig settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** @param clock stamps editions and measures deadlines; the settings' time zone, when they set one, replaces its zone */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param models loaded models to share, instead of a new set loaded on first use */
        public Builder models(NlpModels models) {
            this.models = Objects.requireNonNull(models, "models");
            return this;
        }

        /** @param analyzer the analyzer, thread-safe, instead of OpenNLP over the models */
        public Builder analyzer(TextAnalyzer analyzer) {
            this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
            return this;
        }

        /** @param mailer hands editions' messages over, instead of SMTP or the outbox as the settings say */
        public Builder mailer(Mailer mailer) {
            this.mailer = Objects.requireNonNull(mailer, "mailer");
            return this;
        }

        /** @param sleeper waits between delivery attempts */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** @return the facade */
        public Newsbrief build() {
            NlpModels shared = models != null ? models : new NlpModels();
            return new Newsbrief(settings, clock, shared, analyzer != null ? analyzer : new OpenNlpTextAnalyzer(shared),
                    mailer, sleeper);
        }
    }

    /**
     * The briefing editors, by the name users give as {@code --summarizer NAME} or
     * {@code summarizer: NAME}; each is made once, when the facade is built. A new editor is one
     * class implementing {@link BriefingEditor} and one line here.
     */
    private static final Map<String, Function<Newsbrief, BriefingEditor>> EDITORS =
            Map.<String, Function<Newsbrief, BriefingEditor>>of(
                    "extractive", facade -> BriefingEditor.identity(),
                    "llm", facade -> LlmBriefingEditor.create(facade.settings.llm(), facade.analyzer, facade.clock));

    /** Runs smaller than this analyze quietly; larger ones say how far they got every this many articles. */
    static final int PROGRESS_STEP = 1_000;

    private final NewsbriefConfig settings;
    private final Clock clock;
    private final NlpModels models;
    private final TextAnalyzer analyzer;
    private final Mailer mailer;
    private final Sleeper sleeper;
    private final BriefingEditor editor;

    private Newsbrief(NewsbriefConfig settings, Clock clock, NlpModels models, TextAnalyzer analyzer, Mailer mailer,
            Sleeper sleeper) {
        this.settings = settings;
        this.clock = settings.timeZone() == null ? clock : clock.withZone(settings.timeZone());
        this.models = models;
        this.analyzer = analyzer;
        this.mailer = mailer;
        this.sleeper = sleeper;
        Function<Newsbrief, BriefingEditor> chosen = EDITORS.get(settings.editor());
        if (chosen == null) {
            throw new org.newsbrief.config.ConfigException("summarizer: must be one of " + String.join(", ", new java.util.TreeSet<>(EDITORS.keySet()))
                    + ", was '" + settings.editor() + "'");
        }
        this.editor = chosen.apply(this);
    }

    /**
     * @param settings what the facade is set up with
     * @return a builder for a facade with those settings
     */
    public static Builder builder(NewsbriefConfig settings) {
        return new Builder(settings);
    }

    /**
     * @param settings what the facade is set up with
     * @param clock stamps editions and measures deadlines
     * @return a facade that loads its models on first use
     */
    public static Newsbrief create(NewsbriefConfig settings, Clock clock) {
        return builder(settings).clock(clock).build();
    }

    /**
     * @param settings other settings
     * @return a facade with those settings sharing this one's models, analyzer, clock, mailer and sleeper
     */
    public Newsbrief with(NewsbriefConfig settings) {
        return new Newsbrief(Objects.requireNonNull(settings, "settings"), clock, models, analyzer, mailer, sleeper);
    }

    /** @return the names of the summarization algorithms, in the order of their table, the default first */
    public static List<String> algorithms() {
        return java.util.Arrays.stream(org.newsbrief.summarize.Algorithm.values()).map(org.newsbrief.summarize.Algorithm::id)
                .toList();
    }

    /** @return the settings */
    public NewsbriefConfig settings() {
        return settings;
    }

    /** @return the clock, in the settings' time zone when they set one */
    public Clock clock() {
        return clock;
    }

    /**
     * @return the measurements, training and benchmark, over this facade's analyzer, models and clock
     */
    public Lab lab() {
        return new Lab(analyzer, models, clock);
    }

    /** @return today in the settings' time zone, by the facade's clock */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Reads, analyzes, summarizes and composes a briefing, has it edited (by a language model when
     * the settings name one), and writes it in the settings' formats to their output folder.
     *
     * @param request the inputs besides the settings' sources, and the day
     * @param log receives progress and every problem that did not stop the run
     * @return the files written and what was read and skipped
     * @throws NewsbriefException when no article could be read, a prompt is wrong, or rendering or writing fails
     */
    public GenerateReport generate(GenerateRequest request, RunLog log) {
        requireSoundTemplates();
        LocalDate date = request.date() != null ? request.date() : today();
        Prepared prepared = prepare(request.inputs(), date, article -> null, false, log);
        BriefingEditor.Edited edited = editor.edit(prepared.composition(), log);
        return write(prepared.with(edited.composition().briefing()), settings.out(), "briefing-" + date, settings.render().formats(), log,
                edited.report());
    }

    /**
     * Reads, analyzes and composes, without editing or writing: what {@code preview} serves.
     *
     * @param request the inputs besides the settings' sources, and the day
     * @param log receives progress and problems
     * @return the briefing and the reading report
     * @throws NoArticlesException when nothing could be read
     */
    public Prepared prepare(GenerateRequest request, RunLog log) {
        return prepare(request.inputs(), request.date() != null ? request.date() : today(), article -> null, false, log);
    }

    /**
     * Serves a composed briefing on 127.0.0.1, rendered from the settings' templates on every
     * request, so an editor sees a change to a template, stylesheet or prompt on reload.
     *
     * @param prepared the briefing
     * @param port the port, or 0 for a free one
     * @param log receives rendering warnings
     * @return the running preview; closing it stops the server
     * @throws IOException when the port cannot be opened
     */
    public Preview preview(Prepared prepared, int port, RunLog log) throws IOException {
        Path folder = settings.render().templates();
        List<Path> watched = new ArrayList<>();
        if (folder != null) {
            watched.add(folder);
            watched.add(folder.toAbsolutePath().getParent().resolve("prompts"));
        }
        List<String> headers = List.of("From: " + Editions.sender(settings),
                "Subject: " + Editions.subject(settings, prepared.briefing().date()),
                "Attachment: briefing-" + prepared.briefing().date() + ".pdf");
        PreviewServer server = new PreviewServer(prepared.briefing(), settings.render().folder(), watched, port, log,
                headers);
        return new Preview() {
            @Override
            public String address() {
                return server.address();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    /**
     * Reads and analyzes sources, and nothing more: what {@code extract} prints.
     *
     * @param sources files, folders and addresses
     * @param log receives progress and problems
     * @return the articles and what was skipped
     */
    public Extraction extract(List<String> sources, RunLog log) {
        Ingestion ingestion = Ingestion.over(settings.fetch(), settings.threads());
        Ingestion.Report ingested = ingestion.read(sources.stream().map(ingestion::source).toList());
        List<SkippedInput> skipped = new ArrayList<>(ingested.skipped());
        List<AnalyzedArticle> analyzed = analyzeAll(ingested.articles(), skipped, clock.instant(), log);
        return new Extraction(new Ingestion.Report(ingested.sources(), ingested.articles(), skipped, ingested.duplicates(),
                ingested.nearDuplicates(), ingested.duplicateReads()), analyzed);
    }

    /**
     * Summarizes article files one by one with the settings' algorithm and length.
     *
     * @param files article files: text, Markdown, HTML, JSON or JSON Lines
     * @param log receives progress
     * @return a summary per article and what was skipped
     */
    public FileSummaries summarize(List<Path> files, RunLog log) {
        IngestResult ingested = new FileArticleSource(files).read();
        List<SkippedInput> skipped = new ArrayList<>(ingested.skipped());
        List<AnalyzedArticle> analyzed = analyzeAll(ingested.articles(), skipped, clock.instant(), log);
        Summarizer summarizer = settings.summary().summarizer();
        List<ArticleSummary> summaries = analyzed.stream().map(article -> new ArticleSummary(article.source().origin(),
                summarizer.summarize(article, settings.summary().length()).texts())).toList();
        return new FileSummaries(summaries, skipped, ingested.articles().size() > 1 || files.size() > 1);
    }

    /**
     * Summarizes JSON Lines in bulk, in input order, on the settings' threads; see
     * {@link BatchSummarization} for the record formats.
     *
     * @param input the records, UTF-8
     * @param inputName the input's name, for messages
     * @param output where the summaries go, a JSON object a line
     * @param log receives each skipped line as it is known
     * @param done told the number of records done after each chunk
     * @return counts and the skipped lines
     * @throws IOException when reading or writing fails
     */
    public BatchSummarization.Report summarize(InputStream input, String inputName, Writer output, RunLog log,
            IntConsumer done) throws IOException {
        return batch().run(input, inputName, output, skip -> log.skipped(skip.location(), skip.reason()), done::accept);
    }

    /**
     * The batch that {@link #summarize(InputStream, String, Writer, RunLog, IntConsumer)} runs, for
     * a job on a distributed engine that hands it one line at a time
     * ({@link BatchSummarization#summarizeLine}), so every worker writes what the command line writes.
     *
     * @return a batch with the settings' algorithm, length and threads, over this facade's analyzer
     */
    public BatchSummarization batch() {
        return new BatchSummarization(analyzer, settings.summary().summarizer(), settings.summary().length(),
                settings.threads());
    }

    /**
     * Opens the desk that makes, archives and delivers the settings' editions, over their store.
     *
     * @return the desk; close it to close the store
     * @throws org.newsbrief.store.StoreException when another configuration file that still exists
     *     already holds the settings' id in that store
     */
    public Editions editions() {
        if (settings.file() == null) {
            throw new IllegalArgumentException("editions need a configuration file: give --config FILE");
        }
        Path file = settings.file().toAbsolutePath().normalize();
        try {
            file = file.toRealPath();
        } catch (IOException e) {
            // A file that cannot be resolved is still known by its absolute path.
        }
        EditionStore store = EditionStore.open(settings.storeUrl(), clock,
                new EditionStore.Owner(settings.id(), file.toString(), settings.title()));
        Mailer chosen = mailer != null ? mailer : settings.mail() != null && settings.mail().hasServer()
                ? new SmtpMailer(settings.mail(), clock)
                : new OutboxMailer(settings.outbox().resolve(settings.id()), clock);
        return new Editions(this, store, chosen, sleeper);
    }

    /**
     * Draws a sent message as a phone's mail program shows it, on one page of a PDF: what the
     * README's picture of the email is made from.
     *
     * @param eml a message file, such as one the outbox holds
     * @param target the PDF to write
     * @param log receives a warning for each remote resource refused
     */
    public void drawMessage(Path eml, Path target, RunLog log) {
        MessagePicture.draw(eml, target, log);
    }

    /**
     * Checks a templates folder as an editor would want it checked before a run.
     *
     * @param folder the folder
     * @return one line per problem, {@code file:line:column: message}; empty when all is well
     * @throws IOException when the folder cannot be read
     */
    public List<String> checkTemplates(Path folder) throws IOException {
        return TemplateCheck.check(folder);
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
     * Reads, analyzes and composes, knowing what earlier editions carried.
     *
     * @param inputs sources read after the settings' own
     * @param date the day
     * @param coveredOn the day of the earlier edition that carried an article, or {@code null}
     * @param dropRepeats whether stories earlier editions carried are left out rather than marked
     * @param log receives progress
     * @return the briefing, its sections in the settings' order, and the reading report
     * @throws NoArticlesException when nothing could be read
     */
    Prepared prepare(List<String> inputs, LocalDate date, Function<Article, LocalDate> coveredOn, boolean dropRepeats,
            RunLog log) {
        Instant started = clock.instant();
        Ingestion ingestion = Ingestion.over(settings.fetch(), settings.threads());
        List<ArticleSource> sources = new ArrayList<>();
        settings.sources().forEach(entry -> sources.add(ingestion.source(entry)));
        inputs.forEach(input -> sources.add(ingestion.source(input)));
        Ingestion.Report ingested = ingestion.read(sources);
        List<SkippedInput> skipped = new ArrayList<>(ingested.skipped());
        List<AnalyzedArticle> analyzed = analyzeAll(ingested.articles(), skipped, started, log);
        Ingestion.Report read = new Ingestion.Report(ingested.sources(),
                analyzed.stream().map(AnalyzedArticle::source).toList(), skipped, ingested.duplicates(),
                ingested.nearDuplicates(), ingested.duplicateReads());
        if (analyzed.isEmpty()) {
            throw new NoArticlesException(read);
        }
        BriefingComposer composer = new BriefingComposer(settings.summary().summarizer(), settings.summary().length(), clock,
                settings.stories());
        BriefingComposer.Composition composition = composer.composition(settings.title(), date, analyzed, coveredOn,
                dropRepeats);
        Prepared prepared = new Prepared(composition.briefing(), read, composition.reports());
        return prepared.with(BriefingComposer.ordered(prepared.briefing(), settings.sectionOrder()));
    }

    /**
     * Checks the settings' templates as {@code check-templates} does, before any work is done on
     * them, so that a misspelt variable or a broken expression stops the run rather than reaching
     * readers as a blank.
     *
     * @throws TemplateException listing every problem, {@code file:line:column: message}
     */
    void requireSoundTemplates() {
        List<String> problems = TemplateCheck.problems(settings.render().folder());
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
    }

    /** @return the briefing editor the settings chose */
    BriefingEditor editor() {
        return editor;
    }

    /**
     * Renders a composed briefing, with the settings' templates and paper, in the formats given.
     *
     * @param prepared the briefing and what reading gave
     * @param folder where the files go; created when missing
     * @param name the files' name before the extension, such as {@code briefing-2026-11-25}
     * @param formats the files to write
     * @param log receives rendering warnings
     * @param edit what the editor did
     * @return the files written
     */
    GenerateReport write(Prepared prepared, Path folder, String name, Set<Format> formats, RunLog log,
            Optional<EditReport> edit) {
        Briefing briefing = prepared.briefing();
        Document page = new HtmlRenderer(settings.render().folder(), log).render(briefing);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (Format format : Format.values()) {
                if (!formats.contains(format)) {
                    continue;
                }
                Path file = folder.resolve(name + "." + format.extension());
                switch (format) {
                    case PDF -> {
                        PdfRenderer pdfRenderer = new PdfRenderer(settings.render().folder(), log);
                        writeAtomically(file, out -> pdfRenderer.render(page, out, settings.render().paper()));
                    }
                    case HTML -> writeAtomically(file,
                            out -> out.write(HtmlWriter.write(page).getBytes(StandardCharsets.UTF_8)));
                    case MD -> writeAtomically(file,
                            out -> out.write(PlainTextRenderer.markdown(briefing).getBytes(StandardCharsets.UTF_8)));
                    case JSON -> writeAtomically(file, out -> JsonRenderer.write(briefing, out));
                    case TXT -> writeAtomically(file,
                            out -> out.write(PlainTextRenderer.text(briefing).getBytes(StandardCharsets.UTF_8)));
                    default -> throw new IllegalStateException(format.name());
                }
                written.add(file);
            }
        } catch (IOException e) {
            throw new RenderException("cannot write the briefing to " + folder + ": " + e.getMessage(), e);
        }
        Path pdf = written.stream().filter(file -> file.toString().endsWith(".pdf")).findFirst().orElse(null);
        Path html = written.stream().filter(file -> file.toString().endsWith(".html")).findFirst().orElse(null);
        return new GenerateReport(pdf, html, prepared.read().articles().size(), prepared.read(), written, briefing, edit);
    }

    /** As {@link #analyzeAll(List, List, Instant, RunLog)}, with the run's deadline counted from now. */
    List<AnalyzedArticle> analyzeAll(List<Article> articles, List<SkippedInput> skipped, RunLog log) {
        return analyzeAll(articles, skipped, clock.instant(), log);
    }

    /**
     * Analyzes articles on the settings' threads, keeping their order. Parts of speech are found
     * later, only for the articles of the stories an edition keeps. An article whose analysis fails
     * or outlives its deadline is added to {@code skipped}; so are those not analyzed when the run's
     * deadline, counted from {@code started}, passes.
     */
    private List<AnalyzedArticle> analyzeAll(List<Article> articles, List<SkippedInput> skipped, Instant started,
            RunLog log) {
        AnalysisSettings analysis = settings.analysis();
        int threads = settings.threads();
        Parallel.Bounds bounds = new Parallel.Bounds(clock, analysis.articleTimeout(), started.plus(analysis.runTimeout()),
                "the article timeout of " + AnalysisSettings.format(analysis.articleTimeout()),
                "the run timeout of " + AnalysisSettings.format(analysis.runTimeout()));
        boolean large = articles.size() >= PROGRESS_STEP;
        if (large) {
            log.progress(String.format(Locale.ROOT, "analyzing %,d articles on %d %s", articles.size(), threads,
                    threads == 1 ? "thread" : "threads"));
        }
        List<Parallel.Outcome<AnalyzedArticle>> outcomes = Parallel.map(articles, threads, analyzer::analyze, bounds,
                done -> {
                    if (large && (done % PROGRESS_STEP == 0 || done == articles.size())) {
                        log.progress(String.format(Locale.ROOT, "analyzed %,d of %,d articles", done, articles.size()));
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
