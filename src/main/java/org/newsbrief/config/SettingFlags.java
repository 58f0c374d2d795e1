package org.newsbrief.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The flags that set what {@code newsbrief.yaml} sets, each with its key. Flags are laid over the
 * file's settings before the one loader reads them, so every such option has the same meaning, the
 * same default and the same checks in both places, and a flag wins over the file.
 */
public final class SettingFlags {

    /** How a flag's values become the key's value. */
    public enum Kind {
        /** One value; given twice, the last wins. */
        VALUE,
        /** A list: the flag repeated, or values separated by commas. */
        LIST,
        /** On or off: {@code --follow-links}, or a negatable {@code --group-stories}/{@code --no-group-stories}. */
        SWITCH,
        /** Sets the key to {@code none}, as {@code --no-llm-cache} does. */
        NONE,
        /** Two numbers, {@code IN,OUT}, for two keys. */
        PAIR
    }

    /**
     * One flag and the keys it sets.
     *
     * @param name the flag, such as {@code --max-stories}
     * @param keys the dotted keys it sets, such as {@code stories.max}; two for a {@link Kind#PAIR}
     * @param kind how its values become the key's
     */
    public record Flag(String name, List<String> keys, Kind kind) {

        public Flag {
            keys = List.copyOf(keys);
        }

        Flag(String name, String key, Kind kind) {
            this(name, Arrays.asList(key.split(",")), kind);
        }
    }

    /** Every flag that is also a key of {@code newsbrief.yaml}. */
    public static final List<Flag> FLAGS = List.of(
            new Flag("--title", "title", Kind.VALUE),
            new Flag("--time-zone", "time_zone", Kind.VALUE),
            new Flag("--sources", "sources", Kind.VALUE),
            new Flag("--sections", "sections", Kind.LIST),
            new Flag("--algorithm", "summary.algorithm", Kind.VALUE),
            new Flag("--sentences", "summary.sentences", Kind.VALUE),
            new Flag("--words", "summary.words", Kind.VALUE),
            new Flag("--bytes", "summary.bytes", Kind.VALUE),
            new Flag("--ratio", "summary.ratio", Kind.VALUE),
            new Flag("--group-stories", "stories.group", Kind.SWITCH),
            new Flag("--max-stories", "stories.max", Kind.VALUE),
            new Flag("--per-section", "stories.per_section", Kind.VALUE),
            new Flag("--since", "stories.window", Kind.VALUE),
            new Flag("--watch", "stories.watch", Kind.LIST),
            new Flag("--templates", "templates", Kind.VALUE),
            new Flag("--format", "formats", Kind.LIST),
            new Flag("--paper", "paper", Kind.VALUE),
            new Flag("--out", "out", Kind.VALUE),
            new Flag("--threads", "threads", Kind.VALUE),
            new Flag("--timeout", "fetch.timeout", Kind.VALUE),
            new Flag("--max-bytes", "fetch.max_bytes", Kind.VALUE),
            new Flag("--allow-private-network", "fetch.allow_private_network", Kind.SWITCH),
            new Flag("--allow-host", "fetch.allow_hosts", Kind.LIST),
            new Flag("--follow-links", "fetch.follow_links", Kind.SWITCH),
            new Flag("--cache", "fetch.cache", Kind.VALUE),
            new Flag("--article-timeout", "analysis.article_timeout", Kind.VALUE),
            new Flag("--run-timeout", "analysis.run_timeout", Kind.VALUE),
            new Flag("--summarizer", "summarizer", Kind.VALUE),
            new Flag("--llm-provider", "llm.provider", Kind.VALUE),
            new Flag("--llm-model", "llm.model", Kind.VALUE),
            new Flag("--llm-base-url", "llm.base_url", Kind.VALUE),
            new Flag("--llm-temperature", "llm.temperature", Kind.VALUE),
            new Flag("--llm-max-tokens", "llm.max_tokens", Kind.VALUE),
            new Flag("--llm-timeout", "llm.timeout", Kind.VALUE),
            new Flag("--llm-retries", "llm.retries", Kind.VALUE),
            new Flag("--llm-concurrency", "llm.concurrency", Kind.VALUE),
            new Flag("--llm-breaker-threshold", "llm.breaker_threshold", Kind.VALUE),
            new Flag("--llm-max-input-tokens", "llm.max_input_tokens", Kind.VALUE),
            new Flag("--llm-max-words", "llm.max_words", Kind.VALUE),
            new Flag("--llm-budget-tokens", "llm.budget_tokens", Kind.VALUE),
            new Flag("--llm-budget", "llm.budget", Kind.VALUE),
            new Flag("--llm-prices", "llm.price_input,llm.price_output", Kind.PAIR),
            new Flag("--llm-cache", "llm.cache", Kind.VALUE),
            new Flag("--no-llm-cache", "llm.cache", Kind.NONE),
            new Flag("--prompts", "llm.prompts", Kind.VALUE));

