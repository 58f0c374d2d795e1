package org.newsbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.config.NewsbriefConfig;
import org.newsbrief.events.RunLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief generate}: a briefing PDF, with an HTML copy, from files and folders. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Reads the INPUT files, folders, feeds and pages (and those of a sources file or of "
                + "--config) and writes briefing-<date>.pdf and briefing-<date>.html. Every option but --config, "
                + "--date and --report is also a key of newsbrief.yaml; a flag wins over the file.")
final class GenerateCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Article files and folders (read recursively), or addresses of feeds and pages.")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read settings from this newsbrief.yaml (its sources, summary, stories, templates, formats, "
                    + "fetch, analysis and llm keys); the flags given override it.")
    private Path config;

    @Option(names = "--sources", paramLabel = "FILE", description = "A sources file (YAML) listing feeds, pages, folders and files.")
    private Path sourcesFile;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write what was read and skipped as JSON.")
    private Path report;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "pdf,html", split = ",",
            description = "Outputs to write, any of pdf, html, md, txt, json (default: ${DEFAULT-VALUE}).")
    private List<String> formats;

    @Mixin
    private StoryOptions stories;

    @Option(names = "--sections", paramLabel = "LIST", split = ",",
            description = "Sections to put first, in this order, such as Business,World; the others follow by rank. "
                    + "The page, the contents and the bookmarks follow it.")
    private List<String> sections;

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

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "The zone whose today is the default date, such as Europe/Lisbon (default: the system's).")
    private String timeZone;

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
        NewsbriefConfig settings = CommandSettings.loadWithProjectTemplates(spec, config);
        if (inputs.isEmpty() && settings.sources().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give INPUT files or folders, --sources FILE, or --config FILE with sources");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Newsbrief.GenerateReport made;
        RunLog.Recorder events = new RunLog.Recorder();
        try {
            made = newsbrief.with(settings).generate(new Newsbrief.GenerateRequest(inputs, date),
                    new ConsoleLog(err).and(events));
        } catch (Newsbrief.NoArticlesException e) {
            e.report().skipped().forEach(skip -> err.println("newsbrief: skipped " + skip));
            if (report != null) {
                Reporting.write(report, e.report());
            }
            throw e;
        }
        made.written().forEach(file -> stdout.println("wrote " + file));
        int stories = made.briefing().stories().size();
        stdout.printf("%d %s from %d %s in the briefing%n", stories, stories == 1 ? "story" : "stories", made.articles(),
                made.articles() == 1 ? "article" : "articles");
        stdout.flush();
        return Reporting.finish(err, made.read(), report, made.edit(), made.briefing().leftOut(), events.events());
    }
}
