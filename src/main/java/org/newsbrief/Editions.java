package org.newsbrief;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.BriefingEditor;
import org.newsbrief.compose.Section;
import org.newsbrief.config.NewsbriefConfig;
import org.newsbrief.deliver.BriefingMail;
import org.newsbrief.deliver.Dispatcher;
import org.newsbrief.deliver.Mailer;
import org.newsbrief.deliver.OutboxMailer;
import org.newsbrief.deliver.SmtpMailer;
import org.newsbrief.ingest.ArticleSource;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.Ingestion;
import org.newsbrief.llm.LlmBriefingEditor;
import org.newsbrief.render.HtmlRenderer;
import org.newsbrief.render.HtmlWriter;
import org.newsbrief.render.PlainTextRenderer;
import org.newsbrief.render.RenderException;
import org.newsbrief.render.TemplateFolder;
import org.newsbrief.store.EditionStore;
import org.newsbrief.internal.Sleeper;
import org.newsbrief.internal.Hashing;
import org.newsbrief.events.RunLog;

/**
 * One scheduled edition from start to end: read, summarize, compose, render, archive, deliver.
 * An edition already archived for the day is reused as it is (the same PDF for every
 * recipient, however many runs it takes to reach them all), unless a rebuild is asked for.
 * Editions are known by the configuration's id as well as the day: each configuration has its own
 * archive folder ({@code archive/<id>/YYYY/MM/DD}), outbox folder and rows in the store.
 */
public final class Editions {

    /**
     * What to make.
     *
     * @param config the operator's configuration
     * @param date the day the edition covers
     * @param delivery who gets it besides the recipients it has not reached
     * @param rebuild whether an edition already archived for the day is made anew
     * @param threads how many articles are analyzed at once
     */
    public record Request(NewsbriefConfig config, LocalDate date, Dispatcher.Mode delivery, boolean rebuild, int threads) {

        public Request {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(delivery, "delivery");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
        }
    }

    /**
     * What a run did.
     *
     * @param date the edition's day
     * @param reused whether the archived edition was sent as it was
     * @param files the archived files
     * @param stories stories in the edition
     * @param repeats stories an earlier edition already carried
     * @param read what reading gave, or {@code null} when the edition was reused
     * @param delivery how delivery went
     */
    public record Report(LocalDate date, boolean reused, List<Path> files, int stories, int repeats, Ingestion.Report read,
            Dispatcher.Report delivery) {

        public Report {
            files = List.copyOf(files);
        }
    }

    private static final String EMAIL_HTML = "email.html";
    private static final String EMAIL_TEXT = "email.txt";

    private final Newsbrief newsbrief;
    private final EditionStore store;
    private final Mailer mailer;
    private final Sleeper sleeper;

