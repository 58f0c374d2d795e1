package org.newsbrief.flink;

/**
 * One line of an input file, as the command line's batch reads it.
 *
 * @param file the file's path
 * @param number the line number, from 1
 * @param text the decoded line, or {@code null} when it could not be read
 * @param problem why it could not be read, or {@code null}
 */
public record SourceLine(String file, long number, String text, String problem) {

    /** @return where the line is, as messages name it: {@code file:12} */
    public String where() {
        return file + ":" + number;
    }
}
