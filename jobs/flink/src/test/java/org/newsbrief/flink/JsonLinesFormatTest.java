package org.newsbrief.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFormatTest {

    @TempDir
    Path folder;

    @Test
    void linesKeepTheirNumbersAndBadOnesTheirProblem() throws IOException {
        Path file = folder.resolve("in.jsonl");
        byte[] bad = {'{', (byte) 0xC3, '}', '\n'};
        Files.write(file, concat("{\"id\": 1}\n\n   \n".getBytes(), bad, "{\"id\": 3}".getBytes()));

        List<RecordAndPosition<SourceLine>> read = readAll(new JsonLinesFormat().createReader(new Configuration(), split(file, null)));

        assertThat(read).extracting(r -> r.getRecord().number()).containsExactly(1L, 4L, 5L);
        assertThat(read.get(0).getRecord().text()).isEqualTo("{\"id\": 1}");
        assertThat(read.get(1).getRecord().text()).isNull();
        assertThat(read.get(1).getRecord().problem()).isNotBlank();
        assertThat(read.get(1).getRecord().where()).isEqualTo(file + ":4");
        assertThat(read).extracting(RecordAndPosition::getRecordSkipCount).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aRestoredReaderGoesOnAfterWhatItHadHandedOn() throws IOException {
        Path file = folder.resolve("many.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            lines.append("{\"id\": ").append(i).append("}\n");
        }
        Files.writeString(file, lines);

        List<RecordAndPosition<SourceLine>> read = readAll(new JsonLinesFormat()
                .restoreReader(new Configuration(), split(file, new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 100))));

        assertThat(read).extracting(r -> r.getRecord().number()).first().isEqualTo(101L);
        assertThat(read).hasSize(50);
        assertThat(read.get(49).getRecordSkipCount()).isEqualTo(150);
    }

    private static FileSourceSplit split(Path file, CheckpointedPosition position) throws IOException {
        return new FileSourceSplit("0", new org.apache.flink.core.fs.Path(file.toUri()), 0, Files.size(file),
                Files.getLastModifiedTime(file).toMillis(), Files.size(file), new String[0], position);
    }

    private static List<RecordAndPosition<SourceLine>> readAll(BulkFormat.Reader<SourceLine> reader) throws IOException {
        List<RecordAndPosition<SourceLine>> read = new ArrayList<>();
        try (reader) {
            for (BulkFormat.RecordIterator<SourceLine> batch = reader.readBatch(); batch != null; batch = reader.readBatch()) {
                for (RecordAndPosition<SourceLine> record = batch.next(); record != null; record = batch.next()) {
                    read.add(new RecordAndPosition<>(record.getRecord(), record.getOffset(), record.getRecordSkipCount()));
                }
                batch.releaseBatch();
            }
        }
        return read;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
