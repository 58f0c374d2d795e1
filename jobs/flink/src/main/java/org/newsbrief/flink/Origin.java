package org.newsbrief.flink;

import java.util.Comparator;

/**
 * Where a record was read, and its id. Records are ordered as the command line reads them: by
 * file name, then by line, so "the first copy" means the same here as there.
 *
 * @param file the file's path
 * @param line the line number, from 1
 * @param id the record's id as JSON, exactly as the input wrote it ({@code "a-1"} or {@code 42})
 */
public record Origin(String file, long line, String id) implements Comparable<Origin> {

    private static final Comparator<Origin> ORDER = Comparator.comparing(Origin::file).thenComparingLong(Origin::line);

    @Override
    public int compareTo(Origin other) {
        return ORDER.compare(this, other);
    }
}
