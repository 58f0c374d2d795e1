package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.Editions;
import org.newsbrief.TestFiles;
import org.newsbrief.config.ConfigLoader;
import org.newsbrief.config.NewsbriefConfig;
import org.newsbrief.store.EditionStore;

/** {@code newsbrief run} with the sample configuration, as on a fresh clone with no mail server. */
class RunCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The samples and templates copied, so the sample configuration's ../out lands in the test's folder. */
    private Path project() throws IOException {
        for (String folder : List.of("samples", "templates")) {
            Path from = Path.of(folder);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path to = dir.resolve(from.relativize(file).toString().isEmpty() ? folder : folder + "/" + from.relativize(file));
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
        }
        return dir.resolve("samples/newsbrief.yaml");
    }

    @Test
    void theSampleConfigurationWritesEmlFilesToTheOutboxAndARerunSendsNothing() throws IOException {
        Path config = project();

        int code = TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25");

        assertThat(code).as(err.toString()).isZero();
        Path outbox = dir.resolve("out/outbox/morning-briefing/2026-11-25");
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "minister.office@example.org.eml", "chair@example.org.eml", "deputy.chair@example.org.eml");
        }
        String eml = Files.readString(outbox.resolve("chair@example.org.eml"));
        assertThat(eml).contains("Subject: Morning Briefing: Wednesday 25 November", "To: chair@example.org", "multipart/alternative",
                "application/pdf", "filename=briefing-2026-11-25.pdf");
        assertThat(dir.resolve("out/archive/morning-briefing/2026/11/25/briefing-2026-11-25.pdf")).isNotEmptyFile();
        assertThat(dir.resolve("out/data/newsbrief.db")).isNotEmptyFile();
        assertThat(out.toString()).contains("3 sent to the outbox");

        out.getBuffer().setLength(0);
        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25")).isZero();
        assertThat(out.toString()).contains("0 sent to the outbox", "3 already sent before");
    }

    @Test
    void theOutboxMessageCarriesTheConfiguredSenderAndSubject() throws IOException {
        Path config = project();
        // no host yet: the outbox trial run shows the message as the server will get it
        Files.writeString(config, Files.readString(config) + """

                mail:
                  from: "Board Desk <desk@example.org>"
                  subject: "{title} for the board"
                """);

        int code = TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("3 sent to the outbox");
        String eml = Files.readString(dir.resolve("out/outbox/morning-briefing/2026-11-25/chair@example.org.eml"));
        assertThat(eml).contains("From: Board Desk <desk@example.org>", "Subject: Morning Briefing for the board")
                .doesNotContain("newsbrief@localhost");
    }

    /** The deliveries the store holds for the edition of 25 November 2026. */
    private List<EditionStore.Delivery> deliveries(Path config) {
        try (Editions editions = TestFiles.newsbrief(new ConfigLoader(Map.of()).load(config)).editions()) {
            return editions.store().deliveries(LocalDate.of(2026, 11, 25));
        }
    }

    @Test
    void eachNamedEditionOfADayReachesEveryRecipientOnceAndARunMustSayWhichItMakes() throws IOException {
        Path config = project();
        Files.writeString(config, Files.readString(config).replaceAll("(?m)^schedule:\\n(?:  .*\\n)+", """
                editions:
                  morning:
                    cron: "0 6 * * 1-5"
                  evening:
                    title: Evening Briefing
                """));

        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25")).isEqualTo(2);
        assertThat(err.toString()).contains("--edition: say which edition: morning, evening");
        err.getBuffer().setLength(0);
        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--edition", "noon")).isEqualTo(2);
        assertThat(err.toString()).contains("--edition: there is no edition 'noon'; newsbrief.yaml names morning, evening");
        assertThat(dir.resolve("out/archive")).doesNotExist();

        for (String edition : List.of("morning", "evening", "morning")) {
            out.getBuffer().setLength(0);
            int code = TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25", "--edition", edition);
            assertThat(code).as(err.toString()).isZero();
        }
        assertThat(out.toString()).contains("newsbrief: morning edition 2026-11-25:", "0 sent to the outbox", "3 already sent before");
        for (String edition : List.of("morning", "evening")) {
            Path outbox = dir.resolve("out/outbox/morning-briefing/2026-11-25-" + edition);
            try (Stream<Path> files = Files.list(outbox)) {
                assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                        "minister.office@example.org.eml", "chair@example.org.eml", "deputy.chair@example.org.eml");
            }
            assertThat(dir.resolve("out/archive/morning-briefing/2026/11/25/briefing-2026-11-25-" + edition + ".pdf"))
                    .isNotEmptyFile();
        }
        assertThat(Files.readString(dir.resolve("out/outbox/morning-briefing/2026-11-25-evening/chair@example.org.eml")))
                .contains("Subject: Evening Briefing: Wednesday 25 November", "filename=briefing-2026-11-25-evening.pdf");
        assertThat(Files.readString(dir.resolve("out/outbox/morning-briefing/2026-11-25-morning/chair@example.org.eml")))
                .contains("Subject: Morning Briefing (Morning): Wednesday 25 November");

        out.getBuffer().setLength(0);
        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25", "--edition", "evening",
                "--dry-run")).isZero();
        assertThat(out.toString()).contains("evening edition of 2026-11-25: the archived copy would be sent",
                "subject: Evening Briefing: Wednesday 25 November", "3 already have it");
    }

    @Test
    void aTestCopyGoesToOneAddressAndIsNotRecordedSoTheRecipientsStillGetTheirs() throws IOException {
        Path config = project();
        Path outbox = dir.resolve("out/outbox/morning-briefing/2026-11-25");

        int code = TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25", "--to",
                "chair@example.org");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 sent to the outbox", "a test copy; no delivery recorded");
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("chair@example.org.eml");
        }
        String copy = Files.readString(outbox.resolve("chair@example.org.eml"));
        assertThat(copy).contains("Subject: Morning Briefing", "application/pdf");
        assertThat(deliveries(config)).as("nobody is marked as having it").isEmpty();

        out.getBuffer().setLength(0);
        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25")).isZero();
        assertThat(out.toString()).contains("3 sent to the outbox").doesNotContain("already sent before");
        String real = Files.readString(outbox.resolve("chair@example.org.eml"));
        assertThat(messageId(real)).as("the copy is not taken for the real delivery").isNotEqualTo(messageId(copy));
        assertThat(deliveries(config)).extracting(EditionStore.Delivery::recipient).containsExactlyInAnyOrder(
                "chair@example.org", "deputy.chair@example.org", "minister.office@example.org");
    }

    @Test
    void aTestCopyNeedsAnAddressAndGoesAlone() throws IOException {
        Path config = project();

        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--to", "not an address")).isEqualTo(2);
        assertThat(err.toString()).contains("--to: not an email address: not an address");
        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--to", "a@example.org", "--resend"))
                .isEqualTo(2);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aDryRunSaysWhatWouldGoToWhomAndSendsNothing() throws IOException {
        Path config = project();

        int code = TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25", "--dry-run");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("edition of 2026-11-25: would be made", "from: Newsbrief <newsbrief@localhost>",
                "subject: Morning Briefing: Wednesday 25 November", "chair@example.org: would be sent now",
                "minister.office@example.org: would be sent now", "3 would be sent", "nothing was sent");
        assertThat(dir.resolve("out/outbox")).doesNotExist();
        assertThat(dir.resolve("out/archive")).doesNotExist();
        assertThat(deliveries(config)).isEmpty();

        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25")).isZero();
        try (Editions editions = TestFiles.newsbrief(new ConfigLoader(Map.of()).load(config)).editions()) {
            // the chair's server refused the edition on that run
            editions.store().finishDelivery(LocalDate.of(2026, 11, 25), "chair@example.org", EditionStore.Status.REJECTED,
                    "chair@example.org: 550 mailbox unavailable");
        }
        List<EditionStore.Delivery> before = deliveries(config);
        out.getBuffer().setLength(0);

        code = TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25", "--dry-run");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("the archived copy would be sent",
                "chair@example.org: would be tried again (refused: chair@example.org: 550 mailbox unavailable)",
                "minister.office@example.org: already has it (sent ", "1 would be sent (1 of them tried again), 2 already have it");
        assertThat(deliveries(config)).isEqualTo(before);
    }

    @Test
    void aResendGoesToEveryoneOrToTheOneRecipientNamed() throws IOException {
        Path config = project();
        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25")).isZero();

        out.getBuffer().setLength(0);
        int code = TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25", "--resend",
                "Chair@Example.org");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 sent to the outbox").doesNotContain("minister.office@example.org");
        assertThat(deliveries(config)).extracting(delivery -> delivery.recipient() + " " + delivery.attempts())
                .containsExactlyInAnyOrder("chair@example.org 2", "deputy.chair@example.org 1", "minister.office@example.org 1");

        out.getBuffer().setLength(0);
        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25", "--resend")).isZero();
        assertThat(out.toString()).contains("3 sent to the outbox");

        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25", "--resend",
                "stranger@example.org")).isEqualTo(2);
        assertThat(err.toString()).contains("stranger@example.org is not a recipient of this edition");
    }

    private static String messageId(String eml) {
        return eml.lines().filter(line -> line.startsWith("Message-ID: ")).findFirst().orElseThrow();
    }

    @Test
    void skippedSourcesAreNamedAndTheEditionStillGoesOut() throws IOException {
        Path config = project();
        Files.writeString(dir.resolve("samples/empty.txt"), "");
        Files.writeString(dir.resolve("samples/sources.yaml"), Files.readString(dir.resolve("samples/sources.yaml"))
                .replaceFirst("sources:\n", "sources:\n  - name: Wire\n    file: empty.txt\n"));

        int code = TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("skipped " + dir.resolve("samples/empty.txt") + ": empty file")
                .containsPattern("read 15 articles from \\d+ sources; skipped 1");
    }

    @Test
    void anInvalidConfigurationStopsBeforeAnythingRuns() throws IOException {
        Path config = project();
        Files.writeString(config, Files.readString(config).replace("cron: \"0 6 * * 1-5\"", "cron: \"every morning\""));

        int code = TestFiles.run(out, err, "run", "--config", config.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).containsPattern("newsbrief\\.yaml: schedule\\.cron: line \\d+: not a cron expression");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aSecondConfigurationClaimingTheSameEditionIdIsRefusedUntilItHasItsOwn() throws IOException {
        Path config = project();
        Path second = Files.writeString(dir.resolve("samples/second.yaml"), Files.readString(config));
        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25")).isZero();

        int code = TestFiles.run(out, err, "run", "--config", second.toString(), "--date", "2026-11-25");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .contains("'morning-briefing' belongs to " + config.toRealPath(), second.toRealPath().toString(),
                        "give one of them its own 'id:'");
        assertThat(dir.resolve("out/outbox/morning-briefing/2026-11-25")).isDirectoryContaining(path -> true);

        Files.writeString(second, "id: second-briefing\n" + Files.readString(second));
        out.getBuffer().setLength(0);
        assertThat(TestFiles.run(out, err, "run", "--config", second.toString(), "--date", "2026-11-25")).isZero();
        assertThat(out.toString()).contains("3 sent to the outbox");
        assertThat(dir.resolve("out/outbox/second-briefing/2026-11-25/chair@example.org.eml")).isNotEmptyFile();
    }

    @Test
    void anInterruptedRecipientIsNamedWithTheWayOutAndRetriedAlone() throws IOException {
        Path config = project();
        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25")).isZero();
        Path outbox = dir.resolve("out/outbox/morning-briefing/2026-11-25");
        Path chair = outbox.resolve("chair@example.org.eml");
        String messageId;
        NewsbriefConfig settings = new ConfigLoader(Map.of()).load(config);
        try (Editions editions = TestFiles.newsbrief(settings).editions()) {
            EditionStore store = editions.store();
            messageId = store.delivery(LocalDate.of(2026, 11, 25), "chair@example.org").orElseThrow().messageId();
            // What kill -9 leaves when it strikes during a resend to the chair, before the message was accepted.
            store.beginDelivery(LocalDate.of(2026, 11, 25), "chair@example.org", messageId);
        }
        Files.delete(chair);

        out.getBuffer().setLength(0);
        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25")).isEqualTo(1);
        assertThat(out.toString()).contains("chair@example.org: interrupted", "--retry-interrupted");
        assertThat(chair).doesNotExist();

        out.getBuffer().setLength(0);
        assertThat(TestFiles.run(out, err, "run", "--config", config.toString(), "--date", "2026-11-25", "--retry-interrupted"))
                .as(out + err.toString()).isZero();
        assertThat(out.toString()).contains("1 sent to the outbox", "2 already sent before");
        assertThat(Files.readString(chair)).contains("Message-ID: " + messageId);
    }
}
