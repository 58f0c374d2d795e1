package org.newsbrief.deliver;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.newsbrief.store.EditionStore;
import org.newsbrief.events.RunLog;

/**
 * Makes editions on a cron schedule in a time zone, in the foreground, until stopped.
 *
 * <p>Times are matched on the wall clock of the zone, so daylight-saving changes behave as
 * people expect: a time the spring change skips (02:30 when clocks jump from 02:00 to 03:00)
 * runs once, just after the jump; a time the autumn change repeats runs once, the first time.
 * Each run is recorded in the store; after a restart, a run missed while the process was down
 * is made once (when catch-up is on), however many were missed.
 */
public final class EditionScheduler {

    /** Waits until a time; tests pass one that moves a clock instead of sleeping. */
    @FunctionalInterface
    public interface Waiter {
        /**
         * @param when the time to wait for
         * @return whether the time came; {@code false} when the scheduler was stopped first
         * @throws InterruptedException when the wait is interrupted
         */
        boolean waitUntil(Instant when) throws InterruptedException;
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm z");
    /** How far back a catch-up looks; older misses are history, not a run to make now. */
    private static final Duration CATCH_UP_WINDOW = Duration.ofDays(7);

    private final ExecutionTime cron;
    private final String expression;
    private final ZoneId zone;
    private final boolean catchUp;
    private final Clock clock;
    private final EditionStore store;
    private final Function<ZonedDateTime, String> edition;
    private final RunLog log;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopped;

    /**
     * @param expression a five-field cron expression
     * @param zone the zone its times are in
     * @param catchUp whether a run missed while down is made once at start
     * @param clock the time now
     * @param store where runs are recorded
     * @param edition makes the edition a run is scheduled for and returns one line on how it went
     * @param log receives one line per run and per event
     */
    public EditionScheduler(String expression, ZoneId zone, boolean catchUp, Clock clock, EditionStore store,
            Function<ZonedDateTime, String> edition, RunLog log) {
        this.expression = Objects.requireNonNull(expression, "expression");
        this.cron = ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX))
                .parse(expression).validate());
        this.zone = Objects.requireNonNull(zone, "zone");
        this.catchUp = catchUp;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.edition = Objects.requireNonNull(edition, "edition");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param after a wall-clock time in the zone
     * @return the first scheduled wall-clock time after it
     */
    LocalDateTime nextLocal(LocalDateTime after) {
        return cron.nextExecution(after.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toLocalDateTime)
                .orElseThrow(() -> new IllegalStateException("the schedule '" + expression + "' never runs again"));
    }

    /**
     * @param local a scheduled wall-clock time
     * @return the instant it happens: in a spring gap, just after the jump; in an autumn overlap, the first time
     */
    ZonedDateTime at(LocalDateTime local) {
        return ZonedDateTime.ofLocal(local, zone, null);
    }

    /**
     * @param now the time now
     * @return the latest scheduled time before now that no recorded run covers, if catch-up applies
     */
    Optional<ZonedDateTime> missed(Instant now) {
        Optional<Instant> last = store.lastScheduledRun();
        if (!catchUp || last.isEmpty()) {
            return Optional.empty();
        }
        Instant from = last.get().isBefore(now.minus(CATCH_UP_WINDOW)) ? now.minus(CATCH_UP_WINDOW) : last.get();
        LocalDateTime cursor = LocalDateTime.ofInstant(from, zone);
        ZonedDateTime latest = null;
        while (true) {
            LocalDateTime next = nextLocal(cursor);
            ZonedDateTime when = at(next);
            if (when.toInstant().isAfter(now)) {
                break;
            }
            if (when.toInstant().isAfter(last.get())) {
                latest = when;
            }
            cursor = next;
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Runs until {@link #stop()}: a catch-up run first when one is due, then each scheduled run.
     *
     * @param waiter waits for each run's time
     */
    public void run(Waiter waiter) {
        try {
            Instant now = clock.instant();
            log.progress("schedule '" + expression + "' in " + zone + "; next edition at "
                    + STAMP.format(at(nextLocal(LocalDateTime.ofInstant(now, zone)))));
            Optional<ZonedDateTime> missed = missed(now);
            if (missed.isPresent() && !stopped) {
                log.progress("catching up the run due at " + STAMP.format(missed.get()) + ", missed while newsbrief was not running");
                runOnce(missed.get());
            }
            LocalDateTime cursor = LocalDateTime.ofInstant(now, zone);
            while (!stopped) {
                LocalDateTime next = nextLocal(cursor);
                ZonedDateTime when = at(next);
                if (!waiter.waitUntil(when.toInstant()) || stopped) {
                    break;
                }
                runOnce(when);
                cursor = next;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
        }
    }

    private void runOnce(ZonedDateTime scheduled) {
        Instant started = clock.instant();
        String outcome;
        try {
            outcome = edition.apply(scheduled);
        } catch (RuntimeException e) {
            outcome = "failed: " + e.getMessage();
        }
        store.recordScheduledRun(scheduled.toInstant(), started, outcome);
        log.progress(STAMP.format(scheduled) + ": " + outcome + " (" + Duration.between(started, clock.instant()).toMillis() / 1000.0
                + " s)");
    }

    /** Asks the loop to end; an edition in progress is finished first. */
    public void stop() {
        stopped = true;
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * @param timeout how long to wait
     * @return whether the loop ended within it
     * @throws InterruptedException when the wait is interrupted
     */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @return a waiter that sleeps on the scheduler's clock and wakes early when stopped
     */
    public Waiter sleepingWaiter() {
        return when -> {
            synchronized (this) {
                while (!stopped) {
                    long millis = Duration.between(clock.instant(), when).toMillis();
                    if (millis <= 0) {
                        return true;
                    }
                    wait(Math.min(millis, 60_000));
                }
            }
            return false;
        };
    }
}
