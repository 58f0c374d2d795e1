package org.newsbrief.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed request to a model is tried again: only on 429, 5xx, timeouts and lost
 * connections; after {@code Retry-After} when the server sends one, else after a doubling wait
 * with full jitter (a random share between half and all of it), so many clients that failed
 * together do not retry together.
 *
 * @param retries how many times a request is tried again after its first attempt
 * @param firstWait the wait before the first retry, before jitter; it doubles for each one after
 * @param longestWait the longest wait between attempts, and the longest {@code Retry-After} honoured;
 *     a server asking for more is given up on at once
 */
public record RetryPolicy(int retries, Duration firstWait, Duration longestWait) {

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, was " + retries);
        }
        Objects.requireNonNull(firstWait, "firstWait");
        Objects.requireNonNull(longestWait, "longestWait");
    }

    /** @return 2 retries, waiting 1 s then 2 s (before jitter), and at most 60 s */
    public static RetryPolicy defaults() {
        return new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /**
     * @param count retries after the first attempt
     * @return this policy with that many retries
     */
    public RetryPolicy withRetries(int count) {
        return new RetryPolicy(count, firstWait, longestWait);
    }
}
