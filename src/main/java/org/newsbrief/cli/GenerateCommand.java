package org.newsbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.compose.BriefingEditor;
import org.newsbrief.ingest.ArticleSource;
import org.newsbrief.ingest.Ingestion;
import org.newsbrief.ingest.SourcesFile;
import org.newsbrief.llm.LlmBriefingEditor;
import org.newsbrief.render.TemplateFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief generate}: a briefing PDF, with an HTML copy, from files and folders. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Reads the INPUT files, folders, feeds and pages (and those of a sources file) and writes "
                + "briefing-<date>.pdf and briefing-<date>.html.")
final class GenerateCommand implements Callable<Integer> {

    /** Set by the launcher script to the project folder, whose templates/ is then the default. */
    static final String HOME_PROPERTY = "newsbrief.home";

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Article files and folders (read recursively), or addresses of feeds and pages.")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--sources", paramLabel = "FILE", description = "A sources file (YAML) listing feeds, pages, folders and files.")
    private Path sourcesFile;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write what was read and skipped as JSON.")
    private Path report;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "pdf,html", split = ",",
            description = "Outputs to write, any of pdf, html, md, txt, json (default: ${DEFAULT-VALUE}).")
    private java.util.Set<String> formats;

    @Mixin
    private StoryOptions stories;

    @Option(names = "--paper", paramLabel = "SIZE", defaultValue = "A4",
            description = "PDF page size: A4 or letter (default: ${DEFAULT-VALUE}).")
    private String paper;

    @Mixin
    private FetchOptions fetch;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Output folder, created when missing (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day the edition covers (default: today).")
    private LocalDate date;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Daily Briefing",
            description = "The edition's title (default: ${DEFAULT-VALUE}).")
    private String title;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Templates folder; files missing there come from the built-in set "
                    + "(default: the project's templates/ folder).")
    private Path templates;

    @Mixin
    private SummaryOptions options;

    @Mixin
    private LlmOptions llm;

    @Mixin
    private AnalysisOptions analysis;

    GenerateCommand(Newsbrief newsbrief) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (inputs.isEmpty() && sourcesFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give INPUT files or folders, or --sources FILE");
        }
        if (templates != null && !Files.isDirectory(templates)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--templates " + templates + ": no such folder");
        }
        if (title.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--title must not be empty");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        org.newsbrief.llm.LlmSettings llmSettings = llm.enabled() ? llm.settings(out) : null;
        Ingestion ingestion = fetch.ingestion(options.threads());
        List<ArticleSource> sources = new ArrayList<>();
        if (sourcesFile != null) {
            SourcesFile.read(sourcesFile).forEach(entry -> sources.add(ingestion.source(entry)));
        }
        inputs.forEach(input -> sources.add(ingestion.source(input)));
        Newsbrief.GenerateRequest request = new Newsbrief.GenerateRequest(sources, ingestion, out,
                date != null ? date : LocalDate.now(newsbrief.clock()), title.strip(), options.algorithm(),
                options.length(), new TemplateFolder(templatesFolder()), options.threads(), formats(), paper, stories.limits());
        Newsbrief newsbrief = analysis.apply(this.newsbrief, org.newsbrief.nlp.AnalysisSettings.defaults());
        BriefingEditor editor = llmSettings == null ? BriefingEditor.identity()
                : LlmBriefingEditor.create(llmSettings, newsbrief.analyzer(), newsbrief.clock());
        Newsbrief.WrittenReport written;
        try {
            written = newsbrief.generate(request, editor, new ConsoleLog(err));
        } catch (Newsbrief.NoArticlesException e) {
            e.report().skipped().forEach(skip -> err.println("newsbrief: skipped " + skip));
            if (report != null) {
                Reporting.write(report, e.report());
            }
            throw e;
        }
        Newsbrief.GenerateReport made = written.files();
        made.written().forEach(file -> stdout.println("wrote " + file));
        int stories = made.briefing().stories().size();
        stdout.printf("%d %s from %d %s in the briefing%n", stories, stories == 1 ? "story" : "stories", made.articles(),
                made.articles() == 1 ? "article" : "articles");
        stdout.flush();
        return Reporting.finish(err, made.read(), report, written.edit(), made.briefing().leftOut());
    }

    private java.util.Set<String> formats() {
        java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
        for (String format : formats) {
            String name = format.strip().toLowerCase(java.util.Locale.ROOT);
            if (!Newsbrief.GenerateRequest.FORMATS.contains(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--format: unknown format '" + format + "' (known: "
                        + String.join(", ", Newsbrief.GenerateRequest.FORMATS) + ")");
            }
            chosen.add(name);
        }
        if (!paper.equalsIgnoreCase("A4") && !paper.equalsIgnoreCase("letter")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--paper must be A4 or letter");
        }
        return chosen;
    }

    /** An explicit folder, else the project's templates/ beside the launcher, else ./templates, else built-in. */
    private Path templatesFolder() {
        return templates != null ? templates : defaultTemplates();
    }

    /** @return the project's templates/ beside the launcher, else ./templates, else {@code null} */
    static Path defaultTemplates() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && Files.isDirectory(Path.of(home, "templates"))) {
            return Path.of(home, "templates");
        }
        return Files.isDirectory(Path.of("templates")) ? Path.of("templates") : null;
    }
}
