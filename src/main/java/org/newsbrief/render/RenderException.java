package org.newsbrief.render;

import org.newsbrief.NewsbriefException;

/** A template that cannot be found, parsed or rendered, or a PDF that cannot be written. */
public class RenderException extends NewsbriefException {

    /**
     * @param message what failed, naming the template or file
     */
    public RenderException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the template or file
     * @param cause the underlying failure
     */
    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
