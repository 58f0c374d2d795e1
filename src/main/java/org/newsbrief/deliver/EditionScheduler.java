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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * is made once (when catch-up is on), however many were missed. Several editions a day each keep
 * their own timetable and their own record of runs.
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

    /**
     * One edition's timetable.
     *
     * @param name the edition's name, empty for a configuration's one edition a day
     * @param expression a five-field cron expression
     * @param catchUp whether a run missed while down is made once at start
     * @param store where its runs are recorded
     * @param edition makes the edition a run is scheduled for and returns one line on how it went
     */
    public record Timetable(String name, String expression, boolean catchUp, EditionStore store,
            Function<ZonedDateTime, String> edition) {

        public Timetable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(edition, "edition");
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm z");
    /** How far back a catch-up looks; older misses are history, not a run to make now. */
    private static final Duration CATCH_UP_WINDOW = Duration.ofDays(7);

    private final List<Timetable> timetables;
    private final List<ExecutionTime> crons;
    private final ZoneId zone;
    private final Clock clock;
    private final RunLog log;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopped;

    /**
     * One edition a day.
     *
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
        this(List.of(new Timetable("", expression, catchUp, store, edition)), zone, clock, log);
    }

    /**
     * Several editions a day, each on its own timetable; editions due at the same time are made in
     * the order given.
     *
     * @param timetables the editions' timetables, at least one
     * @param zone the zone their times are in
     * @param clock the time now
     * @param log receives one line per run and per event
     */
    public EditionScheduler(List<Timetable> timetables, ZoneId zone, Clock clock, RunLog log) {
        this.timetables = List.copyOf(timetables);
        if (this.timetables.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one timetable");
        }
        CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
        this.crons = this.timetables.stream().map(timetable -> ExecutionTime.forCron(parser.parse(timetable.expression()).validate()))
                .toList();
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param timetable which timetable
     * @param after a wall-clock time in the zone
     * @return its first scheduled wall-clock time after it
     */
    private LocalDateTime nextLocal(int timetable, LocalDateTime after) {
        return crons.get(timetable).nextExecution(after.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toLocalDateTime)
                .orElseThrow(() -> new IllegalStateException("the schedule '" + timetables.get(timetable).expression()
                        + "' never runs again"));
    }

    /**
     * @param local a scheduled wall-clock time
     * @return the instant it happens: in a spring gap, just after the jump; in an autumn overlap, the first time
     */
    ZonedDateTime at(LocalDateTime local) {
        return ZonedDateTime.ofLocal(local, zone, null);
    }

    /**
     * @param timetable which timetable
     * @param now the time now
     * @return its latest scheduled time before now that no recorded run covers, if catch-up applies
     */
    private Optional<ZonedDateTime> missed(int timetable, Instant now) {
        Optional<Instant> last = timetables.get(timetable).store().lastScheduledRun();
        if (!timetables.get(timetable).catchUp() || last.isEmpty()) {
            return Optional.empty();
        }
        Instant from = last.get().isBefore(now.minus(CATCH_UP_WINDOW)) ? now.minus(CATCH_UP_WINDOW) : last.get();
        LocalDateTime cursor = LocalDateTime.ofInstant(from, zone);
        ZonedDateTime latest = null;
        while (true) {
            LocalDateTime next = nextLocal(timetable, cursor);
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
     * Runs until {@link #stop()}: first a catch-up run of each edition that is due one, the earliest
     * first, then each scheduled run.
     *
     * @param waiter waits for each run's time
     */
    public void run(Waiter waiter) {
        try {
            Instant now = clock.instant();
            LocalDateTime start = LocalDateTime.ofInstant(now, zone);
            LocalDateTime[] cursors = new LocalDateTime[timetables.size()];
            List<Integer> catchUps = new ArrayList<>();
            Map<Integer, ZonedDateTime> missed = new HashMap<>();
            for (int i = 0; i < timetables.size(); i++) {
                cursors[i] = start;
                log.progress("schedule '" + timetables.get(i).expression() + "' in " + zone + named(i) + "; next edition at "
                        + STAMP.format(at(nextLocal(i, start))));
                int timetable = i;
                missed(i, now).ifPresent(when -> {
                    missed.put(timetable, when);
                    catchUps.add(timetable);
                });
            }
            catchUps.sort(Comparator.comparing(missed::get));
            for (int i : catchUps) {
                if (stopped) {
                    break;
                }
                log.progress("catching up the run" + named(i) + " due at " + STAMP.format(missed.get(i))
                        + ", missed while newsbrief was not running");
                runOnce(i, missed.get(i));
            }
            while (!stopped) {
                int due = 0;
                LocalDateTime next = null;
                ZonedDateTime when = null;
                for (int i = 0; i < timetables.size(); i++) {
                    LocalDateTime local = nextLocal(i, cursors[i]);
                    if (when == null || at(local).isBefore(when)) {
                        due = i;
                        next = local;
                        when = at(local);
                    }
                }
                if (!waiter.waitUntil(when.toInstant()) || stopped) {
                    break;
                }
                runOnce(due, when);
                cursors[due] = next;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
        }
    }

    /** @return " for the evening edition", or nothing for a configuration's one edition */
    private String named(int timetable) {
        String name = timetables.get(timetable).name();
        return name.isEmpty() ? "" : " for the " + name + " edition";
    }

    private void runOnce(int timetable, ZonedDateTime scheduled) {
        Instant started = clock.instant();
        String outcome;
        try {
            outcome = timetables.get(timetable).edition().apply(scheduled);
        } catch (RuntimeException e) {
            outcome = "failed: " + e.getMessage();
        }
        timetables.get(timetable).store().recordScheduledRun(scheduled.toInstant(), started, outcome);
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
