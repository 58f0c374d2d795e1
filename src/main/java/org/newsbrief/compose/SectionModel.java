package org.newsbrief.compose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The trained section classifier's parameters: a linear model over the tf-idf vector of a story's
 * {@link SectionFeatures}, one weight per term and section and one bias per section; the section
 * with the highest score wins.
 *
 * <p>Stored as UTF-8 text: {@code #} comment lines that hold the provenance, then a {@code sections}
 * line, an {@code items} line (how many items the model was trained on) and a {@code bias} line,
 * then one line per term: the term, the number of training items it occurs in, and its weight for
 * each section, separated by tabs (a term may hold a space). Weights are printed with {@value
 * #DECIMALS} decimals, so that training writes the same bytes on every machine.
 */
public final class SectionModel {

    /** The shipped model's resource, beside this class. */
    public static final String RESOURCE = "sections.txt";
    /** Decimals of every number in the file. */
    static final int DECIMALS = 2;

    private static volatile SectionModel shipped;

    private final List<String> comments;
    private final List<String> sections;
    private final int items;
    private final double[] biases;
    private final List<String> terms;
    private final Map<String, Integer> index;
    private final int[] documents;
    private final double[] idf;
    /** Term-major: the weights of term t are at {@code t * sections.size()} onwards. */
    private final double[] weights;

    /**
     * @param comments the provenance lines, without their leading {@code #}
     * @param sections the sections the model chooses among
     * @param items how many items the model was trained on
     * @param biases one per section
     * @param terms the vocabulary, each term once
     * @param documents for each term, the number of training items it occurs in, from 1 to {@code items}
     * @param weights one row per term, one weight per section in each
     * @throws IllegalArgumentException when the sizes disagree, a term repeats or a number is out of range
     */
    public SectionModel(List<String> comments, List<String> sections, int items, double[] biases, List<String> terms,
            int[] documents, double[][] weights) {
        this.comments = List.copyOf(comments);
        this.sections = List.copyOf(sections);
        this.terms = List.copyOf(terms);
        if (this.sections.isEmpty()) {
            throw new IllegalArgumentException("sections must not be empty");
        }
        if (biases.length != this.sections.size() || documents.length != this.terms.size()
                || weights.length != this.terms.size()) {
            throw new IllegalArgumentException("biases must have one value per section, documents and weights one per term");
        }
        int c = this.sections.size();
        this.items = items;
        this.biases = finite(biases.clone(), "biases");
        this.documents = documents.clone();
        this.idf = new double[documents.length];
        for (int t = 0; t < documents.length; t++) {
            if (documents[t] < 1 || documents[t] > items) {
                throw new IllegalArgumentException("term " + this.terms.get(t) + " must occur in 1 to " + items
                        + " items, not " + documents[t]);
            }
            idf[t] = idf(items, documents[t]);
        }
        this.weights = new double[this.terms.size() * c];
        this.index = new HashMap<>(this.terms.size() * 2);
        for (int t = 0; t < weights.length; t++) {
            if (weights[t].length != c) {
                throw new IllegalArgumentException("weights of term " + this.terms.get(t) + " must have " + c + " values");
            }
            System.arraycopy(finite(weights[t], "weights"), 0, this.weights, t * c, c);
            if (index.put(this.terms.get(t), t) != null) {
                throw new IllegalArgumentException("term " + this.terms.get(t) + " appears twice");
            }
        }
    }

    /**
     * The inverse document frequency that weighs a term, smoothed as if one more item held every term.
     *
     * @param items how many items the model was trained on
     * @param documents how many of them hold the term
     * @return {@code 1 + ln((1 + items) / (1 + documents))}
     */
    public static double idf(int items, int documents) {
        return 1 + StrictMath.log((1.0 + items) / (1.0 + documents));
    }

    private static double[] finite(double[] values, String name) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be finite numbers, had " + value);
            }
        }
        return values;
    }

    /** @return the provenance lines */
    public List<String> comments() {
        return comments;
    }

    /** @return the sections the model chooses among, in the file's order */
    public List<String> sections() {
        return sections;
    }

    /** @return how many terms the model knows */
    public int termCount() {
        return terms.size();
    }

    /**
     * @param candidates terms
     * @return whether the model knows some of them
     */
    public boolean knowsAny(java.util.Collection<String> candidates) {
        return candidates.stream().anyMatch(index::containsKey);
    }

    /**
     * @param comments other provenance lines
     * @return this model with those
     */
    public SectionModel withComments(List<String> comments) {
        double[][] rows = new double[terms.size()][];
        for (int t = 0; t < rows.length; t++) {
            rows[t] = Arrays.copyOfRange(weights, t * sections.size(), (t + 1) * sections.size());
        }
        return new SectionModel(comments, sections, items, biases, terms, documents, rows);
    }

    /**
     * The score of each section for a story: its bias plus the weights of the story's terms, each
     * term weighed by its tf-idf, {@code (1 + ln count) * idf}, in a vector of length one.
     *
     * @param counts the story's terms and their counts, from {@link SectionFeatures}
     * @return one score per section, in the order of {@link #sections()}
     */
    public double[] scores(Map<String, Integer> counts) {
        int c = sections.size();
        double[] scores = biases.clone();
        int[] found = new int[counts.size()];
        double[] values = new double[counts.size()];
        int n = 0;
        double norm = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            Integer t = index.get(entry.getKey());
            if (t != null && entry.getValue() > 0) {
                double value = (1 + StrictMath.log(entry.getValue())) * idf[t];
                found[n] = t;
                values[n++] = value;
                norm += value * value;
            }
        }
        if (n == 0) {
            return scores;
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < n; k++) {
            int row = found[k] * c;
            double value = values[k] / norm;
            for (int s = 0; s < c; s++) {
                scores[s] += value * weights[row + s];
            }
        }
        return scores;
    }

    /** @return the model as its file holds it */
    public String format() {
        StringBuilder text = new StringBuilder(terms.size() * 48);
        for (String comment : comments) {
            text.append('#').append(comment.isEmpty() ? "" : " " + comment).append('\n');
        }
        text.append("sections");
        sections.forEach(section -> text.append('\t').append(section));
        text.append("\nitems\t").append(items);
        text.append("\nbias");
        for (double bias : biases) {
            text.append('\t').append(number(bias));
        }
        text.append('\n');
        int c = sections.size();
        for (int t = 0; t < terms.size(); t++) {
            text.append(terms.get(t)).append('\t').append(documents[t]);
            for (int s = 0; s < c; s++) {
                text.append('\t').append(number(weights[t * c + s]));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * @param value a parameter
     * @return it in hundredths, rounded half up, as the file prints it
     */
    private static long hundredths(double value) {
        return Math.round(value * 100);
    }

    /**
     * @param value a parameter
     * @return it with {@value #DECIMALS} decimals, and never as a negative zero
     */
    static String number(double value) {
        long hundredths = hundredths(value);
        long whole = Math.abs(hundredths);
        return (hundredths < 0 ? "-" : "") + whole / 100 + (whole % 100 < 10 ? ".0" : ".") + whole % 100;
    }

    /**
     * @param value a parameter
     * @return it as the model file holds it, rounded to {@value #DECIMALS} decimals
     */
    public static double rounded(double value) {
        return hundredths(value) / 100.0; // the double nearest the printed decimal, as reading it gives
    }

    /**
     * The model shipped with newsbrief, read on first use and shared: it is never changed after
     * reading, so any number of threads may use it at once.
     *
     * @return the model
     * @throws UncheckedIOException naming the resource when it is missing or unreadable
     * @throws IllegalArgumentException naming the resource and line when it is malformed
     */
    public static SectionModel shipped() {
        SectionModel model = shipped;
        if (model == null) {
            synchronized (SectionModel.class) {
                model = shipped;
                if (model == null) {
                    model = load();
                    shipped = model;
                }
            }
        }
        return model;
    }

    private static SectionModel load() {
        try (InputStream in = SectionModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing resource " + RESOURCE));
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * @param in the model's text, UTF-8
     * @param name where it came from, for messages
     * @return the model
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException naming the source and line when a line is malformed
     */
    public static SectionModel read(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        List<String> comments = new ArrayList<>();
        List<String> sections = null;
        int items = -1;
        double[] biases = null;
        List<String> terms = new ArrayList<>();
        List<Integer> documents = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (sections == null && line.startsWith("#")) { // the provenance heads the file
                String comment = line.substring(1);
                comments.add(comment.startsWith(" ") ? comment.substring(1) : comment);
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            try {
                if (sections == null) {
                    if (!fields[0].equals("sections") || fields.length < 2) {
                        throw new IllegalArgumentException("want a 'sections' line first, tab-separated");
                    }
                    sections = List.of(Arrays.copyOfRange(fields, 1, fields.length));
                } else if (items < 0) {
                    if (!fields[0].equals("items") || fields.length != 2) {
                        throw new IllegalArgumentException("want an 'items' line second");
                    }
                    items = Integer.parseInt(fields[1]);
                    if (items < 1) {
                        throw new IllegalArgumentException("items must be at least 1");
                    }
                } else if (biases == null) {
                    if (!fields[0].equals("bias") || fields.length != sections.size() + 1) {
                        throw new IllegalArgumentException("want a 'bias' line with " + sections.size() + " values");
                    }
                    biases = numbers(fields, 1);
                } else {
                    if (fields.length != sections.size() + 2) {
                        throw new IllegalArgumentException("want a term, its item count and " + sections.size() + " weights");
                    }
                    terms.add(fields[0]);
                    documents.add(Integer.parseInt(fields[1]));
                    weights.add(numbers(fields, 2));
                }
            } catch (IllegalArgumentException e) { // NumberFormatException too
                throw new IllegalArgumentException(name + ":" + number + ": " + e.getMessage(), e);
            }
        }
        if (biases == null) {
            throw new IllegalArgumentException(name + ": no " + (sections == null ? "'sections'" : items < 0 ? "'items'"
                    : "'bias'") + " line");
        }
        try {
            return new SectionModel(comments, sections, items, biases, terms,
                    documents.stream().mapToInt(Integer::intValue).toArray(), weights.toArray(new double[0][]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static double[] numbers(String[] fields, int from) {
        double[] values = new double[fields.length - from];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(fields[from + i]);
        }
        return values;
    }
}
