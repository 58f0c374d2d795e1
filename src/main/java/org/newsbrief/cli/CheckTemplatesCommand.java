package org.newsbrief.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code newsbrief check-templates}: problems in a templates folder, one line each. */
@Command(
        name = "check-templates",
        mixinStandardHelpOptions = true,
        description = "Checks the templates in DIR (default: the project's templates/ folder): well-formed XHTML, "
                + "Thymeleaf expressions, known variables. Prints file:line:column: message per problem; exits 2 when "
                + "there is any.")
final class CheckTemplatesCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The templates folder.")
    private Path folder;

    CheckTemplatesCommand(Newsbrief newsbrief) {
        this.newsbrief = java.util.Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws IOException {
        Path templates = folder != null ? folder : CommandSettings.defaultTemplates();
        if (templates == null || !Files.isDirectory(templates)) {
            throw new CommandLine.ParameterException(spec.commandLine(), (templates == null ? "templates" : templates)
                    + ": no such folder");
        }
        List<String> problems = newsbrief.checkTemplates(templates);
        PrintWriter out = spec.commandLine().getOut();
        problems.forEach(out::println);
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        if (problems.isEmpty()) {
            err.println("newsbrief: " + templates + ": templates are fine");
            err.flush();
            return CommandLine.ExitCode.OK;
        }
        err.println("newsbrief: " + templates + ": " + problems.size() + " problem(s)");
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }
}
