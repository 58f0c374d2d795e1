package org.newsbrief.config;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.ingest.SourcesFile;
import org.newsbrief.summarize.Algorithm;
import org.newsbrief.summarize.SummaryLength;
import org.newsbrief.internal.Hashing;

/**
 * Everything an operator sets for scheduled editions, as read from {@code newsbrief.yaml}. Paths
 * are already resolved against the file's folder; secrets are already read from the environment.
 *
 * @param file the file it was read from
 * @param title the edition's title
 * @param timeZone the zone the edition's date, its time stamp and the schedule are in
 * @param sources where articles come from
 * @param sectionOrder section names in the order they should appear; others follow by rank
 * @param algorithm how articles are summarized
 * @param length how long each story's summary may be
 * @param templates the templates folder, or {@code null} for the built-in templates
 * @param archive where editions are kept, as {@code <id>/YYYY/MM/DD/briefing-<date>.<format>}
 * @param outbox where messages go as {@code <id>/<date>/<address>.eml} files when no mail server is set
 * @param storeUrl the JDBC address of the store
 * @param formats which of pdf, html, md, txt and json each edition is made in
 * @param paper {@code A4} or {@code letter}
 * @param limits how stories are formed and how many an edition holds
 * @param repeats what to do with stories an earlier edition already covered
 * @param schedule when editions are made, or {@code null} when only {@code run} is used
 * @param recipients the addresses each edition goes to, lists expanded, each once
 * @param mail the mail server, or {@code null} to write to the outbox
 * @param fetch how the web is read
 * @param llm the language model that writes the summaries, or {@code null} when they are extractive
 * @param id what the store, the archive and the outbox know this configuration's editions by:
 *     {@code id:} in the file, else {@link #slug(String) a slug of the title}
 * @param analysis how long one article's analysis and the whole run's may take
 */
public record NewsbriefConfig(Path file, String title, ZoneId timeZone, List<SourcesFile.Entry> sources,
        List<String> sectionOrder, Algorithm algorithm, SummaryLength length, Path templates, Path archive, Path outbox,
        String storeUrl, Set<String> formats, String paper, BriefingComposer.Limits limits, Repeats repeats,
        Schedule schedule, List<String> recipients, Mail mail, Fetch fetch, org.newsbrief.llm.LlmSettings llm, String id,
        org.newsbrief.nlp.AnalysisSettings analysis) {

    /** What an explicit {@code id:} may be: safe as a folder name and in a Message-ID, the same on any file system. */
    public static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public NewsbriefConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case letters, digits and inner hyphens, at most 64, was '"
                    + id + "'");
        }
        Objects.requireNonNull(timeZone, "timeZone");
        sources = List.copyOf(sources);
        sectionOrder = List.copyOf(sectionOrder);
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(storeUrl, "storeUrl");
        formats = Set.copyOf(formats);
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(repeats, "repeats");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(analysis, "analysis");
    }

    /** A configuration whose id is the slug of its title, with the default analysis deadlines. */
    public NewsbriefConfig(Path file, String title, ZoneId timeZone, List<SourcesFile.Entry> sources,
            List<String> sectionOrder, Algorithm algorithm, SummaryLength length, Path templates, Path archive, Path outbox,
            String storeUrl, Set<String> formats, String paper, BriefingComposer.Limits limits, Repeats repeats,
            Schedule schedule, List<String> recipients, Mail mail, Fetch fetch, org.newsbrief.llm.LlmSettings llm) {
        this(file, title, timeZone, sources, sectionOrder, algorithm, length, templates, archive, outbox, storeUrl, formats,
                paper, limits, repeats, schedule, recipients, mail, fetch, llm, slug(title));
    }

    /** A configuration with the default analysis deadlines. */
    public NewsbriefConfig(Path file, String title, ZoneId timeZone, List<SourcesFile.Entry> sources,
            List<String> sectionOrder, Algorithm algorithm, SummaryLength length, Path templates, Path archive, Path outbox,
            String storeUrl, Set<String> formats, String paper, BriefingComposer.Limits limits, Repeats repeats,
            Schedule schedule, List<String> recipients, Mail mail, Fetch fetch, org.newsbrief.llm.LlmSettings llm,
            String id) {
        this(file, title, timeZone, sources, sectionOrder, algorithm, length, templates, archive, outbox, storeUrl, formats,
                paper, limits, repeats, schedule, recipients, mail, fetch, llm, id,
                org.newsbrief.nlp.AnalysisSettings.defaults());
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

    /**
     * The mail server and the message's fixed parts. The password never appears in
     * {@link #toString()}.
     *
     * @param host the SMTP server
     * @param port its port
     * @param security {@code starttls}, {@code tls} (implicit) or {@code none}
     * @param username the login, or empty for none
     * @param password the password, from the environment, or empty
     * @param from the sender, such as {@code Newsbrief <briefing@example.org>}
     * @param subject the subject; {@code {title}} and {@code {date}} are filled in
     * @param timeout how long one connection or command may take
     * @param attempts how many times a temporary failure is tried in all
     * @param backoff the wait before the second attempt; it doubles for each one after
     * @param breakerThreshold after this many recipients in a row could not reach the server, the rest wait
     *     for the next run
     */
    public record Mail(String host, int port, String security, String username, String password, String from,
            String subject, Duration timeout, int attempts, Duration backoff, int breakerThreshold) {

        /** How many recipients in a row may fail to reach the server before the rest wait, unless set. */
        public static final int DEFAULT_BREAKER_THRESHOLD = 3;

        public Mail {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(security, "security");
            username = username == null ? "" : username;
            password = password == null ? "" : password;
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(backoff, "backoff");
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
            }
            if (breakerThreshold < 1) {
                throw new IllegalArgumentException("breakerThreshold must be at least 1, was " + breakerThreshold);
            }
        }

        /** Settings with the default breaker threshold. */
        public Mail(String host, int port, String security, String username, String password, String from, String subject,
                Duration timeout, int attempts, Duration backoff) {
            this(host, port, security, username, password, from, subject, timeout, attempts, backoff, DEFAULT_BREAKER_THRESHOLD);
        }

        @Override
        public String toString() {
            return "Mail[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                    + ", password=" + (password.isEmpty() ? "" : "(set)") + ", from=" + from + "]";
        }
    }

    /**
     * How feeds and pages are read.
     *
     * @param timeout the whole-response timeout
     * @param allowPrivateNetwork whether every private and loopback address may be read
     * @param allowHosts host names, {@code *.domain} suffixes, addresses and ranges that may be
     *     read although not public
     * @param followLinks whether teaser items are read from their pages
     * @param cache the HTTP cache folder, or {@code null}
     */
    public record Fetch(Duration timeout, boolean allowPrivateNetwork, List<String> allowHosts, boolean followLinks,
            Path cache) {

        public Fetch {
            allowHosts = List.copyOf(allowHosts);
        }
    }
}
