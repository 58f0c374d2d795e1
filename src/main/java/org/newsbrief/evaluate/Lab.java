package org.newsbrief.evaluate;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.newsbrief.NewsbriefException;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.compose.DocumentFrequencies;
import org.newsbrief.compose.SectionClassifier;
import org.newsbrief.compose.SectionModel;
import org.newsbrief.events.RunLog;
import org.newsbrief.ingest.IngestException;
import org.newsbrief.ingest.SkippedInput;
import org.newsbrief.internal.Hashing;
import org.newsbrief.nlp.NlpModels;
import org.newsbrief.nlp.TextAnalyzer;
import org.newsbrief.render.TemplateFolder;
import org.newsbrief.summarize.Algorithm;
import org.newsbrief.summarize.NewsFeatures;
import org.newsbrief.summarize.ScorerModel;
import org.newsbrief.summarize.Summarizer;
import org.newsbrief.summarize.SummaryLength;

/**
 * The measurements and trainings the command line runs, each one call with plain values: ROUGE of
 * summarizers, B-cubed of story grouping, accuracy of the section classifier, the training of the
 * learned models, and the benchmark. Arguments are checked here, and a bad one is an
 * {@link OptionException} whose message names the command-line option it comes from.
 */
public final class Lab {

    /**
     * An argument that is bad as the command line gave it; the message names the option. Problems
     * of the data themselves, found further in, stay plain {@link IllegalArgumentException}s.
     */
    public static final class OptionException extends IllegalArgumentException {

        OptionException(String message) {
            super(message);
        }

        OptionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A summary length as the command line gives it: at most one limit, the others {@code null};
     * none given is a story's usual length ({@link SummaryLength#story()}).
     *
     * @param sentences at most this many sentences, or {@code null}
     * @param words at most this many words, or {@code null}
     * @param bytes at most this many bytes of UTF-8, or {@code null}
     * @param ratio this share of the article's sentences, or {@code null}
     */
    public record Length(Integer sentences, Integer words, Integer bytes, Double ratio) {

        /** @return no limit given: a story's usual length */
        public static Length story() {
            return new Length(null, null, null, null);
        }

        /** @throws OptionException when more than one limit is given or one is out of range */
        SummaryLength summaryLength() {
            int given = (sentences != null ? 1 : 0) + (words != null ? 1 : 0) + (bytes != null ? 1 : 0)
                    + (ratio != null ? 1 : 0);
            if (given > 1) {
                throw new OptionException("give one of --sentences, --words, --bytes or --ratio, not several");
            }
            try {
                if (words != null) {
                    return SummaryLength.words(words);
                }
                if (bytes != null) {
                    return SummaryLength.bytes(bytes);
                }
                if (ratio != null) {
                    return SummaryLength.ratio(ratio);
                }
                return sentences == null ? SummaryLength.story() : SummaryLength.sentences(sentences);
            } catch (IllegalArgumentException e) {
                throw new OptionException("--" + e.getMessage(), e);
            }
        }
    }

    /**
     * ROUGE scores of summarizers on one data set.
     *
     * @param records how many records were scored
     * @param length the summaries' length, in words
     * @param results one per algorithm, in the order asked
     */
    public record RougeScores(int records, String length, List<Evaluation.Result> results) {

        public RougeScores {
            Objects.requireNonNull(length, "length");
            results = List.copyOf(results);
        }
    }

    /**
     * The story grouping's scores on some data.
     *
     * @param data the data sets' file names, joined by {@code " + "} when several were mixed
     * @param result the scores
     */
    public record GroupingScores(String data, StoryGrouping.Result result) {

