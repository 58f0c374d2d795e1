package org.newsbrief.deliver;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.newsbrief.store.EditionStore;
import org.newsbrief.store.EditionStore.Delivery;
import org.newsbrief.store.EditionStore.Status;
import org.newsbrief.internal.Hashing;
import org.newsbrief.internal.Sleeper;
import org.newsbrief.events.RunLog;

/**
 * Sends an edition to each mailbox exactly once. Every attempt is recorded in the store before
 * the message leaves and again after, so a rerun skips what was sent, finishes what was not, and
 * finds a delivery the process stopped in the middle of; that one is reported, never silently
 * repeated, and can be retried alone with the Message-ID it first went with. A temporary failure
 * is tried again after a wait that doubles each time; a permanent one is not tried again in the
 * same run, but is on the next, since the address may have been fixed in between. When the server
 * cannot be reached for several recipients in a row, the rest wait for the next run instead of
 * each spending its own retries on a server that is down.
 */
public final class Dispatcher {

    /** Who gets the edition in this run, besides those it has not reached yet. */
    public enum Mode {
        /**
         * Only recipients it has not reached, those refused before included; an interrupted delivery
         * is reported, not repeated.
         */
        ONCE,
        /**
         * Also recipients whose delivery a stopped run interrupted, with the Message-ID of that
         * attempt, so a copy that did arrive is recognized as the same message.
         */
        RETRY_INTERRUPTED,
        /** Everyone again, whatever happened before. */
        RESEND
    }

    /** What a run does for one mailbox, decided from what the store holds before anything is sent. */
    public enum Step {
        /** Never tried: sent now. */
        SEND,
        /** Tried before without arriving (a failure, a refusal, or not reached): tried again now. */
        RETRY,
        /** A stopped run may have delivered it: sent again alone, with that attempt's Message-ID. */
        RETRY_INTERRUPTED,
        /** Has it already, and gets it again. */
        RESEND,
        /** Has it already: nothing is sent. */
        HAS_IT,
        /** A stopped run may have delivered it: reported, not sent. */
        INTERRUPTED,
        /** A test copy: sent, and recorded nowhere. */
        COPY
    }

    /**
     * What a run would do for one mailbox.
     *
     * @param recipient the address, as listed
     * @param step what the run does
     * @param detail what happened to it before, or empty when nothing did
     */
    public record Planned(String recipient, Step step, String detail) {}

    /**
     * How one recipient's delivery went in this run.
     *
     * @param recipient the address
     * @param status where it stands now
     * @param sentNow whether this run handed the message over
     * @param detail one line for the operator
     */
    public record Outcome(String recipient, Status status, boolean sentNow, String detail) {}

    /**
     * How the edition's deliveries went.
     *
     * @param outcomes one per recipient, in order
     * @param via where messages went
     */
    public record Report(List<Outcome> outcomes, String via) {

        public Report {
            outcomes = List.copyOf(outcomes);
        }

        /** @return whether every recipient now has the edition */
        public boolean allDelivered() {
            return outcomes.stream().allMatch(outcome -> outcome.status() == Status.SENT);
        }

        /** @return one line: how many were sent now, before, and not at all */
        public String summary() {
            long now = outcomes.stream().filter(Outcome::sentNow).count();
            long before = outcomes.stream().filter(o -> o.status() == Status.SENT && !o.sentNow()).count();
            long failed = outcomes.stream().filter(o -> o.status() == Status.FAILED).count();
            long rejected = outcomes.stream().filter(o -> o.status() == Status.REJECTED).count();
            long interrupted = outcomes.stream().filter(o -> o.status() == Status.INTERRUPTED).count();
            StringBuilder line = new StringBuilder().append(now).append(" sent to ").append(via);
            if (before > 0) {
                line.append(", ").append(before).append(" already sent before");
            }
            if (failed > 0) {
                line.append(", ").append(failed).append(" failed (retried on the next run)");
            }
            if (rejected > 0) {
                line.append(", ").append(rejected).append(" rejected (tried again on the next run)");
            }
            if (interrupted > 0) {
                line.append(", ").append(interrupted).append(" interrupted (may have arrived; --retry-interrupted sends to them alone)");
            }
            return line.toString();
        }
    }

