package org.newsbrief.llm;

import org.newsbrief.NewsbriefException;

/**
 * A prompt that cannot be used, or a language-model setting that cannot work. Failures of the
 * model itself are not thrown: the story they touch falls back to its extractive summary.
 */
public class LlmException extends NewsbriefException {

    /** @param message what is wrong, naming the prompt file and line or the setting */
    public LlmException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong
     * @param cause the underlying failure
     */
    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return {@code true}: the model settings or a prompt file are wrong */
    @Override
    public boolean isBadInput() {
        return true;
    }
}
