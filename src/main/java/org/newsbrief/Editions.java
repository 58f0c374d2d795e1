package org.newsbrief;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.newsbrief.compose.Briefing;
import org.newsbrief.config.NewsbriefConfig;
import org.newsbrief.deliver.BriefingMail;
import org.newsbrief.deliver.Dispatcher;
import org.newsbrief.deliver.EditionScheduler;
import org.newsbrief.deliver.Mailer;
import org.newsbrief.deliver.SmtpSettings;
import org.newsbrief.deliver.Unsubscribe;
import org.newsbrief.events.RunEvent;
import org.newsbrief.events.RunLog;
import org.newsbrief.ingest.Ingestion;
import org.newsbrief.internal.Hashing;
import org.newsbrief.internal.Sleeper;
import org.newsbrief.render.Format;
import org.newsbrief.render.HtmlRenderer;
import org.newsbrief.render.HtmlWriter;
import org.newsbrief.render.PlainTextRenderer;
import org.newsbrief.render.RenderException;
import org.newsbrief.store.EditionStore;

/**
 * The desk that makes a configuration's editions exactly once: made, archived and recorded in the
 * store, then delivered to each recipient it has not reached. It is opened by
 * {@link Newsbrief#editions()}, which chose its store, mailer and sleeper, and closing it closes
 * the store.
 */
public final class Editions implements AutoCloseable {

    /** Who gets an edition on this run, besides the recipients it has not reached. */
    public enum Delivery {
        /**
         * Only recipients it has not reached, those refused on an earlier run included; an
         * interrupted delivery is reported, not repeated.
         */
        ONCE(Dispatcher.Mode.ONCE),
        /** Also recipients whose delivery a stopped run interrupted, with the Message-ID of that attempt. */
        RETRY_INTERRUPTED(Dispatcher.Mode.RETRY_INTERRUPTED),
        /** Everyone again, whatever happened before; or, given an address, that one recipient alone. */
        RESEND(Dispatcher.Mode.RESEND),
        /**
         * One copy to the request's address alone, whoever that is, recorded nowhere: the
         * recipients, that address among them, still get theirs from a later run.
         */
        TEST_COPY(null);

        private final Dispatcher.Mode mode;

        Delivery(Dispatcher.Mode mode) {
            this.mode = mode;
        }
    }

    /**
     * What to make.
     *
     * @param date the day the edition covers
     * @param edition which of the day's editions ({@code evening}), empty when the settings name none
     * @param delivery who gets it besides the recipients it has not reached
     * @param rebuild whether an edition already archived for the day is made anew
     * @param address with {@link Delivery#RESEND}, the one recipient it goes to again (empty: everyone);
     *     with {@link Delivery#TEST_COPY}, where the copy goes; empty otherwise
     * @throws IllegalArgumentException when the address is not an email address, is missing for a test
     *     copy, or is given for another delivery
     */
    public record Request(LocalDate date, String edition, Delivery delivery, boolean rebuild, Optional<String> address) {

        public Request {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(edition, "edition");
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(address, "address");
            address.ifPresent(Dispatcher::mailbox);
            if (delivery == Delivery.TEST_COPY && address.isEmpty()) {
                throw new IllegalArgumentException("address: a test copy needs the address it goes to");
            }
            if (address.isPresent() && delivery != Delivery.RESEND && delivery != Delivery.TEST_COPY) {
                throw new IllegalArgumentException("address: only a resend or a test copy goes to one address, not " + delivery);
            }
        }

        /** A request for the day's one edition. */
        public Request(LocalDate date, Delivery delivery, boolean rebuild, Optional<String> address) {
            this(date, "", delivery, rebuild, address);
        }

        /** A request for the day's one edition, to every recipient the delivery reaches. */
        public Request(LocalDate date, Delivery delivery, boolean rebuild) {
            this(date, "", delivery, rebuild, Optional.empty());
        }

        /** @return the same request for the named edition of its day */
        public Request edition(String name) {
            return new Request(date, name, delivery, rebuild, address);
        }
    }

