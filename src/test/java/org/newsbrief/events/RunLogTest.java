package org.newsbrief.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunLogTest {

    @Test
    void theShortcutsSendTypedEvents() {
        RunLog log = mock(RunLog.class, org.mockito.Mockito.CALLS_REAL_METHODS);

        log.progress("analyzed 1,000 of 2,000 articles");
        log.warning("stylesheet 'x.css' was not loaded");
        log.skipped("in/a.txt", "not UTF-8");
        log.failure("smtp://mail:25 could not be reached");

        verify(log).accept(new RunEvent.Progress("analyzed 1,000 of 2,000 articles"));
        verify(log).accept(new RunEvent.Warning("stylesheet 'x.css' was not loaded"));
        verify(log).accept(argThat(event -> event instanceof RunEvent.Skipped skipped && skipped.input().equals("in/a.txt")
                && skipped.message().equals("in/a.txt: not UTF-8")));
        verify(log).accept(new RunEvent.Failure("smtp://mail:25 could not be reached"));
    }

    @Test
    void aRecorderKeepsEventsInOrderAndCountsThemByKind() {
        RunLog.Recorder recorder = new RunLog.Recorder();
        RunLog.Recorder second = new RunLog.Recorder();
        RunLog both = recorder.and(second);

        both.warning("one");
        both.progress("two");
        both.warning("three");
        both.skipped("feed.xml#4", "no text");

        assertThat(recorder.events()).hasSize(4).isEqualTo(second.events());
        assertThat(recorder.count(RunEvent.Warning.class)).isEqualTo(2);
        assertThat(recorder.count(RunEvent.Failure.class)).isZero();
        assertThat(recorder.messages(RunEvent.Warning.class)).isEqualTo(List.of("one", "three"));
        assertThat(recorder.messages(RunEvent.Skipped.class)).containsExactly("feed.xml#4: no text");
    }
}
