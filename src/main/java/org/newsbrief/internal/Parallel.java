package org.newsbrief.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.newsbrief.NewsbriefException;

/** Runs one piece of work per input on a bounded pool and returns the outcomes in input order. */
public final class Parallel {

    /**
     * What one piece of work gave.
     *
     * @param value the result, or {@code null} when it failed
     * @param failure why it failed, or {@code null}
     */
    public record Outcome<R>(R value, Throwable failure) {

        /** @return whether the work succeeded */
        public boolean succeeded() {
            return failure == null;
        }

        /** @return the failure's message, or its type when it has none */
        public String reason() {
            return failure == null ? "" : failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        }
    }

    /**
     * How long the work may take, measured on a clock so that tests can move time themselves.
     * Work past a bound is interrupted and recorded as failed with a reason naming the bound;
     * work that was never started when the whole bound passed is not started at all.
     *
     * @param clock the clock both bounds are measured on
     * @param each how long one piece of work may run, from its own start
     * @param until when all the work must be done
     * @param eachName how the per-piece bound is called in reasons, such as {@code --article-timeout 60s}
     * @param untilName how the overall bound is called in reasons
     */
    public record Bounds(Clock clock, Duration each, Instant until, String eachName, String untilName) {

        public Bounds {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(each, "each");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(eachName, "eachName");
            Objects.requireNonNull(untilName, "untilName");
            if (each.isNegative() || each.isZero()) {
                throw new IllegalArgumentException("each must be positive, was " + each);
            }
        }

        /** @return bounds that never trip */
        public static Bounds none() {
            return new Bounds(Clock.systemUTC(), Duration.ofSeconds(Long.MAX_VALUE / 2), Instant.MAX, "", "");
        }
    }

    /** How often the bounds are checked while nothing finishes; the decision itself is the clock's. */
    private static final long CHECK_MILLIS = 100;

    private Parallel() {}

    /**
     * @param inputs the inputs
     * @param threads how many at once, at least 1
     * @param work what to do with each; may throw, which is recorded, not propagated
     * @return one outcome per input, in input order
     * @throws NewsbriefException when the calling thread is interrupted
     */
    public static <T, R> List<Outcome<R>> map(List<T> inputs, int threads, Function<T, R> work) {
        return map(inputs, threads, work, Bounds.none(), done -> {});
    }

    /**
     * As {@link #map(List, int, Function)}, within time bounds and telling how far it got.
     *
     * @param inputs the inputs
     * @param threads how many at once, at least 1
     * @param work what to do with each; may throw, which is recorded, not propagated; should give up
     *     when its thread is interrupted
     * @param bounds how long each and all may take
     * @param finished told the number of pieces finished so far, each time one finishes
     * @return one outcome per input, in input order
     * @throws NewsbriefException when the calling thread is interrupted
     */
    public static <T, R> List<Outcome<R>> map(List<T> inputs, int threads, Function<T, R> work, Bounds bounds,
            IntConsumer finished) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(finished, "finished");
        if (inputs.isEmpty()) {
            return List.of();
        }
        int n = inputs.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n)), runnable -> {
            Thread thread = new Thread(runnable, "newsbrief-worker");
            thread.setDaemon(true);
            return thread;
        });
        AtomicReferenceArray<Instant> started = new AtomicReferenceArray<>(n);
        BlockingQueue<Integer> completed = new LinkedBlockingQueue<>();
        try {
            List<Future<R>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                T input = inputs.get(i);
                futures.add(pool.submit(() -> {
                    started.set(index, bounds.clock().instant());
                    try {
                        return work.apply(input);
                    } finally {
                        completed.add(index);
                    }
                }));
            }
            List<Outcome<R>> outcomes = new ArrayList<>(java.util.Collections.nCopies(n, null));
            String[] stopped = new String[n];
            int done = 0;
            while (done < n) {
                for (int i = 0; i < n; i++) {
                    if (outcomes.get(i) == null && futures.get(i).isDone()) {
                        outcomes.set(i, outcome(futures.get(i), stopped[i]));
                        finished.accept(++done);
                    }
                }
                if (done == n) {
                    break;
                }
                Instant now = bounds.clock().instant();
                boolean late = !now.isBefore(bounds.until());
                for (int i = 0; i < n; i++) {
                    if (outcomes.get(i) != null || futures.get(i).isDone()) {
                        continue;
                    }
                    Instant start = started.get(i);
                    if (late) {
                        stopped[i] = start == null ? "not started: " + bounds.untilName() + " passed first"
                                : "stopped: " + bounds.untilName() + " passed";
                        futures.get(i).cancel(true);
                    } else if (start != null && Duration.between(start, now).compareTo(bounds.each()) > 0) {
                        stopped[i] = "stopped after " + bounds.eachName();
                        futures.get(i).cancel(true);
                    }
                }
                completed.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NewsbriefException("interrupted while working in parallel", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> Outcome<R> outcome(Future<R> future, String stopped) throws InterruptedException {
        try {
            return new Outcome<>(future.get(), null);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause());
        } catch (CancellationException e) {
            return new Outcome<>(null, new NewsbriefException(stopped == null ? "cancelled" : stopped, e));
        }
    }

    /**
     * Like {@link #map}, but the first failure is thrown.
     *
     * @throws NewsbriefException wrapping the first failure, in input order
     */
    public static <T, R> List<R> mapAll(List<T> inputs, int threads, Function<T, R> work) {
        List<R> results = new ArrayList<>(inputs.size());
        for (Outcome<R> outcome : map(inputs, threads, work)) {
            if (!outcome.succeeded()) {
                if (outcome.failure() instanceof NewsbriefException known) {
                    throw known;
                }
                throw new NewsbriefException(outcome.reason(), outcome.failure());
            }
            results.add(outcome.value());
        }
        return results;
    }
}
