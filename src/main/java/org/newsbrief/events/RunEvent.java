package org.newsbrief.events;

import java.util.Objects;

/**
 * Something a run reports while it works: how far it got, a problem it worked around, an input it
 * had to leave out, or a failure of one part that the run survived.
 */
public sealed interface RunEvent {

    /** @return the event in words, without a severity prefix */
    String message();

    /** @return what kind of event it is, as logs and reports name it: progress, warning, skipped or error */
    String kind();

    /**
     * How far a long piece of work got, such as {@code analyzed 1,000 of 5,000 articles}.
     *
     * @param message the progress in words
     */
    record Progress(String message) implements RunEvent {

        public Progress {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String kind() {
            return "progress";
        }
    }

    /**
     * A problem the run worked around; the result is still complete.
     *
     * @param message what went wrong and what was done instead
     */
    record Warning(String message) implements RunEvent {

        public Warning {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String kind() {
            return "warning";
        }
    }

    /**
     * An input left out: a file, address, record or article.
     *
     * @param input where it was: a file, an address, {@code file:line}
     * @param reason why it was left out
     */
    record Skipped(String input, String reason) implements RunEvent {

        public Skipped {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String message() {
            return input + ": " + reason;
        }

        @Override
        public String kind() {
            return "skipped";
        }
    }

    /**
     * A part of the run failed, such as a recipient that could not be reached, and the run went on
     * with the rest.
     *
     * @param message what failed, with the file, address or recipient
     */
    record Failure(String message) implements RunEvent {

        public Failure {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String kind() {
            return "error";
        }
    }
}
