package org.newsbrief.internal;

import java.time.Duration;

/** Waits between attempts; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /**
     * @param wait how long
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration wait) throws InterruptedException;

    /** @return a sleeper that really waits */
    static Sleeper real() {
        return wait -> Thread.sleep(wait.toMillis());
    }
}
