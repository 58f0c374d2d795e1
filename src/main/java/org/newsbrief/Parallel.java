package org.newsbrief;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

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

    private Parallel() {}

    /**
     * @param inputs the inputs
     * @param threads how many at once, at least 1
     * @param work what to do with each; may throw, which is recorded, not propagated
     * @return one outcome per input, in input order
     * @throws NewsbriefException when the calling thread is interrupted
     */
    public static <T, R> List<Outcome<R>> map(List<T> inputs, int threads, Function<T, R> work) {
        Objects.requireNonNull(work, "work");
        if (inputs.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, inputs.size())), runnable -> {
            Thread thread = new Thread(runnable, "newsbrief-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(inputs.size());
            for (T input : inputs) {
                futures.add(pool.submit(() -> work.apply(input)));
            }
            List<Outcome<R>> outcomes = new ArrayList<>(inputs.size());
            for (Future<R> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                }
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NewsbriefException("interrupted while working in parallel", e);
        } finally {
            pool.shutdownNow();
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
