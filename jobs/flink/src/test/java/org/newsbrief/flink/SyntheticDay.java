package org.newsbrief.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.FileArticleSource;

/**
 * A day of news made up from the articles in {@code samples/}: records whose paragraphs are drawn
 * from several articles, so that most are told apart, with the cases a real day has mixed in:
 * agency copies lightly edited, exact copies under another id, chains of copies, records of several
 * documents, and lines the batch must skip. Seeded, so every run makes the same day.
 */
final class SyntheticDay {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticDay() {}

    /** @return the project folder, which the build names, else the one two levels up */
    static Path home() {
        return Path.of(System.getProperty("newsbrief.home", "../..")).toAbsolutePath().normalize();
    }

    /**
     * @param records how many lines to write
     * @param target the file to write
     * @throws IOException when the samples cannot be read or the file written
     */
    static void write(int records, Path target) throws IOException {
        List<Article> samples = new FileArticleSource(List.of(home().resolve("samples"))).read().articles();
        List<String> paragraphs = new ArrayList<>();
        for (Article sample : samples) {
            Arrays.stream(sample.text().split("\\n\\s*\\n")).map(String::strip).filter(p -> p.split(" ").length >= 12)
                    .forEach(paragraphs::add);
        }
        if (paragraphs.size() < 40) {
            throw new IllegalStateException("samples/ gave only " + paragraphs.size() + " paragraphs");
        }
        Random random = new Random(20261125L);
        List<String> texts = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; lines.size() < records; i++) {
            String id = "day-" + i;
            String text;
            if (i % 10 == 7 && texts.size() > 3) {
                // an agency copy: a few words changed, a credit line added
                text = edited(texts.get(texts.size() - 3), random) + "\n\n(Additional reporting by the wire desk.)";
            } else if (i % 25 == 11) {
                // the same text again under another id, only its spacing and case changed
                text = "  " + texts.get(random.nextInt(texts.size())).toUpperCase(java.util.Locale.ROOT) + "\n";
            } else if (i % 20 == 8) {
                // a copy of the copy before it: a chain whose ends may be too far apart to meet alone
                text = edited(texts.get(texts.size() - 1), random);
            } else {
                text = mix(paragraphs, random);
            }
            if (i % 20 == 5) {
                lines.add(several(id, paragraphs, random));
            } else {
                texts.add(text);
                ObjectNode record = JSON.createObjectNode();
                record.put("id", id);
                record.put("title", "Report " + i);
                record.put("text", text);
                lines.add(record.toString());
            }
            if (i == 30) {
                lines.add("{\"id\": \"day-broken\", \"text\": ");
            }
            if (i == 60) {
                lines.add("{\"title\": \"No id\", \"text\": \"A record without an id is skipped by the batch. It says so.\"}");
                lines.add("");
            }
            if (i == 90) {
                lines.add("{\"id\": 90, \"text\": \"Numbers stay numbers as ids. The batch keeps them as they are written.\"}");
            }
        }
        Files.write(target, lines.subList(0, records), StandardCharsets.UTF_8);
    }

    private static String mix(List<String> paragraphs, Random random) {
        List<String> chosen = new ArrayList<>();
        int count = 3 + random.nextInt(4);
        for (int k = 0; k < count; k++) {
            chosen.add(paragraphs.get(random.nextInt(paragraphs.size())));
        }
        return String.join("\n\n", chosen);
    }

    /** The text with one word in eighty replaced, as a subeditor would touch an agency story. */
    private static String edited(String text, Random random) {
        String[] words = text.split(" ");
        for (int k = 0; k < Math.max(1, words.length / 80); k++) {
            words[random.nextInt(words.length)] = "reportedly";
        }
        return String.join(" ", words);
    }

    private static String several(String id, List<String> paragraphs, Random random) {
        ObjectNode record = JSON.createObjectNode();
        record.put("id", id);
        record.put("title", "One event, several outlets");
        ArrayNode documents = record.putArray("documents");
        for (int k = 0; k < 2 + random.nextInt(2); k++) {
            ObjectNode document = documents.addObject();
            document.put("title", "Outlet " + k);
            document.put("text", mix(paragraphs, random));
        }
        return record.toString();
    }
}
