package org.newsbrief.cli;

import org.newsbrief.summarize.Algorithm;
import org.newsbrief.summarize.SummaryLength;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every summarizing command shares: algorithm, length, threads, verbosity. */
final class SummaryOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = "auto",
            description = "Summarization algorithm: auto, learned, newsrank, lead, textrank, lexrank, centroid, pacsum, mmr, storymmr or "
                    + "submodular (default: ${DEFAULT-VALUE}).")
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

    Algorithm algorithm() {
        try {
            return Algorithm.byName(algorithm);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** @return the algorithm's name as given, which may be {@code all} or a comma-separated list */
    String algorithmName() {
        return algorithm;
    }

    SummaryLength length() {
        int given = (sentences != null ? 1 : 0) + (words != null ? 1 : 0) + (bytes != null ? 1 : 0) + (ratio != null ? 1 : 0);
        if (given > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give one of --sentences, --words, --bytes or --ratio, not several");
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
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
    }

    int threads() {
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
