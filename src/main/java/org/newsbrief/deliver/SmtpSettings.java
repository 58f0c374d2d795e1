package org.newsbrief.deliver;

import java.time.Duration;
import java.util.Objects;

/**
 * The mail server and the message's fixed parts. Without a host, messages go to the outbox folder
 * with the same sender and subject, so a trial run shows them as the server will get them. The
 * password never appears in {@link #toString()}.
 *
 * @param host the SMTP server, or empty for none: the outbox
 * @param port its port
 * @param security {@code starttls}, {@code tls} (implicit) or {@code none}
 * @param username the login, or empty for none
 * @param password the password, from the environment, or empty
 * @param from the sender, such as {@code Newsbrief <briefing@example.org>}
 * @param subject the subject; {@code {title}}, {@code {date}} ("Wednesday 25 November") and {@code {date_iso}}
 *     (2026-11-25) are filled in, as {@link BriefingMail#subject} says
 * @param timeout how long one connection or command may take
 * @param attempts how many times a temporary failure is tried in all
 * @param backoff the wait before the second attempt; it doubles for each one after
 * @param breakerThreshold after this many recipients in a row could not reach the server, the rest wait
 *     for the next run
 * @param unsubscribe where readers ask to stop getting editions, named in every message's headers
 */
public record SmtpSettings(String host, int port, String security, String username, String password, String from,
        String subject, Duration timeout, int attempts, Duration backoff, int breakerThreshold, Unsubscribe unsubscribe) {

    /** How many recipients in a row may fail to reach the server before the rest wait, unless set. */
    public static final int DEFAULT_BREAKER_THRESHOLD = 3;

    /** The sender of messages written to the outbox when the settings name none. */
    public static final String OUTBOX_FROM = "Newsbrief <newsbrief@localhost>";

    /** The subject when none is set: the title and the date as readers write it. */
    public static final String DEFAULT_SUBJECT = "{title}: {date}";

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        if (breakerThreshold < 1) {
            throw new IllegalArgumentException("breakerThreshold must be at least 1, was " + breakerThreshold);
        }
        Objects.requireNonNull(unsubscribe, "unsubscribe");
    }

    /** Settings whose unsubscribe requests go to the sender by mail. */
    public SmtpSettings(String host, int port, String security, String username, String password, String from, String subject,
            Duration timeout, int attempts, Duration backoff, int breakerThreshold) {
        this(host, port, security, username, password, from, subject, timeout, attempts, backoff, breakerThreshold,
                Unsubscribe.toSender(from));
    }

    /** Settings with the default breaker threshold, unsubscribe requests going to the sender by mail. */
    public SmtpSettings(String host, int port, String security, String username, String password, String from, String subject,
            Duration timeout, int attempts, Duration backoff) {
        this(host, port, security, username, password, from, subject, timeout, attempts, backoff, DEFAULT_BREAKER_THRESHOLD);
    }

    /** @return whether messages go to a mail server; without one they go to the outbox */
    public boolean hasServer() {
        return !host.isBlank();
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "(set)") + ", from=" + from + ", unsubscribe=" + unsubscribe + "]";
    }
}
