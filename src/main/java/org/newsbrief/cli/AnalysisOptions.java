package org.newsbrief.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.newsbrief.Newsbrief;
import org.newsbrief.config.ConfigLoader;
import org.newsbrief.nlp.AnalysisSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The deadlines of analysis, shared by the commands that make editions. */
final class AnalysisOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    /** Durations as the configuration file writes them: {@code 90s}, {@code 2m}, {@code 500ms}, {@code 1h}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

        @Override
        public Duration convert(String value) {
            return ConfigLoader.duration(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration such as 30s, 500ms, 2m or 1h"));
        }
    }

    @Option(names = "--article-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long one article's analysis may take before it is skipped, such as 30s or 2m "
                    + "(default: 1m, or analysis.article_timeout in the configuration).")
    private Duration articleTimeout;

    @Option(names = "--run-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long reading and analyzing may take before the articles left are skipped and the "
                    + "edition is made from the rest, such as 10m (default: 15m, or analysis.run_timeout).")
    private Duration runTimeout;

    /**
     * @param configured the configuration's settings, which the flags override
     * @return the settings
     */
    AnalysisSettings settings(AnalysisSettings configured) {
        return new AnalysisSettings(positive("--article-timeout", articleTimeout, configured.articleTimeout()),
                positive("--run-timeout", runTimeout, configured.runTimeout()));
    }

    /**
     * @param newsbrief the facade
     * @param configured the configuration's settings, which the flags override
     * @return the facade with these deadlines, telling its progress on standard error
     */
    Newsbrief apply(Newsbrief newsbrief, AnalysisSettings configured) {
        PrintWriter err = spec.commandLine().getErr();
        return newsbrief.withAnalysis(settings(configured), new ConsoleLog(err));
    }

    private Duration positive(String option, Duration given, Duration fallback) {
        if (given == null) {
            return fallback;
        }
        if (given.isNegative() || given.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be more than 0");
        }
        return given;
    }
}
