package org.newsbrief.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.newsbrief.Newsbrief;
import org.newsbrief.config.NewsbriefConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsbrief} command and its subcommands. */
@Command(
        name = "newsbrief",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turns a day's news into a short briefing.",
        subcommands = {SummarizeCommand.class, GenerateCommand.class, ExtractCommand.class, EvalCommand.class,
            EvalStoriesCommand.class, EvalSectionsCommand.class,
            BenchCommand.class, TrainCommand.class, CheckTemplatesCommand.class, PreviewCommand.class, RunCommand.class, ScheduleCommand.class,
            EmailPictureCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        Newsbrief newsbrief = Newsbrief.create(NewsbriefConfig.defaults(), Clock.systemDefaultZone());
        CommandLine commandLine = commandLine(newsbrief);
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        int exitCode = commandLine.execute(args);
        commandLine.getOut().flush();
        System.exit(exitCode);
    }

    /**
     * @param newsbrief the facade the subcommands call
     * @return the configured command line, ready to {@code execute}
     */
    public static CommandLine commandLine(Newsbrief newsbrief) {
        Objects.requireNonNull(newsbrief, "newsbrief");
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine commandLine = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                // every command that calls the library takes the facade as its one constructor argument
                try {
                    return type.getDeclaredConstructor(Newsbrief.class).newInstance(newsbrief);
                } catch (NoSuchMethodException e) {
                    return defaults.create(type);
                }
            }
        });
        commandLine.setExecutionStrategy(Main::executeFiltered);
        ErrorHandler errors = new ErrorHandler();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        return commandLine;
    }

    /**
     * Runs the command with control characters filtered out of what it prints; help alone is
     * printed as it is, since picocli colours it with escape codes of its own.
     */
    private static int executeFiltered(CommandLine.ParseResult parseResult) {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        List<CommandLine> chosen = parseResult.asCommandLineList();
        if (!(chosen.get(chosen.size() - 1).getCommand() instanceof CommandLine.HelpCommand)) {
            CommandLine top = parseResult.commandSpec().commandLine();
            top.setOut(TerminalWriter.over(top.getOut(), false));
            top.setErr(TerminalWriter.over(top.getErr(), true));
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: summarize, generate, extract, run, schedule, preview, check-templates, eval, eval-stories, eval-sections, train or bench");
    }
}
