package org.newsbrief.cli;

import org.newsbrief.Newsbrief;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every summarizing command shares: algorithm, length, threads, verbosity. They are
 * settings flags, read by {@link CommandSettings} as the keys under {@code summary:} and {@code threads:}.
 */
final class SummaryOptions {

    /** The algorithms' names, from the one table of them, for the help text. */
    static final class AlgorithmNames implements Iterable<String> {

        @Override
        public java.util.Iterator<String> iterator() {
            return Newsbrief.algorithms().iterator();
        }
    }

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = "auto",
            completionCandidates = AlgorithmNames.class,
            description = "Summarization algorithm, one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private String algorithm;

    @Option(names = "--sentences", paramLabel = "N", description = "At most N sentences per summary (default: 3 sentences and at most 75 words).")
    private Integer sentences;

    @Option(names = "--words", paramLabel = "N", description = "At most N words per summary, whole sentences only.")
    private Integer words;

    @Option(names = "--bytes", paramLabel = "N",
            description = "At most N bytes (UTF-8) per summary, whole sentences only, as in DUC.")
    private Integer bytes;

    @Option(names = "--ratio", paramLabel = "R",
            description = "A share of the article's sentences, above 0 and at most 1 (0.2 is a fifth).")
    private Double ratio;

    @Option(names = "--threads", paramLabel = "N",
            description = "Articles worked on at once (default: the number of processors).")
    private Integer threads;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    private boolean verbose;

    /** @return the algorithm's name as given, which may be {@code all} or a comma-separated list */
    String algorithmName() {
        return algorithm;
    }

    int threads() {
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
