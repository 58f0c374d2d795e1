package org.newsbrief.summarize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * The learned news scorer: for each {@link Form} of article, a logistic regression over {@link
 * NewsFeatures} giving the probability that a sentence belongs in the summary, and how strongly a
 * longer sentence is preferred. Stored as text: {@code #} comment lines that hold the provenance,
 * then one section per form, {@code [flat]} and {@code [paragraphed]}, of {@code name value} lines,
 * with values printed to six decimals so that training writes the same bytes on every machine.
 *
 * @param comments the provenance lines, without their leading {@code #}
 * @param flat the part for articles that come as one block of text
 * @param paragraphed the part for articles that come in paragraphs
 */
public record ScorerModel(List<String> comments, Part flat, Part paragraphed) {

    /** The shipped model's resource, beside this class. */
    public static final String RESOURCE = "news-scorer.txt";

    /**
     * The shape an article comes in. Wire copy flattened into one block and a web page in
     * paragraphs are written, and summarized by their readers, differently: the flat copies in
     * the development data come with short highlights of their lede, the paragraphed ones with
     * summaries that keep the longer sentences the story turns on. Each form has its own part of
     * the model, learned from articles of that form.
     */
    public enum Form {
        /** The whole text is one block. */
        FLAT,
        /** Some document has more than one paragraph. */
        PARAGRAPHED;

        /**
         * @param article the article, or several reports joined with {@link AnalyzedArticle#combine}
         * @return {@link #PARAGRAPHED} when some document's sentences lie in more than one block
         */
        public static Form of(AnalyzedArticle article) {
            List<Sentence> sentences = article.sentences();
            for (int i = 1; i < sentences.size(); i++) {
                // sentences run in order, so a document's second block shows where its block changes
                if (article.documentOf(i) == article.documentOf(i - 1)
                        && sentences.get(i).block() != sentences.get(i - 1).block()) {
                    return PARAGRAPHED;
                }
            }
            return FLAT;
        }

        /** @return the section name in the model file */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One form's scorer.
     *
     * @param lengthExponent a sentence's score is its probability times its word count to this
     *     power; 0 for no length preference
     * @param bias the intercept
     * @param weights one weight per feature of {@link NewsFeatures#NAMES}, in that order
     */
    public record Part(double lengthExponent, double bias, List<Double> weights) {

        public Part {
            weights = List.copyOf(weights);
            if (weights.size() != NewsFeatures.NAMES.size()) {
                throw new IllegalArgumentException("weights must have " + NewsFeatures.NAMES.size() + " entries, had "
                        + weights.size());
            }
            if (!(lengthExponent >= 0 && lengthExponent <= 4)) {
                throw new IllegalArgumentException("length exponent must be between 0 and 4, was " + lengthExponent);
            }
        }

        /**
         * @param features one sentence's features
         * @return the probability that it belongs in the summary
         */
        public double probability(double[] features) {
            double z = bias;
            for (int f = 0; f < features.length; f++) {
                z += weights.get(f) * features[f];
            }
            return 1 / (1 + Math.exp(-z));
        }

        /**
         * @param features one sentence's features
         * @param words its word count
         * @return the score the selection ranks it by
         */
        public double score(double[] features, int words) {
            double probability = probability(features);
            return lengthExponent == 0 ? probability : probability * Math.pow(Math.max(1, words), lengthExponent);
        }

        /**
         * @param exponent another length exponent
         * @return this part with that exponent
         */
        public Part withLengthExponent(double exponent) {
            return new Part(exponent, bias, weights);
        }
    }

    public ScorerModel {
        comments = List.copyOf(comments);
        Objects.requireNonNull(flat, "flat");
        Objects.requireNonNull(paragraphed, "paragraphed");
    }

    /**
     * @param comments the provenance lines
     * @param both the part for both forms
     * @return a model that scores every article alike
     */
    public static ScorerModel uniform(List<String> comments, Part both) {
        return new ScorerModel(comments, both, both);
    }

    /**
     * @param form a form of article
     * @return its part
     */
    public Part part(Form form) {
        return form == Form.FLAT ? flat : paragraphed;
    }

    /**
     * @param form a form of article
     * @param part its new part
     * @return this model with that part
     */
    public ScorerModel with(Form form, Part part) {
        return form == Form.FLAT ? new ScorerModel(comments, part, paragraphed) : new ScorerModel(comments, flat, part);
    }

    /**
     * @param comments other provenance lines
     * @return this model with those
     */
    public ScorerModel withComments(List<String> comments) {
        return new ScorerModel(comments, flat, paragraphed);
    }

    /** @return the model as its file holds it */
    public String format() {
        StringBuilder text = new StringBuilder();
        for (String comment : comments) {
            text.append('#').append(comment.isEmpty() ? "" : " " + comment).append('\n');
        }
        for (Form form : Form.values()) {
            Part part = part(form);
            text.append('[').append(form.key()).append("]\n");
            text.append("length_exponent ").append(number(part.lengthExponent())).append('\n');
            text.append("bias ").append(number(part.bias())).append('\n');
            for (int f = 0; f < part.weights().size(); f++) {
                text.append(NewsFeatures.NAMES.get(f)).append(' ').append(number(part.weights().get(f))).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * @param value a weight
     * @return it with six decimals, and never as "-0.000000"
     */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.6f", value);
        return text.equals("-0.000000") ? "0.000000" : text;
    }

    /**
     * @return the model shipped with newsbrief
     * @throws UncheckedIOException naming the resource when it is missing or unreadable
     */
    public static ScorerModel shipped() {
        try (InputStream in = ScorerModel.class.getResourceAsStream(RESOURCE)) {
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
     * @throws IllegalArgumentException naming the source and line when a line, section or feature is wrong
     */
    public static ScorerModel read(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        List<String> comments = new ArrayList<>();
        Map<Form, Map<String, Double>> sections = new EnumMap<>(Form.class);
        Map<String, Double> values = null;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String stripped = line.strip();
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
            } else if (stripped.startsWith("[")) {
                Form form = section(stripped, name, number);
                if (sections.containsKey(form)) {
                    throw new IllegalArgumentException(name + ":" + number + ": section " + stripped + " appears twice");
                }
                values = new LinkedHashMap<>();
                sections.put(form, values);
            } else if (!stripped.isEmpty()) {
                if (values == null) {
                    throw new IllegalArgumentException(name + ":" + number + ": a value before the first [section]");
                }
                String[] parts = stripped.split("\\s+");
                try {
                    if (parts.length != 2) {
                        throw new NumberFormatException("want 'name value'");
                    }
                    values.put(parts[0], Double.parseDouble(parts[1]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + ":" + number + ": " + e.getMessage(), e);
                }
            }
        }
        Map<Form, Part> parts = new EnumMap<>(Form.class);
        for (Form form : Form.values()) {
            Map<String, Double> section = sections.get(form);
            if (section == null) {
                throw new IllegalArgumentException(name + ": no [" + form.key() + "] section");
            }
            parts.put(form, part(section, name + " [" + form.key() + "]"));
        }
        return new ScorerModel(comments, parts.get(Form.FLAT), parts.get(Form.PARAGRAPHED));
    }

    private static Form section(String header, String name, int number) {
        for (Form form : Form.values()) {
            if (header.equals("[" + form.key() + "]")) {
                return form;
            }
        }
        throw new IllegalArgumentException(name + ":" + number + ": unknown section " + header + ", want [flat] or [paragraphed]");
    }

    private static Part part(Map<String, Double> values, String name) {
        values = new LinkedHashMap<>(values);
        Double exponent = values.remove("length_exponent");
        Double bias = values.remove("bias");
        List<Double> weights = new ArrayList<>();
        for (String feature : NewsFeatures.NAMES) {
            Double weight = values.remove(feature);
            if (weight == null) {
                throw new IllegalArgumentException(name + ": no weight for feature " + feature);
            }
            weights.add(weight);
        }
        if (bias == null || exponent == null || !values.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + (bias == null ? "no bias"
                    : exponent == null ? "no length_exponent" : "unknown features " + values.keySet()));
        }
        return new Part(exponent, bias, weights);
    }
}
