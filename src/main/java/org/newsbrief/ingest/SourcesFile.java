package org.newsbrief.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The sources file: which feeds, pages, folders and files to read, each with a display name and
 * an optional section. YAML:
 *
 * <pre>
 * sources:
 *   - name: The Harbour Times
 *     section: Business
 *     feed: https://www.harbourtimes.example/rss.xml
 *   - name: Newsroom drafts
 *     folder: drafts
 * </pre>
 *
 * Each entry has exactly one of {@code feed}, {@code page}, {@code url} (feed or page, told apart by
 * content), {@code folder}, {@code file} or {@code opml}; a relative path is read from the sources
 * file's own folder. {@code weight} (a number, default 1) is kept for ranking.
 */
public final class SourcesFile {

    /**
     * One entry of the file.
     *
     * @param name display name of the outlet, or empty
     * @param section the briefing section, or empty
     * @param kind which key gave the location
     * @param location the address or path, paths resolved against the file's folder
     * @param weight ranking weight
     */
    public record Entry(String name, String section, String kind, String location, double weight) {}

    private static final Set<String> KINDS = Set.of("feed", "page", "url", "folder", "file", "opml");
    private static final Set<String> KEYS = Set.of("name", "section", "weight", "feed", "page", "url", "folder", "file",
            "opml");

    /**
     * YAML as operators write it: nesting at most 20 deep, no repeated keys, no alias expansion.
     * Sources files and configurations are small and flat; anything deeper is an attack on the
     * parser. Shared with the configuration loader, so both refuse the same things.
     */
    public static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build()).build();
    private static final long MAX_BYTES = 1024 * 1024;

    private SourcesFile() {}

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(20);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /**
     * @param file the sources file
     * @return its entries, in order
     * @throws IngestException naming the file and the entry when the file is invalid
     */
    public static List<Entry> read(Path file) {
        JsonNode root;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new IngestException(file + ": not a regular file; only regular files are read");
            }
            String yaml = TextDecoding.decode(FileArticleSource.bytesOf(file, MAX_BYTES, "a sources file"), file.toString());
            refuseAliases(file, yaml);
            root = new ObjectMapper(YAML).readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IngestException(file + JsonArticles.lineOf(e) + ": not valid YAML: " + JsonArticles.firstLine(e.getOriginalMessage()), e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IngestException(file + ": no such file", e);
        } catch (IOException e) {
            throw new IngestException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode sources = root == null ? null : root.get("sources");
        if (sources == null || !sources.isArray() || sources.isEmpty()) {
            throw new IngestException(file + ": needs a non-empty 'sources:' list");
        }
        return entries(sources, file.toAbsolutePath().getParent(), index -> file + ": sources[" + index + "]");
    }

    /**
     * Reads a list of entries found elsewhere, such as inline in a configuration file.
     *
     * @param sources the YAML list
     * @param folder the folder relative paths are read from
     * @param where names an entry by its index in messages
     * @return the entries, in order
     * @throws IngestException naming the entry when one is invalid
     */
    public static List<Entry> entries(JsonNode sources, Path folder, java.util.function.IntFunction<String> where) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            entries.add(entry(where.apply(i), folder, sources.get(i)));
        }
        return entries;
    }

    private static Entry entry(String where, Path folder, JsonNode node) {
        if (!node.isObject()) {
            throw new IngestException(where + ": expected a mapping with a name and a feed, page, folder or file");
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new IngestException(where + "." + key + ": unknown key (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        List<String> kinds = KINDS.stream().filter(node::hasNonNull).sorted().toList();
        if (kinds.size() != 1) {
            throw new IngestException(where + ": needs exactly one of feed, page, url, folder, file or opml"
                    + (kinds.isEmpty() ? "" : " (has " + String.join(", ", kinds) + ")"));
        }
        String kind = kinds.get(0);
        String location = node.get(kind).asText().strip();
        if (location.isEmpty()) {
            throw new IngestException(where + "." + kind + ": is empty");
        }
        boolean web = location.matches("(?i)^[a-z][a-z0-9+.-]*://.*");
        if (!web && !kind.equals("page")) {
            location = folder.resolve(location).normalize().toString();
        }
        double weight = 1;
        if (node.has("weight")) {
            if (!node.get("weight").isNumber() || node.get("weight").asDouble() < 0) {
                throw new IngestException(where + ".weight: must be a number of at least 0");
            }
            weight = node.get("weight").asDouble();
        }
        return new Entry(text(node, "name"), text(node, "section"), kind, location, weight);
    }

    /**
     * Refuses YAML aliases ({@code *name}). Nothing a sources file says needs them, they are how
     * alias bombs are built, and the parser would read each as the plain text of its name.
     */
    private static void refuseAliases(Path file, String yaml) throws IOException {
        try (YAMLParser parser = YAML.createParser(yaml)) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias()) {
                    throw new IngestException(file + ":" + parser.currentLocation().getLineNr()
                            + ": YAML aliases (*" + parser.getText() + ") are not accepted in a sources file");
                }
            }
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }
}
