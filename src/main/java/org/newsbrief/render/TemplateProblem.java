package org.newsbrief.render;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem at a place in a template, stylesheet or prompt, printed as
 * {@code file:line:column: message}: the form compilers use, which editors turn into links.
 * {@link TemplateCheck} and the renderers' errors both print through {@link #toString()}, so
 * a problem reads the same whether a check or a run found it.
 *
 * @param file the file, as named to the user
 * @param line the line, from 1
 * @param column the column, from 1
 * @param message what is wrong and why, in words
 */
public record TemplateProblem(String file, int line, int column, String message) {

    private static final Pattern LINE = Pattern.compile("^(.+?):(\\d+):(\\d+): (.*)$", Pattern.DOTALL);

    public TemplateProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
        if (column < 1) {
            throw new IllegalArgumentException("column must be 1 or more: " + column);
        }
    }

    /**
     * Reads a problem back from its printed line.
     *
     * @param printed a line as {@link #toString()} writes it
     * @return the problem, or empty when the line is not of that form
     */
    public static Optional<TemplateProblem> parse(String printed) {
        Matcher matcher = LINE.matcher(Objects.requireNonNull(printed, "printed"));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TemplateProblem(matcher.group(1), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)), matcher.group(4)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a line or column of 0, or too large a number: not one of ours
        }
    }

    /** @return {@code file:line:column: message} */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
