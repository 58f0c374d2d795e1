package org.newsbrief.config;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.deliver.SmtpSettings;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.SourcesFile;
import org.newsbrief.internal.Hashing;
import org.newsbrief.llm.LlmSettings;
import org.newsbrief.nlp.AnalysisSettings;
import org.newsbrief.render.RenderSettings;
import org.newsbrief.store.EditionStore;
import org.newsbrief.summarize.SummarySettings;

/**
 * Everything a run is set up with, whether it came from {@code newsbrief.yaml}, from flags, or from
 * both (flags win). Each stage's part is that stage's own settings record; the rest describes the
 * edition: its title and id, where articles come from, where editions are kept and who gets them.
 * Paths are already resolved; secrets are already read from the environment.
 *
 * @param file the file it was read from, or {@code null} when it came from flags alone
 * @param title the edition's title
 * @param id what the store, the archive and the outbox know this configuration's editions by:
 *     {@code id:} in the file, else {@link #slug(String) a slug of the title}
 * @param timeZone the zone the edition's date, its time stamp and the schedule are in, or {@code null} for
 *     the zone of the clock the facade is given (the system's, on the command line)
 * @param sources where articles come from (besides any a command is given)
 * @param sectionOrder section names in the order they should appear; others follow by rank
 * @param summary how articles are summarized
 * @param stories how stories are formed and how many an edition holds
 * @param render the templates, the files written and the page size
 * @param fetch how the web is read
 * @param analysis how long one article's analysis and the whole run's may take
 * @param editor the name of the briefing editor ({@code summarizer:}): {@code extractive} keeps the
 *     quoted summaries, {@code llm} has a language model rewrite them
 * @param llm the language model's settings when the editor is {@code llm}, else {@code null}
 * @param threads how many articles are worked on at once
 * @param out where {@code generate} writes its files
 * @param archive where editions are kept, as {@code <id>/YYYY/MM/DD/briefing-<date>.<format>}
 * @param outbox where messages go as {@code <id>/<date>/<address>.eml} files when no mail server is set
 * @param storeUrl the JDBC address of the store
 * @param repeats what to do with stories an earlier edition already covered
 * @param schedule when editions are made, or {@code null} when only {@code run} is used or when the
 *     editions are named, each with its own
 * @param editions the editions of a day by name ({@code editions:}), in the order they come out;
 *     empty for one unnamed edition a day
 * @param recipients the addresses each edition goes to, lists expanded, each once
 * @param mail the mail settings, or {@code null} for none; without a host (or without them) messages go to the outbox
 * @param webBaseUrl the http or https address at which the archive folder is served, so that an
 *     edition's email can link each headline to the story in the edition's HTML copy; an empty string
 *     when the archive is not on the web, and headlines link to their first report
 */
