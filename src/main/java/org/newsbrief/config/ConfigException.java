package org.newsbrief.config;

import org.newsbrief.NewsbriefException;

/** The configuration file is missing, not valid YAML, or holds a value that cannot be used. */
public final class ConfigException extends NewsbriefException {

    /**
     * @param message what is wrong, naming the file, the key path and the line
     */
    public ConfigException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file, the key path and the line
     * @param cause the underlying failure
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return {@code true}: a setting is wrong */
    @Override
    public boolean isBadInput() {
        return true;
    }
}
