package org.newsbrief.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.newsbrief.internal.Parallel;
import org.newsbrief.compose.SectionClassifier;
import org.newsbrief.compose.SectionFeatures;
import org.newsbrief.events.RunLog;

/**
 * How often a section classifier chooses the section a labelled item's label names. A data set
 * whose labels name only some of the model's sections (AG News has no Politics and no Culture and
 * entertainment) is measured twice: choosing among the sections its labels name, which is what its
 * labels can judge, and choosing among all the model's sections, which is what a briefing does.
 */
public final class SectionEvaluation {

    /**
     * Counts of true against chosen sections.
     *
     * @param truths the true sections, the rows
     * @param chosen the sections that could be chosen, the columns
     * @param counts {@code counts[row][column]}: items of that true section given that section
     */
    public record Confusion(List<String> truths, List<String> chosen, int[][] counts) {

        public Confusion {
            truths = List.copyOf(truths);
            chosen = List.copyOf(chosen);
            int[][] copy = new int[truths.size()][];
            for (int r = 0; r < copy.length; r++) {
                copy[r] = counts[r].clone();
                if (copy[r].length != chosen.size()) {
                    throw new IllegalArgumentException("each row of counts must have one count per chosen section");
                }
            }
            counts = copy;
        }

        /** @return a copy of the counts */
        @Override
        public int[][] counts() {
            int[][] copy = new int[counts.length][];
            for (int r = 0; r < copy.length; r++) {
                copy[r] = counts[r].clone();
            }
            return copy;
        }

        /** @return how many items were classified */
        public int total() {
            int total = 0;
            for (int[] row : counts) {
                for (int count : row) {
                    total += count;
                }
            }
            return total;
        }

        /** @return how many were given their true section */
        public int correct() {
            int correct = 0;
            for (int r = 0; r < truths.size(); r++) {
                int column = chosen.indexOf(truths.get(r));
                correct += column < 0 ? 0 : counts[r][column];
            }
            return correct;
        }

        /** @return the share given their true section; 0 without items */
        public double accuracy() {
            int total = total();
            return total == 0 ? 0 : (double) correct() / total;
        }

        /**
         * @param other counts over the same sections
         * @return both added up
         */
        public Confusion plus(Confusion other) {
            if (!truths.equals(other.truths) || !chosen.equals(other.chosen)) {
                throw new IllegalArgumentException("confusions must be over the same sections");
            }
            int[][] sum = new int[truths.size()][chosen.size()];
            for (int r = 0; r < sum.length; r++) {
                for (int c = 0; c < sum[r].length; c++) {
                    sum[r][c] = counts[r][c] + other.counts[r][c];
                }
            }
            return new Confusion(truths, chosen, sum);
        }
    }

    /**
     * A measurement on some items.
     *
     * @param restricted choosing among the sections the data set's labels name
     * @param unrestricted choosing among all the model's sections
     */
    public record Outcome(Confusion restricted, Confusion unrestricted) {

        public Outcome {
            Objects.requireNonNull(restricted, "restricted");
            Objects.requireNonNull(unrestricted, "unrestricted");
        }

        Outcome plus(Outcome other) {
            return new Outcome(restricted.plus(other.restricted), unrestricted.plus(other.unrestricted));
        }
    }

    /**
     * A cross-validation.
     *
     * @param folds each fold's outcome, measured on that fold by a model trained without it
     * @param pooled all folds' counts added up
     * @param extra how many items of other data every fold's model was also trained on
     */
    public record CrossValidation(List<Outcome> folds, Outcome pooled, int extra) {

        public CrossValidation {
            folds = List.copyOf(folds);
            Objects.requireNonNull(pooled, "pooled");
        }

        /** @return the mean of the folds' accuracies, choosing among the data set's sections */
        public double meanRestricted() {
            return folds.stream().mapToDouble(fold -> fold.restricted().accuracy()).average().orElse(0);
        }

        /** @return the mean of the folds' accuracies, choosing among all the model's sections */
        public double meanUnrestricted() {
            return folds.stream().mapToDouble(fold -> fold.unrestricted().accuracy()).average().orElse(0);
        }
    }

    private SectionEvaluation() {}

    /**
     * @param classifier the classifier
     * @param items labelled items whose sections are all among the classifier's
     * @return its counts on them
     * @throws IllegalArgumentException when an item's section is not one the classifier knows
     */
    public static Outcome evaluate(SectionClassifier classifier, List<SectionData.Item> items) {
        List<String> truths = SectionData.sections(items);
        checkKnown(classifier.sections(), truths);
        SectionFeatures features = new SectionFeatures();
        List<Map<String, Integer>> terms = new ArrayList<>(items.size());
        items.forEach(item -> terms.add(features.of(item.title(), item.text())));
        return outcome(classifier, items, terms, truths, classifier.sections(), indexes(items.size(), 1, -1));
    }

    /**
     * K-fold cross-validation: the item at position i (counting from 0) is in fold {@code i mod k};
     * each fold is measured by a model {@link SectionTraining trained} on the other folds and on
     * all of {@code extra}.
     *
     * @param items labelled items
     * @param extra labelled items that every fold's model is also trained on, such as another data
     *     set the shipped model learns from
     * @param k the number of folds, at least 2
     * @param progress receives a line as each fold ends
     * @return each fold's outcome and their sum
     * @throws IllegalArgumentException when {@code k} is below 2 or above the number of items
     */
    public static CrossValidation crossValidate(List<SectionData.Item> items, List<SectionData.Item> extra, int k,
            RunLog progress) {
        return crossValidateEach(List.of(items), extra, k, progress).get(0);
    }

