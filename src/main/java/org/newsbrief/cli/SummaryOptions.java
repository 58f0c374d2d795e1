package org.newsbrief.cli;

import org.newsbrief.summarize.Algorithm;
import org.newsbrief.summarize.SummaryLength;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every summarizing command shares: algorithm, length, threads, verbosity. */
final class SummaryOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = "textrank",
            description = "Summarization algorithm: lead or textrank (default: ${DEFAULT-VALUE}).")
    private String algorithm;

    @Option(names = "--sentences", paramLabel = "N", description = "At most N sentences per summary (default: 3).")
    private Integer sentences;

    @Option(names = "--words", paramLabel = "N", description = "At most N words per summary, whole sentences only.")
    private Integer words;

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

    SummaryLength length() {
        if (sentences != null && words != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --sentences or --words, not both");
        }
        if (sentences != null && sentences < 1 || words != null && words < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sentences and --words must be at least 1");
        }
        if (words != null) {
            return SummaryLength.words(words);
        }
        return SummaryLength.sentences(sentences == null ? 3 : sentences);
    }

    int threads() {
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
