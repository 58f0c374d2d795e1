package org.newsbrief.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.IngestException;
import org.newsbrief.ingest.JsonArticles;
import org.newsbrief.ingest.SectionNames;
import org.newsbrief.ingest.SkippedInput;
import org.newsbrief.ingest.Utf8Lines;

/**
 * News items labelled with their section, read from JSON Lines: {@code {"id", "title", "text",
 * "label"}}. The label may also stand in a {@code section} or {@code category} field, or be the
 * part of the id before a slash, as in the BBC data set ({@code "sport/042"}). Labels are mapped
 * onto the briefing's sections as inputs' sections are ({@link SectionNames#known}): {@code Sports}
 * is Sport, {@code Sci/Tech} and {@code tech} are Science and technology, {@code entertainment}
 * is Culture and entertainment.
 */
final class SectionData {

    /**
     * One labelled news item.
     *
     * @param id its id, or the file and line when it has none
     * @param title its headline, possibly empty
     * @param text its body, possibly empty when the title is not
     * @param section the section its label names
     */
    public record Item(String id, String title, String text, String section) {

        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(section, "section");
        }
    }

    private SectionData() {}

    /**
     * @param file the data set
     * @param skipped receives each line that could not be used, with the file and line number
     * @return the usable items, in file order
     * @throws IOException when the file cannot be read
     */
    public static List<Item> read(Path file, Consumer<SkippedInput> skipped) throws IOException {
        return read(file, SectionNames.KNOWN, skipped);
    }

    /**
     * @param file the data set
     * @param sections the sections an item may be labelled with, such as those a model chooses among
     * @param skipped receives each line that could not be used, with the file and line number
     * @return the usable items, in file order
     * @throws IOException when the file cannot be read
     */
    public static List<Item> read(Path file, List<String> sections, Consumer<SkippedInput> skipped) throws IOException {
        Objects.requireNonNull(sections, "sections");
        Objects.requireNonNull(skipped, "skipped");
        List<Item> items = new ArrayList<>();
        try (Utf8Lines lines = new Utf8Lines(Files.newInputStream(file), FetchSettings.DEFAULT_MAX_BYTES)) {
            for (Utf8Lines.Line line = lines.next(); line != null; line = lines.next()) {
                String where = file + ":" + line.number();
                if (!line.readable()) {
                    skipped.accept(new SkippedInput(where, line.problem()));
                } else if (!line.text().isBlank()) {
                    try {
                        items.add(item(JsonArticles.readLine(line.text(), where), where, sections));
                    } catch (IngestException e) {
                        String message = e.getMessage();
                        skipped.accept(new SkippedInput(where,
                                message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message));
                    }
                }
            }
        }
        return items;
    }

    private static Item item(JsonNode node, String where, List<String> sections) {
        if (node == null || !node.isObject()) {
            throw new IngestException(where + ": expected a JSON object");
        }
        String id = text(node, "id");
        String title = text(node, "title");
        String body = text(node, "text");
        if (title.isBlank() && body.isBlank()) {
            throw new IngestException(where + ": no \"title\" or \"text\"");
        }
        String label = text(node, "label");
        label = label.isBlank() ? text(node, "section") : label;
        label = label.isBlank() ? text(node, "category") : label;
        if (label.isBlank() && id.indexOf('/') > 0) {
            label = id.substring(0, id.indexOf('/'));
        }
        if (label.isBlank()) {
            throw new IngestException(where + ": no \"label\", \"section\" or \"category\", and no id of the form"
                    + " section/number");
        }
        Optional<String> section = SectionNames.known(label);
        if (section.isEmpty()) {
            throw new IngestException(where + ": the label \"" + label + "\" names none of the sections "
                    + String.join(", ", SectionNames.KNOWN));
        }
        if (!sections.contains(section.get())) {
            throw new IngestException(where + ": the label \"" + label + "\" names " + section.get()
                    + ", which is not among the sections chosen here (" + String.join(", ", sections) + ")");
        }
        return new Item(id.isBlank() ? where : id, title, body, section.get());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /**
     * Where the data sets that the shipped model learns from come from, and their terms of use, as
     * their distributors state them; keyed by the files' SHA-256.
     */
    private static final java.util.Map<String, String> PROVENANCE = java.util.Map.of(
            "fd017cdaf213e2e690503bc88debd18173aa56716f3d490cfb71391cc70600d7",
            "AG's News Topic Classification Dataset, version 3 (Xiang Zhang; Zhang, Zhao and LeCun, NIPS 2015):"
                    + " 12,683 items of its training split, none of its test split, from copies published on GitHub."
                    + " Its readme: provided by the academic community for research purposes and any other"
                    + " non-commercial activity; the news texts belong to their publishers.",
            "67db230840b36b1f61df600ea965c2bfe151b9faac5e7c2df167b043ffe0e1b5",
            "BBC News Summary (Kaggle, pariza/bbc-news-summary, stated there as CC0: Public Domain): the 2,225"
                    + " BBC articles of 2004-2005 of Greene and Cunningham's BBC corpus (ICML 2006), labelled by the"
                    + " category in their ids. All rights in the articles are owned by the BBC.");

    /**
     * @param sha256 a data set file's SHA-256, in lower-case hex
     * @return where that data set comes from and on what terms, when it is one newsbrief knows
     */
    public static Optional<String> provenance(String sha256) {
        return Optional.ofNullable(PROVENANCE.get(sha256));
    }

    /**
     * @param items labelled items
     * @return the sections their labels name, in the order of {@link SectionNames#KNOWN}
     */
    public static List<String> sections(List<Item> items) {
        Set<String> named = new LinkedHashSet<>();
        items.forEach(item -> named.add(item.section()));
        return SectionNames.KNOWN.stream().filter(named::contains).toList();
    }
}
