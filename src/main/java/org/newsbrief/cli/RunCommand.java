package org.newsbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.newsbrief.Editions;
import org.newsbrief.Newsbrief;
import org.newsbrief.config.ConfigLoader;
import org.newsbrief.deliver.Dispatcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsbrief run}: one edition, from reading to delivery. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Makes one edition as the configuration says: reads, summarizes, composes, renders, archives "
                + "and delivers it, each recipient once. A rerun sends only what was not sent, and tries again a "
                + "recipient refused before.")
final class RunCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "newsbrief.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day the edition covers (default: today in the configured time zone).")
    private LocalDate date;

    @Option(names = "--edition", paramLabel = "NAME", description = "Which of the day's editions to make, as named under "
            + "'editions:' in the configuration (such as morning or evening); needed when it names any. A later edition of "
            + "the day carries what is new since the earlier ones, and marks or drops the rest as 'repeats:' says.")
    private String editionName;

    @Option(names = "--resend", arity = "0..1", paramLabel = "TO", fallbackValue = "",
            description = "Send again to every recipient, even those that already have the edition; given a recipient's "
                    + "address, to that recipient alone.")
    private String resend;

    @Option(names = "--to", paramLabel = "ADDRESS", description = "Send one test copy of the edition to this address alone, "
            + "through the mail server or the outbox, and record no delivery: the recipients, this address among them, "
            + "still get theirs from the next run. The edition is made and archived as by any run.")
    private String to;

    @Option(names = "--dry-run", description = "Print what a run would do (whether it would make the edition, the sender, "
            + "the subject, and for each recipient whether it would be sent now, already has it, or would be tried again) "
            + "without reading, making, archiving, sending or recording anything.")
    private boolean dryRun;

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
        Editions.Request request = request(day, delivery);
        try {
            request = request.edition(edition.settings().edition(editionName == null ? "" : editionName).name());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--edition: " + e.getMessage());
        }
        String label = (request.edition().isEmpty() ? "" : request.edition() + " ") + "edition " + day;
        try (Editions editions = edition.editions()) {
            if (dryRun) {
                printPlan(editions.plan(request, new ConsoleLog(out)), out);
                return CommandLine.ExitCode.OK;
            }
            Editions.Report report;
            try {
                report = editions.run(request, new ConsoleLog(out));
            } catch (Newsbrief.NoArticlesException e) {
                PrintWriter err = spec.commandLine().getErr();
                e.report().skipped().forEach(skip -> err.println("newsbrief: skipped " + skip));
                throw e;
            }
            report.files().forEach(file -> out.println("archived " + file));
            report.delivery().outcomes().forEach(outcome -> out.println(outcome.recipient() + ": "
                    + outcome.status().name().toLowerCase(java.util.Locale.ROOT) + (outcome.sentNow() ? "" : " (" + outcome.detail() + ")")));
            out.println("newsbrief: " + label + ": " + report.stories() + " stories; " + report.delivery().summary()
                    + (delivery == Editions.Delivery.TEST_COPY ? " (a test copy; no delivery recorded)" : ""));
            out.flush();
            return report.delivery().allDelivered() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
        }
    }

    private Editions.Delivery delivery() {
        if (to != null && (resend != null || retryInterrupted)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--to sends one test copy and records nothing; give it without --resend or --retry-interrupted");
        }
        if (resend != null && retryInterrupted) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--resend already sends whatever happened before; give it or --retry-interrupted, not both");
        }
        return to != null ? Editions.Delivery.TEST_COPY : resend != null ? Editions.Delivery.RESEND
                : retryInterrupted ? Editions.Delivery.RETRY_INTERRUPTED : Editions.Delivery.ONCE;
    }

    private Editions.Request request(LocalDate day, Editions.Delivery delivery) {
        String address = to != null ? to : resend != null && !resend.isBlank() ? resend : null;
        try {
            return new Editions.Request(day, delivery, rebuild, Optional.ofNullable(address));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), (to != null ? "--to" : "--resend") + ": "
                    + e.getMessage());
        }
    }

    private static void printPlan(Editions.Plan plan, PrintWriter out) {
        out.println("dry run: nothing is read, made, archived, sent or recorded");
        out.println((plan.edition().isEmpty() ? "" : plan.edition() + " ") + "edition of " + plan.date() + ": " + (plan.archived() ? "the archived copy would be sent"
                : "would be made and archived, then sent"));
        out.println("from: " + plan.from());
        out.println("subject: " + plan.subject());
        out.println("via: " + plan.via());
        Map<Dispatcher.Step, Integer> counts = new EnumMap<>(Dispatcher.Step.class);
        for (Dispatcher.Planned planned : plan.recipients()) {
            String what = switch (planned.step()) {
                case SEND -> "would be sent now";
                case RETRY -> "would be tried again";
                case RETRY_INTERRUPTED -> "would be sent again with the Message-ID of the interrupted attempt";
                case RESEND -> "would be sent again";
                case HAS_IT -> "already has it";
                case INTERRUPTED -> "not sent: interrupted before; --retry-interrupted sends it";
                case COPY -> "would get a test copy, not recorded";
            };
            out.println(planned.recipient() + ": " + what + (planned.detail().isEmpty() ? "" : " (" + planned.detail() + ")"));
            counts.merge(planned.step(), 1, Integer::sum);
        }
        int retried = counts.getOrDefault(Dispatcher.Step.RETRY, 0);
        int has = counts.getOrDefault(Dispatcher.Step.HAS_IT, 0);
        int interrupted = counts.getOrDefault(Dispatcher.Step.INTERRUPTED, 0);
        int sent = plan.recipients().size() - has - interrupted;
        List<String> parts = new ArrayList<>();
        if (sent > 0) {
            parts.add(sent + " would be sent" + (retried > 0 ? " (" + retried + " of them tried again)" : ""));
        }
        if (has > 0) {
            parts.add(has + (has == 1 ? " already has it" : " already have it"));
        }
        if (interrupted > 0) {
            parts.add(interrupted + " interrupted before, not sent");
        }
        out.println("newsbrief: dry run of " + (plan.edition().isEmpty() ? "" : plan.edition() + " ") + "edition " + plan.date() + ": "
                + (parts.isEmpty() ? "no recipients are set" : String.join(", ", parts)) + "; nothing was sent");
        out.flush();
    }
}
