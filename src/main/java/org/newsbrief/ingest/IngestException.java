package org.newsbrief.ingest;

import org.newsbrief.NewsbriefException;

/** An input that cannot be read or parsed; the message names the file (and line). */
public class IngestException extends NewsbriefException {

    /**
     * @param message what is wrong, naming the input
     */
    public IngestException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the input
     * @param cause the underlying failure
     */
    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
