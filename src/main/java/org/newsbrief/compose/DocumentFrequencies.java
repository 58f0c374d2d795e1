package org.newsbrief.compose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import opennlp.tools.stemmer.PorterStemmer;
import org.newsbrief.summarize.Terms;

/**
 * In how many articles of a large body of news each word stem occurs: the background that tells
 * a telling word ("Valdora", "cyclone") from one every report uses ("said", "year"), also on a day
 * of ten articles, where the day alone cannot tell them apart.
 *
 * <p>The shipped table ({@value #RESOURCE}) is counted from public news data by {@code newsbrief
 * train frequencies}; its header says from which.
 */
public final class DocumentFrequencies {

    /** The shipped table, beside this class. */
    static final String RESOURCE = "news-df.txt";
    /** Stems in fewer articles than this are left out of a table: they tell no more than an unseen one. */
    static final int MIN_COUNT = 3;

    private static final class Shipped {
        static final DocumentFrequencies TABLE = load();

        private static DocumentFrequencies load() {
            try (InputStream in = DocumentFrequencies.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the word frequency table " + RESOURCE + " is missing from the build");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final int documents;
    private final Map<String, Integer> counts;

    private DocumentFrequencies(int documents, Map<String, Integer> counts) {
        this.documents = documents;
        this.counts = counts;
    }

    /** @return the table shipped with newsbrief, read once */
    public static DocumentFrequencies shipped() {
        return Shipped.TABLE;
    }

    /** @return how many articles were counted */
    public int documents() {
        return documents;
    }

    /**
     * @param stem a stem as {@link #stems} makes it
     * @return in how many of the counted articles it occurs; 0 when it was rare or unseen
     */
    public int count(String stem) {
        return counts.getOrDefault(stem, 0);
    }

    /**
     * The content words of a text, as grouping compares them: runs of letters and digits,
     * lower-cased, stop words left out, Porter-stemmed.
     *
     * @param text any text
     * @param stemmer a stemmer (it keeps state, so one per thread)
     * @param known stems already made, reused
     * @param each receives each word's stem and whether the word was capitalized
     */
    static void stems(String text, PorterStemmer stemmer, Map<String, String> known, WordConsumer each) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            int c = text.codePointAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < length && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            String original = text.substring(start, i);
            String word = original.toLowerCase(Locale.ROOT);
            if (word.length() > 1 && !Terms.isStopWord(word)) {
                String stem = known.get(word);
                if (stem == null) {
                    stem = stemmer.stem(word);
                    known.put(word, stem);
                }
                each.accept(stem, Character.isUpperCase(c), start);
            }
        }
    }

    /** Receives one content word of a text. */
    @FunctionalInterface
    interface WordConsumer {
        /**
         * @param stem the word's stem
         * @param capitalized whether it begins with a capital letter
         * @param offset where it starts in the text
         */
        void accept(String stem, boolean capitalized, int offset);
    }

    /**
     * Counts the articles each stem occurs in.
     *
     * @param texts each article's title and body, one after another
     * @return the table, without stems rarer than {@value #MIN_COUNT} articles
     */
    public static DocumentFrequencies count(Iterable<String> texts) {
        PorterStemmer stemmer = new PorterStemmer();
        Map<String, String> known = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        int documents = 0;
        for (String text : texts) {
            Set<String> seen = new HashSet<>();
            stems(text, stemmer, known, (stem, capitalized, offset) -> seen.add(stem));
            seen.forEach(stem -> counts.merge(stem, 1, Integer::sum));
            documents++;
        }
        counts.values().removeIf(count -> count < MIN_COUNT);
        return new DocumentFrequencies(documents, counts);
    }

    /**
     * Writes the table: comment lines, then {@code documents N}, then one {@code stem count} line
     * per stem in code-point order, so the same data always gives the same bytes.
     *
     * @param out where to write
     * @param comments lines of provenance, written after {@code # }
     * @throws IOException when writing fails
     */
    public void write(Writer out, List<String> comments) throws IOException {
        for (String comment : comments) {
            out.write(comment.isEmpty() ? "#\n" : "# " + comment + "\n");
        }
        out.write("documents " + documents + "\n");
        for (Map.Entry<String, Integer> entry : new TreeMap<>(counts).entrySet()) {
            out.write(entry.getKey() + " " + entry.getValue() + "\n");
        }
    }

    /**
     * @param in a table as {@link #write} writes it
     * @return the table
     * @throws IOException when reading fails or the table is malformed
     */
    static DocumentFrequencies read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int documents = -1;
        Map<String, Integer> counts = new HashMap<>();
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            try {
                if (space < 1) {
                    throw new NumberFormatException("no count");
                }
                int value = Integer.parseInt(line.substring(space + 1));
                if (documents < 0) {
                    if (!line.startsWith("documents ")) {
                        throw new NumberFormatException("the first line must be 'documents N'");
                    }
                    documents = value;
                } else {
                    counts.put(line.substring(0, space), value);
                }
            } catch (NumberFormatException e) {
                throw new IOException("word frequency table, line " + number + ": " + e.getMessage());
            }
        }
        if (documents < 1) {
            throw new IOException("word frequency table: no 'documents N' line");
        }
        return new DocumentFrequencies(documents, counts);
    }
}
