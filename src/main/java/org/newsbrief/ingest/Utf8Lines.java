package org.newsbrief.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The lines of a UTF-8 stream, such as JSON Lines, each decoded on its own. One line that is not
 * UTF-8, or is longer than the limit, is reported by its number and costs only itself: the lines
 * around it are decoded as they are, and the whole stream is never held in memory.
 */
public final class Utf8Lines implements Closeable {

    /**
     * One line of the stream.
     *
     * @param number the line number, from 1
     * @param text the decoded line without its line end, or {@code null} when it could not be read
     * @param problem why it could not be read, or {@code null}
     */
    public record Line(int number, String text, String problem) {

        /** @return whether the line was decoded */
        public boolean readable() {
            return problem == null;
        }
    }

    private static final int BLOCK = 64 * 1024;

    private final InputStream input;
    private final long maxLineBytes;
    private final byte[] block = new byte[BLOCK];
    private int position;
    private int limit;
    private boolean ended;
    private int number;

    /**
     * @param input the stream, closed with this reader
     * @param maxLineBytes the longest line read, in bytes; longer lines are skipped and reported
     */
    public Utf8Lines(InputStream input, long maxLineBytes) {
        this.input = Objects.requireNonNull(input, "input");
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be at least 1, was " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @return the next line, or {@code null} at the end of the stream
     * @throws IOException when reading fails
     */
    public Line next() throws IOException {
        byte[] line = new byte[256];
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int start = position;
            int newline = start;
            while (newline < limit && block[newline] != '\n') {
                newline++;
            }
            int count = newline - start;
            position = newline < limit ? newline + 1 : newline;
            if (!tooLong) {
                if ((long) length + count > maxLineBytes + 1) {
                    tooLong = true;
                } else {
                    if (length + count > line.length) {
                        line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
                    }
                    System.arraycopy(block, start, line, length, count);
                    length += count;
                }
            }
            if (newline < limit) {
                break;
            }
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (tooLong || length > maxLineBytes) {
            return new Line(number, null, "line is longer than the limit of " + maxLineBytes + " bytes (--max-bytes)");
        }
        int offset = number == 1 && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                && (line[2] & 0xFF) == 0xBF ? 3 : 0;
        return decode(line, offset, length - offset);
    }

    private Line decode(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return new Line(number, null, "not UTF-8 text (bad byte at column " + (in.position() - offset + 1)
                    + "); JSON Lines must be UTF-8, so the line is skipped");
        }
        return new Line(number, out.flip().toString(), null);
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int read = input.read(block, 0, BLOCK);
        if (read < 0) {
            ended = true;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
