package org.newsbrief.nlp;

import java.time.Duration;
import java.util.Objects;

/**
 * How long analysis may take. An article still being analyzed after {@code articleTimeout} is
 * stopped and skipped; when {@code runTimeout} has passed since the run started reading, the
 * articles not analyzed yet are skipped and the edition is made from the others, so a scheduled
 * edition is still sent.
 *
 * @param articleTimeout how long one article's analysis may take
 * @param runTimeout how long reading and analyzing all articles may take
 */
public record AnalysisSettings(Duration articleTimeout, Duration runTimeout) {

    public AnalysisSettings {
        Objects.requireNonNull(articleTimeout, "articleTimeout");
        Objects.requireNonNull(runTimeout, "runTimeout");
        if (articleTimeout.isNegative() || articleTimeout.isZero()) {
            throw new IllegalArgumentException("articleTimeout must be positive, was " + articleTimeout);
        }
        if (runTimeout.isNegative() || runTimeout.isZero()) {
            throw new IllegalArgumentException("runTimeout must be positive, was " + runTimeout);
        }
    }

    /**
     * @return one minute an article, far above the second the longest analyzed article takes, and
     *     fifteen minutes a run, several times what 5,000 articles take on two processors
     */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(Duration.ofMinutes(1), Duration.ofMinutes(15));
    }

    /**
     * @param duration a duration
     * @return it as users write it: {@code 90s}, {@code 15m}, {@code 250ms}
     */
    public static String format(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.getSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
