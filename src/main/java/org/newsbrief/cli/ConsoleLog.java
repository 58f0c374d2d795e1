package org.newsbrief.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.newsbrief.events.RunEvent;
import org.newsbrief.events.RunLog;

/**
 * Prints a run's events on one of the command's writers, one line each: {@code newsbrief: warning: ...},
 * {@code newsbrief: skipped FILE: reason}, {@code newsbrief: error: ...}, and progress as it is.
 */
final class ConsoleLog implements RunLog {

    private final PrintWriter writer;
    private final Clock stamps;

    /** @param writer where the lines go, usually standard error */
    ConsoleLog(PrintWriter writer) {
        this(writer, null);
    }

    /**
     * @param writer where the lines go
     * @param stamps the clock each line is stamped with, to the second, or {@code null} for no stamp
     */
    ConsoleLog(PrintWriter writer, Clock stamps) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.stamps = stamps;
    }

    /**
     * @param event an event
     * @return the line that tells it, without the program's name
     */
    static String line(RunEvent event) {
        if (event instanceof RunEvent.Progress) {
            return event.message();
        }
        // "skipped in/a.txt: reason" reads as a sentence; the others are labelled "warning: ..."
        return event.kind() + (event instanceof RunEvent.Skipped ? " " : ": ") + event.message();
    }

    @Override
    public void accept(RunEvent event) {
        String stamp = stamps == null ? "" : stamps.instant().truncatedTo(ChronoUnit.SECONDS) + " ";
        synchronized (writer) {
            writer.println(stamp + "newsbrief: " + line(event));
            writer.flush();
        }
    }
}