    private final EditionStore store;
    private final Mailer mailer;
    private final int attempts;
    private final Duration backoff;
    private final int breakerThreshold;
    private final Sleeper sleeper;
    private final RunLog log;

    /**
     * @param store where deliveries are recorded
     * @param mailer hands messages over
     * @param attempts how many times a temporary failure is tried in all, at least 1
     * @param backoff the wait before the second attempt; it doubles for each one after
     * @param breakerThreshold after this many recipients in a row could not reach the server, at least 1,
     *     the rest are left for the next run
     * @param sleeper waits between attempts
     * @param log receives one line per event worth an operator's eye
     */
    public Dispatcher(EditionStore store, Mailer mailer, int attempts, Duration backoff, int breakerThreshold,
            Sleeper sleeper, RunLog log) {
        this.store = Objects.requireNonNull(store, "store");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        if (breakerThreshold < 1) {
            throw new IllegalArgumentException("breakerThreshold must be at least 1, was " + breakerThreshold);
        }
        this.breakerThreshold = breakerThreshold;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param mail the edition's email
     * @param recipients the addresses; one naming a mailbox already listed is left out
     * @param mode who gets it besides those it has not reached
     * @return how each delivery went, one per mailbox
     */
    public Report deliver(BriefingMail mail, List<String> recipients, Mode mode) {
        Objects.requireNonNull(mode, "mode");
        List<Outcome> outcomes = new ArrayList<>();
        int unreachable = 0;
        int deferred = 0;
        for (String recipient : mailboxes(recipients)) {
            Attempted attempted = deliverOne(mail, recipient, mode, unreachable >= breakerThreshold);
            outcomes.add(attempted.outcome());
            if (attempted.deferred()) {
                deferred++;
            } else if (attempted.unreachable()) {
                unreachable++;
            } else if (attempted.reachedServer()) {
                unreachable = 0;
            }
        }
        if (deferred > 0) {
            log.failure("" + mailer.describe() + " could not be reached for " + unreachable + " recipients in a row; "
                    + deferred + " more were not tried in this run (the next run tries them)");
        }
        return new Report(outcomes, mailer.describe());
    }

    /**
     * What {@link #deliver} would do for each mailbox now; nothing is sent or recorded. Whether the
     * server can be reached is not known until a run tries, so the breaker plays no part here.
     *
     * @param date the edition's day
     * @param recipients the addresses; one naming a mailbox already listed is left out
     * @param mode who gets it besides those it has not reached
     * @return one step per mailbox, in order
     */
    public List<Planned> plan(LocalDate date, List<String> recipients, Mode mode) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(mode, "mode");
        List<Planned> planned = new ArrayList<>();
        for (String recipient : mailboxes(recipients)) {
            Optional<Delivery> earlier = store.delivery(date, key(recipient));
            planned.add(new Planned(recipient, step(earlier, mode), earlier.map(Dispatcher::before).orElse("")));
        }
        return List.copyOf(planned);
    }

    /**
     * Sends one copy to one address and records nothing, so the edition's recipients, that address
     * among them, still get theirs. It goes with a Message-ID of its own: a mail system that drops a
     * message it has seen must not take the real delivery for this copy. It is tried once, since
     * the operator who asked for it is watching.
     *
     * @param mail the edition's email
     * @param address where the copy goes
     * @return how it went, as the one outcome
     */
    public Report sendCopy(BriefingMail mail, String address) {
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(address, "address");
        String messageId = messageId(mail, address).replaceFirst("@", ".copy-" + UUID.randomUUID() + "@");
        Outcome outcome;
        try {
            mailer.send(mail, address, messageId);
            outcome = new Outcome(address, Status.SENT, true, "test copy sent " + messageId + "; not recorded");
        } catch (DeliveryException e) {
            log.failure("" + e.getMessage() + " (test copy; nothing recorded)");
            outcome = new Outcome(address, e.retriable() ? Status.FAILED : Status.REJECTED, false, e.getMessage());
        }
        return new Report(List.of(outcome), mailer.describe());
    }

