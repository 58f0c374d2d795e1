package org.newsbrief;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsbrief.events.RunLog;

/** The scheduler's line for an edition counts the problems it met by kind, not by parsing words. */
class ScheduledProblemsTest {

    @Test
    void problemsAreCountedByKind() {
        RunLog.Recorder problems = new RunLog.Recorder();
        assertThat(Editions.problemCounts(problems)).isEmpty();

        problems.warning("archived file changed");
        problems.skipped("feed.xml", "HTTP 404");
        problems.skipped("page.html", "no text");
        problems.failure("smtp://mail:25 could not be reached");
        problems.warning("error: this warning only says error in its words");

        assertThat(Editions.problemCounts(problems)).isEqualTo("; 2 warnings, 2 skipped, 1 error");
    }
}
