package org.newsbrief.nlp;

import java.util.function.Supplier;

/** A value computed on first request, at most once even when several threads ask at the same time. */
final class Once<T> implements Supplier<T> {

    private final Supplier<T> computation;
    private volatile T value;

    Once(Supplier<T> computation) {
        this.computation = computation;
    }

    /** @return whether the value was computed already */
    boolean isDone() {
        return value != null;
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = computation.get();
                    value = result;
                }
            }
        }
        return result;
    }
}
