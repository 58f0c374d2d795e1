package org.newsbrief.flink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.apache.flink.core.fs.Path;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.Utf8Lines;

/**
 * Reads JSON Lines files whole, a line at a time, with the core's own line reader: every line is
 * decoded on its own, so a line that is not UTF-8 or is too long becomes a {@link SourceLine} with
 * a problem, named by its number as the command line names it. Blank lines are passed over, as the
 * command line passes them over.
 *
 * <p>A file is one split (line numbers need the whole file), so the files of a folder are read in
 * parallel, and the lines of one file are spread over the workers after reading. After a restore,
 * a reader skips the lines it had already handed on.
 */
final class JsonLinesFormat implements BulkFormat<SourceLine, FileSourceSplit> {

    /** Lines handed on at a time: enough to keep the next step busy, few enough to stay small. */
    private static final int BATCH = 64;

    @Override
    public Reader<SourceLine> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return new LineReader(split.path(), 0);
    }

    @Override
    public Reader<SourceLine> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        long done = split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
        return new LineReader(split.path(), done);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<SourceLine> getProducedType() {
        return TypeInformation.of(SourceLine.class);
    }

    private static final class LineReader implements Reader<SourceLine> {

        private final String file;
        private final Utf8Lines lines;
        private long handedOn;

        LineReader(Path path, long alreadyHandedOn) throws IOException {
            this.file = path.getPath();
            this.lines = new Utf8Lines(path.getFileSystem().open(path), FetchSettings.DEFAULT_MAX_BYTES);
            for (long skipped = 0; skipped < alreadyHandedOn && nextLine() != null; skipped++) {
                // re-read what was handed on before the restore; its numbers stay the same
            }
            this.handedOn = alreadyHandedOn;
        }

        @Override
        public RecordIterator<SourceLine> readBatch() throws IOException {
            List<SourceLine> batch = new ArrayList<>(BATCH);
            for (Utf8Lines.Line line = nextLine(); line != null; line = batch.size() < BATCH ? nextLine() : null) {
                batch.add(new SourceLine(file, line.number(), line.text(), line.problem()));
            }
            if (batch.isEmpty()) {
                return null;
            }
            IteratorResultIterator<SourceLine> records = new IteratorResultIterator<>(batch.iterator(),
                    CheckpointedPosition.NO_OFFSET, handedOn);
            handedOn += batch.size();
            return records;
        }

        /** @return the next line that holds something, readable or not; {@code null} at the end */
        private Utf8Lines.Line nextLine() throws IOException {
            for (Utf8Lines.Line line = lines.next(); line != null; line = lines.next()) {
                if (!line.readable() || !line.text().isBlank()) {
                    return line;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
