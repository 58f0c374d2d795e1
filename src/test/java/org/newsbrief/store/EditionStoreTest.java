package org.newsbrief.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
            assertThat(reopened.schemaVersion()).isEqualTo(2);
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

    @Test
    void aDaysNamedEditionsKeepTheirOwnRowsAndALaterOneKnowsWhatTheEarlierCarried() {
        try (EditionStore store = EditionStore.open("jdbc:sqlite:" + dir.resolve("named.db"), TestFiles.CLOCK,
                new EditionStore.Owner("daily", dir.resolve("newsbrief.yaml").toString(), "Daily"))) {
            EditionStore morning = store.named("morning");
            EditionStore evening = store.named("evening");
            morning.recordEdition(new EditionStore.Edition(MONDAY, "Morning", Instant.EPOCH, 1, 1, List.of()),
                    Map.of("monday-morning", "t"), Map.of());
            morning.recordEdition(new EditionStore.Edition(TUESDAY, "Morning", Instant.EPOCH, 1, 1, List.of()),
                    Map.of("tuesday-morning", "t"), Map.of());
            evening.recordEdition(new EditionStore.Edition(MONDAY, "Evening", Instant.EPOCH, 1, 1, List.of()),
                    Map.of("monday-evening", "t"), Map.of());
            morning.beginDelivery(TUESDAY, "ops@example.org", "<m@example.org>");
            morning.finishDelivery(TUESDAY, "ops@example.org", EditionStore.Status.SENT, "");

            List<String> keys = List.of("monday-morning", "monday-evening", "tuesday-morning", "tuesday-evening");
            assertThat(evening.coveredBefore(TUESDAY, keys, List.of("morning"))).as("the evening after the morning")
                    .containsOnly(Map.entry("monday-morning", MONDAY), Map.entry("monday-evening", MONDAY),
                            Map.entry("tuesday-morning", TUESDAY));
            assertThat(morning.coveredBefore(TUESDAY, keys, List.of())).as("the morning knows only earlier days")
                    .containsOnly(Map.entry("monday-morning", MONDAY), Map.entry("monday-evening", MONDAY));
            assertThat(store.coveredBefore(TUESDAY, keys)).as("the unnamed edition sees the named ones of earlier days")
                    .containsOnly(Map.entry("monday-morning", MONDAY), Map.entry("monday-evening", MONDAY));

            assertThat(evening.edition(TUESDAY)).isEmpty();
            assertThat(evening.delivery(TUESDAY, "ops@example.org")).as("each edition its own deliveries").isEmpty();
            assertThat(morning.delivery(TUESDAY, "ops@example.org")).isPresent();
            assertThat(store.edition(MONDAY)).isEmpty();
            assertThat(evening.editionId()).isEqualTo("daily.evening");
            assertThat(store.named("evening").edition(MONDAY).orElseThrow().title()).isEqualTo("Evening");
            assertThatThrownBy(() -> store.named("Evening!")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A database as newsbrief made it before editions had ids: schema version 1, one edition, two deliveries. */
    private String oldStore() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        String script;
        try (InputStream in = EditionStore.class.getResourceAsStream("V1__editions.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("(?m)^\\s*--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            statement.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            statement.execute("INSERT INTO schema_version (version) VALUES (1)");
            statement.execute("INSERT INTO editions VALUES ('2026-11-23', 'Morning Briefing', '2026-11-23T06:00:00Z', 4, 9)");
            statement.execute("INSERT INTO edition_files VALUES ('2026-11-23', 'pdf', '/archive/b.pdf', 'ab12', 10)");
            statement.execute("INSERT INTO articles VALUES ('k1', 'Strike ends', '', '2026-11-23')");
            statement.execute("INSERT INTO edition_articles VALUES ('2026-11-23', 'k1')");
            statement.execute("INSERT INTO deliveries VALUES ('2026-11-23', 'ops@example.org', 'SENT', 1, '<m1@x>', '', "
                    + "'2026-11-23T06:01:00Z')");
            statement.execute("INSERT INTO deliveries VALUES ('2026-11-23', 'cfo@example.org', 'SENDING', 1, '<m2@x>', '', "
                    + "'2026-11-23T06:01:00Z')");
            statement.execute("INSERT INTO scheduled_runs VALUES ('2026-11-23T05:00:00Z', '2026-11-23T05:00:01Z', "
                    + "'2026-11-23T05:02:00Z', 'ok')");
        }
        return url;
    }

    @Test
    void anOldStoreMigratesAndItsRowsGoToTheConfigurationWithTheirTitle() throws Exception {
        String url = oldStore();
        Path morning = Files.writeString(dir.resolve("Morning.yaml"), "title: Morning Briefing\n");
        Path evening = Files.writeString(dir.resolve("Evening.yaml"), "title: Evening Briefing\n");

        try (EditionStore other = EditionStore.open(url, TestFiles.CLOCK,
                new EditionStore.Owner("evening-briefing", evening.toString(), "Evening Briefing"))) {
            assertThat(other.schemaVersion()).isEqualTo(2);
            assertThat(other.edition(MONDAY)).as("not the other configuration's").isEmpty();
            assertThat(other.deliveries(MONDAY)).isEmpty();
            assertThat(other.lastScheduledRun()).isEmpty();
        }
        try (EditionStore store = EditionStore.open(url, TestFiles.CLOCK,
                new EditionStore.Owner("morning-briefing", morning.toString(), "Morning Briefing"))) {
            assertThat(store.edition(MONDAY).orElseThrow().files()).extracting(EditionStore.EditionFile::path)
                    .containsExactly(Path.of("/archive/b.pdf"));
            assertThat(store.deliveries(MONDAY)).extracting(EditionStore.Delivery::recipient, EditionStore.Delivery::status,
                    EditionStore.Delivery::messageId).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("cfo@example.org", EditionStore.Status.SENDING, "<m2@x>"),
                            org.assertj.core.groups.Tuple.tuple("ops@example.org", EditionStore.Status.SENT, "<m1@x>"));
            assertThat(store.coveredBefore(TUESDAY, List.of("k1"))).containsEntry("k1", MONDAY);
            assertThat(store.lastScheduledRun()).contains(Instant.parse("2026-11-23T05:00:00Z"));
        }
    }

    @Test
    void twoConfigurationsCannotShareOneEditionId() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("shared.db");
        Path first = Files.writeString(dir.resolve("a.yaml"), "title: Briefing\n");
        Path second = Files.writeString(dir.resolve("b.yaml"), "title: Briefing\n");
        try (EditionStore store = EditionStore.open(url, TestFiles.CLOCK, new EditionStore.Owner("briefing", first.toString(), "Briefing"))) {
            store.recordEdition(new EditionStore.Edition(MONDAY, "Briefing", Instant.EPOCH, 1, 1, List.of()), Map.of(), Map.of());
        }

        assertThatThrownBy(() -> EditionStore.open(url, TestFiles.CLOCK, new EditionStore.Owner("briefing", second.toString(), "Briefing")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("'briefing' belongs to " + first)
                .hasMessageContaining(second.toString())
                .hasMessageContaining("its own 'id:'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        try (EditionStore again = EditionStore.open(url, TestFiles.CLOCK, new EditionStore.Owner("briefing", first.toString(), "Briefing"))) {
            assertThat(again.edition(MONDAY)).as("the owner still reaches its editions").isPresent();
        }
        Files.delete(first);
        try (EditionStore moved = EditionStore.open(url, TestFiles.CLOCK, new EditionStore.Owner("briefing", second.toString(), "Briefing"))) {
            assertThat(moved.edition(MONDAY)).as("a configuration moved to a new file keeps its history").isPresent();
        }
    }
}
