package org.newsbrief.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import opennlp.tools.sentdetect.SentenceDetectorME;
import org.newsbrief.internal.Parallel;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.IngestException;
import org.newsbrief.ingest.JsonArticles;
import org.newsbrief.ingest.SkippedInput;
import org.newsbrief.ingest.Utf8Lines;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.NlpModels;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.nlp.TextAnalyzer;
import org.newsbrief.summarize.Openers;
import org.newsbrief.summarize.Summarizer;
import org.newsbrief.summarize.SummaryLength;

/**
 * Scores summarizers on a data set with reference summaries: ROUGE-1, ROUGE-2 and summary-level
 * ROUGE-L per record, the best over the record's references, macro-averaged over records, each
 * with a 95% percentile bootstrap interval (1,000 resamples of the records, fixed seed).
 */
public final class Evaluation {

    /** The metrics, in the order results hold them. */
    public enum Metric {
        ROUGE_1("ROUGE-1"),
        ROUGE_2("ROUGE-2"),
        ROUGE_LSUM("ROUGE-Lsum");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        /** @return the name reports use */
        public String label() {
            return label;
        }
    }

    /**
     * A record to evaluate on: the analyzed input and its reference summaries.
     *
     * @param id the record's id
     * @param article the analyzed article (or, for several documents, their analyzed union)
     * @param references reference summaries
     */
    public record Item(String id, AnalyzedArticle article, List<String> references) {

        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(article, "article");
            references = List.copyOf(references);
            if (references.isEmpty()) {
                throw new IllegalArgumentException("record " + id + " has no references");
            }
        }
    }

    /**
     * A mean and its 95% interval.
     *
     * @param mean the macro-average over records
     * @param low the 2.5th percentile of bootstrap means
     * @param high the 97.5th percentile of bootstrap means
     */
    public record Estimate(double mean, double low, double high) {}

    /**
     * One metric's precision, recall and F1 estimates.
     *
     * @param precision precision
     * @param recall recall
     * @param f1 F1
     */
    public record MetricResult(Estimate precision, Estimate recall, Estimate f1) {}

    /**
     * One summarizer's results.
     *
     * @param algorithm its name
     * @param records how many records were scored
     * @param metrics ROUGE-1, ROUGE-2 and ROUGE-Lsum, in {@link Metric} order
     * @param words mean summary length in words
     * @param pointingBack share of summaries with a sentence that opens by pointing back ("He",
     *     "However", ...) while the sentence before it in the article is not in the summary
     */
    public record Result(String algorithm, int records, List<MetricResult> metrics, double words, double pointingBack) {

        public Result {
            metrics = List.copyOf(metrics);
        }

        /**
         * @param metric which metric
         * @return its estimates
         */
        public MetricResult metric(Metric metric) {
            return metrics.get(metric.ordinal());
        }
    }

    /**
     * Reads a data set of JSON Lines records, {@code {"id", "text" | "documents", "references":
     * [...]}}, and analyzes them on several threads. A bad record is reported and skipped.
     *
     * @param dataset the file
     * @param limit read at most this many records; 0 for all
     * @param analyzer the analyzer
     * @param threads records analyzed at once
     * @param skipped receives each record that could not be used
     * @return the records, in file order
     * @throws IOException when the file cannot be read
     */
    public static List<Item> read(Path dataset, int limit, TextAnalyzer analyzer, int threads,
            Consumer<SkippedInput> skipped) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        try (Utf8Lines reader = new Utf8Lines(Files.newInputStream(dataset), FetchSettings.DEFAULT_MAX_BYTES)) {
            for (Utf8Lines.Line line = reader.next(); line != null && (limit <= 0 || lines.size() < limit);
                    line = reader.next()) {
                if (!line.readable()) {
                    skipped.accept(new SkippedInput(dataset + ":" + line.number(), line.problem()));
                } else if (!line.text().isBlank()) {
                    lines.add(line.text());
                    numbers.add(line.number());
                }
            }
        }
        List<Integer> indexes = java.util.stream.IntStream.range(0, lines.size()).boxed().toList();
        List<Parallel.Outcome<Item>> outcomes = Parallel.map(indexes, threads,
                i -> item(lines.get(i), dataset + ":" + numbers.get(i), analyzer));
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).succeeded()) {
                items.add(outcomes.get(i).value());
            } else {
                String where = dataset + ":" + numbers.get(i);
                String message = outcomes.get(i).reason();
                skipped.accept(new SkippedInput(where,
                        message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message));
            }
        }
        return items;
    }

    private static Item item(String line, String where, TextAnalyzer analyzer) {
        JsonNode node = JsonArticles.readLine(line, where);
        JsonNode references = node.get("references");
        if (references == null || !references.isArray() || references.isEmpty()) {
            throw new IngestException(where + ": no \"references\" list");
        }
        List<String> texts = new ArrayList<>();
        references.forEach(reference -> texts.add(reference.asText()));
        JsonNode id = node.get("id");
        return new Item(id == null ? where : id.asText(), AnalyzedArticle.of(JsonArticles.record(node, where), analyzer), texts);
    }

    private static final int RESAMPLES = 1000;
    private static final long SEED = 20041;

    private final NlpModels models;
    private final int threads;

    /**
     * @param models for splitting references into sentences
     * @param threads records scored at once, at least 1
     */
    public Evaluation(NlpModels models, int threads) {
        this.models = Objects.requireNonNull(models, "models");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    /**
     * @param items the records
     * @param summarizers the summarizers to compare
     * @param length the length every summary gets
     * @return one result per summarizer, in the given order
     */
    public List<Result> run(List<Item> items, List<Summarizer> summarizers, SummaryLength length) {
        int metricsCount = Metric.values().length;
        // scores[s][record][metric * 3 + {0 precision, 1 recall, 2 f1}]
        double[][][] scores = new double[summarizers.size()][items.size()][];
        double[][] words = new double[summarizers.size()][items.size()];
        double[][] dangling = new double[summarizers.size()][items.size()];
        ThreadLocal<Rouge> rouges = ThreadLocal.withInitial(Rouge::new);
        ThreadLocal<SentenceDetectorME> splitters =
                ThreadLocal.withInitial(() -> new SentenceDetectorME(models.sentenceModel("en")));
        List<Integer> records = java.util.stream.IntStream.range(0, items.size()).boxed().toList();
        Parallel.mapAll(records, threads, record -> {
            Rouge rouge = rouges.get();
            Item item = items.get(record);
            List<Reference> references = new ArrayList<>();
            for (String reference : item.references()) {
                references.add(new Reference(rouge.tokens(reference), sentenceTokens(rouge, splitters.get(), reference)));
            }
            for (int s = 0; s < summarizers.size(); s++) {
                List<Sentence> summary = summarizers.get(s).summarize(item.article(), length).sentences();
                scores[s][record] = score(rouge, summary, references, metricsCount);
                words[s][record] = summary.stream().mapToInt(Sentence::wordCount).sum();
                dangling[s][record] = leavesReaderGuessing(item.article(), summary) ? 1 : 0;
            }
            return record;
        });
        List<Result> results = new ArrayList<>();
        for (int s = 0; s < summarizers.size(); s++) {
            List<MetricResult> metrics = new ArrayList<>();
            for (int m = 0; m < metricsCount; m++) {
                metrics.add(new MetricResult(estimate(scores[s], m * 3), estimate(scores[s], m * 3 + 1),
                        estimate(scores[s], m * 3 + 2)));
            }
            results.add(new Result(summarizers.get(s).name(), items.size(), metrics, Arrays.stream(words[s]).average().orElse(0),
                    Arrays.stream(dangling[s]).average().orElse(0)));
        }
        return results;
    }

    /**
     * @return whether a summary sentence opens by pointing back while the sentence before it in
     *     its document is left out
     */
    static boolean leavesReaderGuessing(AnalyzedArticle article, List<Sentence> summary) {
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        summary.forEach(sentence -> chosen.add(sentence.index()));
        for (Sentence sentence : summary) {
            int index = sentence.index();
            if (article.positionInDocument(index) > 0 && !chosen.contains(index - 1) && Openers.pointsBack(sentence)) {
                return true;
            }
        }
        return false;
    }

    private record Reference(List<String> tokens, List<List<String>> sentences) {}

    /** Each metric scored against every reference; the reference with the best F1 counts. */
    private static double[] score(Rouge rouge, List<Sentence> summary, List<Reference> references, int metricsCount) {
        List<List<String>> candidateSentences = new ArrayList<>();
        List<String> candidate = new ArrayList<>();
        for (Sentence sentence : summary) {
            List<String> tokens = rouge.tokens(sentence.text());
            candidateSentences.add(tokens);
            candidate.addAll(tokens);
        }
        double[] best = new double[metricsCount * 3];
        Arrays.fill(best, -1);
        for (Reference reference : references) {
            Score[] metrics = {
                Rouge.rougeN(candidate, reference.tokens(), 1),
                Rouge.rougeN(candidate, reference.tokens(), 2),
                Rouge.rougeLsum(candidateSentences, reference.sentences()),
            };
            for (int m = 0; m < metricsCount; m++) {
                if (metrics[m].f1() > best[m * 3 + 2]) {
                    best[m * 3] = metrics[m].precision();
                    best[m * 3 + 1] = metrics[m].recall();
                    best[m * 3 + 2] = metrics[m].f1();
                }
            }
        }
        return best;
    }

    /** References are split into sentences line by line, then by the sentence model. */
    private static List<List<String>> sentenceTokens(Rouge rouge, SentenceDetectorME splitter, String reference) {
        List<List<String>> sentences = new ArrayList<>();
        for (String line : reference.split("\n")) {
            for (String sentence : splitter.sentDetect(line)) {
                List<String> tokens = rouge.tokens(sentence);
                if (!tokens.isEmpty()) {
                    sentences.add(tokens);
                }
            }
        }
        return sentences;
    }

    static Estimate estimate(double[][] perRecord, int column) {
        int n = perRecord.length;
        if (n == 0) {
            return new Estimate(0, 0, 0);
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = perRecord[i][column];
        }
        double mean = Arrays.stream(values).average().orElse(0);
        Random random = new Random(SEED);
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        return new Estimate(mean, means[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                means[(int) Math.ceil(0.975 * (RESAMPLES - 1))]);
    }
}