    /**
     * @param newsbrief the pipeline, on a clock in the edition's time zone
     * @param store where editions and deliveries are recorded
     * @param mailer hands messages over
     * @param sleeper waits between delivery attempts
     */
    public Editions(Newsbrief newsbrief, EditionStore store, Mailer mailer, Sleeper sleeper) {
        this.newsbrief = Objects.requireNonNull(newsbrief, "newsbrief");
        this.store = Objects.requireNonNull(store, "store");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * @param config the configuration
     * @param newsbrief gives the clock
     * @return SMTP when a mail server is set, else the configuration's own folder in the outbox
     */
    public static Mailer mailer(NewsbriefConfig config, Newsbrief newsbrief) {
        return config.mail() != null ? new SmtpMailer(config.mail(), newsbrief.clock())
                : new OutboxMailer(config.outbox().resolve(config.id()), newsbrief.clock());
    }

    /**
     * Opens the configuration's store and claims its id for its file.
     *
     * @param config the configuration
     * @param clock stamps the rows
     * @return the store, speaking for the configuration's editions only
     * @throws org.newsbrief.store.StoreException when another configuration file that still exists
     *     already holds the id in that store
     */
    public static EditionStore store(NewsbriefConfig config, java.time.Clock clock) {
        Path file = config.file().toAbsolutePath().normalize();
        try {
            file = file.toRealPath();
        } catch (IOException e) {
            // A file that cannot be resolved is still known by its absolute path.
        }
        return EditionStore.open(config.storeUrl(), clock, new EditionStore.Owner(config.id(), file.toString(), config.title()));
    }

    /**
     * @param request what to make
     * @param log receives one line per step and per problem
     * @return what was done
     * @throws Newsbrief.NoArticlesException when nothing could be read; nothing is sent then
     */
    public Report run(Request request, RunLog log) {
        NewsbriefConfig config = request.config();
        LocalDate date = request.date();
        Path folder = config.archive().resolve(config.id()).resolve(String.format("%04d/%02d/%02d", date.getYear(), date.getMonthValue(),
                date.getDayOfMonth()));
        Optional<EditionStore.Edition> archived = request.rebuild() ? Optional.empty() : intact(store.edition(date), log);
        List<Path> files;
        int stories;
        int repeats;
        Ingestion.Report read = null;
        if (archived.isPresent()) {
            files = archived.get().files().stream().map(EditionStore.EditionFile::path).toList();
            stories = archived.get().stories();
            repeats = 0;
            log.progress("edition of " + date + " already made at " + archived.get().madeAt() + "; sending the archived copy");
        } else {
            Newsbrief.GenerateRequest generate = generateRequest(config, date, folder, request.threads());
            BriefingEditor editor = config.llm() == null ? BriefingEditor.identity()
                    : LlmBriefingEditor.create(config.llm(), newsbrief.analyzer(), newsbrief.clock());
            Newsbrief.Prepared prepared = newsbrief.prepare(generate,
                    article -> store.coveredBefore(date, List.of(article.key())).get(article.key()),
                    config.repeats() == NewsbriefConfig.Repeats.DROP);
            prepared = prepared.with(editor.edit(prepared.composition(), log).composition().briefing());
            Briefing briefing = ordered(prepared.briefing(), config.sectionOrder());
            prepared = prepared.with(briefing);
            read = prepared.read();
            read.skipped().forEach(skip -> log.skipped(skip.location(), skip.reason()));
            read.duplicateReads().forEach(copy -> log.progress("left out " + copy.origin() + " \"" + copy.title()
                    + "\": duplicate of " + copy.sameAs()));
            briefing.leftOut().forEach(left -> log.progress("left out " + left.origin() + " \"" + left.headline() + "\": "
                    + left.reason()));
            log.progress(read.summary());
            Newsbrief.GenerateReport written = newsbrief.write(generate, prepared, log);
            files = new ArrayList<>(written.written());
            files.add(writeText(folder.resolve("briefing-" + date + "." + EMAIL_HTML), HtmlWriter.write(
                    new HtmlRenderer(generate.templates(), log)
                            .render(briefing, HtmlRenderer.EMAIL_TEMPLATE))));
            files.add(writeText(folder.resolve("briefing-" + date + "." + EMAIL_TEXT), PlainTextRenderer.text(briefing)));
            stories = briefing.stories().size();
            repeats = (int) briefing.stories().stream().filter(story -> story.coveredOn() != null).count();
            record(briefing, prepared, files, date);
            log.progress("edition of " + date + ": " + stories + " stories" + (repeats > 0 ? " (" + repeats + " already covered)" : "")
                    + " from " + read.articles().size() + " articles, archived in " + folder);
        }
        Dispatcher.Report delivery = deliver(config, date, files, request.delivery(), log);
        return new Report(date, archived.isPresent(), files, stories, repeats, read, delivery);
    }

    private Dispatcher.Report deliver(NewsbriefConfig config, LocalDate date, List<Path> files, Dispatcher.Mode mode,
            RunLog log) {
        if (config.recipients().isEmpty()) {
            log.progress("no recipients are set; nothing to send");
            return new Dispatcher.Report(List.of(), mailer.describe());
        }
        Path pdf = file(files, ".pdf");
        NewsbriefConfig.Mail mail = config.mail();
        String from = mail != null ? mail.from() : "Newsbrief <newsbrief@localhost>";
        String subject = (mail != null ? mail.subject() : "{title}: {date}").replace("{title}", config.title())
                .replace("{date}", date.toString());
        BriefingMail message;
        try {
            message = new BriefingMail(date, from, subject, Files.readString(file(files, "." + EMAIL_HTML)),
                    Files.readString(file(files, "." + EMAIL_TEXT)), pdf.getFileName().toString(), Files.readAllBytes(pdf));
        } catch (IOException e) {
            throw new RenderException("cannot read the archived edition in " + pdf.getParent() + ": " + e.getMessage(), e);
        }
        Dispatcher dispatcher = new Dispatcher(store, mailer, mail != null ? mail.attempts() : 1,
                mail != null ? mail.backoff() : Duration.ZERO,
                mail != null ? mail.breakerThreshold() : NewsbriefConfig.Mail.DEFAULT_BREAKER_THRESHOLD, sleeper, log);
        return dispatcher.deliver(message, config.recipients(), mode);
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

    private void record(Briefing briefing, Newsbrief.Prepared prepared, List<Path> files, LocalDate date) {
        List<EditionStore.EditionFile> recorded = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String format = name.substring(("briefing-" + date + ".").length());
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
        store.recordEdition(new EditionStore.Edition(date, briefing.title(), briefing.generatedAt().toInstant(),
                briefing.stories().size(), prepared.read().articles().size(), recorded), titles, urls);
    }

    private static Newsbrief.GenerateRequest generateRequest(NewsbriefConfig config, LocalDate date, Path folder, int threads) {
        NewsbriefConfig.Fetch fetch = config.fetch();
        FetchSettings settings = FetchSettings.defaults().withPrivateNetwork(fetch.allowPrivateNetwork())
                .withAllowedHosts(fetch.allowHosts()).withReadTimeout(fetch.timeout());
        if (fetch.cache() != null) {
            settings = settings.withCache(fetch.cache());
        }
        Ingestion ingestion = Ingestion.over(settings, fetch.followLinks(), threads);
        List<ArticleSource> sources = config.sources().stream().map(ingestion::source).toList();
        return new Newsbrief.GenerateRequest(sources, ingestion, folder, date, config.title(), config.algorithm(),
                config.length(), new TemplateFolder(config.templates()), threads, config.formats(), config.paper(),
                config.limits());
    }

    /** Sections in the configured order; those not named keep their ranked order after them. */
    static Briefing ordered(Briefing briefing, List<String> order) {
        if (order.isEmpty()) {
            return briefing;
        }
        List<String> names = order.stream().map(name -> name.toLowerCase(java.util.Locale.ROOT)).toList();
        List<Section> sections = new ArrayList<>(briefing.sections());
        sections.sort(java.util.Comparator.comparingInt(section -> {
            int index = names.indexOf(section.name().toLowerCase(java.util.Locale.ROOT));
            return index < 0 ? names.size() : index;
        }));
        return new Briefing(briefing.title(), briefing.date(), briefing.generatedAt(), briefing.executiveSummary(), sections,
                briefing.keyNames(), briefing.leftOut());
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
