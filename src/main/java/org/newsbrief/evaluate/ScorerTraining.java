package org.newsbrief.evaluate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.newsbrief.nlp.NlpModels;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.summarize.LeadSummarizer;
import org.newsbrief.summarize.LearnedSummarizer;
import org.newsbrief.summarize.NewsFeatures;
import org.newsbrief.summarize.NewsRankSummarizer;
import org.newsbrief.summarize.ScorerModel;
import org.newsbrief.summarize.ScorerModel.Form;
import org.newsbrief.summarize.Summarizer;
import org.newsbrief.summarize.SummaryLength;
import org.newsbrief.events.RunLog;

/**
 * Trains the {@link ScorerModel} behind {@link LearnedSummarizer}, one part per {@link Form} of
 * article, each from the training records of that form.
 *
 * <ul>
 *   <li><b>Labels.</b> Where a reference is extractive (the article's own sentences make up at
 *       least {@value #EXTRACTIVE_SHARE} of it), the sentences it contains are labelled 1: that is
 *       the oracle, exactly. Otherwise a greedy ROUGE oracle labels them: starting from nothing, the
 *       sentence that raises ROUGE-1 plus ROUGE-2 F1 against the reference most is added, until
 *       none raises it or {@value #ORACLE_SENTENCES} are chosen (the labelling of SummaRuNNer,
 *       Nallapati, Zhai and Zhou, AAAI 2017).
 *   <li><b>Weights.</b> A logistic regression fitted by full-batch gradient descent with L2
 *       regularisation: a fixed number of steps over the records in file order, from zero
 *       weights, so the same data give the same model bit for bit.
 *   <li><b>Length preference.</b> Each part's length exponent is chosen by measurement: the one of
 *       {@link #LENGTH_EXPONENTS} whose summaries of {@value #TUNE_SENTENCES} sentences have the
 *       highest ROUGE-1 plus ROUGE-Lsum F1 on the measured records of that form, the smallest of
 *       those within {@value #EXPONENT_TOLERANCE} of the best.
 * </ul>
 */
final class ScorerTraining {

