package org.newsbrief.deliver;

import org.newsbrief.NewsbriefException;

/** A message could not be handed over; {@link #retriable()} tells whether trying again may help. */
public final class DeliveryException extends NewsbriefException {

    private final boolean retriable;

    /**
     * @param message what failed, naming the recipient or server
     * @param retriable whether the failure may pass (server down, 4xx) rather than be final (5xx)
     * @param cause the underlying failure
     */
    public DeliveryException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    /** @return whether trying again later may succeed */
    public boolean retriable() {
        return retriable;
    }
}
