package org.newsbrief.cli;

import java.time.Duration;
import org.newsbrief.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The deadlines of analysis, shared by the commands that make editions. They are settings flags,
 * read by {@link CommandSettings} as {@code analysis.article_timeout} and {@code analysis.run_timeout}.
 */
final class AnalysisOptions {

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
}
