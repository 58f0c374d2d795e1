package org.newsbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.newsbrief.Newsbrief;
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
        description = "Reads the INPUT files and folders and writes briefing-<date>.pdf and briefing-<date>.html.")
final class GenerateCommand implements Callable<Integer> {

    /** Set by the launcher script to the project folder, whose templates/ is then the default. */
    static final String HOME_PROPERTY = "newsbrief.home";

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Article files and folders (read recursively).")
    private List<Path> inputs = new ArrayList<>();

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

    GenerateCommand(Newsbrief newsbrief) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() {
        if (templates != null && !Files.isDirectory(templates)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--templates " + templates + ": no such folder");
        }
        if (title.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--title must not be empty");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Newsbrief.GenerateRequest request = new Newsbrief.GenerateRequest(inputs, out,
                date != null ? date : LocalDate.now(newsbrief.clock()), title.strip(), options.algorithm(),
                options.length(), new TemplateFolder(templatesFolder()), options.threads());
        Newsbrief.GenerateReport report = newsbrief.generate(request, warning -> {
            err.println("newsbrief: warning: " + warning);
            err.flush();
        });
        report.skipped().forEach(skip -> err.println("newsbrief: skipped " + skip));
        if (!report.ignored().isEmpty()) {
            err.println("newsbrief: note: passed over " + report.ignored().size() + " file(s) of other types: "
                    + report.ignored().stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        stdout.println("wrote " + report.pdf());
        stdout.println("wrote " + report.html());
        stdout.printf("%d articles in the briefing%s%n", report.articles(),
                report.skipped().isEmpty() ? "" : ", " + report.skipped().size() + " input(s) skipped (see above)");
        stdout.flush();
        err.flush();
        return report.skipped().isEmpty() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    /** An explicit folder, else the project's templates/ beside the launcher, else ./templates, else built-in. */
    private Path templatesFolder() {
        if (templates != null) {
            return templates;
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && Files.isDirectory(Path.of(home, "templates"))) {
            return Path.of(home, "templates");
        }
        return Files.isDirectory(Path.of("templates")) ? Path.of("templates") : null;
    }
}
