package org.newsbrief.store;

import org.newsbrief.NewsbriefException;

/** The store cannot be opened, migrated, read or written; the message names the database. */
public final class StoreException extends NewsbriefException {

    /**
     * @param message what failed, naming the database
     * @param cause the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
