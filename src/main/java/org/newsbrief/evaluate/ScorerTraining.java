package org.newsbrief.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.newsbrief.nlp.NlpModels;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.summarize.LearnedSummarizer;
import org.newsbrief.summarize.NewsFeatures;
import org.newsbrief.summarize.ScorerModel;
import org.newsbrief.summarize.Summarizer;
import org.newsbrief.summarize.SummaryLength;

/**
 * Trains the {@link ScorerModel} behind {@link LearnedSummarizer}. Each training sentence is
 * labelled 1 when a greedy ROUGE oracle picks it: starting from nothing, the sentence that raises
 * ROUGE-1 plus ROUGE-2 F1 against a reference most is added, until none raises it or
 * {@value #ORACLE_SENTENCES} are chosen (the labelling of SummaRuNNer, Nallapati, Zhai and Zhou, AAAI
 * 2017). A logistic regression is then fitted by full-batch gradient descent with L2
 * regularisation: a fixed number of steps over the records in file order, from zero weights,
 * so the same data give the same model bit for bit.
 */
public final class ScorerTraining {

    /** At most this many sentences labelled per reference. */
    static final int ORACLE_SENTENCES = 3;
    /** Gradient steps. */
    static final int ITERATIONS = 3000;
    /** Step size. */
    static final double LEARNING_RATE = 2.0;
    /** L2 penalty on the weights (not the bias), per training sentence. */
    static final double L2 = 0.0001;

    /**
     * Labelled sentences.
     *
     * @param features one row per sentence
     * @param labels 1 where the oracle chose the sentence
     */
    public record Examples(List<double[]> features, List<Integer> labels) {

        public Examples {
            features = List.copyOf(features);
            labels = List.copyOf(labels);
        }

        /** @return how many sentences the oracle chose */
        public int positives() {
            return labels.stream().mapToInt(Integer::intValue).sum();
        }
    }

    private ScorerTraining() {}

    /**
     * @param items records with references
     * @param use which records to take, by id
     * @return their sentences' features and oracle labels, in record order
     */
    public static Examples examples(List<Evaluation.Item> items, Predicate<String> use) {
        Rouge rouge = new Rouge();
        List<double[]> features = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Evaluation.Item item : items) {
            if (!use.test(item.id())) {
                continue;
            }
            double[][] rows = NewsFeatures.of(item.article());
            boolean[] chosen = new boolean[rows.length];
            List<List<String>> sentences = new ArrayList<>();
            for (Sentence sentence : item.article().sentences()) {
                sentences.add(rouge.tokens(sentence.text()));
            }
            for (String reference : item.references()) {
                for (int i : oracle(sentences, rouge.tokens(reference))) {
                    chosen[i] = true;
                }
            }
            for (int i = 0; i < rows.length; i++) {
                features.add(rows[i]);
                labels.add(chosen[i] ? 1 : 0);
            }
        }
        return new Examples(features, labels);
    }

    /**
     * @param sentences the article's sentences as ROUGE tokens
     * @param reference the reference's ROUGE tokens
     * @return the indexes the greedy oracle picks, in the order it picks them
     */
    static List<Integer> oracle(List<List<String>> sentences, List<String> reference) {
        List<Integer> picked = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        double current = 0;
        while (picked.size() < ORACLE_SENTENCES) {
            int best = -1;
            double bestScore = current;
            for (int i = 0; i < sentences.size(); i++) {
                if (picked.contains(i) || sentences.get(i).isEmpty()) {
                    continue;
                }
                List<String> candidate = new ArrayList<>(summary);
                candidate.addAll(sentences.get(i));
                double score = Rouge.rougeN(candidate, reference, 1).f1() + Rouge.rougeN(candidate, reference, 2).f1();
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            picked.add(best);
            summary.addAll(sentences.get(best));
            current = bestScore;
        }
        return picked;
    }

    /**
     * @param examples labelled sentences
     * @param comments provenance lines for the model file
     * @return the fitted model
     */
    public static ScorerModel fit(Examples examples, List<String> comments) {
        Objects.requireNonNull(examples, "examples");
        int features = NewsFeatures.NAMES.size();
        int n = examples.features().size();
        if (n == 0) {
            throw new IllegalArgumentException("examples must not be empty");
        }
        double[] weights = new double[features];
        double bias = 0;
        double[] gradient = new double[features];
        for (int step = 0; step < ITERATIONS; step++) {
            java.util.Arrays.fill(gradient, 0);
            double biasGradient = 0;
            for (int r = 0; r < n; r++) {
                double[] row = examples.features().get(r);
                double z = bias;
                for (int f = 0; f < features; f++) {
                    z += weights[f] * row[f];
                }
                double error = 1 / (1 + Math.exp(-z)) - examples.labels().get(r);
                for (int f = 0; f < features; f++) {
                    gradient[f] += error * row[f];
                }
                biasGradient += error;
            }
            for (int f = 0; f < features; f++) {
                weights[f] -= LEARNING_RATE * (gradient[f] / n + L2 * weights[f]);
            }
            bias -= LEARNING_RATE * biasGradient / n;
        }
        List<Double> list = new ArrayList<>();
        for (double weight : weights) {
            list.add(weight);
        }
        return new ScorerModel(comments, bias, list);
    }

    /**
     * @param models for the evaluation's sentence splitting
     * @param items records with references
     * @param use which records to score, by id
     * @param summarizer the summarizer to score
     * @param length summary length
     * @return ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 on those records
     */
    public static double[] rougeF1(NlpModels models, List<Evaluation.Item> items, Predicate<String> use,
            Summarizer summarizer, SummaryLength length) {
        List<Evaluation.Item> chosen = items.stream().filter(item -> use.test(item.id())).toList();
        Evaluation.Result result = new Evaluation(models, 1).run(chosen, List.of(summarizer), length).get(0);
        return new double[] {
            result.metric(Evaluation.Metric.ROUGE_1).f1().mean(),
            result.metric(Evaluation.Metric.ROUGE_2).f1().mean(),
            result.metric(Evaluation.Metric.ROUGE_LSUM).f1().mean(),
        };
    }
}