    /** What a run does for a mailbox with that delivery behind it, or none. */
    private static Step step(Optional<Delivery> earlier, Mode mode) {
        if (earlier.isEmpty()) {
            return Step.SEND;
        }
        Status status = earlier.get().status();
        boolean interrupted = status == Status.SENDING || status == Status.INTERRUPTED;
        if (status == Status.FAILED || status == Status.REJECTED) {
            // the address may have been fixed since a refusal; one more costs a reply, never a second copy
            return Step.RETRY;
        }
        if (mode == Mode.RESEND) {
            return Step.RESEND;
        }
        if (interrupted) {
            return mode == Mode.RETRY_INTERRUPTED ? Step.RETRY_INTERRUPTED : Step.INTERRUPTED;
        }
        return Step.HAS_IT;
    }

    /** One line on what happened to a delivery before this run. */
    private static String before(Delivery delivery) {
        return switch (delivery.status()) {
            case SENT -> "sent " + delivery.updatedAt();
            case SENDING -> "a run stopped while sending it as " + delivery.messageId() + "; it may have arrived";
            case INTERRUPTED -> delivery.error();
            case FAILED -> "failed: " + delivery.error();
            case REJECTED -> "refused: " + delivery.error();
        };
    }

    /**
     * @param address an address, perhaps with a display name: {@code Ops <ops@example.org>}
     * @return the mailbox the store knows it by: the bare address in lower case
     * @throws IllegalArgumentException when it is not an email address
     */
    public static String mailbox(String address) {
        Objects.requireNonNull(address, "address");
        try {
            new InternetAddress(MimeMessages.headerValue(address), true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an email address: " + address, e);
        }
        return key(address);
    }

    /** The recipients, one per mailbox, the first spelling kept. */
    private List<String> mailboxes(List<String> recipients) {
        Map<String, String> mailboxes = new LinkedHashMap<>();
        for (String recipient : recipients) {
            String first = mailboxes.putIfAbsent(key(recipient), recipient);
            if (first != null) {
                log.progress("note: " + recipient + " is the same mailbox as " + first + "; it gets one copy");
            }
        }
        return List.copyOf(mailboxes.values());
    }

    /**
     * The store knows a recipient by the bare address in lower case, so a display name added or
     * changed in the configuration does not make a second delivery. The local part is folded too:
     * RFC 5321 lets a server tell {@code Alice} from {@code alice}, but nearly none do, and one
     * mailbox listed twice in two spellings must not get two copies.
     */
    static String key(String recipient) {
        return MimeMessages.address(recipient).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * One recipient's outcome, and what it says about the server.
     *
     * @param outcome how it went
     * @param unreachable whether every attempt failed to reach the server at all
     * @param reachedServer whether an attempt got an answer from the server
     * @param deferred whether it was left for the next run without being tried
     */
    private record Attempted(Outcome outcome, boolean unreachable, boolean reachedServer, boolean deferred) {

        static Attempted notTried(Outcome outcome) {
            return new Attempted(outcome, false, false, false);
        }
    }

    /**
     * @param breakerOpen whether the server could not be reached for too many recipients in a row,
     *     so one that needs sending is left for the next run
     */
    private Attempted deliverOne(BriefingMail mail, String recipient, Mode mode, boolean breakerOpen) {
        String key = key(recipient);
        Optional<Delivery> earlier = store.delivery(mail.date(), key);
        // Every attempt at one delivery goes with the Message-ID of the first, so a copy that did arrive is recognized.
        String messageId = earlier.map(Delivery::messageId).filter(id -> !id.isEmpty()).orElseGet(() -> messageId(mail, recipient));
        switch (step(earlier, mode)) {
            case HAS_IT -> {
                return Attempted.notTried(new Outcome(recipient, Status.SENT, false, "already sent " + earlier.get().updatedAt()));
            }
            case INTERRUPTED -> {
                Delivery delivery = earlier.get();
                if (delivery.status() == Status.SENDING) {
                    String detail = "a run stopped while sending to " + recipient + " (" + delivery.messageId()
                            + "); it may have arrived, so it is not sent again: run with --retry-interrupted to send it "
                            + "to this recipient alone, with the same Message-ID";
                    store.finishDelivery(mail.date(), key, Status.INTERRUPTED, detail);
                    log.warning("" + detail);
                    return Attempted.notTried(new Outcome(recipient, Status.INTERRUPTED, false, detail));
                }
                log.warning("" + delivery.error());
                return Attempted.notTried(new Outcome(recipient, Status.INTERRUPTED, false, delivery.error()));
            }
            case RETRY_INTERRUPTED -> {
                if (!breakerOpen) {
                    log.progress("retrying the interrupted delivery to " + recipient + " as " + messageId);
                }
            }
            case RETRY -> {
                if (!breakerOpen && earlier.get().status() == Status.REJECTED) {
                    log.progress("trying " + recipient + " again: refused on an earlier run (" + earlier.get().error() + ")");
                }
            }
            case SEND, RESEND, COPY -> { }
        }
        if (breakerOpen) {
            String detail = "not tried: " + mailer.describe() + " could not be reached; the next run tries again";
            store.deferDelivery(mail.date(), key, messageId, detail);
            return new Attempted(new Outcome(recipient, Status.FAILED, false, detail), false, false, true);
        }
        for (int attempt = 1; ; attempt++) {
            store.beginDelivery(mail.date(), key, messageId);
            try {
                mailer.send(mail, recipient, messageId);
                store.finishDelivery(mail.date(), key, Status.SENT, "");
                return new Attempted(new Outcome(recipient, Status.SENT, true, "sent " + messageId), false, true, false);
            } catch (DeliveryException e) {
                if (!e.retriable()) {
                    store.finishDelivery(mail.date(), key, Status.REJECTED, e.getMessage());
                    log.failure("" + e.getMessage() + " (permanent; not retried)");
                    return new Attempted(new Outcome(recipient, Status.REJECTED, false, e.getMessage()), false, !e.unreachable(),
                            false);
                }
                store.finishDelivery(mail.date(), key, Status.FAILED, e.getMessage());
                if (attempt >= attempts) {
                    log.failure("" + e.getMessage() + " (gave up after " + attempt + " attempts; the next run tries again)");
                    return new Attempted(new Outcome(recipient, Status.FAILED, false, e.getMessage()), e.unreachable(),
                            !e.unreachable(), false);
                }
                Duration wait = backoff.multipliedBy(1L << Math.min(attempt - 1, 16));
                log.warning("" + e.getMessage() + " (attempt " + attempt + " of " + attempts + "; retrying in "
                        + wait.toMillis() + " ms)");
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return Attempted.notTried(new Outcome(recipient, Status.FAILED, false,
                            e.getMessage() + " (stopped while waiting to retry)"));
                }
            }
        }
    }

    /**
     * The same for every attempt at one edition and recipient, so a message that did arrive
     * before a crash and is resent can be recognized as the same by the mail system; another
     * configuration's edition of the same day gets its own, so it is never taken for a copy.
     */
    String messageId(BriefingMail mail, String recipient) {
        String domain = mail.from().replaceAll(".*@", "").replaceAll("[^A-Za-z0-9.-]", "");
        String edition = store.editionId().isEmpty() ? "briefing" : store.editionId();
        return "<" + edition + "-" + mail.date() + "." + Hashing.sha256Hex(key(recipient), 8) + "@"
                + (domain.isEmpty() ? "newsbrief.invalid" : domain) + ">";
    }
}
