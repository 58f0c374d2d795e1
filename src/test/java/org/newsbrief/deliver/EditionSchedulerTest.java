package org.newsbrief.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.store.EditionStore;

/** The scheduler on a clock the test moves: no sleeping, and any day of the year. */
class EditionSchedulerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    /** A clock that stands still until the waiter moves it to the next run. */
    private static final class MovingClock extends Clock {
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
        List<String> log = new ArrayList<>();
        EditionScheduler scheduler = new EditionScheduler(cron, BERLIN, catchUp, clock, store, scheduled -> {
            runs.add(scheduled);
            return "edition " + scheduled.toLocalDate();
        }, org.newsbrief.events.EventLines.into(log));
        scheduler.run(when -> {
            if (runs.size() >= count) {
                return false;
            }
            clock.now = when;
            return true;
        });
        assertThat(log).hasSizeGreaterThanOrEqualTo(runs.size());
        return runs;
    }

    private EditionStore store() {
        return EditionStore.open("jdbc:sqlite:" + dir.resolve("store.db"), Clock.systemUTC());
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
        try (EditionStore fresh = EditionStore.open("jdbc:sqlite:" + dir.resolve("fresh.db"), Clock.systemUTC())) {
            MovingClock again = new MovingClock(ZonedDateTime.of(2026, 11, 25, 9, 15, 0, 0, BERLIN).toInstant());
            assertThat(runs("0 6 * * *", true, again, fresh, 1))
                    .extracting(ZonedDateTime::toLocalDateTime).containsExactly(LocalDateTime.of(2026, 11, 26, 6, 0));
        }
    }

    @Test
    void stopEndsTheWaitAndTheLoop() throws Exception {
        try (EditionStore store = store()) {
            EditionScheduler scheduler = new EditionScheduler("0 6 * * *", BERLIN, true, Clock.system(BERLIN), store,
                    scheduled -> "ran", line -> { });
            Thread loop = new Thread(() -> scheduler.run(scheduler.sleepingWaiter()));
            loop.start();
            scheduler.stop();

            assertThat(scheduler.awaitFinished(java.time.Duration.ofSeconds(10))).isTrue();
            loop.join(10_000);
            assertThat(loop.isAlive()).isFalse();
        }
    }
}