    /**
     * What a run did.
     *
     * @param date the edition's day
     * @param edition which of the day's editions, empty when the settings name none
     * @param reused whether the archived edition was sent as it was
     * @param files the archived files
     * @param stories stories in the edition
     * @param repeats stories an earlier edition already carried
     * @param read what reading gave, or {@code null} when the edition was reused
     * @param delivery how delivery went
     */
    public record Report(LocalDate date, String edition, boolean reused, List<Path> files, int stories, int repeats, Ingestion.Report read,
            Dispatcher.Report delivery) {

        public Report {
            files = List.copyOf(files);
        }
    }

    /**
     * What a run would do, found without making, sending or recording anything.
     *
     * @param date the edition's day
     * @param edition which of the day's editions, empty when the settings name none
     * @param archived whether the archived edition would be sent as it is; otherwise it would be made
     * @param from the message's sender
     * @param subject the message's subject
     * @param via where messages would go
     * @param recipients what would happen for each mailbox, in order
     */
    public record Plan(LocalDate date, String edition, boolean archived, String from, String subject, String via,
            List<Dispatcher.Planned> recipients) {

        public Plan {
            recipients = List.copyOf(recipients);
        }
    }

    /** Editions made on the settings' timetable until stopped. */
    public interface Schedule {

        /** Waits for each scheduled time and makes its edition, until {@link #stop()}; returns then. */
        void run();

        /** Ends the wait and the loop; an edition in progress is finished. */
        void stop();

        /**
         * @param timeout how long to wait
         * @return whether the loop ended within it
         * @throws InterruptedException when the wait is interrupted
         */
        boolean awaitFinished(Duration timeout) throws InterruptedException;
    }

    private static final String EMAIL_HTML = "email.html";
    private static final String EMAIL_TEXT = "email.txt";

    private final Newsbrief newsbrief;
    private final NewsbriefConfig config;
    private final EditionStore store;
    private final Mailer mailer;
    private final Sleeper sleeper;