    /** At most this many sentences labelled per abstractive reference. */
    static final int ORACLE_SENTENCES = 3;
    /** Share of a reference's characters that the article's sentences must cover for it to count as extractive. */
    static final double EXTRACTIVE_SHARE = 0.8;
    /** Gradient steps. */
    static final int ITERATIONS = 3000;
    /** Step size. */
    static final double LEARNING_RATE = 2.0;
    /** L2 penalty on the weights (not the bias), per training sentence. */
    static final double L2 = 0.0001;
    /** The length exponents tried for each part. */
    static final List<Double> LENGTH_EXPONENTS = List.of(0.0, 0.25, 0.5, 0.75, 1.0);
    /**
     * Exponents whose ROUGE-1 plus ROUGE-Lsum F1 lies this close to the best count as tied, and the
     * smallest of them is taken: a longer sentence has to earn its place.
     */
    static final double EXPONENT_TOLERANCE = 0.002;
    /** Summary length, in sentences, at which the length exponent is chosen and the metrics reported. */
    static final int TUNE_SENTENCES = 3;

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
     * Trains both parts, chooses their length exponents, and records the split and the metrics.
     *
     * @param models for the evaluation's sentence splitting
     * @param items records with references
     * @param train which records to train on, by id
     * @param tune which records to measure on, by id; never trained on
     * @param comments the provenance so far; the split, choices and metrics are added
     * @param progress receives a line as each step ends
     * @return the model, with its provenance
     * @throws IllegalArgumentException when no record matches {@code train}
     */
    public static ScorerModel train(NlpModels models, List<Evaluation.Item> items, Predicate<String> train,
            Predicate<String> tune, List<String> comments, RunLog progress) {
        Predicate<String> trainOnly = train.and(tune.negate());
        Map<Form, Examples> examples = new EnumMap<>(Form.class);
        Map<Form, ScorerModel.Part> parts = new EnumMap<>(Form.class);
        for (Form form : Form.values()) {
            examples.put(form, examples(items, trainOnly, form));
            if (!examples.get(form).features().isEmpty()) {
                parts.put(form, fit(examples.get(form)));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no record to train on");
        }
        for (Form form : Form.values()) { // a form without training records shares the other's part
            parts.computeIfAbsent(form, missing -> parts.values().iterator().next());
        }
        List<String> lines = new ArrayList<>(comments);
        ScorerModel model = new ScorerModel(List.of(), parts.get(Form.FLAT), parts.get(Form.PARAGRAPHED));
        for (Form form : Form.values()) {
            Predicate<String> ofForm = ofForm(items, form);
            Predicate<String> measured = ofForm.and(tune);
            long trained = count(items, ofForm.and(trainOnly));
            long tuned = count(items, measured);
            ScorerModel.Part part = parts.get(form);
            lines.add("[" + form.key() + "] split: trained on " + trained + " records ("
                    + examples.get(form).features().size() + " sentences, " + examples.get(form).positives()
                    + " labelled 1)" + (trained == 0 ? ", none of this form, so it shares the other form's part" : "")
                    + "; measured on " + tuned + " records");
            if (tuned > 0) {
                SummaryLength length = SummaryLength.sentences(TUNE_SENTENCES);
                List<double[]> measures = new ArrayList<>();
                double best = Double.NEGATIVE_INFINITY;
                StringBuilder tried = new StringBuilder();
                for (double exponent : LENGTH_EXPONENTS) {
                    ScorerModel candidate = model.with(form, part.withLengthExponent(exponent));
                    double[] scores = rougeF1(models, items, measured, new LearnedSummarizer(candidate), length);
                    measures.add(scores);
                    tried.append(tried.length() == 0 ? "" : ", ").append(exponent).append(": ")
                            .append(format(scores[0] + scores[2]));
                    best = Math.max(best, scores[0] + scores[2]);
                }
                int chosen = 0;
                while (measures.get(chosen)[0] + measures.get(chosen)[2] < best - EXPONENT_TOLERANCE) {
                    chosen++;
                }
                double[] bestScores = measures.get(chosen);
                model = model.with(form, part.withLengthExponent(LENGTH_EXPONENTS.get(chosen)));
                double[] lead = rougeF1(models, items, measured, new LeadSummarizer(), length);
                double[] newsRank = rougeF1(models, items, measured, new NewsRankSummarizer(), length);
                lines.add("[" + form.key() + "] length exponent " + model.part(form).lengthExponent()
                        + ", the smallest within " + EXPONENT_TOLERANCE + " of the best ROUGE-1 + ROUGE-Lsum F1 at "
                        + TUNE_SENTENCES + " sentences (" + tried + ")");
                lines.add("[" + form.key() + "] metrics on the measured records, " + TUNE_SENTENCES
                        + " sentences, ROUGE-1/2/Lsum F1: learned " + f1(bestScores) + "; lead " + f1(lead)
                        + "; newsrank " + f1(newsRank));
            }
            progress.progress(lines.get(lines.size() - 1));
        }
        return model.withComments(lines);
    }

    private static Predicate<String> ofForm(List<Evaluation.Item> items, Form form) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Evaluation.Item item : items) {
            if (Form.of(item.article()) == form) {
                ids.add(item.id());
            }
        }
        return ids::contains;
    }

    private static long count(List<Evaluation.Item> items, Predicate<String> use) {
        return items.stream().filter(item -> use.test(item.id())).count();
    }

    /**
     * @param items records with references
     * @param use which records to take, by id
     * @param form only records of this form
     * @return their sentences' features and labels, in record order
     */
    public static Examples examples(List<Evaluation.Item> items, Predicate<String> use, Form form) {
        Rouge rouge = new Rouge();
        List<double[]> features = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Evaluation.Item item : items) {
            if (!use.test(item.id()) || Form.of(item.article()) != form) {
                continue;
            }
            double[][] rows = NewsFeatures.of(item.article());
            boolean[] chosen = labels(item, rouge);
            for (int i = 0; i < rows.length; i++) {
                features.add(rows[i]);
                labels.add(chosen[i] ? 1 : 0);
            }
        }
        return new Examples(features, labels);
    }

    /**
     * @param item a record
     * @param rouge for tokens
     * @return for each sentence, whether some reference's oracle takes it
     */
    static boolean[] labels(Evaluation.Item item, Rouge rouge) {
        List<Sentence> article = item.article().sentences();
        boolean[] chosen = new boolean[article.size()];
        List<List<String>> sentences = null;
        for (String reference : item.references()) {
            boolean[] contained = extractive(article, reference);
            if (contained != null) {
                for (int i = 0; i < chosen.length; i++) {
                    chosen[i] |= contained[i];
                }
                continue;
            }
            if (sentences == null) {
                sentences = new ArrayList<>();
                for (Sentence sentence : article) {
                    sentences.add(rouge.tokens(sentence.text()));
                }
            }
            for (int i : oracle(sentences, rouge.tokens(reference))) {
                chosen[i] = true;
            }
        }
        return chosen;
    }

    /**
     * @param sentences an article's sentences
     * @param reference a reference summary
     * @return which sentences the reference contains word for word (spaces aside), or null when
     *     they make up less than {@value #EXTRACTIVE_SHARE} of it
     */
    static boolean[] extractive(List<Sentence> sentences, String reference) {
        String squeezed = squeeze(reference);
        if (squeezed.isEmpty()) {
            return null;
        }
        boolean[] contained = new boolean[sentences.size()];
        long covered = 0;
        for (int i = 0; i < contained.length; i++) {
            String sentence = squeeze(sentences.get(i).text());
            if (!sentence.isEmpty() && squeezed.contains(sentence)) {
                contained[i] = true;
                covered += sentence.length();
            }
        }
        return covered >= EXTRACTIVE_SHARE * squeezed.length() ? contained : null;
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
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
     * @return the fitted part, without a length preference
     */
    public static ScorerModel.Part fit(Examples examples) {
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
        return new ScorerModel.Part(0, bias, list);
    }

    private static String f1(double[] scores) {
        return String.format(java.util.Locale.ROOT, "%.3f / %.3f / %.3f", scores[0], scores[1], scores[2]);
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.4f", value);
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
