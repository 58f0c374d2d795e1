package org.newsbrief.config;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.ingest.AllowedHosts;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.IngestException;
import org.newsbrief.ingest.SourcesFile;
import org.newsbrief.llm.LlmException;
import org.newsbrief.llm.LlmSettings;
import org.newsbrief.llm.PromptTemplates;
import org.newsbrief.llm.Provider;
import org.newsbrief.llm.RetryPolicy;
import org.newsbrief.nlp.AnalysisSettings;
import org.newsbrief.render.Format;
import org.newsbrief.render.Paper;
import org.newsbrief.render.RenderSettings;
import org.newsbrief.summarize.Algorithm;
import org.newsbrief.summarize.SummaryLength;
import org.newsbrief.summarize.SummarySettings;
import org.newsbrief.deliver.SmtpSettings;
import org.newsbrief.deliver.Unsubscribe;

/**
 * Reads {@code newsbrief.yaml}. Every problem is reported before anything runs, each as
 * {@code file: key.path: line N: message}. String values may name environment variables as
 * {@code ${NAME}} or {@code ${NAME:-default}}; the mail password must come from one.
 */
public final class ConfigLoader {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)\\s*(ms|s|m|h)?");

    /** What the settings are for: an edition needs its sources in the file; a command may be given them. */
    public enum Purpose {
        /** {@code run} and {@code schedule}: the file must say where articles come from. */
        EDITION,
        /** {@code generate} and the other commands, which take inputs of their own. */
        COMMAND
    }

    private static final Map<String, Set<String>> KEYS = Map.of(
            "", Set.of("id", "title", "time_zone", "sources", "sections", "summary", "templates", "archive", "outbox", "data",
                    "store", "formats", "paper", "stories", "repeats", "schedule", "recipients", "lists", "mail", "fetch",
                    "summarizer", "llm", "analysis", "window", "watch", "out", "threads", "web_base_url", "editions"),
            "analysis", Set.of("article_timeout", "run_timeout"),
            "summary", Set.of("algorithm", "sentences", "words", "bytes", "ratio"),
            "stories", Set.of("group", "max", "per_section", "window", "watch"),
            "schedule", Set.of("cron", "catch_up"),
            "mail", Set.of("host", "port", "security", "username", "password", "from", "subject", "timeout", "attempts",
                    "backoff", "breaker_threshold", "unsubscribe", "unsubscribe_url"),
            "fetch", Set.of("timeout", "max_bytes", "allow_private_network", "allow_hosts", "follow_links", "cache"),
            "llm", Set.of("provider", "model", "base_url", "temperature", "max_tokens", "timeout", "retries", "concurrency",
                    "breaker_threshold", "max_input_tokens", "max_words", "budget_tokens", "budget", "price_input",
                    "price_output", "cache", "prompts"));

    /** What each of {@code editions:} may set. */
    private static final List<String> EDITION_KEYS = List.of("catch_up", "cron", "title");

    /** Configurations are small and shallow; anything larger or deeper is a mistake or an attack on the parser. */
    private static final long MAX_BYTES = 1024 * 1024;
    private static final YAMLFactory YAML = SourcesFile.YAML;

    private final Map<String, String> environment;

    /**
     * @return every key a configuration may set, dotted ({@code stories.max}), in order; a key that
     *     holds a mapping of settings ({@code stories}) is not listed itself, but {@code lists}, whose
     *     mapping is the user's own names, is
     */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        KEYS.get("").stream().sorted().forEach(key -> {
            if (KEYS.containsKey(key)) {
                KEYS.get(key).stream().sorted().forEach(child -> keys.add(key + "." + child));
            } else {
                keys.add(key);
            }
        });
        return List.copyOf(keys);
    }

    /** A loader that reads the process environment. */
    public ConfigLoader() {
        this(System.getenv());
    }

    /**
     * @param environment the variables {@code ${NAME}} may name
     */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * Reads a duration as the configuration writes it: a number and a unit, {@code ms},
     * {@code s} (the default), {@code m} or {@code h}, such as {@code 30s} or {@code 2m}. The flags
     * that take durations read them the same way.
     *
     * @param text the written duration
     * @return the duration, or empty when the text is not one
     */
    public static Optional<Duration> duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        java.math.BigDecimal amount = new java.math.BigDecimal(matcher.group(1));
        long unit = switch (matcher.group(2) == null ? "s" : matcher.group(2)) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1_000;
        };
        return Optional.of(Duration.ofMillis(amount.multiply(java.math.BigDecimal.valueOf(unit))
                .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()));
    }

    /**
     * @param file the configuration file
     * @return the configuration
     * @throws ConfigException listing every problem found, one a line
     */
    public NewsbriefConfig load(Path file) {
        return load(file, Map.of(), Purpose.EDITION);
    }

    /**
     * Reads a configuration file, if any, with flags laid over it: a flag wins over the file, and
     * its value is checked as the file's would be, the problem named by the flag.
     *
     * @param file the configuration file, or {@code null} for flags and defaults alone
     * @param flags each {@link SettingFlags settings flag} given, in order, with its values as written
     * @param purpose whether the file must name its sources
     * @return the configuration
     * @throws ConfigException listing every problem found, one a line
     */
    public NewsbriefConfig load(Path file, Map<String, List<String>> flags, Purpose purpose) {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(purpose, "purpose");
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root = file == null ? JsonNodeFactory.instance.objectNode() : parse(file, lines);
        Reading reading = new Reading(file, lines, purpose);
        if (!root.isObject()) {
            reading.problem("", "expected a mapping of settings");
            throw reading.failure();
        }
        SettingFlags.overlay((com.fasterxml.jackson.databind.node.ObjectNode) root, flags, reading.origins);
        NewsbriefConfig config = reading.config(root);
        if (!reading.problems.isEmpty()) {
            throw reading.failure();
        }
        return config;
    }

    private static JsonNode parse(Path file, Map<String, Integer> lines) {
        String yaml;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new ConfigException(file + ": not a regular file; only regular files are read");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(file + ": file is larger than the limit of 1 MB for a configuration");
            }
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(file + ": not UTF-8 text; save the configuration as UTF-8", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            try (JsonParser parser = YAML.createParser(yaml)) {
                if (parser.nextToken() != null) {
                    locate(file, parser, "", lines);
                }
            }
            root = new ObjectMapper(YAML).readTree(yaml);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : ": line " + e.getLocation().getLineNr();
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage().lines()
                    .findFirst().orElse("");
            throw new ConfigException(file + line + ": not valid YAML: " + message, e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        return root;
    }

    /** Records the line of every key and list item, by its dotted path. */
    private static void locate(Path file, JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson reads an alias as the plain text of its name, so a configuration using one
            // would silently mean something else; and aliases are how expansion bombs are built.
            throw new ConfigException(file + ": " + (path.isEmpty() ? "" : path + ": ") + "line "
                    + parser.currentTokenLocation().getLineNr() + ": YAML aliases (*" + parser.getText()
                    + ") are not accepted; write the value out");
        }
        JsonToken token = parser.currentToken();
        lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String child = path.isEmpty() ? parser.currentName() : path + "." + parser.currentName();
                lines.put(child, parser.currentTokenLocation().getLineNr());
                parser.nextToken();
                locate(file, parser, child, lines);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String child = path + "[" + index++ + "]";
                lines.put(child, parser.currentTokenLocation().getLineNr());
                locate(file, parser, child, lines);
            }
        }
    }

    /** @return the mail address alone, without a display name, or an empty string when it is not one */
    private static String bare(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getAddress();
        } catch (AddressException e) {
            return "";
        }
    }

    /** One pass over one file, gathering problems instead of stopping at the first. */
    private final class Reading {

        private final Path file;
        private final Path folder;
        private final Map<String, Integer> lines;
        private final Purpose purpose;
        private final List<String> problems = new ArrayList<>();
        /** The flag that set each key a flag set, by dotted key. */
        private final Map<String, String> origins = new HashMap<>();

        Reading(Path file, Map<String, Integer> lines, Purpose purpose) {
            this.file = file;
            this.folder = file == null ? null : file.toAbsolutePath().getParent();
            this.lines = lines;
            this.purpose = purpose;
        }

        /** @return the flag that set the key or its list, or {@code null} when the file did */
        private String flag(String path) {
            String key = path.replaceAll("\\[\\d+]$", "");
            return origins.get(key);
        }

        void problem(String path, String message) {
            String flag = flag(path);
            if (flag != null) {
                problems.add(flag + ": " + message);
                return;
            }
            Integer line = lines.get(path);
            problems.add(file + ": " + (path.isEmpty() ? "" : path + ": ") + (line == null ? "" : "line " + line + ": ")
                    + message);
        }

        ConfigException failure() {
            return new ConfigException(String.join(System.lineSeparator(), problems));
        }

        NewsbriefConfig config(JsonNode root) {
            checkKeys(root, "");
            String title = text(root, "title", "Daily Briefing");
            if (title.isBlank()) {
                problem("title", "must not be empty");
            }
            String id = text(root, "id", "");
            if (id.isEmpty()) {
                id = NewsbriefConfig.slug(title);
            } else if (!NewsbriefConfig.ID.matcher(id).matches()) {
                problem("id", "must be lower-case letters, digits and inner hyphens, at most 64, such as morning-briefing; was '"
                        + id + "'");
                id = NewsbriefConfig.slug(title);
            }
            ZoneId zone = null;
            String zoneName = text(root, "time_zone", "");
            if (!zoneName.isEmpty()) {
                try {
                    zone = ZoneId.of(zoneName);
                } catch (DateTimeException e) {
                    problem("time_zone", "unknown time zone '" + zoneName + "' (use a name such as Europe/Lisbon)");
                }
            }
            List<SourcesFile.Entry> sources = purpose == Purpose.COMMAND && !root.has("sources") ? List.of()
                    : sources(root.get("sources"));
            List<String> sections = strings(root, "sections");
            JsonNode summary = object(root, "summary");
            Algorithm algorithm = Algorithm.defaultAlgorithm();
            String algorithmName = text(summary, "summary.algorithm", "algorithm", "");
            if (!algorithmName.isEmpty()) {
                try {
                    algorithm = Algorithm.byName(algorithmName);
                } catch (IllegalArgumentException e) {
                    problem("summary.algorithm", e.getMessage());
                }
            }
            SummaryLength length = length(summary);
            Path templates = path(root, "templates", null);
            if (templates != null && !Files.isDirectory(templates)) {
                problem("templates", "no such folder: " + templates);
            }
            Path archive = path(root, "archive", "archive");
            Path outbox = path(root, "outbox", "outbox");
            Path data = path(root, "data", "data");
            String store = text(root, "store", "");
            if (store.isEmpty()) {
                store = "jdbc:sqlite:" + data.resolve("newsbrief.db");
            } else if (!store.startsWith("jdbc:")) {
                problem("store", "must be a jdbc: address, such as jdbc:sqlite:/var/lib/newsbrief/newsbrief.db");
            }
            Set<Format> formats = EnumSet.noneOf(Format.class);
            for (String format : root.has("formats") ? strings(root, "formats") : List.of("pdf", "html")) {
                try {
                    formats.add(Format.named(format));
                } catch (IllegalArgumentException e) {
                    problem("formats", e.getMessage());
                }
            }
            if (formats.isEmpty()) {
                problem("formats", "name at least one of " + Format.known());
                formats.add(Format.PDF);
            }
            Paper paper = Paper.A4;
            try {
                paper = Paper.named(text(root, "paper", "A4"));
            } catch (IllegalArgumentException e) {
                problem("paper", "must be A4 or letter");
            }
            int threads = integer(root, "threads", "threads", Runtime.getRuntime().availableProcessors(), 1);
            Path out = path(root, "out", null);
            out = out == null ? Path.of("out") : out;
            BriefingComposer.Limits limits = limits(object(root, "stories"), root);
            NewsbriefConfig.Repeats repeats = NewsbriefConfig.Repeats.MARK;
            String repeatsName = text(root, "repeats", "mark");
            try {
                repeats = NewsbriefConfig.Repeats.valueOf(repeatsName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem("repeats", "must be mark or drop");
            }
            return new NewsbriefConfig(file, title.strip(), id, zone, sources, sections, new SummarySettings(algorithm, length),
                    limits, new RenderSettings(templates, formats, paper), fetch(object(root, "fetch")),
                    analysis(object(root, "analysis")), text(root, "summarizer", "extractive").toLowerCase(Locale.ROOT),
                    llm(root, purpose == Purpose.EDITION || root.has("data") ? data
                    : out), threads, out, archive, outbox, store, repeats, schedule(root), editions(root, title.strip()), recipients(root),
                    mail(root),
                    webBaseUrl(root));
        }

        /** The address the archive is served at, without a trailing slash; only http and https are links. */
        private String webBaseUrl(JsonNode root) {
            String url = text(root, "web_base_url", "");
            if (url.isEmpty()) {
                return "";
            }
            try {
                java.net.URI uri = new java.net.URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawQuery() == null
                        && uri.getRawFragment() == null) {
                    return url.replaceAll("/+$", "");
                }
            } catch (java.net.URISyntaxException e) {
                // reported below, as any other address that is not one
            }
            problem("web_base_url", "must be an http or https address with no query or fragment, such as "
                    + "https://news.example.org/briefings; was '" + url + "'");
            return "";
        }

        private AnalysisSettings analysis(JsonNode analysis) {
            AnalysisSettings defaults = AnalysisSettings.defaults();
            Duration article = duration(analysis, "analysis.article_timeout", "article_timeout", defaults.articleTimeout());
            Duration run = duration(analysis, "analysis.run_timeout", "run_timeout", defaults.runTimeout());
            if (article.isZero()) {
                problem("analysis.article_timeout", "must be more than 0");
                article = defaults.articleTimeout();
            }
            if (run.isZero()) {
                problem("analysis.run_timeout", "must be more than 0");
                run = defaults.runTimeout();
            }
            return new AnalysisSettings(article, run);
        }

        private List<SourcesFile.Entry> sources(JsonNode node) {
            if (node == null || node.isNull()) {
                problem("sources", "missing: give a sources file or a list of sources");
                return List.of();
            }
            try {
                if (node.isTextual()) {
                    String written = substitute("sources", node.asText());
                    return SourcesFile.read(flag("sources") != null || folder == null ? Path.of(written)
                            : folder.resolve(written));
                }
                if (node.isArray() && !node.isEmpty()) {
                    return SourcesFile.entries(substituted("sources", node), folder == null ? Path.of("") : folder,
                            index -> file + ": sources[" + index + "]");
                }
                problem("sources", "expected the path of a sources file or a non-empty list of sources");
            } catch (IngestException e) {
                Matcher entry = Pattern.compile("^(.*?: )(sources\\[\\d+](?:\\.\\w+)?): (.*)$").matcher(e.getMessage());
                if (node.isArray() && entry.matches()) {
                    Integer line = lines.getOrDefault(entry.group(2), lines.get(entry.group(2).replaceAll("\\..*", "")));
                    problems.add(entry.group(1) + entry.group(2) + ": " + (line == null ? "" : "line " + line + ": ")
                            + entry.group(3));
                } else {
                    problems.add(e.getMessage());
                }
            }
            return List.of();
        }

        private SummaryLength length(JsonNode summary) {
            List<String> given = List.of("sentences", "words", "bytes", "ratio").stream().filter(summary::has).toList();
            if (given.size() > 1) {
                problem("summary." + given.get(1), "give only one of sentences, words, bytes or ratio");
            }
            try {
                if (given.isEmpty()) {
                    return SummaryLength.story();
                }
                String key = given.get(0);
                JsonNode value = summary.get(key);
                String text = value.isValueNode() ? value.asText().strip() : "";
                boolean whole = text.matches("-?\\d{1,9}");
                if (!(key.equals("ratio") ? text.matches("-?\\d*\\.?\\d+") : whole)) {
                    problem("summary." + key, key.equals("ratio") ? "must be a number" : "must be a whole number");
                    return SummaryLength.story();
                }
                return switch (key) {
                    case "sentences" -> SummaryLength.sentences(Integer.parseInt(text));
                    case "words" -> SummaryLength.words(Integer.parseInt(text));
                    case "bytes" -> SummaryLength.bytes(Integer.parseInt(text));
                    default -> SummaryLength.ratio(Double.parseDouble(text));
                };
            } catch (IllegalArgumentException e) {
                problem("summary." + given.get(0), e.getMessage());
                return SummaryLength.story();
            }
        }

        private BriefingComposer.Limits limits(JsonNode stories, JsonNode root) {
            BriefingComposer.Limits defaults = BriefingComposer.Limits.defaults();
            int max = integer(stories, "stories.max", "max", defaults.maxStories(), 1);
            int perSection = integer(stories, "stories.per_section", "per_section", defaults.maxPerSection(), 1);
            boolean group = bool(stories, "stories.group", "group", defaults.groupStories());
            // window and watch may sit at the top or under stories:
            JsonNode holder = stories.has("window") || stories.has("watch") ? stories : root;
            String prefix = holder == stories ? "stories." : "";
            String age = text(holder, prefix + "window", "window", "");
            java.time.Duration window = null;
            if (!age.isBlank()) {
                try {
                    window = BriefingComposer.Limits.age(age);
                } catch (IllegalArgumentException e) {
                    problem(prefix + "window", e.getMessage());
                }
            }
            List<String> watch = strings(holder, prefix + "watch", "watch");
            return new BriefingComposer.Limits(max, perSection, defaults.executiveItems(), group, window, watch);
        }

        private NewsbriefConfig.Schedule schedule(JsonNode root) {
            if (!root.has("schedule")) {
                return null;
            }
            if (root.has("editions")) {
                problem("schedule", "with 'editions:', each edition has its own cron (editions.NAME.cron)");
                return null;
            }
            JsonNode schedule = object(root, "schedule");
            return schedule(schedule, "schedule", true);
        }

        /** A schedule's cron and catch-up, under {@code path}; the cron is required when {@code required}. */
        private NewsbriefConfig.Schedule schedule(JsonNode node, String path, boolean required) {
            String cron = text(node, path + ".cron", "cron", "");
            if (cron.isEmpty()) {
                if (required) {
                    problem(path + ".cron", "missing: give a cron expression such as \"0 6 * * 1-5\"");
                } else {
                    if (node.has("catch_up")) {
                        problem(path + ".catch_up", "only a scheduled edition catches up; give it a cron too");
                    }
                    return null;
                }
            } else {
                try {
                    new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(cron).validate();
                } catch (IllegalArgumentException e) {
                    problem(path + ".cron", "not a cron expression of five fields (minute hour day month weekday): "
                            + e.getMessage());
                }
            }
            return new NewsbriefConfig.Schedule(cron, bool(node, path + ".catch_up", "catch_up", true));
        }

        /**
         * The day's editions under {@code editions:}, in the order the file lists them, each with its
         * own cron (or none, when only {@code run --edition} makes it) and title.
         */
        private List<NewsbriefConfig.Edition> editions(JsonNode root, String title) {
            JsonNode node = object(root, "editions");
            if (root.has("editions") && node.isEmpty()) {
                problem("editions", "name at least one edition, such as morning: {cron: \"0 6 * * *\"}");
            }
            List<NewsbriefConfig.Edition> editions = new ArrayList<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String path = "editions." + name;
                if (!NewsbriefConfig.EDITION_NAME.matcher(name).matches()) {
                    problem(path, "an edition's name must be lower-case letters, digits and inner hyphens, at most 32, "
                            + "such as morning");
                    continue;
                }
                JsonNode edition = node.get(name);
                if (edition.isNull() || edition.isTextual() && edition.asText().isEmpty()) {
                    edition = JsonNodeFactory.instance.objectNode();
                } else if (!edition.isObject()) {
                    problem(path, "expected a mapping, such as {cron: \"0 6 * * *\", title: Morning Briefing}");
                    continue;
                }
                for (Iterator<String> keys = edition.fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (!EDITION_KEYS.contains(key)) {
                        problem(path + "." + key, "unknown key (known: " + String.join(", ", EDITION_KEYS) + ")");
                    }
                }
                String ownTitle = text(edition, path + ".title", "title", "");
                String shown = ownTitle.isEmpty() ? title + " (" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + ")"
                        : ownTitle;
                editions.add(new NewsbriefConfig.Edition(name, shown, schedule(edition, path, false)));
            }
            return editions;
        }

        private List<String> recipients(JsonNode root) {
            Map<String, List<String>> lists = new HashMap<>();
            JsonNode listsNode = object(root, "lists");
            for (Iterator<String> names = listsNode.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                lists.put(name, strings(listsNode, "lists." + name, name));
            }
            Set<String> addresses = new LinkedHashSet<>();
            List<String> given = strings(root, "recipients");
            for (int i = 0; i < given.size(); i++) {
                String entry = given.get(i);
                String path = "recipients[" + i + "]";
                if (!entry.contains("@")) {
                    List<String> members = lists.get(entry);
                    if (members == null) {
                        problem(path, "'" + entry + "' is neither an address nor a list under 'lists:'");
                        continue;
                    }
                    for (int m = 0; m < members.size(); m++) {
                        address("lists." + entry + "[" + m + "]", members.get(m)).ifPresent(addresses::add);
                    }
                } else {
                    address(path, entry).ifPresent(addresses::add);
                }
            }
            return List.copyOf(addresses);
        }

        private java.util.Optional<String> address(String path, String text) {
            try {
                InternetAddress address = new InternetAddress(text, true);
                address.validate();
                return java.util.Optional.of(address.toString());
            } catch (AddressException e) {
                problem(path, "not a valid email address: " + text);
                return java.util.Optional.empty();
            }
        }

        /**
         * The mail settings, checked whole with or without a host: a section written for the outbox
         * is the one that goes live when a host is added, and its sender and subject are what the
         * outbox messages carry. Without a host nobody logs in, so the login's variables need not be
         * set yet; the password must still be written as one.
         */
        private SmtpSettings mail(JsonNode root) {
            if (!root.has("mail") || root.get("mail").isNull()) {
                return null;
            }
            JsonNode mail = object(root, "mail");
            String host = text(mail, "mail.host", "host", "");
            boolean server = !host.isEmpty();
            String security = text(mail, "mail.security", "security", "starttls").toLowerCase(Locale.ROOT);
            if (!Set.of("starttls", "tls", "none").contains(security)) {
                problem("mail.security", "must be starttls, tls or none");
            }
            int port = integer(mail, "mail.port", "port", security.equals("tls") ? 465 : 587, 1);
            if (mail.has("password") && !mail.get("password").isNull()
                    && !mail.get("password").asText().strip().matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*}")) {
                problem("mail.password", "must come from the environment: write ${SMTP_PASSWORD} and set that variable");
            }
            String from = text(mail, "mail.from", "from", "");
            if (from.isEmpty() && server) {
                problem("mail.from", "missing: give the sender, such as \"Newsbrief <briefing@example.org>\"");
            } else if (from.isEmpty()) {
                from = SmtpSettings.OUTBOX_FROM;
            } else {
                address("mail.from", from);
            }
            return new SmtpSettings(host, port, security, server ? text(mail, "mail.username", "username", "") : "",
                    server ? text(mail, "mail.password", "password", "") : "", from,
                    text(mail, "mail.subject", "subject", SmtpSettings.DEFAULT_SUBJECT),
                    duration(mail, "mail.timeout", "timeout", Duration.ofSeconds(30)),
                    integer(mail, "mail.attempts", "attempts", 4, 1), duration(mail, "mail.backoff", "backoff", Duration.ofSeconds(2)),
                    integer(mail, "mail.breaker_threshold", "breaker_threshold", SmtpSettings.DEFAULT_BREAKER_THRESHOLD, 1),
                    unsubscribe(mail, from));
        }

        /** Where readers unsubscribe: {@code mail.unsubscribe}, else the sender, and {@code mail.unsubscribe_url} if set. */
        private Unsubscribe unsubscribe(JsonNode mail, String from) {
            String written = text(mail, "mail.unsubscribe", "unsubscribe", "");
            // a bad sender is reported with mail.from already
            String address = written.isEmpty() ? bare(from)
                    : address("mail.unsubscribe", written).map(ConfigLoader::bare).orElse("");
            String url = text(mail, "mail.unsubscribe_url", "unsubscribe_url", "");
            if (!url.isEmpty()) {
                try {
                    java.net.URI uri = new java.net.URI(url.replace("{address}", "x"));
                    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || !url.matches("[^\\s<>,\"]+")) {
                        throw new java.net.URISyntaxException(url, "not https");
                    }
                } catch (java.net.URISyntaxException e) {
                    problem("mail.unsubscribe_url", "must be an https address, as one-click unsubscribing requires, such as "
                            + "https://news.example.org/unsubscribe?who={address}; was '" + url + "'");
                    url = "";
                }
            }
            // a problem above stops the load; until then any well-formed value will do
            return new Unsubscribe(address.isEmpty() ? "unsubscribe@invalid" : address, url);
        }

        private FetchSettings fetch(JsonNode fetch) {
            List<String> written = strings(fetch, "fetch.allow_hosts", "allow_hosts");
            List<String> allowHosts = new ArrayList<>();
            for (int i = 0; i < written.size(); i++) {
                try {
                    AllowedHosts.of(false, List.of(written.get(i)));
                    allowHosts.add(written.get(i));
                } catch (IllegalArgumentException e) {
                    problem("fetch.allow_hosts[" + i + "]", e.getMessage());
                }
            }
            FetchSettings defaults = FetchSettings.defaults();
            Duration timeout = duration(fetch, "fetch.timeout", "timeout", defaults.readTimeout());
            if (timeout.isZero()) {
                problem("fetch.timeout", "must be more than 0");
                timeout = defaults.readTimeout();
            }
            long maxBytes = integer(fetch, "fetch.max_bytes", "max_bytes", (int) defaults.maxBytes(), 1);
            FetchSettings settings = defaults.withReadTimeout(timeout).withMaxBytes(maxBytes)
                    .withPrivateNetwork(bool(fetch, "fetch.allow_private_network", "allow_private_network", false))
                    .withAllowedHosts(allowHosts).withFollowLinks(bool(fetch, "fetch.follow_links", "follow_links", false));
            Path cache = path(fetch, "fetch.cache", "cache", null);
            return cache == null ? settings : settings.withCache(cache);
        }

        /**
         * The model settings when {@code summarizer: llm}; {@code null} for extractive summaries. The
         * provider, model and address fall back on {@code NEWSBRIEF_LLM_PROVIDER}, {@code NEWSBRIEF_LLM_MODEL}
         * and {@code NEWSBRIEF_LLM_BASE_URL}; with an address and no provider, the service is taken to
         * speak the OpenAI protocol.
         *
         * @param cacheBeside the folder whose {@code llm-cache} keeps replies unless {@code llm.cache} says otherwise
         */
        private LlmSettings llm(JsonNode root, Path cacheBeside) {
            String summarizer = text(root, "summarizer", "extractive").strip().toLowerCase(Locale.ROOT);
            JsonNode llm = object(root, "llm");
            if (!summarizer.equals("llm")) {
                // any other editor's name is checked against the facade's table of editors
                return null;
            }
            String url = text(llm, "llm.base_url", "base_url", environment.getOrDefault("NEWSBRIEF_LLM_BASE_URL", ""));
            String providerName = text(llm, "llm.provider", "provider",
                    environment.getOrDefault("NEWSBRIEF_LLM_PROVIDER", "")).strip();
            if (providerName.isEmpty() && !url.isBlank()) {
                providerName = "openai-compatible";
            }
            if (providerName.isEmpty()) {
                String flag = flag("summarizer");
                problem("llm.provider", flag != null
                        ? "--summarizer llm needs a provider: give --llm-provider (openai, openai-compatible, ollama, "
                                + "anthropic) or --llm-base-url, or set NEWSBRIEF_LLM_PROVIDER"
                        : "summarizer: llm needs a provider: openai, openai-compatible, ollama or anthropic");
                return null;
            }
            try {
                Provider provider = Provider.named(providerName);
                Path prompts = path(llm, "llm.prompts", "prompts", null);
                if (prompts != null && !Files.isDirectory(prompts)) {
                    problem("llm.prompts", "no such folder: " + prompts);
                }
                String model = text(llm, "llm.model", "model", environment.getOrDefault("NEWSBRIEF_LLM_MODEL", ""));
                String cache = text(llm, "llm.cache", "cache", "");
                return LlmSettings.builder(provider, model, url, environment)
                        .temperature(decimal(llm, "llm.temperature", "temperature", 0.2))
                        .maxTokens(integer(llm, "llm.max_tokens", "max_tokens", 400, 1))
                        .timeout(duration(llm, "llm.timeout", "timeout", Duration.ofSeconds(60)))
                        .retry(RetryPolicy.defaults().withRetries(integer(llm, "llm.retries", "retries", 2, 0)))
                        .concurrency(integer(llm, "llm.concurrency", "concurrency", 4, 1))
                        .breakerThreshold(integer(llm, "llm.breaker_threshold", "breaker_threshold", 3, 1))
                        .maxInputTokens(integer(llm, "llm.max_input_tokens", "max_input_tokens", 3000, 100))
                        .maxWords(integer(llm, "llm.max_words", "max_words", 90, 10))
                        .budget(integer(llm, "llm.budget_tokens", "budget_tokens", 0, 0), decimal(llm, "llm.budget", "budget", 0))
                        .prices(decimal(llm, "llm.price_input", "price_input", 0), decimal(llm, "llm.price_output", "price_output", 0))
                        .cache(List.of("none", "false", "off").contains(cache.toLowerCase(Locale.ROOT)) ? null
                                : cache.isEmpty() ? cacheBeside.resolve("llm-cache") : path(llm, "llm.cache", "cache", null))
                        .prompts(PromptTemplates.searchPath(prompts)).build();
            } catch (IllegalArgumentException e) {
                problem("llm.provider", e.getMessage());
            } catch (LlmException e) {
                problem("llm", e.getMessage());
            }
            return null;
        }

        private double decimal(JsonNode parent, String path, String key, double fallback) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return fallback;
            }
            String text = substitute(path, node.asText()).strip();
            try {
                double value = Double.parseDouble(text);
                if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                    problem(path, "must not be negative, was " + text);
                    return fallback;
                }
                return value;
            } catch (NumberFormatException e) {
                problem(path, "must be a number, was '" + text + "'");
                return fallback;
            }
        }

        private void checkKeys(JsonNode node, String path) {
            Set<String> known = KEYS.get(path);
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                String child = path.isEmpty() ? key : path + "." + key;
                if (!known.contains(key)) {
                    problem(child, "unknown key (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
                } else if (KEYS.containsKey(child) && node.get(key).isObject()) {
                    checkKeys(node.get(key), child);
                }
            }
        }

        private JsonNode object(JsonNode parent, String key) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                problem(key, "expected a mapping");
                return JsonNodeFactory.instance.objectNode();
            }
            return node;
        }

        private String text(JsonNode parent, String key, String fallback) {
            return text(parent, key, key, fallback);
        }

        private String text(JsonNode parent, String path, String key, String fallback) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isValueNode()) {
                problem(path, "expected a single value");
                return fallback;
            }
            return substitute(path, node.asText()).strip();
        }

        private List<String> strings(JsonNode parent, String key) {
            return strings(parent, key, key);
        }

        private List<String> strings(JsonNode parent, String path, String key) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                problem(path, "expected a list");
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isValueNode()) {
                    problem(path + "[" + i + "]", "expected a single value");
                } else {
                    values.add(substitute(path + "[" + i + "]", node.get(i).asText()).strip());
                }
            }
            return values;
        }

        private int integer(JsonNode parent, String path, String key, int fallback, int least) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return fallback;
            }
            String text = substitute(path, node.asText()).strip();
            try {
                int value = Integer.parseInt(text);
                if (value < least) {
                    problem(path, "must be at least " + least + ", was " + value);
                    return fallback;
                }
                return value;
            } catch (NumberFormatException e) {
                problem(path, "must be a whole number, was '" + text + "'");
                return fallback;
            }
        }

        private boolean bool(JsonNode parent, String path, String key, boolean fallback) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return fallback;
            }
            String text = substitute(path, node.asText()).strip().toLowerCase(Locale.ROOT);
            if (!text.equals("true") && !text.equals("false")) {
                problem(path, "must be true or false, was '" + text + "'");
                return fallback;
            }
            return Boolean.parseBoolean(text);
        }

        private Duration duration(JsonNode parent, String path, String key, Duration fallback) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return fallback;
            }
            String text = substitute(path, node.asText()).strip();
            Optional<Duration> duration = ConfigLoader.duration(text);
            if (duration.isEmpty()) {
                problem(path, "must be a duration such as 30s, 500ms, 2m or 1h, was '" + text + "'");
                return fallback;
            }
            return duration.get();
        }

        private Path path(JsonNode parent, String key, String fallback) {
            return path(parent, key, key, fallback);
        }

        private Path path(JsonNode parent, String path, String key, String fallback) {
            String text = text(parent, path, key, fallback == null ? "" : fallback);
            if (text.isEmpty()) {
                return null;
            }
            // a flag's path, like any path without a file, is read from the working folder as written
            return flag(path) != null || folder == null ? Path.of(text) : folder.resolve(text).normalize();
        }

        /** The node with {@code ${NAME}} filled in in every string below it. */
        private JsonNode substituted(String path, JsonNode node) {
            if (node.isTextual()) {
                return TextNode.valueOf(substitute(path, node.asText()));
            }
            JsonNode copy = node.deepCopy();
            if (copy.isObject()) {
                var object = (com.fasterxml.jackson.databind.node.ObjectNode) copy;
                for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    object.set(key, substituted(path + "." + key, node.get(key)));
                }
            } else if (copy.isArray()) {
                var array = (com.fasterxml.jackson.databind.node.ArrayNode) copy;
                for (int i = 0; i < node.size(); i++) {
                    array.set(i, substituted(path + "[" + i + "]", node.get(i)));
                }
            }
            return copy;
        }

        private String substitute(String path, String value) {
            if (flag(path) != null) {
                // the shell has already filled in a flag's variables
                return value;
            }
            Matcher matcher = VARIABLE.matcher(value);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String replacement = environment.get(name);
                if (replacement == null || replacement.isEmpty() && matcher.group(2) != null) {
                    replacement = matcher.group(2);
                }
                if (replacement == null) {
                    problem(path, "environment variable " + name + " is not set");
                    replacement = "";
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(out);
            return out.toString();
        }
    }
}
