package org.newsbrief.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;

class EditionStoreTest {

    @TempDir
    Path dir;

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    @Test
    void whatIsRecordedSurvivesARestart() {
        String url = "jdbc:sqlite:" + dir.resolve("data/newsbrief.db");
        try (EditionStore store = EditionStore.open(url, TestFiles.CLOCK)) {
            store.recordEdition(new EditionStore.Edition(MONDAY, "Briefing", Instant.parse("2026-11-23T06:00:00Z"), 2, 3,
                    List.of(new EditionStore.EditionFile("pdf", dir.resolve("b.pdf"), "ab12", 10))),
                    Map.of("https://a.example/1", "Strike ends", "sha256:ff", "Rates rise"), Map.of("https://a.example/1", "https://a.example/1"));
            store.beginDelivery(MONDAY, "ops@example.org", "<m1@example.org>");
            store.finishDelivery(MONDAY, "ops@example.org", EditionStore.Status.SENT, "");
            store.beginDelivery(MONDAY, "cfo@example.org", "<m2@example.org>");
            store.recordScheduledRun(Instant.parse("2026-11-23T06:00:00Z"), Instant.parse("2026-11-23T06:00:01Z"), "ok");
        }

        try (EditionStore reopened = EditionStore.open(url, TestFiles.CLOCK)) {
            assertThat(reopened.schemaVersion()).isEqualTo(1);
            EditionStore.Edition edition = reopened.edition(MONDAY).orElseThrow();
            assertThat(edition.stories()).isEqualTo(2);
            assertThat(edition.files()).extracting(EditionStore.EditionFile::sha256).containsExactly("ab12");
            assertThat(reopened.delivery(MONDAY, "ops@example.org").orElseThrow().status()).isEqualTo(EditionStore.Status.SENT);
            assertThat(reopened.delivery(MONDAY, "cfo@example.org").orElseThrow().status()).isEqualTo(EditionStore.Status.SENDING);
            assertThat(reopened.lastScheduledRun()).contains(Instant.parse("2026-11-23T06:00:00Z"));
            assertThat(reopened.coveredBefore(TUESDAY, List.of("https://a.example/1", "sha256:ee")))
                    .containsExactly(Map.entry("https://a.example/1", MONDAY));
            assertThat(reopened.coveredBefore(MONDAY, List.of("https://a.example/1"))).as("not before itself").isEmpty();
        }
    }

    @Test
    void recordingAnEditionAgainReplacesIt() {
        try (EditionStore store = EditionStore.open("jdbc:sqlite:" + dir.resolve("n.db"), TestFiles.CLOCK)) {
            store.recordEdition(new EditionStore.Edition(MONDAY, "First", Instant.EPOCH, 1, 1, List.of()), Map.of("k", "t"), Map.of());
            store.recordEdition(new EditionStore.Edition(MONDAY, "Second", Instant.EPOCH, 4, 5, List.of()), Map.of("k", "t"), Map.of());

            assertThat(store.edition(MONDAY).orElseThrow().title()).isEqualTo("Second");
            assertThat(store.coveredBefore(TUESDAY, List.of("k"))).containsEntry("k", MONDAY);
        }
    }
}
