package org.newsbrief;

/**
 * Root of the operational failures newsbrief reports: a file that cannot be read, a model that
 * does not load, a template that does not render. Each pipeline stage has its own subclass, and
 * every message names the file, URL, template or resource involved.
 */
public class NewsbriefException extends RuntimeException {

    /**
     * @param message what failed, naming the file, URL or resource
     */
    public NewsbriefException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the file, URL or resource
     * @param cause the underlying failure
     */
    public NewsbriefException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @return whether the failure lies in what the user gave (a setting, a prompt file, a template)
     *     rather than in the run, so the command line answers with its bad-input exit code
     */
    public boolean isBadInput() {
        return false;
    }
}
