package org.newsbrief.ingest;

import java.util.Objects;

/**
 * An input that could not be used, kept so that the run can report it.
 *
 * @param location the file, or file and line ({@code feed.jsonl:12})
 * @param reason why it was skipped, in a few words
 */
public record SkippedInput(String location, String reason) {

    public SkippedInput {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return the one-line message users see: {@code location: reason} */
    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
