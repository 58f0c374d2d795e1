package org.newsbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.Editions;
import org.newsbrief.Newsbrief;
import org.newsbrief.config.ConfigLoader;
import org.newsbrief.config.NewsbriefConfig;
import org.newsbrief.deliver.Dispatcher;
import org.newsbrief.deliver.EditionScheduler;
import org.newsbrief.store.EditionStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.util.List;
import org.newsbrief.events.RunEvent;
import org.newsbrief.events.RunLog;

/** {@code newsbrief schedule}: editions on the configured schedule, in the foreground. */
@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = "Runs in the foreground and makes an edition at each time of the configured cron schedule, "
                + "one log line per run. SIGTERM or Ctrl-C stops it after the edition in progress.")
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
        NewsbriefConfig settings = new ConfigLoader().load(config);
        if (settings.schedule() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), config + ": has no 'schedule:' with a cron expression");
        }
        Newsbrief zoned = analysis.apply(newsbrief.withClock(newsbrief.clock().withZone(settings.timeZone())),
                settings.analysis());
        PrintWriter out = spec.commandLine().getOut();
        try (EditionStore store = Editions.store(settings, zoned.clock())) {
            Editions editions = new Editions(zoned, store, Editions.mailer(settings, zoned), RunCommand.sleeper());
            RunLog log = new ConsoleLog(out, zoned.clock());
            EditionScheduler scheduler = new EditionScheduler(settings.schedule().cron(), settings.timeZone(),
                    settings.schedule().catchUp(), zoned.clock(), store, scheduled -> edition(editions, settings, scheduled, log),
                    log);
            Thread hook = new Thread(() -> {
                log.progress("stopping: finishing the edition in progress, if any");
                scheduler.stop();
                try {
                    scheduler.awaitFinished(GRACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newsbrief-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            scheduler.run(scheduler.sleepingWaiter());
            return CommandLine.ExitCode.OK;
        }
    }

    /**
     * One edition; its warnings, errors and skipped inputs reach the log, its progress lines do not,
     * and the line that ends it counts them.
     */
    private static String edition(Editions editions, NewsbriefConfig settings, ZonedDateTime scheduled, RunLog log) {
        RunLog.Recorder problems = new RunLog.Recorder();
        try {
            Editions.Report report = editions.run(new Editions.Request(settings, scheduled.toLocalDate(), Dispatcher.Mode.ONCE, false,
                    Runtime.getRuntime().availableProcessors()), event -> {
                        if (!(event instanceof RunEvent.Progress)) {
                            problems.accept(event);
                            log.accept(event);
                        }
                    });
            return "edition " + report.date() + ": " + report.stories() + " stories; " + report.delivery().summary()
                    + problemCounts(problems);
        } catch (Newsbrief.NoArticlesException e) {
            return "edition " + scheduled.toLocalDate() + " not made: " + e.getMessage();
        }
    }

    /** @return "; 2 warnings, 1 skipped" for the problems an edition met, or nothing when it met none */
    static String problemCounts(RunLog.Recorder problems) {
        List<String> parts = new java.util.ArrayList<>();
        int warnings = problems.count(RunEvent.Warning.class);
        int skipped = problems.count(RunEvent.Skipped.class);
        int failures = problems.count(RunEvent.Failure.class);
        if (warnings > 0) {
            parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        if (skipped > 0) {
            parts.add(skipped + " skipped");
        }
        if (failures > 0) {
            parts.add(failures + (failures == 1 ? " error" : " errors"));
        }
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }
}