    /**
     * K-fold cross-validation over several data sets at once: the item at position i of each data
     * set is in fold {@code i mod k}, and each fold's model is trained on the other folds of every
     * data set and on all of {@code extra}, then measured on its fold of each data set.
     *
     * @param datasets the data sets, each a list of labelled items
     * @param extra labelled items that every fold's model is also trained on
     * @param k the number of folds, at least 2
     * @param progress receives a line as each fold ends
     * @return one cross-validation per data set, in the order given
     * @throws IllegalArgumentException when {@code k} is below 2 or above the size of some data set
     */
    public static List<CrossValidation> crossValidateEach(List<List<SectionData.Item>> datasets,
            List<SectionData.Item> extra, int k, RunLog progress) {
        Objects.requireNonNull(progress, "progress");
        int smallest = datasets.stream().mapToInt(List::size).min().orElse(0);
        if (k < 2 || k > smallest) {
            throw new IllegalArgumentException("k must be from 2 to the number of items (" + smallest + "), was " + k);
        }
        List<List<Map<String, Integer>>> terms = datasets.stream().map(SectionTraining::terms).toList();
        List<Map<String, Integer>> extraTerms = SectionTraining.terms(extra);
        List<SectionData.Item> all = new ArrayList<>(extra);
        datasets.forEach(all::addAll);
        List<String> sections = SectionData.sections(all);
        List<List<String>> truths = datasets.stream().map(SectionData::sections).toList();
        // folds are independent, so two are trained at once; each is the same whichever runs first
        List<Integer> numbers = java.util.stream.IntStream.range(0, k).boxed().toList();
        List<List<Outcome>> byFold = Parallel.mapAll(numbers, Math.min(2, Runtime.getRuntime().availableProcessors()), fold -> {
            List<Map<String, Integer>> trainTerms = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int d = 0; d < datasets.size(); d++) {
                for (int i = 0; i < datasets.get(d).size(); i++) {
                    if (i % k != fold) {
                        trainTerms.add(terms.get(d).get(i));
                        labels.add(datasets.get(d).get(i).section());
                    }
                }
            }
            trainTerms.addAll(extraTerms);
            extra.forEach(item -> labels.add(item.section()));
            List<String> trained = sections.stream().filter(labels::contains).toList();
            SectionClassifier classifier = new SectionClassifier(SectionTraining.fit(trainTerms, labels, trained, List.of()));
            List<Outcome> outcomes = new ArrayList<>();
            StringBuilder line = new StringBuilder("fold " + (fold + 1) + " of " + k + ": accuracy");
            for (int d = 0; d < datasets.size(); d++) {
                Outcome outcome = outcome(classifier, datasets.get(d), terms.get(d), truths.get(d), sections,
                        indexes(datasets.get(d).size(), k, fold));
                outcomes.add(outcome);
                line.append(d == 0 ? " " : "; ").append(String.format(java.util.Locale.ROOT, "%.4f (among all sections %.4f)",
                        outcome.restricted().accuracy(), outcome.unrestricted().accuracy()));
            }
            progress.progress(line.toString());
            return outcomes;
        });
        List<List<Outcome>> folds = new ArrayList<>();
        for (int d = 0; d < datasets.size(); d++) {
            int dataset = d;
            folds.add(byFold.stream().map(outcomes -> outcomes.get(dataset)).toList());
        }
        List<CrossValidation> results = new ArrayList<>();
        for (List<Outcome> outcomes : folds) {
            Outcome pooled = outcomes.get(0);
            for (int f = 1; f < outcomes.size(); f++) {
                pooled = pooled.plus(outcomes.get(f));
            }
            results.add(new CrossValidation(outcomes, pooled, extra.size()));
        }
        return results;
    }

    private static void checkKnown(List<String> sections, List<String> truths) {
        for (String truth : truths) {
            if (!sections.contains(truth)) {
                throw new IllegalArgumentException("the data names the section " + truth + ", which the model does not"
                        + " choose (it chooses among " + String.join(", ", sections) + ")");
            }
        }
    }

    /** The positions in fold {@code fold} of {@code k}, or all of them for fold -1. */
    private static int[] indexes(int size, int k, int fold) {
        return java.util.stream.IntStream.range(0, size).filter(i -> fold < 0 || i % k == fold).toArray();
    }

    /**
     * A fold's model may lack a section that none of its training items has; items of that section
     * then count as wrong, and the columns stay those of all the data.
     */
    private static Outcome outcome(SectionClassifier classifier, List<SectionData.Item> items,
            List<Map<String, Integer>> terms, List<String> truths, List<String> all, int[] measured) {
        int[][] inside = new int[truths.size()][truths.size()];
        int[][] everywhere = new int[truths.size()][all.size()];
        List<String> own = truths.stream().filter(classifier.sections()::contains).toList();
        for (int i : measured) {
            double[] scores = classifier.scores(terms.get(i));
            int row = truths.indexOf(items.get(i).section());
            if (!own.isEmpty()) {
                inside[row][truths.indexOf(classifier.best(scores, own))]++;
            }
            everywhere[row][all.indexOf(classifier.best(scores, classifier.sections()))]++;
        }
        return new Outcome(new Confusion(truths, truths, inside), new Confusion(truths, all, everywhere));
    }
}
