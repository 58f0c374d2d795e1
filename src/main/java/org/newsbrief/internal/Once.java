package org.newsbrief.internal;

import java.util.function.Supplier;

/** A value computed on first request, at most once even when several threads ask at the same time. */
public final class Once<T> implements Supplier<T> {

    private final Supplier<T> computation;
    private volatile T value;

    public Once(Supplier<T> computation) {
        this.computation = computation;
    }

    /** @return whether the value was computed already */
    public boolean isDone() {
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
