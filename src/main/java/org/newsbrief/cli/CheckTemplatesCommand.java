package org.newsbrief.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.render.TemplateProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief check-templates}: problems in a templates or prompts folder, one line each. */
@Command(
        name = "check-templates",
        mixinStandardHelpOptions = true,
        description = "Checks the templates in DIR (default: the project's templates/ folder) and the prompts/ folder "
                + "beside it, or the prompts in DIR when it holds no templates: well-formed XHTML, Thymeleaf expressions, "
                + "known variables, no unescaped output (th:utext, [(...)]), CSS syntax, only the fonts newsbrief ships, "
                + "nothing loaded from outside the folder, and every {{variable}} of a prompt one it is given. Prints "
                + "file:line:column: message per problem; exits 2 when there is any.")
final class CheckTemplatesCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The templates folder, or a prompts folder.")
    private Path folder;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text: one file:line:column: message line per problem; json: {\"folder\", \"problems\": "
                    + "[{\"file\", \"line\", \"column\", \"message\"}]} for editors' tooling (default: ${DEFAULT-VALUE}).")
    private String format;

    CheckTemplatesCommand(Newsbrief newsbrief) {
        this.newsbrief = java.util.Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be text or json");
        }
        Path templates = folder != null ? folder : CommandSettings.defaultTemplates();
        if (templates == null || !Files.isDirectory(templates)) {
            throw new CommandLine.ParameterException(spec.commandLine(), (templates == null ? "templates" : templates)
                    + ": no such folder");
        }
        List<String> problems = newsbrief.checkTemplates(templates);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(json(templates, problems));
        } else {
            problems.forEach(out::println);
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        if (problems.isEmpty()) {
            err.println("newsbrief: " + templates + ": no problems found");
            err.flush();
            return CommandLine.ExitCode.OK;
        }
        err.println("newsbrief: " + templates + ": " + problems.size() + " problem(s)");
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    private static String json(Path folder, List<String> problems) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("folder", folder.toString());
        ArrayNode list = root.putArray("problems");
        for (String line : problems) {
            // every problem is printed as file:line:column: message; one that is not still shows, placed at the folder
            TemplateProblem problem = TemplateProblem.parse(line).orElse(new TemplateProblem(folder.toString(), 1, 1, line));
            ObjectNode node = list.addObject();
            node.put("file", problem.file());
            node.put("line", problem.line());
            node.put("column", problem.column());
            node.put("message", problem.message());
        }
        return mapper.writeValueAsString(root);
    }
}
