package org.newsbrief.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.events.RunEvent;
import org.newsbrief.events.RunLog;
import org.newsbrief.store.EditionStore;

/** The scheduler on a clock the test moves: no sleeping, and any day of the year. */
class EditionSchedulerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm z");

    @TempDir
    Path dir;

    /** A clock that stands still until the waiter moves it to the next run. */
    private static class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return BERLIN;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private List<ZonedDateTime> runs(String cron, boolean catchUp, MovingClock clock, EditionStore store, int count) {
        List<ZonedDateTime> runs = new ArrayList<>();
        RunLog log = mock(RunLog.class, CALLS_REAL_METHODS);
        EditionScheduler scheduler = new EditionScheduler(cron, BERLIN, catchUp, clock, store, scheduled -> {
            runs.add(scheduled);
            return "edition " + scheduled.toLocalDate();
        }, log);
        scheduler.run(movingTo(clock, runs, count));
        for (ZonedDateTime run : runs) {
            // the clock stands still while an edition is made
            verify(log).accept(new RunEvent.Progress(STAMP.format(run) + ": edition " + run.toLocalDate() + " (0.0 s)"));
        }
        return runs;
    }

    private EditionStore store() {
        return EditionStore.open("jdbc:sqlite:" + dir.resolve("store.db"), TestFiles.CLOCK);
    }

    @Test
    void aTimeTheSpringChangeSkipsRunsOnceJustAfterTheJump() {
        MovingClock clock = new MovingClock(ZonedDateTime.of(2026, 3, 27, 12, 0, 0, 0, BERLIN).toInstant());
        try (EditionStore store = store()) {
            List<ZonedDateTime> runs = runs("30 2 * * *", true, clock, store, 3);

            assertThat(runs).extracting(ZonedDateTime::toInstant).containsExactly(
                    Instant.parse("2026-03-28T01:30:00Z"),
                    Instant.parse("2026-03-29T01:30:00Z"),  // 02:30 does not exist that night: 03:30 summer time
                    Instant.parse("2026-03-30T00:30:00Z"));
            assertThat(runs.get(1).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 29, 3, 30));
        }
    }

    @Test
    void aTimeTheAutumnChangeRepeatsRunsOnce() {
        MovingClock clock = new MovingClock(ZonedDateTime.of(2026, 10, 23, 12, 0, 0, 0, BERLIN).toInstant());
        try (EditionStore store = store()) {
            List<ZonedDateTime> runs = runs("30 2 * * *", true, clock, store, 3);

            assertThat(runs).extracting(ZonedDateTime::toInstant).containsExactly(
                    Instant.parse("2026-10-24T00:30:00Z"),
                    Instant.parse("2026-10-25T00:30:00Z"),  // the first of the two 02:30s
                    Instant.parse("2026-10-26T01:30:00Z"));
        }
    }

    @Test
    void runsMissedWhileDownAreCaughtUpOnceAfterARestart() {
        try (EditionStore store = store()) {
            store.recordScheduledRun(ZonedDateTime.of(2026, 11, 23, 6, 0, 0, 0, BERLIN).toInstant(), Instant.EPOCH, "ok");
        }
        MovingClock clock = new MovingClock(ZonedDateTime.of(2026, 11, 25, 9, 15, 0, 0, BERLIN).toInstant());
        try (EditionStore restarted = store()) {
            List<ZonedDateTime> runs = runs("0 6 * * *", true, clock, restarted, 2);

            assertThat(runs).extracting(ZonedDateTime::toLocalDateTime).containsExactly(
                    LocalDateTime.of(2026, 11, 25, 6, 0),   // the 24th and 25th were missed: one catch-up, the latest
                    LocalDateTime.of(2026, 11, 26, 6, 0));
            assertThat(restarted.lastScheduledRun()).contains(ZonedDateTime.of(2026, 11, 26, 6, 0, 0, 0, BERLIN).toInstant());
        }
    }

    @Test
    void withoutCatchUpOrAnyEarlierRunNothingIsMadeAtStart() {
        MovingClock clock = new MovingClock(ZonedDateTime.of(2026, 11, 25, 9, 15, 0, 0, BERLIN).toInstant());
        try (EditionStore store = store()) {
            store.recordScheduledRun(ZonedDateTime.of(2026, 11, 23, 6, 0, 0, 0, BERLIN).toInstant(), Instant.EPOCH, "ok");
            assertThat(runs("0 6 * * *", false, clock, store, 1)).extracting(ZonedDateTime::toLocalDateTime)
                    .containsExactly(LocalDateTime.of(2026, 11, 26, 6, 0));
        }
        try (EditionStore fresh = EditionStore.open("jdbc:sqlite:" + dir.resolve("fresh.db"), TestFiles.CLOCK)) {
            MovingClock again = new MovingClock(ZonedDateTime.of(2026, 11, 25, 9, 15, 0, 0, BERLIN).toInstant());
            assertThat(runs("0 6 * * *", true, again, fresh, 1))
                    .extracting(ZonedDateTime::toLocalDateTime).containsExactly(LocalDateTime.of(2026, 11, 26, 6, 0));
        }
    }

    @Test
    @Timeout(30) // under the waiter's 60-second nap, so a stop that did not wake it fails here
    void stopEndsTheWaitAndTheLoop() throws Exception {
        Instant now = ZonedDateTime.of(2026, 11, 25, 9, 15, 0, 0, BERLIN).toInstant();
        AtomicReference<EditionScheduler> scheduler = new AtomicReference<>();
        CountDownLatch aboutToWait = new CountDownLatch(1);
        // The sleeping waiter reads the clock holding the scheduler's lock and waits on it right after; stop()
        // needs that lock to wake it, so a stop sent from here can only arrive once the wait has begun.
        Clock clock = new MovingClock(now) {
            @Override
            public Instant instant() {
                if (Thread.holdsLock(scheduler.get())) {
                    aboutToWait.countDown();
                }
                return super.instant();
            }
        };
        RunLog log = mock(RunLog.class, CALLS_REAL_METHODS);
        try (EditionStore store = store()) {
            scheduler.set(new EditionScheduler("0 6 * * *", BERLIN, true, clock, store, scheduled -> "ran", log));
            Thread loop = new Thread(() -> scheduler.get().run(scheduler.get().sleepingWaiter()), "scheduler-loop");
            loop.start();

            aboutToWait.await();
            scheduler.get().stop();
            loop.join();

            assertThat(scheduler.get().awaitFinished(Duration.ZERO)).isTrue();
            assertThat(store.lastScheduledRun()).as("no edition made").isEmpty();
            verify(log).accept(new RunEvent.Progress("schedule '0 6 * * *' in Europe/Berlin; next edition at 2026-11-26 06:00 CET"));
        }
    }

    /** A waiter that moves the clock to each run's time, until {@code count} runs were made. */
    private static EditionScheduler.Waiter movingTo(MovingClock clock, List<?> runs, int count) {
        return when -> {
            if (runs.size() >= count) {
                return false;
            }
            clock.now = when;
            return true;
        };
    }

    @Test
    void twoEditionsRunEachOnItsOwnTimetableAndCatchUpEachOnItsOwnRecord() {
        MovingClock clock = new MovingClock(ZonedDateTime.of(2026, 11, 24, 12, 0, 0, 0, BERLIN).toInstant());
        List<String> runs = new ArrayList<>();
        try (EditionStore store = store()) {
            EditionStore morning = store.named("morning");
            EditionStore evening = store.named("evening");
            // both were made on 23 November; the process was down for the morning of the 24th
            morning.recordScheduledRun(ZonedDateTime.of(2026, 11, 23, 6, 0, 0, 0, BERLIN).toInstant(), Instant.EPOCH, "ok");
            evening.recordScheduledRun(ZonedDateTime.of(2026, 11, 23, 18, 0, 0, 0, BERLIN).toInstant(), Instant.EPOCH, "ok");
            EditionScheduler scheduler = new EditionScheduler(List.of(
                    new EditionScheduler.Timetable("morning", "0 6 * * *", true, morning,
                            scheduled -> { runs.add("morning " + scheduled.toLocalDateTime()); return "ok"; }),
                    new EditionScheduler.Timetable("evening", "0 18 * * *", true, evening,
                            scheduled -> { runs.add("evening " + scheduled.toLocalDateTime()); return "ok"; })),
                    BERLIN, clock, mock(RunLog.class, CALLS_REAL_METHODS));

            scheduler.run(movingTo(clock, runs, 4));

            assertThat(runs).containsExactly("morning 2026-11-24T06:00", "evening 2026-11-24T18:00",
                    "morning 2026-11-25T06:00", "evening 2026-11-25T18:00");
            assertThat(morning.lastScheduledRun()).contains(ZonedDateTime.of(2026, 11, 25, 6, 0, 0, 0, BERLIN).toInstant());
            assertThat(evening.lastScheduledRun()).contains(ZonedDateTime.of(2026, 11, 25, 18, 0, 0, 0, BERLIN).toInstant());
            assertThat(store.lastScheduledRun()).as("the unnamed edition's record is its own").isEmpty();
        }
    }

    @Test
    void editionsDueAtTheSameTimeRunInTheOrderGiven() {
        MovingClock clock = new MovingClock(ZonedDateTime.of(2026, 11, 24, 12, 0, 0, 0, BERLIN).toInstant());
        List<String> runs = new ArrayList<>();
        try (EditionStore store = store()) {
            EditionScheduler scheduler = new EditionScheduler(List.of(
                    new EditionScheduler.Timetable("first", "0 18 * * *", false, store.named("first"),
                            scheduled -> { runs.add("first"); return "ok"; }),
                    new EditionScheduler.Timetable("second", "0 18 * * *", false, store.named("second"),
                            scheduled -> { runs.add("second"); return "ok"; })),
                    BERLIN, clock, mock(RunLog.class, CALLS_REAL_METHODS));

            scheduler.run(movingTo(clock, runs, 4));

            assertThat(runs).containsExactly("first", "second", "first", "second");
        }
    }
}
