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
            String line;
            if (event instanceof RunEvent.Warning) {
                line = "warning: " + event.message();
            } else if (event instanceof RunEvent.Skipped) {
                line = "skipped " + event.message();
            } else if (event instanceof RunEvent.Failure) {
                line = "error: " + event.message();
            } else {
                line = event.message();
            }
            synchronized (lines) {
                lines.add(line);
            }
        };
    }
}
