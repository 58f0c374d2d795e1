package org.newsbrief.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import org.newsbrief.compose.SectionFeatures;
import org.newsbrief.compose.SectionModel;
import org.newsbrief.ingest.SectionNames;
import org.newsbrief.events.RunLog;

/**
 * Trains the {@link SectionModel} behind {@link org.newsbrief.compose.SectionClassifier} from
 * labelled news items.
 *
 * <ul>
 *   <li><b>Terms.</b> The {@link SectionFeatures} of each item's title and text; words found in
 *       fewer than {@value #MIN_DOCUMENTS} training items and word pairs found in fewer than
 *       {@value #MIN_DOCUMENTS_OF_PAIRS} are left out, which keeps the file near 2 MB at no
 *       measurable cost in accuracy. Each item is a tf-idf
 *       vector, {@code (1 + ln count) * (1 + ln((1 + items) / (1 + items with the term)))}, of
 *       length one, so a long article and a two-line wire item weigh alike.
 *   <li><b>Logistic regression.</b> Multinomial, with an L2 penalty of {@value #L2} on the weights
 *       (not the biases), fitted by L-BFGS from zero weights for at most {@value #ITERATIONS}
 *       steps, until a step lowers the loss by less than {@value #TOLERANCE} of it.
 *   <li><b>Naive Bayes.</b> Multinomial (McCallum and Nigam, 1998) over the same vectors, each
 *       term's share of a section smoothed by {@value #SMOOTHING}, with the sections' shares of the
 *       items as priors. Its log probabilities, times {@value #NAIVE_BAYES_WEIGHT}, are added to
 *       the regression's weights and biases. In 5-fold cross-validation on AG News (with the BBC
 *       data in every fold's training) the regression alone is right on 90.0% of the items and
 *       the sum on 90.4%; OpenNLP's maximum-entropy document categorizer over the same words and
 *       pairs, on 89.4%.
 *   <li><b>File.</b> Each term's weights are shifted to sum to zero over the sections, which
 *       leaves every choice as it was, and all numbers are rounded as the file prints them, so the
 *       model measured is the model written.
 * </ul>
 *
 * Training reads the items in the order given and every sum runs in a fixed order, so the same
 * data give the same file bit for bit.
 */
public final class SectionTraining {

    /** A word must occur in this many training items. */
    static final int MIN_DOCUMENTS = 2;
    /** A word pair must occur in this many training items. */
    static final int MIN_DOCUMENTS_OF_PAIRS = 3;
    /** The regression's L2 penalty. */
    static final double L2 = 4e-5;
    /** At most this many L-BFGS steps. */
    static final int ITERATIONS = 300;
    /** L-BFGS stops when a step lowers the loss by less than this share of it. */
    static final double TOLERANCE = 1e-7;
    /** Added to every term's weight in every section before naive Bayes takes shares. */
    static final double SMOOTHING = 0.1;
    /** How much naive Bayes' log probabilities count beside the regression's weights. */
    static final double NAIVE_BAYES_WEIGHT = 0.3;

    /** Folds of the cross-validation whose results the model file records. */
    public static final int FOLDS = 5;

    /**
     * A data set to train on.
     *
     * @param name the file's name, as the provenance gives it
     * @param sha256 the file's SHA-256, in lower-case hex
     * @param items its usable items, in file order
     * @param skipped how many of its lines could not be used
     */
    public record Dataset(String name, String sha256, List<SectionData.Item> items, int skipped) {

        public Dataset {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
            items = List.copyOf(items);
        }
    }

    /**
     * A data file a model was trained on, as its provenance names it.
     *
     * @param name the file's name
     * @param sha256 its SHA-256, in lower-case hex
     */
    public record Source(String name, String sha256) {}

    private static final java.util.regex.Pattern DATA_LINE =
            java.util.regex.Pattern.compile("data: (\\S+) sha256 ([0-9a-f]{64}):.*");

    private SectionTraining() {}

    /**
     * @param model a model this class trained
     * @return the data files its provenance names, in order
     */
    public static List<Source> sources(SectionModel model) {
        List<Source> sources = new ArrayList<>();
        for (String comment : model.comments()) {
            java.util.regex.Matcher matcher = DATA_LINE.matcher(comment);
            if (matcher.matches()) {
                sources.add(new Source(matcher.group(1), matcher.group(2)));
            }
        }
        return sources;
    }

