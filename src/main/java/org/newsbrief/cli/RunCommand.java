package org.newsbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.newsbrief.Editions;
import org.newsbrief.Newsbrief;
import org.newsbrief.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsbrief run}: one edition, from reading to delivery. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Makes one edition as the configuration says: reads, summarizes, composes, renders, archives "
                + "and delivers it, each recipient once. A rerun sends only what was not sent.")
final class RunCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "newsbrief.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day the edition covers (default: today in the configured time zone).")
    private LocalDate date;

    @Option(names = "--resend", description = "Send again to every recipient, even those that already have the edition.")
    private boolean resend;

    @Option(names = "--retry-interrupted", description = "Also send to recipients whose delivery a stopped run interrupted, "
            + "alone and with the Message-ID of that attempt, so a copy that did arrive is recognized as the same message.")
    private boolean retryInterrupted;

    @Option(names = "--rebuild", description = "Make the edition anew even when it is already archived for the day.")
    private boolean rebuild;

    @Option(names = "--threads", paramLabel = "N", description = "Articles analyzed at once (default: the number of processors).")
    private Integer threads;

    @CommandLine.Mixin
    private AnalysisOptions analysis;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    private boolean verbose;

    RunCommand(Newsbrief newsbrief) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() {
        Editions.Delivery delivery = delivery();
        Newsbrief edition = newsbrief.with(CommandSettings.load(spec, config, ConfigLoader.Purpose.EDITION));
        PrintWriter out = spec.commandLine().getOut();
        LocalDate day = date != null ? date : edition.today();
        try (Editions editions = edition.editions()) {
            Editions.Report report;
            try {
                report = editions.run(new Editions.Request(day, delivery, rebuild), new ConsoleLog(out));
            } catch (Newsbrief.NoArticlesException e) {
                PrintWriter err = spec.commandLine().getErr();
                e.report().skipped().forEach(skip -> err.println("newsbrief: skipped " + skip));
                throw e;
            }
            report.files().forEach(file -> out.println("archived " + file));
            report.delivery().outcomes().forEach(outcome -> out.println(outcome.recipient() + ": "
                    + outcome.status().name().toLowerCase(java.util.Locale.ROOT) + (outcome.sentNow() ? "" : " (" + outcome.detail() + ")")));
            out.println("newsbrief: edition " + day + ": " + report.stories() + " stories; " + report.delivery().summary());
            out.flush();
            return report.delivery().allDelivered() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
        }
    }

    private Editions.Delivery delivery() {
        if (resend && retryInterrupted) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--resend already sends to everyone; give it or --retry-interrupted, not both");
        }
        return resend ? Editions.Delivery.RESEND : retryInterrupted ? Editions.Delivery.RETRY_INTERRUPTED
                : Editions.Delivery.ONCE;
    }
}