public record NewsbriefConfig(Path file, String title, String id, ZoneId timeZone, List<SourcesFile.Entry> sources,
        List<String> sectionOrder, SummarySettings summary, BriefingComposer.Limits stories, RenderSettings render,
        FetchSettings fetch, AnalysisSettings analysis, String editor, LlmSettings llm, int threads, Path out, Path archive, Path outbox,
        String storeUrl, Repeats repeats, Schedule schedule, List<Edition> editions, List<String> recipients, SmtpSettings mail,
        String webBaseUrl) {

    /** What an explicit {@code id:} may be: safe as a folder name and in a Message-ID, the same on any file system. */
    public static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public NewsbriefConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case letters, digits and inner hyphens, at most 64, was '"
                    + id + "'");
        }
        sources = List.copyOf(sources);
        sectionOrder = List.copyOf(sectionOrder);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(stories, "stories");
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(editor, "editor");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(storeUrl, "storeUrl");
        Objects.requireNonNull(repeats, "repeats");
        editions = List.copyOf(editions);
        if (schedule != null && !editions.isEmpty()) {
            throw new IllegalArgumentException("with named editions, each has its own schedule; the settings' own must be null");
        }
        if (editions.stream().map(Edition::name).distinct().count() < editions.size()) {
            throw new IllegalArgumentException("two editions share a name: " + editions.stream().map(Edition::name).toList());
        }
        recipients = List.copyOf(recipients);
        webBaseUrl = webBaseUrl == null ? "" : webBaseUrl;
    }

    /**
     * The settings of a run given no file and no flags: "Daily Briefing" in the clock's time zone,
     * the default summaries, stories, rendering, fetching and deadlines, extractive summaries, as many
     * threads as processors, and {@code out}, {@code archive}, {@code outbox} and {@code data} in the
     * working folder.
     *
     * @return the defaults
     */
    public static NewsbriefConfig defaults() {
        return new NewsbriefConfig(null, "Daily Briefing", slug("Daily Briefing"), null, List.of(),
                List.of(), SummarySettings.defaults(), BriefingComposer.Limits.defaults(), RenderSettings.defaults(),
                FetchSettings.defaults(), AnalysisSettings.defaults(), "extractive", null, Runtime.getRuntime().availableProcessors(),
                Path.of("out"), Path.of("archive"), Path.of("outbox"), "jdbc:sqlite:" + Path.of("data", "newsbrief.db"),
                Repeats.MARK, null, List.of(), List.of(), null, "");
    }

    /**
     * @param render other rendering settings
     * @return these settings with those
     */
    public NewsbriefConfig withRender(RenderSettings render) {
        return new NewsbriefConfig(file, title, id, timeZone, sources, sectionOrder, summary, stories, render, fetch,
                analysis, editor, llm, threads, out, archive, outbox, storeUrl, repeats, schedule, editions,
                recipients, mail, webBaseUrl);
    }

    /**
     * @param templates a templates folder
     * @return these settings reading templates from it first
     */
    public NewsbriefConfig withTemplates(Path templates) {
        return withRender(new RenderSettings(templates, render.formats(), render.paper()));
    }

    /**
     * @param stories other story settings
     * @return these settings with those
     */
    public NewsbriefConfig withStories(BriefingComposer.Limits stories) {
        return new NewsbriefConfig(file, title, id, timeZone, sources, sectionOrder, summary, stories, render, fetch,
                analysis, editor, llm, threads, out, archive, outbox, storeUrl, repeats, schedule, editions,
                recipients, mail, webBaseUrl);
    }

    /**
     * @param sources other sources
     * @return these settings with those
     */
    public NewsbriefConfig withSources(List<SourcesFile.Entry> sources) {
        return new NewsbriefConfig(file, title, id, timeZone, sources, sectionOrder, summary, stories, render, fetch,
                analysis, editor, llm, threads, out, archive, outbox, storeUrl, repeats, schedule, editions,
                recipients, mail, webBaseUrl);
    }

    /**
     * The id a title gives when no {@code id:} is set: accents dropped, lower case, each run of
     * other characters one hyphen ("Morning Briefing" is {@code morning-briefing}). A title with no
     * Latin letters or digits gets {@code briefing-} and a digest of it, so two such titles differ.
     *
     * @param title the edition's title
     * @return an id matching {@link #ID}
     */
    public static String slug(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
        plain = plain.length() > 64 ? plain.substring(0, 64) : plain;
        plain = plain.replaceAll("^-+|-+$", "");
        if (!plain.isEmpty()) {
            return plain;
        }
        return "briefing-" + Hashing.sha256Hex(title, 6);
    }

    /** What an edition does with a story whose every report an earlier edition already carried. */
    public enum Repeats {
        /** Keep it, marked "already covered", after the new stories. */
        MARK,
        /** Leave it out. */
        DROP
    }

    /**
     * @param name an edition's name, or an empty string for the unnamed one
     * @return the named edition, or an empty one carrying the settings' title and schedule when the
     *     name is empty and the settings name no editions
     * @throws IllegalArgumentException when the settings name no such edition, or name editions and
     *     none is given
     */
    public Edition edition(String name) {
        Objects.requireNonNull(name, "name");
        if (editions.isEmpty()) {
            if (!name.isEmpty()) {
                throw new IllegalArgumentException("there is no edition '" + name + "': "
                        + (file == null ? "the settings" : file.getFileName()) + " names none under 'editions:'");
            }
            return new Edition("", title, schedule);
        }
        List<String> names = editions.stream().map(Edition::name).toList();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("say which edition: " + String.join(", ", names));
        }
        return editions.stream().filter(edition -> edition.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("there is no edition '" + name + "'; "
                        + (file == null ? "the settings" : file.getFileName()) + " names " + String.join(", ", names)));
    }

    /**
     * @param name an edition's name
     * @return the names of the editions that come out before it on a day
     */
    public List<String> editionsBefore(String name) {
        List<String> names = editions.stream().map(Edition::name).toList();
        int at = names.indexOf(name);
        return at < 0 ? List.of() : names.subList(0, at);
    }

    /** What an edition's name may be: the store's rule, since the store keeps its rows under it. */
    public static final Pattern EDITION_NAME = EditionStore.EDITION_NAME;

    /**
     * One of a day's editions.
     *
     * @param name what it is called ({@code evening}), empty for a configuration's one unnamed edition
     * @param title its title, on the page and in the subject
     * @param schedule when it is made, or {@code null} when only {@code run --edition} makes it
     */
    public record Edition(String name, String title, Schedule schedule) {

        public Edition {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(title, "title");
            if (!name.isEmpty() && !EDITION_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("an edition's name must be lower-case letters, digits and inner hyphens, "
                        + "at most 32, was '" + name + "'");
            }
        }
    }

    /**
     * When editions are made.
     *
     * @param cron a five-field cron expression (minute hour day-of-month month day-of-week)
     * @param catchUp whether a run missed while the process was down is made once at start
     */
    public record Schedule(String cron, boolean catchUp) {

        public Schedule {
            Objects.requireNonNull(cron, "cron");
        }
    }
}