    Editions(Newsbrief newsbrief, EditionStore store, Mailer mailer, Sleeper sleeper) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
        this.config = newsbrief.settings();
        this.store = Objects.requireNonNull(store, "store");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** @return the store the desk records in, for reading what it holds */
    public EditionStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }

    /**
     * Makes the edition of a day, or reuses the archived one, and delivers it, or sends the test
     * copy the request asks for.
     *
     * @param request what to make
     * @param log receives one event per step and per problem
     * @return what was done
     * @throws Newsbrief.NoArticlesException when nothing could be read; nothing is sent then
     * @throws IllegalArgumentException when a resend names an address that is not a recipient;
     *     nothing is made then
     */
    public Report run(Request request, RunLog log) {
        newsbrief.requireSoundTemplates();
        Slot slot = slot(request);
        LocalDate date = request.date();
        List<String> recipients = recipients(request);
        Path folder = config.archive().resolve(config.id()).resolve(String.format("%04d/%02d/%02d", date.getYear(), date.getMonthValue(),
                date.getDayOfMonth()));
        Optional<EditionStore.Edition> archived = request.rebuild() ? Optional.empty() : intact(slot.store().edition(date), log);
        List<Path> files;
        int stories;
        int repeats;
        Ingestion.Report read = null;
        if (archived.isPresent()) {
            files = archived.get().files().stream().map(EditionStore.EditionFile::path).toList();
            stories = archived.get().stories();
            repeats = 0;
            log.progress(slot.label() + " already made at " + archived.get().madeAt() + "; sending the archived copy");
        } else {
            List<String> earlier = config.editionsBefore(slot.name());
            Newsbrief.Prepared prepared = newsbrief.prepare(List.of(), date,
                    article -> slot.store().coveredBefore(date, List.of(article.key()), earlier).get(article.key()),
                    config.repeats() == NewsbriefConfig.Repeats.DROP, log);
            prepared = prepared.with(prepared.briefing().withTitle(slot.edition().title()));
            prepared = prepared.with(newsbrief.editor().edit(prepared.composition(), log).composition().briefing());
            Briefing briefing = prepared.briefing();
            read = prepared.read();
            read.skipped().forEach(skip -> log.skipped(skip.location(), skip.reason()));
            read.duplicateReads().forEach(copy -> log.progress("left out " + copy.origin() + " \"" + copy.title()
                    + "\": duplicate of " + copy.sameAs()));
            briefing.leftOut().forEach(left -> log.progress("left out " + left.origin() + " \"" + left.headline() + "\": "
                    + left.reason()));
            log.progress(read.summary());
            // the PDF is what is mailed, so an edition always has one
            Newsbrief.GenerateReport written = newsbrief.write(prepared, folder, slot.fileName(), editionFormats(config), log,
                    Optional.empty());
            files = new ArrayList<>(written.written());
            files.add(writeText(folder.resolve(slot.fileName() + "." + EMAIL_HTML), HtmlWriter.write(
                    new HtmlRenderer(config.render().folder(), log).render(briefing, HtmlRenderer.EMAIL_TEMPLATE, webCopy(slot)))));
            files.add(writeText(folder.resolve(slot.fileName() + "." + EMAIL_TEXT), PlainTextRenderer.text(briefing)));
            stories = briefing.stories().size();
            repeats = (int) briefing.stories().stream().filter(story -> story.coveredOn() != null).count();
            record(slot, briefing, prepared, files);
            log.progress(slot.label() + ": " + stories + " stories" + (repeats > 0 ? " (" + repeats + " already covered)" : "")
                    + " from " + read.articles().size() + " articles, archived in " + folder);
        }
        Dispatcher.Report delivery = deliver(slot, files, request, recipients, log);
        return new Report(date, slot.name(), archived.isPresent(), files, stories, repeats, read, delivery);
    }

    /**
     * What {@link #run} would do with the request: whether it would make the edition or send the
     * archived one, the message's sender and subject, and for each recipient whether it would be
     * sent, already has it, or would be tried again. Nothing is read, made, archived, sent or recorded.
     *
     * @param request what a run would be asked to make
     * @param log receives a warning when an archived edition has changed and would be made again
     * @return the plan
     * @throws IllegalArgumentException when the settings have no such edition, or a resend names an
     *     address that is not a recipient
     */
    public Plan plan(Request request, RunLog log) {
        Slot slot = slot(request);
        LocalDate date = request.date();
        List<String> recipients = recipients(request);
        boolean archived = !request.rebuild() && intact(slot.store().edition(date), log).isPresent();
        List<Dispatcher.Planned> steps = request.delivery() == Delivery.TEST_COPY
                ? List.of(new Dispatcher.Planned(recipients.get(0), Dispatcher.Step.COPY, ""))
                : dispatcher(slot.store(), log).plan(date, recipients, request.delivery().mode);
        return new Plan(date, slot.name(), archived, sender(), subject(config, slot.edition(), date), mailer.describe(), steps);
    }

    /**
     * One of the day's editions as a run makes it: its settings, the store speaking for it, and the
     * day.
     */
    private record Slot(NewsbriefConfig.Edition edition, EditionStore store, LocalDate date) {

        String name() {
            return edition.name();
        }

        /** @return the archived files' name before the extension: {@code briefing-2026-11-25}, or {@code briefing-2026-11-25-evening} */
        String fileName() {
            return "briefing-" + date + (name().isEmpty() ? "" : "-" + name());
        }

        /** @return how the log names it: "edition of 2026-11-25", or "evening edition of 2026-11-25" */
        String label() {
            return (name().isEmpty() ? "" : name() + " ") + "edition of " + date;
        }
    }

    /**
     * @throws IllegalArgumentException when the settings name no such edition, or name editions and the request none
     */
    private Slot slot(Request request) {
        NewsbriefConfig.Edition edition = config.edition(request.edition());
        return new Slot(edition, store.named(edition.name()), request.date());
    }

    /**
     * Who the request's delivery goes to: the settings' recipients, the one a resend names, or the
     * test copy's address.
     */
    private List<String> recipients(Request request) {
        if (request.address().isEmpty()) {
            return config.recipients();
        }
        String address = request.address().get();
        if (request.delivery() == Delivery.TEST_COPY) {
            return List.of(address);
        }
        String mailbox = Dispatcher.mailbox(address);
        for (String recipient : config.recipients()) {
            if (Dispatcher.mailbox(recipient).equals(mailbox)) {
                return List.of(recipient);
            }
        }
        throw new IllegalArgumentException(address + " is not a recipient of this edition; a test copy goes to any address");
    }

    /**
     * The settings' timetable: each scheduled time makes that day's edition once, counting the
     * warnings, skipped inputs and errors it met, which reach the log as they happen; its progress
     * does not. With named editions, each is made on its own schedule; one without a cron is left
     * to {@code run --edition}.
     *
     * @param log receives the schedule's own progress and each edition's problems
     * @return the schedule, not yet running
     * @throws IllegalStateException when the settings have no schedule
     */
    public Schedule schedule(RunLog log) {
        newsbrief.requireSoundTemplates();
        List<EditionScheduler.Timetable> timetables = new ArrayList<>();
        List<NewsbriefConfig.Edition> editions = config.editions().isEmpty() ? List.of(config.edition(""))
                : config.editions();
        for (NewsbriefConfig.Edition edition : editions) {
            if (edition.schedule() != null) {
                timetables.add(new EditionScheduler.Timetable(edition.name(), edition.schedule().cron(),
                        edition.schedule().catchUp(), store.named(edition.name()),
                        scheduled -> scheduled(edition.name(), scheduled, log)));
            }
        }
        if (timetables.isEmpty()) {
            throw new IllegalStateException(config.editions().isEmpty() ? "the settings have no schedule"
                    : "no edition under 'editions:' has a cron");
        }
        EditionScheduler scheduler = new EditionScheduler(timetables, newsbrief.clock().getZone(), newsbrief.clock(), log);
        return new Schedule() {
            @Override
            public void run() {
                scheduler.run(scheduler.sleepingWaiter());
            }

            @Override
            public void stop() {
                scheduler.stop();
            }

            @Override
            public boolean awaitFinished(Duration timeout) throws InterruptedException {
                return scheduler.awaitFinished(timeout);
            }
        };
    }

    private String scheduled(String edition, ZonedDateTime scheduled, RunLog log) {
        RunLog.Recorder problems = new RunLog.Recorder();
        String label = (edition.isEmpty() ? "" : edition + " ") + "edition " + scheduled.toLocalDate();
        try {
            Report report = run(new Request(scheduled.toLocalDate(), edition, Delivery.ONCE, false, Optional.empty()), event -> {
                if (!(event instanceof RunEvent.Progress)) {
                    problems.accept(event);
                    log.accept(event);
                }
            });
            return label + ": " + report.stories() + " stories; " + report.delivery().summary() + problemCounts(problems);
        } catch (Newsbrief.NoArticlesException e) {
            return label + " not made: " + e.getMessage();
        }
    }

    /** @return "; 2 warnings, 1 skipped" for the problems an edition met, or nothing when it met none */
    static String problemCounts(RunLog.Recorder problems) {
        List<String> parts = new ArrayList<>();
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

    /** The edition's HTML copy as the web serves the archive, or an empty string when it does not. */
    private String webCopy(Slot slot) {
        if (config.webBaseUrl().isEmpty()) {
            return "";
        }
        LocalDate date = slot.date();
        return config.webBaseUrl() + "/" + config.id() + String.format("/%04d/%02d/%02d/", date.getYear(), date.getMonthValue(),
                date.getDayOfMonth()) + slot.fileName() + ".html";
    }

    /**
     * The formats an edition is archived in: the settings' own, the PDF that is mailed, and the
     * HTML copy when the email links into it.
     */
    private static Set<Format> editionFormats(NewsbriefConfig config) {
        Set<Format> formats = EnumSet.of(Format.PDF);
        if (!config.webBaseUrl().isEmpty()) {
            // the email links into the HTML copy, so it must be archived where the web serves it
            formats.add(Format.HTML);
        }
        formats.addAll(config.render().formats());
        return formats;
    }

    private Dispatcher.Report deliver(Slot slot, List<Path> files, Request request, List<String> recipients, RunLog log) {
        if (recipients.isEmpty()) {
            log.progress("no recipients are set; nothing to send");
            return new Dispatcher.Report(List.of(), mailer.describe());
        }
        Path pdf = file(files, ".pdf");
        String from = sender();
        SmtpSettings mail = config.mail();
        BriefingMail message;
        try {
            message = new BriefingMail(slot.date(), from, subject(config, slot.edition(), slot.date()),
                    Files.readString(file(files, "." + EMAIL_HTML)), Files.readString(file(files, "." + EMAIL_TEXT)),
                    pdf.getFileName().toString(), Files.readAllBytes(pdf),
                    mail != null ? mail.unsubscribe() : Unsubscribe.toSender(from), slot.name());
        } catch (IOException e) {
            throw new RenderException("cannot read the archived edition in " + pdf.getParent() + ": " + e.getMessage(), e);
        }
        Dispatcher dispatcher = dispatcher(slot.store(), log);
        return request.delivery() == Delivery.TEST_COPY ? dispatcher.sendCopy(message, recipients.get(0))
                : dispatcher.deliver(message, recipients, request.delivery().mode);
    }

    private String sender() {
        return sender(config);
    }

    /** @return the From an edition of these settings is sent with, the outbox's own when none is set */
    static String sender(NewsbriefConfig config) {
        return config.mail() != null ? config.mail().from() : SmtpSettings.OUTBOX_FROM;
    }

    /** @return the Subject of an edition of that day under the settings' own title, as the settings write it */
    static String subject(NewsbriefConfig config, LocalDate date) {
        return subject(config, new NewsbriefConfig.Edition("", config.title(), null), date);
    }

    /** @return the Subject of that edition of that day, as the settings write it */
    static String subject(NewsbriefConfig config, NewsbriefConfig.Edition edition, LocalDate date) {
        return BriefingMail.subject(config.mail() != null ? config.mail().subject() : SmtpSettings.DEFAULT_SUBJECT,
                edition.title(), date);
    }

    private Dispatcher dispatcher(EditionStore store, RunLog log) {
        SmtpSettings mail = config.mail();
        return new Dispatcher(store, mailer, mail != null ? mail.attempts() : 1, mail != null ? mail.backoff() : Duration.ZERO,
                mail != null ? mail.breakerThreshold() : SmtpSettings.DEFAULT_BREAKER_THRESHOLD, sleeper, log);
    }

    /** The archived edition, when every one of its files is still there and unchanged. */
    private Optional<EditionStore.Edition> intact(Optional<EditionStore.Edition> edition, RunLog log) {
        if (edition.isEmpty()) {
            return edition;
        }
        for (EditionStore.EditionFile file : edition.get().files()) {
            try {
                if (!Files.isRegularFile(file.path()) || !Hashing.sha256Hex(file.path()).equals(file.sha256())) {
                    log.warning("archived " + file.path() + " is missing or changed; the edition is made again");
                    return Optional.empty();
                }
            } catch (IOException e) {
                log.warning("cannot read archived " + file.path() + " (" + e.getMessage() + "); the edition is made again");
                return Optional.empty();
            }
        }
        return edition;
    }

    private void record(Slot slot, Briefing briefing, Newsbrief.Prepared prepared, List<Path> files) {
        List<EditionStore.EditionFile> recorded = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String format = name.substring((slot.fileName() + ".").length());
            try {
                recorded.add(new EditionStore.EditionFile(format, file, Hashing.sha256Hex(file), Files.size(file)));
            } catch (IOException e) {
                throw new RenderException("cannot read back " + file + ": " + e.getMessage(), e);
            }
        }
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        prepared.read().articles().forEach(article -> {
            titles.put(article.key(), article.title());
            if (!article.url().isEmpty()) {
                urls.put(article.key(), article.url());
            }
        });
        slot.store().recordEdition(new EditionStore.Edition(slot.date(), briefing.title(), briefing.generatedAt().toInstant(),
                briefing.stories().size(), prepared.read().articles().size(), recorded), titles, urls);
    }

    private static Path file(List<Path> files, String suffix) {
        return files.stream().filter(file -> file.getFileName().toString().endsWith(suffix)).findFirst()
                .orElseThrow(() -> new RenderException("the edition has no " + suffix + " file"));
    }

    private static Path writeText(Path target, String text) {
        try {
            Newsbrief.writeAtomically(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            return target;
        } catch (IOException e) {
            throw new RenderException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
