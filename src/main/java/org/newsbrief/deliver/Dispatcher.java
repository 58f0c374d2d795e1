package org.newsbrief.deliver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.newsbrief.store.EditionStore;
import org.newsbrief.store.EditionStore.Delivery;
import org.newsbrief.store.EditionStore.Status;

/**
 * Sends an edition to each recipient exactly once. Every attempt is recorded in the store before
 * the message leaves and again after, so a rerun skips what was sent, finishes what was not, and
 * finds a delivery the process stopped in the middle of; that one is reported, never silently
 * repeated. A temporary failure is tried again after a wait that doubles each time; a permanent
 * one is not.
 */
public final class Dispatcher {

    /** Waits between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * @param duration how long to wait
         * @throws InterruptedException when the wait is cut short
         */
        void sleep(Duration duration) throws InterruptedException;
    }

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
                line.append(", ").append(rejected).append(" rejected");
            }
            if (interrupted > 0) {
                line.append(", ").append(interrupted).append(" interrupted (may have arrived; --resend to send again)");
            }
            return line.toString();
        }
    }

    private final EditionStore store;
    private final Mailer mailer;
    private final int attempts;
    private final Duration backoff;
    private final Sleeper sleeper;
    private final Consumer<String> log;

    /**
     * @param store where deliveries are recorded
     * @param mailer hands messages over
     * @param attempts how many times a temporary failure is tried in all, at least 1
     * @param backoff the wait before the second attempt; it doubles for each one after
     * @param sleeper waits between attempts
     * @param log receives one line per event worth an operator's eye
     */
    public Dispatcher(EditionStore store, Mailer mailer, int attempts, Duration backoff, Sleeper sleeper,
            Consumer<String> log) {
        this.store = Objects.requireNonNull(store, "store");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param mail the edition's email
     * @param recipients the addresses, each once
     * @param resend whether to send again to recipients already sent to or interrupted
     * @return how each delivery went
     */
    public Report deliver(BriefingMail mail, List<String> recipients, boolean resend) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String recipient : recipients) {
            outcomes.add(deliverOne(mail, recipient, resend));
        }
        return new Report(outcomes, mailer.describe());
    }

    /**
     * The store knows a recipient by the bare address in lower case, so a display name added or
     * changed in the configuration does not make a second delivery.
     */
    static String key(String recipient) {
        return MimeMessages.address(recipient).toLowerCase(java.util.Locale.ROOT);
    }

    private Outcome deliverOne(BriefingMail mail, String recipient, boolean resend) {
        String key = key(recipient);
        Optional<Delivery> earlier = store.delivery(mail.date(), key);
        if (earlier.isPresent() && !resend) {
            Delivery delivery = earlier.get();
            switch (delivery.status()) {
                case SENT -> {
                    return new Outcome(recipient, Status.SENT, false, "already sent " + delivery.updatedAt());
                }
                case SENDING -> {
                    String detail = "a run stopped while sending to " + recipient + " (" + delivery.messageId()
                            + "); it may have arrived, so it is not sent again (use --resend)";
                    store.finishDelivery(mail.date(), key, Status.INTERRUPTED, detail);
                    log.accept("warning: " + detail);
                    return new Outcome(recipient, Status.INTERRUPTED, false, detail);
                }
                case INTERRUPTED -> {
                    log.accept("warning: " + delivery.error());
                    return new Outcome(recipient, Status.INTERRUPTED, false, delivery.error());
                }
                case REJECTED -> {
                    return new Outcome(recipient, Status.REJECTED, false, "rejected earlier: " + delivery.error());
                }
                case FAILED -> { }
            }
        }
        String messageId = messageId(mail, recipient);
        for (int attempt = 1; ; attempt++) {
            store.beginDelivery(mail.date(), key, messageId);
            try {
                mailer.send(mail, recipient, messageId);
                store.finishDelivery(mail.date(), key, Status.SENT, "");
                return new Outcome(recipient, Status.SENT, true, "sent " + messageId);
            } catch (DeliveryException e) {
                if (!e.retriable()) {
                    store.finishDelivery(mail.date(), key, Status.REJECTED, e.getMessage());
                    log.accept("error: " + e.getMessage() + " (permanent; not retried)");
                    return new Outcome(recipient, Status.REJECTED, false, e.getMessage());
                }
                store.finishDelivery(mail.date(), key, Status.FAILED, e.getMessage());
                if (attempt >= attempts) {
                    log.accept("error: " + e.getMessage() + " (gave up after " + attempt + " attempts; the next run tries again)");
                    return new Outcome(recipient, Status.FAILED, false, e.getMessage());
                }
                Duration wait = backoff.multipliedBy(1L << Math.min(attempt - 1, 16));
                log.accept("warning: " + e.getMessage() + " (attempt " + attempt + " of " + attempts + "; retrying in "
                        + wait.toMillis() + " ms)");
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return new Outcome(recipient, Status.FAILED, false, e.getMessage() + " (stopped while waiting to retry)");
                }
            }
        }
    }

    /**
     * The same for every attempt at one edition and recipient, so a message that did arrive
     * before a crash and is resent can be recognized as the same by the mail system.
     */
    static String messageId(BriefingMail mail, String recipient) {
        String domain = mail.from().replaceAll(".*@", "").replaceAll("[^A-Za-z0-9.-]", "");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key(recipient).getBytes(StandardCharsets.UTF_8));
            return "<briefing-" + mail.date() + "." + HexFormat.of().formatHex(hash, 0, 8) + "@"
                    + (domain.isEmpty() ? "newsbrief.invalid" : domain) + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