    /**
     * Measures by cross-validation, then trains on everything, and records both in the provenance:
     * the method, each data set with its checksum, origin and counts, the command, and the
     * accuracy on each data set.
     *
     * @param datasets the data, in the order given on the command line
     * @param folds folds of the cross-validation over all the data sets at once; 0 for none
     * @param command the command that trains this model, for the provenance
     * @param progress receives a line as each step ends
     * @return the model trained on all the data
     * @throws IllegalArgumentException when there are no items, or fewer in some data set than folds
     */
    public static SectionModel train(List<Dataset> datasets, int folds, String command, RunLog progress) {
        List<SectionData.Item> all = new ArrayList<>();
        datasets.forEach(dataset -> all.addAll(dataset.items()));
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no item to train on");
        }
        List<String> sections = SectionData.sections(all);
        List<String> comments = new ArrayList<>();
        comments.add("newsbrief section classifier: a multinomial logistic regression (L2 penalty "
                + java.math.BigDecimal.valueOf(L2).stripTrailingZeros().toPlainString() + ", L-BFGS) plus " + NAIVE_BAYES_WEIGHT
                + " times a multinomial naive Bayes' log probabilities (smoothing " + SMOOTHING + "), over tf-idf"
                + " vectors of stemmed words and word pairs, the title's counted again apart; words found in at least "
                + MIN_DOCUMENTS + " training items, word pairs in at least " + MIN_DOCUMENTS_OF_PAIRS);
        List<String> missing = SectionNames.KNOWN.stream().filter(section -> !sections.contains(section)).toList();
        comments.add("sections: " + String.join(", ", sections) + (missing.isEmpty() ? ""
                : " (not " + String.join(", ", missing) + ": no training item is labelled with "
                        + (missing.size() == 1 ? "it" : "them") + ")"));
        comments.add("");
        for (Dataset dataset : datasets) {
            Map<String, Integer> perSection = new java.util.LinkedHashMap<>();
            SectionData.sections(dataset.items()).forEach(section -> perSection.put(section, 0));
            dataset.items().forEach(item -> perSection.merge(item.section(), 1, Integer::sum));
            StringBuilder counts = new StringBuilder();
            perSection.forEach((section, n) -> counts.append(counts.length() == 0 ? "" : ", ").append(section)
                    .append(' ').append(String.format(Locale.ROOT, "%,d", n)));
            comments.add("data: " + dataset.name() + " sha256 " + dataset.sha256() + ": "
                    + String.format(Locale.ROOT, "%,d", dataset.items().size()) + " items (" + counts + ")"
                    + (dataset.skipped() > 0 ? ", " + dataset.skipped() + " lines skipped" : ""));
            SectionData.provenance(dataset.sha256()).ifPresent(origin -> comments.add("  " + origin));
        }
        comments.add("command: " + command);
        if (folds > 0) {
            List<List<SectionData.Item>> parts = datasets.stream().map(Dataset::items).toList();
            List<SectionEvaluation.CrossValidation> results = SectionEvaluation.crossValidateEach(parts, List.of(), folds,
                    progress);
            comments.add("cross-validation: " + folds + " folds over all the data at once (item i of each file in fold"
                    + " i mod " + folds + "; each fold measured by a model trained on the other folds), accuracy pooled"
                    + " over the folds:");
            for (int d = 0; d < datasets.size(); d++) {
                SectionEvaluation.Outcome pooled = results.get(d).pooled();
                List<String> own = pooled.restricted().chosen();
                comments.add("  " + datasets.get(d).name() + ": " + accuracy(pooled.restricted()) + " choosing among its "
                        + own.size() + " sections" + (own.size() == sections.size() ? ""
                                : ", " + accuracy(pooled.unrestricted()) + " among all " + sections.size()));
            }
        }
        SectionModel model = fit(all, comments);
        progress.progress("trained on " + String.format(Locale.ROOT, "%,d", all.size()) + " items: "
                + String.format(Locale.ROOT, "%,d", model.termCount()) + " terms");
        return model;
    }

    private static String accuracy(SectionEvaluation.Confusion confusion) {
        return String.format(Locale.ROOT, "%.4f (%,d of %,d)", confusion.accuracy(), confusion.correct(),
                confusion.total());
    }

    /**
     * @param items labelled items, in a fixed order
     * @param comments the provenance lines for the model
     * @return the model, choosing among the sections the items name
     * @throws IllegalArgumentException when {@code items} is empty
     */
    public static SectionModel fit(List<SectionData.Item> items, List<String> comments) {
        return fit(terms(items), items.stream().map(SectionData.Item::section).toList(), SectionData.sections(items),
                comments);
    }

    /**
     * @param items labelled items
     * @return each item's terms and their counts, in item order
     */
    static List<Map<String, Integer>> terms(List<SectionData.Item> items) {
        SectionFeatures features = new SectionFeatures();
        List<Map<String, Integer>> terms = new ArrayList<>(items.size());
        for (SectionData.Item item : items) {
            terms.add(features.of(item.title(), item.text()));
        }
        return terms;
    }

    /**
     * @param counts each training item's terms
     * @param labels each training item's section
     * @param sections the sections to choose among; each must have some training item
     * @param comments the provenance lines
     * @return the model
     */
    static SectionModel fit(List<Map<String, Integer>> counts, List<String> labels, List<String> sections,
            List<String> comments) {
        Objects.requireNonNull(comments, "comments");
        if (counts.isEmpty() || counts.size() != labels.size()) {
            throw new IllegalArgumentException("need as many labels as items, and at least one item; had "
                    + counts.size() + " items and " + labels.size() + " labels");
        }
        Map<String, Integer> documents = new HashMap<>();
        for (Map<String, Integer> item : counts) {
            item.keySet().forEach(term -> documents.merge(term, 1, Integer::sum));
        }
        List<String> terms = new ArrayList<>();
        documents.forEach((term, n) -> {
            if (n >= (term.indexOf(' ') < 0 ? MIN_DOCUMENTS : MIN_DOCUMENTS_OF_PAIRS)) {
                terms.add(term);
            }
        });
        terms.sort(null);
        Map<String, Integer> index = new HashMap<>(terms.size() * 2);
        int[] found = new int[terms.size()];
        double[] idf = new double[terms.size()];
        for (int t = 0; t < terms.size(); t++) {
            index.put(terms.get(t), t);
            found[t] = documents.get(terms.get(t));
            idf[t] = SectionModel.idf(counts.size(), found[t]);
        }
        Vectors vectors = vectors(counts, index, idf);
        int[] classes = new int[labels.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = sections.indexOf(labels.get(i));
            if (classes[i] < 0) {
                throw new IllegalArgumentException("label " + labels.get(i) + " is not one of " + sections);
            }
        }
        int f = terms.size();
        int c = sections.size();
        double[] regression = Lbfgs.minimize(new Loss(vectors, classes, c, f), new double[(f + 1) * c], ITERATIONS,
                TOLERANCE);
        double[] bayes = naiveBayes(vectors, classes, c, f);
        double[] biases = new double[c];
        double[][] weights = new double[f][c];
        for (int s = 0; s < c; s++) {
            biases[s] = regression[f * c + s] + NAIVE_BAYES_WEIGHT * bayes[f * c + s];
            for (int t = 0; t < f; t++) {
                weights[t][s] = regression[t * c + s] + NAIVE_BAYES_WEIGHT * bayes[t * c + s];
            }
        }
        centre(biases);
        for (double[] row : weights) {
            centre(row);
        }
        return new SectionModel(comments, sections, counts.size(), biases, terms, found, weights);
    }

    /** Shifts the values to sum to zero, then rounds them as the model file prints them. */
    private static void centre(double[] values) {
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= values.length;
        for (int i = 0; i < values.length; i++) {
            values[i] = round(values[i] - mean);
        }
    }

    private static double round(double value) {
        return SectionModel.rounded(value);
    }

    /** Sparse rows: each item's term numbers in increasing order and their tf-idf values. */
    record Vectors(int[][] terms, double[][] values) {}

    /**
     * Each item's tf-idf vector of length one, as {@link SectionModel#scores} makes it; terms
     * outside the index are left out.
     */
    static Vectors vectors(List<Map<String, Integer>> counts, Map<String, Integer> index, double[] idf) {
        int[][] terms = new int[counts.size()][];
        double[][] values = new double[counts.size()][];
        for (int i = 0; i < counts.size(); i++) {
            long[] found = new long[counts.get(i).size()];
            int n = 0;
            for (Map.Entry<String, Integer> entry : counts.get(i).entrySet()) {
                Integer t = index.get(entry.getKey());
                if (t != null) {
                    found[n++] = (long) t << 32 | entry.getValue(); // sorts by term number
                }
            }
            Arrays.sort(found, 0, n);
            int[] row = new int[n];
            double[] value = new double[n];
            double norm = 0;
            for (int k = 0; k < n; k++) {
                row[k] = (int) (found[k] >>> 32);
                value[k] = (1 + StrictMath.log((int) found[k])) * idf[row[k]];
                norm += value[k] * value[k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < n; k++) {
                value[k] /= norm;
            }
            terms[i] = row;
            values[i] = value;
        }
        return new Vectors(terms, values);
    }

    /**
     * Mean cross-entropy of the softmax over the sections, plus the L2 penalty. Parameters are
     * term-major, the sections' weights of term t at {@code t * c}, the biases last, so that an
     * item's terms are read and written in few places.
     */
    private record Loss(Vectors vectors, int[] classes, int c, int f) implements Lbfgs.Function {

        @Override
        public double evaluate(double[] w, double[] gradient) {
            Arrays.fill(gradient, 0);
            double loss = 0;
            double[] z = new double[c];
            int n = classes.length;
            int biases = f * c;
            for (int i = 0; i < n; i++) {
                int[] terms = vectors.terms()[i];
                double[] values = vectors.values()[i];
                System.arraycopy(w, biases, z, 0, c);
                for (int k = 0; k < terms.length; k++) {
                    int row = terms[k] * c;
                    double value = values[k];
                    for (int s = 0; s < c; s++) {
                        z[s] += w[row + s] * value;
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < c; s++) {
                    max = Math.max(max, z[s]);
                }
                double total = 0;
                for (int s = 0; s < c; s++) {
                    z[s] = StrictMath.exp(z[s] - max);
                    total += z[s];
                }
                loss -= StrictMath.log(z[classes[i]] / total);
                for (int s = 0; s < c; s++) {
                    z[s] = (z[s] / total - (s == classes[i] ? 1 : 0)) / n; // the error, from here on
                    gradient[biases + s] += z[s];
                }
                for (int k = 0; k < terms.length; k++) {
                    int row = terms[k] * c;
                    double value = values[k];
                    for (int s = 0; s < c; s++) {
                        gradient[row + s] += z[s] * value;
                    }
                }
            }
            loss /= n;
            double penalty = 0;
            for (int p = 0; p < biases; p++) {
                penalty += w[p] * w[p];
                gradient[p] += L2 * w[p];
            }
            return loss + L2 / 2 * penalty;
        }
    }

    /** Log probabilities in the layout of the regression's parameters: term-major, then the log priors. */
    private static double[] naiveBayes(Vectors vectors, int[] classes, int c, int f) {
        double[] mass = new double[f * c];
        double[] items = new double[c];
        for (int i = 0; i < classes.length; i++) {
            items[classes[i]]++;
            int[] terms = vectors.terms()[i];
            double[] values = vectors.values()[i];
            for (int k = 0; k < terms.length; k++) {
                mass[terms[k] * c + classes[i]] += values[k];
            }
        }
        double[] log = new double[(f + 1) * c];
        for (int s = 0; s < c; s++) {
            double total = 0;
            for (int t = 0; t < f; t++) {
                total += mass[t * c + s] + SMOOTHING;
            }
            for (int t = 0; t < f; t++) {
                log[t * c + s] = StrictMath.log((mass[t * c + s] + SMOOTHING) / total);
            }
            log[f * c + s] = StrictMath.log(items[s] / classes.length);
        }
        return log;
    }
}
