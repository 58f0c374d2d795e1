package org.newsbrief.deliver;

import org.newsbrief.NewsbriefException;

/** A message could not be handed over; {@link #retriable()} tells whether trying again may help. */
public final class DeliveryException extends NewsbriefException {

    private final boolean retriable;
    private final boolean unreachable;

    /**
     * @param message what failed, naming the recipient or server
     * @param retriable whether the failure may pass (server down, 4xx) rather than be final (5xx)
     * @param cause the underlying failure
     */
    public DeliveryException(String message, boolean retriable, Throwable cause) {
        this(message, retriable, false, cause);
    }

    /**
     * @param message what failed, naming the recipient or server
     * @param retriable whether the failure may pass (server down, 4xx) rather than be final (5xx)
     * @param unreachable whether the server itself could not be reached or would not serve (refused,
     *     timed out, no route, unknown host, a refusing greeting, a failed STARTTLS or login), which
     *     says nothing about this recipient and everything about the next
     * @param cause the underlying failure
     */
    public DeliveryException(String message, boolean retriable, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
        this.unreachable = unreachable;
    }

    /** @return whether the server could not be reached at all, as opposed to refusing this message */
    public boolean unreachable() {
        return unreachable;
    }

    /** @return whether trying again later may succeed */
    public boolean retriable() {
        return retriable;
    }
}
