package org.newsbrief.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Receives a run's events as they happen. The command line prints them, the scheduler counts them,
 * and {@code --report} writes them out. Implementations must accept events from several threads.
 */
@FunctionalInterface
public interface RunLog {

    /** @param event what happened */
    void accept(RunEvent event);

    /** @param message how far the run got */
    default void progress(String message) {
        accept(new RunEvent.Progress(message));
    }

    /** @param message a problem the run worked around */
    default void warning(String message) {
        accept(new RunEvent.Warning(message));
    }

    /**
     * @param input the file, address or record left out
     * @param reason why
     */
    default void skipped(String input, String reason) {
        accept(new RunEvent.Skipped(input, reason));
    }

    /** @param message a part of the run that failed */
    default void failure(String message) {
        accept(new RunEvent.Failure(message));
    }

    /** @return a log that drops every event */
    static RunLog none() {
        return event -> {};
    }

    /**
     * @param other a log to send every event to as well
     * @return a log that sends each event here and then there
     */
    default RunLog and(RunLog other) {
        Objects.requireNonNull(other, "other");
        return event -> {
            accept(event);
            other.accept(event);
        };
    }

    /** Keeps every event, in order, for a report or a test to read. Thread-safe. */
    final class Recorder implements RunLog {

        private final List<RunEvent> events = new ArrayList<>();

        @Override
        public synchronized void accept(RunEvent event) {
            events.add(Objects.requireNonNull(event, "event"));
        }

        /** @return the events so far, in the order they came */
        public synchronized List<RunEvent> events() {
            return List.copyOf(events);
        }

        /**
         * @param kind a kind of event, such as {@code RunEvent.Warning.class}
         * @return how many of that kind came so far
         */
        public synchronized int count(Class<? extends RunEvent> kind) {
            return (int) events.stream().filter(kind::isInstance).count();
        }

        /**
         * @param kind a kind of event
         * @return the messages of that kind, in order
         */
        public synchronized List<String> messages(Class<? extends RunEvent> kind) {
            return events.stream().filter(kind::isInstance).map(RunEvent::message).toList();
        }
    }
}
