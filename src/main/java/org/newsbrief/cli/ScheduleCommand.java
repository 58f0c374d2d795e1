package org.newsbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.Editions;
import org.newsbrief.Newsbrief;
import org.newsbrief.config.ConfigLoader;
import org.newsbrief.config.NewsbriefConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.newsbrief.events.RunLog;

/** {@code newsbrief schedule}: editions on the configured schedule, in the foreground. */
@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = "Runs in the foreground and makes an edition at each time of the configured cron schedule, "
                + "or each named edition at the times of its own cron, one log line per run. SIGTERM or Ctrl-C stops it "
                + "after the edition in progress.")
final class ScheduleCommand implements Callable<Integer> {

    /** How long a stop waits for the edition in progress. */
    private static final Duration GRACE = Duration.ofMinutes(10);

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "newsbrief.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    private Path config;

    @CommandLine.Mixin
    private AnalysisOptions analysis;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    private boolean verbose;

    ScheduleCommand(Newsbrief newsbrief) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws InterruptedException {
        Newsbrief scheduled = newsbrief.with(CommandSettings.load(spec, config, ConfigLoader.Purpose.EDITION));
        NewsbriefConfig settings = scheduled.settings();
        if (settings.editions().isEmpty() && settings.schedule() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), config + ": has no 'schedule:' with a cron expression");
        }
        if (!settings.editions().isEmpty() && settings.editions().stream().allMatch(edition -> edition.schedule() == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), config + ": no edition under 'editions:' has a cron; "
                    + "give one, such as editions." + settings.editions().get(0).name() + ".cron: \"0 6 * * *\"");
        }
        PrintWriter out = spec.commandLine().getOut();
        RunLog log = new ConsoleLog(out, scheduled.clock());
        try (Editions editions = scheduled.editions()) {
            Editions.Schedule schedule = editions.schedule(log);
            Thread hook = new Thread(() -> {
                log.progress("stopping: finishing the edition in progress, if any");
                schedule.stop();
                try {
                    schedule.awaitFinished(GRACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newsbrief-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            schedule.run();
            return CommandLine.ExitCode.OK;
        }
    }
}
