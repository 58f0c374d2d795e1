package org.newsbrief.nlp;

import org.newsbrief.NewsbriefException;

/** A model that cannot be found or loaded, or text that cannot be analyzed. */
public class AnalysisException extends NewsbriefException {

    /**
     * @param message what failed, naming the model resource or article
     */
    public AnalysisException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the model resource or article
     * @param cause the underlying failure
     */
    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