        public GroupingScores {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * A data file and how many usable records it holds.
     *
     * @param name the file's name
     * @param records its usable records
     */
    public record DataFile(String name, int records) {

        public DataFile {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The shipped section classifier measured on a labelled data set.
     *
     * @param records the data set's usable records
     * @param skipped its lines that could not be used
     * @param labelled the sections its labels name
     * @param sections all the sections the model chooses among
     * @param outcome the counts
     */
    public record SectionScores(int records, int skipped, List<String> labelled, List<String> sections,
            SectionEvaluation.Outcome outcome) {

        public SectionScores {
            labelled = List.copyOf(labelled);
            sections = List.copyOf(sections);
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * A cross-validation of the section classifier's training on a labelled data set.
     *
     * @param records the data set's usable records
     * @param skipped its lines that could not be used
     * @param labelled the sections its labels name
     * @param sections all the sections the shipped model chooses among
     * @param extra the other data every fold's model was also trained on
     * @param result each fold's counts and their sum
     */
    public record SectionFolds(int records, int skipped, List<String> labelled, List<String> sections,
            List<DataFile> extra, SectionEvaluation.CrossValidation result) {

        public SectionFolds {
            labelled = List.copyOf(labelled);
            sections = List.copyOf(sections);
            extra = List.copyOf(extra);
            Objects.requireNonNull(result, "result");
        }
    }

    private final TextAnalyzer analyzer;
    private final NlpModels models;
    private final Clock clock;

    /**
     * @param analyzer analyzes the records of data sets
     * @param models the loaded models, for splitting references into sentences
     * @param clock the clock briefings are dated by
     */
    public Lab(TextAnalyzer analyzer, NlpModels models, Clock clock) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.models = Objects.requireNonNull(models, "models");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Scores summarizers against the references of a data set with ROUGE ({@link Evaluation}).
     *
     * @param dataset JSON Lines records {@code {"id", "text" | "documents", "references": [...]}}
     * @param algorithms algorithm names, or {@code all} for every algorithm
     * @param length the length every summary gets
     * @param limit use only the first this many records; 0 for all
     * @param threads records worked on at once
     * @param log receives each skipped record and a line when the records are analyzed
     * @return the scores
     * @throws OptionException when an argument is bad
     * @throws IOException when the data set cannot be read
     * @throws NewsbriefException when the data set is missing or holds no usable record
     */
    public RougeScores evaluate(Path dataset, List<String> algorithms, Length length, int limit, int threads,
            RunLog log) throws IOException {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(log, "log");
        if (limit < 0) {
            throw new OptionException("--limit must not be negative");
        }
        List<Summarizer> summarizers = summarizers(algorithms);
        SummaryLength summaryLength = length.summaryLength();
        checkThreads(threads);
        checkFile(dataset, "");
        long started = System.nanoTime();
        List<Evaluation.Item> items = Evaluation.read(dataset, limit, analyzer, threads, skipTo(log));
        if (items.isEmpty()) {
            throw new NewsbriefException(dataset + ": no usable record");
        }
        log.progress(String.format("read and analyzed %d records in %.1f s; scoring %d algorithm(s)", items.size(),
                (System.nanoTime() - started) / 1e9, summarizers.size()));
        List<Evaluation.Result> results = new Evaluation(models, threads).run(items, summarizers, summaryLength);
        return new RougeScores(items.size(), summaryLength.toString(), results);
    }

    /**
     * Scores how reports are grouped into stories, with B-cubed ({@link StoryGrouping}): the events
     * of all data sets mixed into one day, and each data set alone when there are several.
     *
     * @param datasets data sets of multi-document records, each record one event
     * @param threads documents analyzed at once
     * @param log receives each skipped record or document and a line when all are analyzed
     * @return each data set's scores when there are several, then the scores of all of them mixed
     * @throws OptionException when an argument is bad
     * @throws IOException when a data set cannot be read
     * @throws NewsbriefException when a data set is missing or holds no usable record
     */
    public List<GroupingScores> evaluateStories(List<Path> datasets, int threads, RunLog log) throws IOException {
        Objects.requireNonNull(log, "log");
        checkThreads(threads);
        List<String> names = new ArrayList<>();
        List<List<StoryGrouping.Report>> read = new ArrayList<>();
        List<StoryGrouping.Report> all = new ArrayList<>();
        long started = System.nanoTime();
        for (Path dataset : datasets) {
            checkFile(dataset, "");
            List<StoryGrouping.Report> reports = StoryGrouping.read(dataset, analyzer, threads, skipTo(log));
            if (reports.isEmpty()) {
                throw new NewsbriefException(dataset + ": no usable record");
            }
            names.add(dataset.getFileName().toString());
            read.add(reports);
            all.addAll(reports);
        }
        log.progress(String.format("read and analyzed %d reports in %.1f s", all.size(), (System.nanoTime() - started) / 1e9));
        List<GroupingScores> scores = new ArrayList<>();
        if (read.size() > 1) {
            for (int d = 0; d < read.size(); d++) {
                scores.add(new GroupingScores(names.get(d), StoryGrouping.score(read.get(d), BriefingComposer::group)));
            }
        }
        scores.add(new GroupingScores(String.join(" + ", names), StoryGrouping.score(all, BriefingComposer::group)));
        return scores;
    }

    /**
     * Measures the shipped section classifier on labelled news ({@link SectionEvaluation}).
     * Needs none of the lab's parts.
     *
     * @param dataset labelled records, as {@link SectionData} reads them
     * @param log receives each skipped line
     * @return the counts
     * @throws IOException when the data set cannot be read
     * @throws NewsbriefException when the data set is missing or holds no usable record
     */
    public SectionScores evaluateSections(Path dataset, RunLog log) throws IOException {
        Objects.requireNonNull(log, "log");
        SectionModel shipped = SectionModel.shipped();
        AtomicInteger skipped = new AtomicInteger();
        List<SectionData.Item> items = readLabelled(dataset, shipped.sections(), skipped, log);
        SectionEvaluation.Outcome outcome = SectionEvaluation.evaluate(new SectionClassifier(shipped), items);
        return new SectionScores(items.size(), skipped.get(), SectionData.sections(items), shipped.sections(), outcome);
    }

    /**
     * Cross-validates the section classifier's training on labelled news: record i is in fold
     * {@code i mod folds}, and each fold is measured by a model trained on the other folds and on
     * the extra data ({@link SectionEvaluation#crossValidate}). Needs none of the lab's parts.
     *
     * @param dataset labelled records, as {@link SectionData} reads them
     * @param folds how many folds, at least 2 and at most the usable records
     * @param extra labelled data every fold's model is also trained on; when empty, the shipped
     *     model's other training files that lie beside {@code dataset}
     * @param log receives each skipped line, each shipped training file not found, and each fold
     * @return each fold's counts and their sum
     * @throws OptionException when an argument is bad
     * @throws IOException when a data file cannot be read
     * @throws NewsbriefException when a data file is missing or the data set holds no usable record
     */
    public SectionFolds crossValidateSections(Path dataset, int folds, List<Path> extra, RunLog log)
            throws IOException {
        Objects.requireNonNull(extra, "extra");
        Objects.requireNonNull(log, "log");
        if (folds < 2) {
            throw new OptionException("--folds must be at least 2, was " + folds);
        }
        SectionModel shipped = SectionModel.shipped();
        AtomicInteger skipped = new AtomicInteger();
        List<SectionData.Item> items = readLabelled(dataset, shipped.sections(), skipped, log);
        if (folds > items.size()) {
            throw new OptionException(dataset + " has " + items.size() + " usable records, fewer than --folds "
                    + folds);
        }
        List<Path> extraFiles = extra.isEmpty() ? shippedTrainingFiles(shipped, dataset, log) : extra;
        List<SectionData.Item> extraItems = new ArrayList<>();
        List<DataFile> extraData = new ArrayList<>();
        for (Path file : extraFiles) {
            checkFile(file, "");
            List<SectionData.Item> read = SectionData.read(file, shipped.sections(), skipTo(log));
            extraItems.addAll(read);
            extraData.add(new DataFile(file.getFileName().toString(), read.size()));
        }
        SectionEvaluation.CrossValidation result = SectionEvaluation.crossValidate(items, extraItems, folds, log);
        return new SectionFolds(items.size(), skipped.get(), SectionData.sections(items), shipped.sections(), extraData,
                result);
    }

    /**
     * Trains the learned sentence scorer on the records whose id matches {@code trainIds} and not
     * {@code tuneIds}, measures it on those matching {@code tuneIds} ({@link ScorerTraining}), and
     * writes it with its provenance.
     *
     * @param datasets data sets with references
     * @param trainIds a regular expression for the ids trained on
     * @param tuneIds a regular expression for the ids measured on, never trained on
     * @param limit use only the first this many records of each data set; 0 for all
     * @param threads records analyzed at once
     * @param output where the model is written; missing folders are created
     * @param log receives each skipped record and each step of the training
     * @return the file written
     * @throws OptionException when an argument is bad, or no record is left to train on
     * @throws IOException when a data set cannot be read or the model cannot be written
     * @throws NewsbriefException when a data set is missing
     */
    public Path trainScorer(List<Path> datasets, String trainIds, String tuneIds, int limit, int threads, Path output,
            RunLog log) throws IOException {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(log, "log");
        if (limit < 0 || threads < 1) {
            throw new OptionException("--limit must not be negative and --threads at least 1");
        }
        Predicate<String> train = pattern("--train-ids", trainIds);
        Predicate<String> tune = pattern("--tune-ids", tuneIds);
        List<Evaluation.Item> items = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        comments.add("newsbrief learned sentence scorer: for flat and for paragraphed articles, a logistic regression"
                + " over " + NewsFeatures.NAMES.size() + " sentence features (NewsFeatures) and a length exponent;"
                + " labels from the sentences an extractive reference contains, or else from a greedy ROUGE-1+2"
                + " oracle (SummaRuNNer's labelling)");
        comments.add("");
        for (Path dataset : datasets) {
            checkFile(dataset, "");
            items.addAll(Evaluation.read(dataset, limit, analyzer, threads, skipTo(log)));
            comments.add("data: " + dataset.getFileName() + " sha256 " + Hashing.sha256Hex(dataset)
                    + (limit > 0 ? " (first " + limit + " records)" : ""));
        }
        long trainRecords = items.stream().filter(item -> train.test(item.id()) && !tune.test(item.id())).count();
        if (trainRecords == 0) {
            throw new OptionException("no record id matches --train-ids " + trainIds + " (and not --tune-ids "
                    + tuneIds + ")");
        }
        comments.add("command: newsbrief train scorer" + datasetOptions(datasets) + (limit > 0 ? " --limit " + limit : "")
                + " --train-ids '" + trainIds + "' --tune-ids '" + tuneIds + "' --output " + ScorerModel.RESOURCE);
        ScorerModel model = ScorerTraining.train(models, items, train, tune, comments, log);
        return write(output, model.format());
    }

    /**
     * Trains the section classifier on labelled news, measures it by cross-validation over all the
     * data sets at once ({@link SectionTraining}), and writes it with its provenance. Needs none of
     * the lab's parts.
     *
     * @param datasets labelled data sets, as {@link SectionData} reads them
     * @param folds folds of the cross-validation recorded in the model; 0 for none
     * @param output where the model is written; missing folders are created
     * @param log receives each skipped line and each step of the training
     * @return the file written
     * @throws OptionException when an argument is bad
     * @throws IOException when a data set cannot be read or the model cannot be written
     * @throws NewsbriefException when a data set is missing
     */
    public Path trainSections(List<Path> datasets, int folds, Path output, RunLog log) throws IOException {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(log, "log");
        if (folds == 1 || folds < 0) {
            throw new OptionException("--folds must be 0 or at least 2, was " + folds);
        }
        List<SectionTraining.Dataset> data = new ArrayList<>();
        for (Path dataset : datasets) {
            checkFile(dataset, "");
            AtomicInteger skipped = new AtomicInteger();
            List<SectionData.Item> items = SectionData.read(dataset, skip -> {
                skipped.incrementAndGet();
                log.skipped(skip.location(), skip.reason());
            });
            if (folds > items.size()) {
                throw new OptionException(dataset + " has " + items.size() + " usable records, fewer than --folds "
                        + folds);
            }
            data.add(new SectionTraining.Dataset(dataset.getFileName().toString(), Hashing.sha256Hex(dataset), items,
                    skipped.get()));
        }
        String command = "newsbrief train sections" + datasetOptions(datasets)
                + (folds != SectionTraining.FOLDS ? " --folds " + folds : "") + " --output " + SectionModel.RESOURCE;
        return write(output, SectionTraining.train(data, folds, command, log).format());
    }

    /**
     * Counts in how many articles each word stem occurs, the background
     * story grouping weighs words by, and writes the table with its provenance. Needs none of the
     * lab's parts.
     *
     * @param datasets JSON Lines of articles ({@code {"title", "text"}} or {@code {"documents": [...]}})
     * @param limit use only the first this many records of each data set; 0 for all
     * @param output where the table is written; missing folders are created
     * @param log receives each skipped line
     * @return how many articles were counted
     * @throws OptionException when an argument is bad
     * @throws IOException when a data set cannot be read or the table cannot be written
     * @throws NewsbriefException when a data set is missing
     */
    public int trainFrequencies(List<Path> datasets, int limit, Path output, RunLog log) throws IOException {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(log, "log");
        if (limit < 0) {
            throw new OptionException("--limit must not be negative");
        }
        List<String> comments = new ArrayList<>();
        comments.add("newsbrief word frequencies: in how many articles each word stem occurs (letters and digits,"
                + " lower-cased, stop words left out, Porter-stemmed; stems in fewer than 3 articles left out)");
        comments.add("");
        List<String> texts = new ArrayList<>();
        for (Path dataset : datasets) {
            checkFile(dataset, "");
            texts.addAll(FrequencyData.texts(dataset, limit, log));
            comments.add("data: " + dataset.getFileName() + " sha256 " + Hashing.sha256Hex(dataset)
                    + (limit > 0 ? " (first " + limit + " records)" : ""));
        }
        comments.add("command: newsbrief train frequencies" + datasetOptions(datasets)
                + (limit > 0 ? " --limit " + limit : "") + " --output news-df.txt");
        DocumentFrequencies table = DocumentFrequencies.count(texts);
        StringWriter written = new StringWriter();
        table.write(written, comments);
        write(output, written.toString());
        return table.documents();
    }

    /**
     * Times preprocessing, summarization, rendering and story grouping ({@link Bench}).
     *
     * @param request what to time, and on which data
     * @return the timings
     * @throws OptionException when an argument is bad
     * @throws IOException when a data set cannot be read
     * @throws NewsbriefException when a data set is missing or a record is malformed
     */
    public Bench.Result bench(Bench.Request request) throws IOException {
        Objects.requireNonNull(request, "request");
        checkFile(request.dataset(), " (give one with --dataset)");
        Summarizer summarizer = algorithm(request.algorithm()).create();
        SummaryLength length = request.length().summaryLength();
        checkThreads(request.threads());
        if (request.groupingSizes().stream().anyMatch(size -> size < 1)) {
            throw new OptionException("--grouping sizes must be at least 1");
        }
        if (!request.groupingSizes().isEmpty()) {
            for (Path file : request.groupingDatasets()) {
                checkFile(file, " (give grouping data with --grouping-dataset)");
            }
        }
        return new Bench(analyzer, clock, request.threads()).run(request.dataset(), summarizer, length,
                request.renderStories(), request.groupingSizes(), request.groupingDatasets(),
                new TemplateFolder(request.templates().orElse(null)));
    }

    private static Algorithm algorithm(String name) {
        try {
            return Algorithm.byName(Objects.requireNonNull(name, "algorithm"));
        } catch (IllegalArgumentException e) {
            throw new OptionException(e.getMessage(), e);
        }
    }

    private static List<Summarizer> summarizers(List<String> names) {
        Set<Algorithm> algorithms = new LinkedHashSet<>();
        for (String name : names) {
            if (name.strip().equalsIgnoreCase("all")) {
                algorithms.addAll(List.of(Algorithm.values()));
            } else {
                try {
                    algorithms.add(Algorithm.byName(name));
                } catch (IllegalArgumentException e) {
                    throw new OptionException(e.getMessage() + ", or all", e);
                }
            }
        }
        return algorithms.stream().map(Algorithm::create).toList();
    }

    private static void checkThreads(int threads) {
        if (threads < 1) {
            throw new OptionException("--threads must be at least 1");
        }
    }

    /** A missing data file is an input failure, as a missing feed is, not a bad argument. */
    private static void checkFile(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new IngestException(file + ": no such file" + hint);
        }
    }

    private static Consumer<SkippedInput> skipTo(RunLog log) {
        return skip -> log.skipped(skip.location(), skip.reason());
    }

    private static Predicate<String> pattern(String option, String regex) {
        Objects.requireNonNull(regex, option);
        try {
            return Pattern.compile(regex).asMatchPredicate();
        } catch (PatternSyntaxException e) {
            throw new OptionException(option + " is not a regular expression: " + regex, e);
        }
    }

    private static String datasetOptions(List<Path> datasets) {
        return datasets.stream().map(dataset -> " --dataset " + dataset.getFileName()).reduce("", String::concat);
    }

    private static List<SectionData.Item> readLabelled(Path dataset, List<String> sections, AtomicInteger skipped,
            RunLog log) throws IOException {
        checkFile(dataset, "");
        List<SectionData.Item> items = SectionData.read(dataset, sections, skip -> {
            skipped.incrementAndGet();
            log.skipped(skip.location(), skip.reason());
        });
        if (items.isEmpty()) {
            throw new NewsbriefException(dataset + ": no usable record"
                    + (skipped.get() == 0 ? "" : " (" + skipped.get() + " skipped)"));
        }
        return items;
    }

    /** The files the shipped model was trained on, found beside the data set, less the data set itself. */
    private static List<Path> shippedTrainingFiles(SectionModel shipped, Path dataset, RunLog log) throws IOException {
        String own = Hashing.sha256Hex(dataset);
        Path folder = dataset.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (SectionTraining.Source source : SectionTraining.sources(shipped)) {
            if (source.sha256().equals(own)) {
                continue;
            }
            Path file = folder == null ? null : folder.resolve(source.name());
            if (file != null && Files.isRegularFile(file) && Hashing.sha256Hex(file).equals(source.sha256())) {
                files.add(dataset.getParent() == null ? Path.of(source.name()) : dataset.getParent().resolve(source.name()));
            } else {
                // a plain line, not a warning: training the folds without files not at hand is what the option promises
                log.progress("the shipped model is also trained on " + source.name() + ", which is not beside " + dataset
                        + "; the folds are trained without it (name it with --extra)");
            }
        }
        return files;
    }

    private static Path write(Path output, String text) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.writeString(output, text, StandardCharsets.UTF_8);
    }
}
