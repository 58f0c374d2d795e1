package org.newsbrief.summarize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A logistic regression over {@link NewsFeatures}: the probability that a sentence belongs in the
 * summary. Stored as text, one {@code name weight} pair a line after {@code #} comment lines that
 * hold the provenance, with weights printed to six decimals so that training writes the same bytes
 * on every machine.
 *
 * @param comments the provenance lines, without their leading {@code #}
 * @param bias the intercept
 * @param weights one weight per feature of {@link NewsFeatures#NAMES}, in that order
 */
public record ScorerModel(List<String> comments, double bias, List<Double> weights) {

    /** The shipped model's resource, beside this class. */
    public static final String RESOURCE = "news-scorer.txt";

    public ScorerModel {
        comments = List.copyOf(comments);
        weights = List.copyOf(weights);
        if (weights.size() != NewsFeatures.NAMES.size()) {
            throw new IllegalArgumentException("weights must have " + NewsFeatures.NAMES.size() + " entries, had "
                    + weights.size());
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

    /** @return the model as its file holds it */
    public String format() {
        StringBuilder text = new StringBuilder();
        for (String comment : comments) {
            text.append('#').append(comment.isEmpty() ? "" : " " + comment).append('\n');
        }
        text.append("bias ").append(number(bias)).append('\n');
        for (int f = 0; f < weights.size(); f++) {
            text.append(NewsFeatures.NAMES.get(f)).append(' ').append(number(weights.get(f))).append('\n');
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
     * @throws IllegalArgumentException naming the source when a line or feature is wrong
     */
    public static ScorerModel read(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        List<String> comments = new ArrayList<>();
        Map<String, Double> values = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
            } else if (!line.isBlank()) {
                String[] parts = line.strip().split("\\s+");
                try {
                    if (parts.length != 2) {
                        throw new NumberFormatException("want 'name weight'");
                    }
                    values.put(parts[0], Double.parseDouble(parts[1]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + ":" + number + ": " + e.getMessage(), e);
                }
            }
        }
        Double bias = values.remove("bias");
        List<Double> weights = new ArrayList<>();
        for (String feature : NewsFeatures.NAMES) {
            Double weight = values.remove(feature);
            if (weight == null) {
                throw new IllegalArgumentException(name + ": no weight for feature " + feature);
            }
            weights.add(weight);
        }
        if (bias == null || !values.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + (bias == null ? "no bias" : "unknown features " + values.keySet()));
        }
        return new ScorerModel(comments, bias, weights);
    }
}
