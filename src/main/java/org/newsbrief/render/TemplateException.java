package org.newsbrief.render;

import java.util.List;

/**
 * A template an editor changed is broken: each problem on its own line as
 * {@code file:line:column: message}, as {@code check-templates} prints it.
 */
public final class TemplateException extends RenderException {

    /** @param problems the problems, one a line */
    public TemplateException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
    }

    /** @return {@code true}: the templates are the editor's input */
    @Override
    public boolean isBadInput() {
        return true;
    }
}
