package org.newsbrief.ingest;

/** A document that could not be fetched; says whether trying again later may help. */
public class FetchException extends IngestException {

    private final boolean retryable;

    /**
     * @param message what failed, naming the URL
     * @param retryable whether a later attempt may succeed (timeouts, 5xx), as opposed to refusals
     */
    public FetchException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /**
     * @param message what failed, naming the URL
     * @param retryable whether a later attempt may succeed
     * @param cause the underlying failure
     */
    public FetchException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** @return whether a later attempt may succeed */
    public boolean isRetryable() {
        return retryable;
    }
}
