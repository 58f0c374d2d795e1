package org.newsbrief.events;

import java.util.List;

/** A run log for tests that keeps each event as the line the command line prints for it. */
public final class EventLines {

    private EventLines() {}

    /**
     * @param lines where the lines go: {@code warning: ...}, {@code skipped FILE: reason}, {@code error: ...},
     *     or the progress message itself
     * @return a log that adds a line per event
     */
    public static RunLog into(List<String> lines) {
        return event -> {
            // as the command line prints it: progress as it is, "skipped FILE: reason", "warning: ..."
            String line = event instanceof RunEvent.Progress ? event.message()
                    : event.kind() + (event instanceof RunEvent.Skipped ? " " : ": ") + event.message();
            synchronized (lines) {
                lines.add(line);
            }
        };
    }
}
