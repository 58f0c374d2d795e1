package org.newsbrief.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard output and error as commands print to them, minus the characters a terminal acts on:
 * C0 controls other than tab and line ends, DEL, C1 controls and the bidirectional overrides and
 * isolates. Titles, file names and sentences come from articles, and an article must not be
 * able to clear the screen, recolour it, fake a message or reorder what the reader sees.
 */
final class TerminalWriter extends PrintWriter {

    private TerminalWriter(Writer target, boolean autoFlush) {
        super(new Filter(target), autoFlush);
    }

    /**
     * @param target where the text goes
     * @param autoFlush whether each line is flushed, as standard error wants
     * @return a writer that drops control characters before they reach {@code target}; the
     *     target itself when it already does
     */
    static PrintWriter over(PrintWriter target, boolean autoFlush) {
        return target instanceof TerminalWriter ? target : new TerminalWriter(target, autoFlush);
    }

    /**
     * @param c a character
     * @return whether a terminal might act on it rather than show it
     */
    static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                || c >= 0x7F && c <= 0x9F
                || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069';
    }

    private static final class Filter extends FilterWriter {

        Filter(Writer target) {
            super(target);
        }

        @Override
        public void write(int c) throws IOException {
            if (!isControl((char) c)) {
                out.write(c);
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            int start = offset;
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                if (isControl(chars[i])) {
                    out.write(chars, start, i - start);
                    start = i + 1;
                }
            }
            out.write(chars, start, end - start);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            write(text.toCharArray(), offset, length);
        }
    }
}
