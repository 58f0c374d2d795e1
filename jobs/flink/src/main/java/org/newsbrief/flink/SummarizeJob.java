package org.newsbrief.flink;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.Collector;
import org.newsbrief.config.ConfigException;
import org.newsbrief.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsbrief summarize --input} on Apache Flink: reads JSON Lines articles from a file or a
 * folder, writes each record's summary line exactly as the command line writes it, and marks
 * near-duplicate copies with the id of their first copy.
 *
 * <p>The output folder gets {@code summaries/} (the command line's lines, in no particular order
 * across its part files), {@code copies/} ({@code {"id", "copyOf"}} for each copy) and
 * {@code skipped/} ({@code {"location", "reason"}} for each line that could not be summarized).
 * A bounded input runs as a batch; {@code --watch} keeps reading new files as they appear.
 */
@Command(name = "newsbrief-flink", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Summarizes JSON Lines articles as 'newsbrief summarize --input' does, on Apache Flink,",
            "and marks near-duplicate copies with the id of their first copy."})
public final class SummarizeJob implements Callable<Integer> {

    /**
     * What one run of the job reads, writes and how it summarizes.
     *
     * @param input a JSON Lines file, or a folder of them (read recursively)
     * @param output the folder that gets {@code summaries/}, {@code copies/} and {@code skipped/}
     * @param summaryFlags the command line's summary flags ({@code --algorithm}, {@code --sentences},
     *     {@code --words}, {@code --bytes}, {@code --ratio}), each with its values as written
     * @param watch how often to look for new files, or {@code null} to read what is there and stop
     * @param keep how long, when watching, an article stays comparable with later ones
     */
    public record Options(String input, String output, Map<String, List<String>> summaryFlags, Duration watch,
            Duration keep) {

        public Options {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            summaryFlags = Map.copyOf(summaryFlags);
            Objects.requireNonNull(keep, "keep");
        }

        /**
         * @param input a JSON Lines file or folder
         * @param output the output folder
         * @return a batch with the command line's default summaries
         */
        public static Options batch(String input, String output) {
            return new Options(input, output, Map.of(), null, DEFAULT_KEEP);
        }
    }