    /**
     * Keys of {@code newsbrief.yaml} that belong to scheduled, delivered editions ({@code run} and
     * {@code schedule}) and have no flag on {@code generate}, with the reason.
     */
    public static final Map<String, String> EDITION_ONLY = orderedMap(
            "id", "names the editions in the store, the archive and the outbox, which generate does not use",
            "archive", "generate writes to --out; only editions are archived",
            "outbox", "only editions are mailed",
            "data", "holds the store of editions and deliveries",
            "store", "records editions and deliveries",
            "repeats", "needs the store's record of earlier editions",
            "schedule", "only schedule runs on a timetable",
            "editions", "a day's editions by name, each made by run --edition or on its own schedule",
            "recipients", "only editions are mailed",
            "lists", "only editions are mailed",
            "mail", "only editions are mailed",
            "web_base_url", "the address the archive is served at, which only editions' emails link to",
            "window", "the same as stories.window (--since), kept at the top level for older files",
            "watch", "the same as stories.watch (--watch), kept at the top level for older files");

    /**
     * Options of {@code generate} that are about one run or the command line itself, not settings,
     * with the reason.
     */
    public static final Map<String, String> RUN_ONLY = orderedMap(
            "--config", "names the file itself",
            "--date", "the day of one run",
            "--report", "where one run's report goes",
            "--verbose", "how the command line prints errors",
            "--help", "the command line's own",
            "--version", "the command line's own");

    private SettingFlags() {}

    /**
     * @param name a flag, such as {@code --since}
     * @return its entry, when it is one of {@link #FLAGS}
     */
    public static Optional<Flag> named(String name) {
        return FLAGS.stream().filter(flag -> flag.name().equals(name)).findFirst();
    }

    /**
     * Lays flags over a configuration's settings.
     *
     * @param root the file's settings, changed in place
     * @param given each flag given, in order, with its values as written
     * @param origins receives, for each key set, the flag that set it
     * @throws ConfigException when a flag's values cannot be laid out, such as one number for {@code --llm-prices}
     */
    static void overlay(ObjectNode root, Map<String, List<String>> given, Map<String, String> origins) {
        Set<String> lengths = Set.of("summary.sentences", "summary.words", "summary.bytes", "summary.ratio");
        boolean lengthGiven = false;
        for (Map.Entry<String, List<String>> entry : given.entrySet()) {
            Flag flag = named(entry.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "not a settings flag: " + entry.getKey()));
            List<String> values = entry.getValue();
            List<String> keys = flag.keys();
            if (!lengthGiven && lengths.contains(keys.get(0))) {
                // A length flag replaces whatever length the file sets, rather than clashing with it.
                JsonNode summary = root.get("summary");
                if (summary instanceof ObjectNode object) {
                    lengths.forEach(key -> object.remove(key.substring("summary.".length())));
                }
                lengthGiven = true;
            }
            switch (flag.kind()) {
                case VALUE, SWITCH -> put(root, place(root, keys.get(0)), TextNode.valueOf(values.get(values.size() - 1)),
                        flag, origins);
                case NONE -> put(root, keys.get(0), TextNode.valueOf("none"), flag, origins);
                case LIST -> {
                    ArrayNode list = JsonNodeFactory.instance.arrayNode();
                    values.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                            .filter(value -> !value.isEmpty()).forEach(list::add);
                    put(root, place(root, keys.get(0)), list, flag, origins);
                }
                case PAIR -> {
                    String[] parts = values.get(values.size() - 1).split(",");
                    if (parts.length != 2) {
                        throw new ConfigException(flag.name() + " takes two numbers: IN,OUT");
                    }
                    put(root, keys.get(0), TextNode.valueOf(parts[0].strip()), flag, origins);
                    put(root, keys.get(1), TextNode.valueOf(parts[1].strip()), flag, origins);
                }
                default -> throw new IllegalStateException(flag.kind().name());
            }
        }
    }

    /** {@code stories.window} and {@code stories.watch} go where the file keeps them, at the top or under stories. */
    private static String place(ObjectNode root, String key) {
        if ((key.equals("stories.window") || key.equals("stories.watch")) && (root.has("window") || root.has("watch"))
                && !(root.get("stories") instanceof ObjectNode stories && (stories.has("window") || stories.has("watch")))) {
            return key.substring("stories.".length());
        }
        return key;
    }

    private static void put(ObjectNode root, String key, JsonNode value, Flag flag, Map<String, String> origins) {
        String[] parts = key.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = parent.putObject(parts[i]);
            }
            parent = (ObjectNode) child;
        }
        parent.set(parts[parts.length - 1], value);
        origins.put(key, flag.name());
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
