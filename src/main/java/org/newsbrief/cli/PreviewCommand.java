package org.newsbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.newsbrief.Newsbrief;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief preview}: the briefing served on 127.0.0.1, reloading as templates change. */
@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = "Serves the briefing of the INPUTs (default: samples) at http://127.0.0.1:PORT/ and reloads the "
                + "page when a template, stylesheet or prompt changes; /briefing.pdf is the PDF, /email the email as sent "
                + "(under its headers) and /email.txt its text part. A broken template is shown in the page with its "
                + "file:line:column. Stop with Ctrl-C.")
final class PreviewCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Articles, folders or addresses (default: samples).")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--templates", paramLabel = "DIR", description = "Templates folder (default: the project's templates/).")
    private Path templates;

    @Mixin
    private StoryOptions stories;

    @Mixin
    private SummaryOptions options;

    @Mixin
    private FetchOptions fetch;

    PreviewCommand(Newsbrief newsbrief) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        Newsbrief preview = newsbrief.with(CommandSettings.loadWithProjectTemplates(spec, null));
        PrintWriter err = spec.commandLine().getErr();
        ConsoleLog log = new ConsoleLog(err);
        Newsbrief.Prepared prepared = preview.prepare(
                new Newsbrief.GenerateRequest(inputs.isEmpty() ? List.of(samplesFolder()) : inputs, null), log);
        CountDownLatch stopped = new CountDownLatch(1);
        try (Newsbrief.Preview server = preview.preview(prepared, port, log)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("newsbrief: preview of " + prepared.read().articles().size() + " articles at " + server.address()
                    + " (PDF at " + server.address() + "briefing.pdf); stop with Ctrl-C");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return CommandLine.ExitCode.OK;
    }

    private static String samplesFolder() {
        String home = System.getProperty(CommandSettings.HOME_PROPERTY);
        return home != null ? Path.of(home, "samples").toString() : "samples";
    }
}