    /** How long a watched article stays comparable: a day of news, and the night after it. */
    static final Duration DEFAULT_KEEP = Duration.ofHours(36);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "A JSON Lines file, or a folder of them (read recursively).")
    private String input;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Output folder: summaries/, copies/ and skipped/ are written into it.")
    private String output;

    @Option(names = "--algorithm", paramLabel = "NAME", description = "Summarization algorithm, as the command line's (default: auto).")
    private String algorithm;

    @Option(names = "--sentences", paramLabel = "N", description = "At most N sentences per summary (default: 3 sentences and at most 75 words).")
    private String sentences;

    @Option(names = "--words", paramLabel = "N", description = "At most N words per summary.")
    private String words;

    @Option(names = "--bytes", paramLabel = "N", description = "At most N bytes (UTF-8) per summary.")
    private String bytes;

    @Option(names = "--ratio", paramLabel = "R", description = "A share of the article's sentences.")
    private String ratio;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Summarizers at once (default: flink run's -p, or every processor when run locally).")
    private Integer parallelism;

    @Option(names = "--watch", paramLabel = "INTERVAL",
            description = "Keep watching the input folder for new files, looking every INTERVAL (such as 10s); streaming mode.")
    private String watch;

    @Option(names = "--keep", paramLabel = "DURATION",
            description = "With --watch, how long an article stays comparable with later ones (default: 36h).")
    private String keep;

    /**
     * @param args the options; see {@code --help}
     * @throws Exception when the job fails
     */
    public static void main(String[] args) throws Exception {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** @return the job's command line: a bad option is one line and exit code 2, before any work starts */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new SummarizeJob());
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("newsbrief-flink: " + e.getMessage());
                commandLine.getErr().flush();
                return CommandLine.ExitCode.USAGE;
            }
            throw e;
        });
        return line;
    }

    @Override
    public Integer call() throws Exception {
        Options options = options();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (parallelism != null) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("--parallelism: must be at least 1, was " + parallelism);
            }
            env.setParallelism(parallelism);
        }
        plan(env, options);
        env.execute("newsbrief summarize " + options.input());
        return CommandLine.ExitCode.OK;
    }

    private Options options() {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        put(flags, "--algorithm", algorithm);
        put(flags, "--sentences", sentences);
        put(flags, "--words", words);
        put(flags, "--bytes", bytes);
        put(flags, "--ratio", ratio);
        // Checked here, on the client, so a bad flag is one line before any worker starts.
        SummarizeRecords.settings(flags);
        Duration every = watch == null ? null : duration("--watch", watch);
        Duration kept = keep == null ? DEFAULT_KEEP : duration("--keep", keep);
        if (keep != null && watch == null) {
            throw new IllegalArgumentException("--keep goes with --watch");
        }
        return new Options(input, output, flags, every, kept);
    }

    private static void put(Map<String, List<String>> flags, String name, String value) {
        if (value != null) {
            flags.put(name, List.of(value));
        }
    }

    private static Duration duration(String flag, String text) {
        Duration duration = ConfigLoader.duration(text).orElseThrow(() -> new IllegalArgumentException(
                flag + ": must be a duration such as 500ms, 30s, 2m or 1h, was '" + text + "'"));
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(flag + ": must be more than zero, was '" + text + "'");
        }
        return duration;
    }

    /**
     * Lays the job out on an environment; {@code execute} runs it. The environment's parallelism
     * is the job's: lines are spread over that many summarizers, and band keys over that many
     * comparers.
     *
     * @param env the environment, local or a cluster's
     * @param options what to read and write, and how
     */
    public static void plan(StreamExecutionEnvironment env, Options options) {
        boolean bounded = options.watch() == null;
        env.setRuntimeMode(bounded ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING);
        FileSource.FileSourceBuilder<SourceLine> files = FileSource.forBulkFileFormat(new JsonLinesFormat(),
                new Path(options.input()));
        if (!bounded) {
            files.monitorContinuously(options.watch());
            // The file sink makes its files visible at checkpoints.
            env.enableCheckpointing(options.watch().toMillis());
        }
        DataStream<SourceLine> lines = env.fromSource(files.build(), WatermarkStrategy.noWatermarks(), "JSON Lines")
                // one file is one reader; its lines go to every summarizer
                .rebalance();

        SingleOutputStreamOperator<String> summaries = lines.process(new SummarizeRecords(options.summaryFlags()))
                .name("summarize").uid("summarize")
                // A batch would otherwise size this step by its input's bytes, and a day of news is
                // few bytes and much processor time: every slot the job has is wanted here.
                .setParallelism(env.getParallelism());
        summaries.sinkTo(lines(options, "summaries")).name("summaries").uid("summaries");
        summaries.getSideOutput(SummarizeRecords.SKIPPED).sinkTo(lines(options, "skipped")).name("skipped").uid("skipped");

        summaries.getSideOutput(SummarizeRecords.FINGERPRINTS)
                .flatMap(new Banding()).name("band").uid("band")
                .keyBy(Banded::key, Types.LONG)
                .process(new CandidatePairs(bounded ? null : options.keep())).name("compare").uid("compare")
                .keyBy(link -> FirstCopies.ALL, Types.INT)
                .process(new FirstCopies(bounded)).name("first copies").uid("first-copies").setParallelism(1)
                .sinkTo(lines(options, "copies")).name("copies").uid("copies").setParallelism(1);
    }

    /** Files an article under each band of its signature. */
    private static final class Banding implements FlatMapFunction<Fingerprint, Banded> {

        @Override
        public void flatMap(Fingerprint print, Collector<Banded> out) {
            for (int band = 0; band < MinHash.BANDS; band++) {
                out.collect(new Banded(MinHash.bandKey(print.signature(), band), band, print));
            }
        }
    }

    /**
     * JSON Lines files in one folder of the output. A batch finishes its files when it ends; a
     * watching job finishes them at every checkpoint, so what it has written shows within one
     * interval rather than when a file grows large or old.
     */
    private static FileSink<String> lines(Options options, String name) {
        FileSink.DefaultRowFormatBuilder<String> sink = FileSink
                .forRowFormat(new Path(options.output(), name), new SimpleStringEncoder<String>("UTF-8"))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".jsonl").build());
        if (options.watch() != null) {
            sink = sink.withRollingPolicy(OnCheckpointRollingPolicy.build());
        }
        return sink.build();
    }
}
