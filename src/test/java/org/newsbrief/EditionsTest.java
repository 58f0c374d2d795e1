package org.newsbrief;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.config.ConfigLoader;
import org.newsbrief.config.NewsbriefConfig;
import org.newsbrief.events.RunLog;

/** Whole editions from the samples: archived, mailed to a real SMTP server, and run again the next day. */
class EditionsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private NewsbriefConfig config() throws IOException {
        return config("Morning Briefing", "");
    }

    /** The test's configuration under that title, with more keys before the mail section. */
    private NewsbriefConfig config(String title, String more) throws IOException {
        Path file = Files.writeString(dir.resolve("newsbrief.yaml"), """
                title: %s
                time_zone: Europe/Zurich
                sources: %s
                templates: %s
                formats: [pdf, md]
                archive: archive
                data: data
                recipients: [ops@example.org, "Chief Financial Officer <cfo@example.org>"]
                %smail:
                  host: 127.0.0.1
                  port: %d
                  security: none
                  from: "Morning Briefing <briefing@example.org>"
                  subject: "{title}: {date}"
                  attempts: 2
                  backoff: 10ms
                """.formatted(title, TestFiles.samples().resolve("sources.yaml").toAbsolutePath(),
                TestFiles.templates().toAbsolutePath(), more, greenMail.getSmtp().getPort()));
        return new ConfigLoader(Map.of()).load(file);
    }

    private Editions.Report run(NewsbriefConfig config, LocalDate date) {
        Newsbrief newsbrief = Newsbrief.builder(config).models(TestFiles.MODELS).clock(TestFiles.CLOCK)
                .sleeper(duration -> { }).build();
        try (Editions editions = newsbrief.editions()) {
            return editions.run(new Editions.Request(date, Editions.Delivery.ONCE, false),
                    org.newsbrief.events.EventLines.into(log));
        }
    }

    @Test
    void anEditionIsArchivedAndMailedWithThePdfByteForByte() throws Exception {
        NewsbriefConfig config = config();

        Editions.Report report = run(config, LocalDate.of(2026, 11, 25));

        Path pdf = dir.resolve("archive/morning-briefing/2026/11/25/briefing-2026-11-25.pdf");
        assertThat(report.files()).contains(pdf, dir.resolve("archive/morning-briefing/2026/11/25/briefing-2026-11-25.md"));
        assertThat(report.delivery().allDelivered()).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(Arrays.stream(received).map(EditionsTest::to)).containsExactlyInAnyOrder("ops@example.org",
                "Chief Financial Officer <cfo@example.org>");
        for (MimeMessage message : received) {
            assertThat(message.getSubject()).as("the date as readers write it").isEqualTo("Morning Briefing: Wednesday 25 November");
            List<BodyPart> parts = TestFiles.leaves((Multipart) message.getContent());
            assertThat(parts).extracting(part -> part.getContentType().replaceAll(";.*", "").strip().toLowerCase())
                    .containsExactly("text/plain", "text/html", "application/pdf");
            assertThat((String) parts.get(0).getContent()).contains("EXECUTIVE SUMMARY", "Reserve Bank lifts cash rate");
            assertThat((String) parts.get(1).getContent()).contains("Morning Briefing", "Reserve Bank lifts cash rate",
                    "The full briefing is attached as a PDF");
            assertThat(org.jsoup.Jsoup.parse((String) parts.get(1).getContent()).select("a[href]")).as("headlines are links")
                    .hasSizeGreaterThanOrEqualTo(report.stories());
            assertThat(parts.get(2).getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(pdf));
            assertThat(parts.get(2).getFileName()).isEqualTo("briefing-2026-11-25.pdf");
        }

        Editions.Report again = run(config, LocalDate.of(2026, 11, 25));
        assertThat(again.reused()).isTrue();
        assertThat(again.delivery().outcomes()).noneMatch(org.newsbrief.deliver.Dispatcher.Outcome::sentNow);
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aTestCopyGoesThroughTheMailServerToOneAddressAndTheRecipientsStillGetTheirs() throws Exception {
        NewsbriefConfig config = config();
        LocalDate day = LocalDate.of(2026, 11, 25);
        Newsbrief newsbrief = Newsbrief.builder(config).models(TestFiles.MODELS).clock(TestFiles.CLOCK)
                .sleeper(duration -> { }).build();
        try (Editions editions = newsbrief.editions()) {
            Editions.Plan plan = editions.plan(new Editions.Request(day, Editions.Delivery.ONCE, false),
                    org.newsbrief.events.EventLines.into(log));
            assertThat(plan.archived()).isFalse();
            assertThat(plan.from()).isEqualTo("Morning Briefing <briefing@example.org>");
            assertThat(plan.recipients()).extracting(org.newsbrief.deliver.Dispatcher.Planned::step)
                    .containsOnly(org.newsbrief.deliver.Dispatcher.Step.SEND).hasSize(2);

            Editions.Report copy = editions.run(new Editions.Request(day, Editions.Delivery.TEST_COPY, false,
                    java.util.Optional.of("Editor <editor@example.org>")), org.newsbrief.events.EventLines.into(log));

            assertThat(copy.delivery().allDelivered()).isTrue();
            assertThat(greenMail.getReceivedMessages()).extracting(EditionsTest::to).containsExactly("Editor <editor@example.org>");
            assertThat(subject(greenMail.getReceivedMessages()[0])).isEqualTo(plan.subject());
            assertThat(editions.store().deliveries(day)).isEmpty();
        }

        Editions.Report real = run(config, day);

        assertThat(real.reused()).as("the copy's edition is the one sent").isTrue();
        assertThat(real.delivery().outcomes()).allMatch(org.newsbrief.deliver.Dispatcher.Outcome::sentNow);
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void theNextEditionMarksWhatTheLastOneCarried() throws Exception {
        NewsbriefConfig config = config();
        Path extra = tramStory(LocalDate.of(2026, 11, 26));

        Editions.Report first = run(config, LocalDate.of(2026, 11, 25));
        NewsbriefConfig withExtra = config.withSources(concat(config.sources(),
                new org.newsbrief.ingest.SourcesFile.Entry("Northern Ledger", "World", "file", extra.toString(), 1)));
        Editions.Report second = run(withExtra, LocalDate.of(2026, 11, 26));

        assertThat(first.repeats()).isZero();
        assertThat(second.stories()).isEqualTo(first.stories() + 1);
        assertThat(second.repeats()).isEqualTo(first.stories());
        String markdown = Files.readString(dir.resolve("archive/morning-briefing/2026/11/26/briefing-2026-11-26.md"));
        assertThat(markdown).contains("Already in the 25 November 2026 edition");
        assertThat(markdown.indexOf("Harbour tram line approved")).as("the new story leads")
                .isLessThan(markdown.indexOf("Already in the 25 November 2026 edition"));
        assertThat(markdown.substring(markdown.indexOf("## Executive summary"), markdown.indexOf("Names in this edition")))
                .contains("Harbour tram line approved").doesNotContain("Reserve Bank lifts cash rate");
    }

    /** A report published on that day, after the samples' ones. */
    private Path tramStory(LocalDate day) throws IOException {
        return Files.writeString(dir.resolve("tram-" + day + ".txt"), """
                Title: Harbour tram line approved after ten-year wait
                Source: Northern Ledger
                Date: %s

                The regional council approved a new tram line through the old harbour district on %s, ending a ten-year argument over its route.
                Construction is due to start in the spring of 2027, and the first trams should run in 2030, the council said.
                """.formatted(day, day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)));
    }

    /** A configuration in the test's folder with the default data and archive folders, as two operators would write it. */
    private NewsbriefConfig named(String file, String title, String recipients) throws IOException {
        return new ConfigLoader(Map.of()).load(Files.writeString(dir.resolve(file), """
                title: %s
                time_zone: Europe/Zurich
                sources: %s
                templates: %s
                formats: [pdf]
                recipients: %s
                mail:
                  host: 127.0.0.1
                  port: %d
                  security: none
                  from: "Briefings <briefing@example.org>"
                  subject: "{title}: {date_iso}"
                """.formatted(title, TestFiles.samples().resolve("sources.yaml").toAbsolutePath(),
                TestFiles.templates().toAbsolutePath(), recipients, greenMail.getSmtp().getPort())));
    }

    @Test
    void twoConfigurationsInOneFolderEachReachEveryRecipientOnceWithTheirOwnEdition() throws Exception {
        NewsbriefConfig morning = named("Morning.yaml", "Morning Briefing", "[alice@example.org, carol@example.org]");
        NewsbriefConfig evening = named("Evening.yaml", "Evening Briefing", "[bob@example.org, carol@example.org]");
        LocalDate day = LocalDate.of(2026, 11, 25);

        run(morning, day);
        Editions.Report second = run(evening, day);

        assertThat(second.reused()).as("the morning's edition is not the evening's").isFalse();
        assertThat(second.delivery().outcomes()).allMatch(org.newsbrief.deliver.Dispatcher.Outcome::sentNow);
        Path morningPdf = dir.resolve("archive/morning-briefing/2026/11/25/briefing-2026-11-25.pdf");
        Path eveningPdf = dir.resolve("archive/evening-briefing/2026/11/25/briefing-2026-11-25.pdf");
        assertThat(Files.readAllBytes(morningPdf)).isNotEqualTo(Files.readAllBytes(eveningPdf));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(Arrays.stream(received).map(message -> to(message) + " " + subject(message))).containsExactlyInAnyOrder(
                "alice@example.org Morning Briefing: 2026-11-25", "carol@example.org Morning Briefing: 2026-11-25",
                "bob@example.org Evening Briefing: 2026-11-25", "carol@example.org Evening Briefing: 2026-11-25");
        for (MimeMessage message : received) {
            boolean isEvening = subject(message).startsWith("Evening");
            List<BodyPart> parts = TestFiles.leaves((Multipart) message.getContent());
            assertThat((String) parts.get(1).getContent()).contains(isEvening ? "Evening Briefing" : "Morning Briefing")
                    .doesNotContain(isEvening ? "Morning Briefing" : "Evening Briefing");
            assertThat(parts.get(2).getInputStream().readAllBytes())
                    .isEqualTo(Files.readAllBytes(isEvening ? eveningPdf : morningPdf));
        }
        assertThat(Arrays.stream(received).map(EditionsTest::messageId).distinct()).as("no message taken for another's copy")
                .hasSize(4);

        Editions.Report rerun = run(evening, day);
        assertThat(rerun.reused()).isTrue();
        assertThat(rerun.delivery().outcomes()).noneMatch(org.newsbrief.deliver.Dispatcher.Outcome::sentNow);
        assertThat(greenMail.getReceivedMessages()).hasSize(4);
    }

    @Test
    void twoEditionsOnOneDayEachReachEveryRecipientOnceAndTheLaterCarriesWhatIsNew() throws Exception {
        Path extra = tramStory(LocalDate.of(2026, 11, 25));
        NewsbriefConfig config = config("Daily Briefing", """
                editions:
                  morning:
                    cron: "0 6 * * *"
                  evening:
                    cron: "0 18 * * *"
                    title: Evening Briefing
                """);
        LocalDate day = LocalDate.of(2026, 11, 25);

        Editions.Report morning = run(config, new Editions.Request(day, "morning", Editions.Delivery.ONCE, false,
                java.util.Optional.empty()));
        // an article published after the morning edition went out
        NewsbriefConfig later = config.withSources(concat(config.sources(),
                new org.newsbrief.ingest.SourcesFile.Entry("Northern Ledger", "World", "file", extra.toString(), 1)));
        Editions.Report evening = run(later, new Editions.Request(day, "evening", Editions.Delivery.ONCE, false,
                java.util.Optional.empty()));

        assertThat(evening.reused()).as("the morning's edition is not the evening's").isFalse();
        assertThat(evening.stories()).isEqualTo(morning.stories() + 1);
        assertThat(evening.repeats()).as("what the morning carried is marked").isEqualTo(morning.stories());
        Path folder = dir.resolve("archive/daily-briefing/2026/11/25");
        String markdown = Files.readString(folder.resolve("briefing-2026-11-25-evening.md"));
        assertThat(markdown).startsWith("# Evening Briefing");
        assertThat(markdown.indexOf("Harbour tram line approved")).as("the new story leads")
                .isLessThan(markdown.indexOf("Already in the 25 November 2026 edition"));
        assertThat(Files.readString(folder.resolve("briefing-2026-11-25-morning.md"))).startsWith("# Daily Briefing (Morning)")
                .doesNotContain("Harbour tram line approved", "Already in");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(Arrays.stream(received).map(message -> to(message) + " " + subject(message))).containsExactlyInAnyOrder(
                "ops@example.org Daily Briefing (Morning): Wednesday 25 November",
                "Chief Financial Officer <cfo@example.org> Daily Briefing (Morning): Wednesday 25 November",
                "ops@example.org Evening Briefing: Wednesday 25 November",
                "Chief Financial Officer <cfo@example.org> Evening Briefing: Wednesday 25 November");
        assertThat(Arrays.stream(received).map(EditionsTest::messageId).distinct()).hasSize(4);
        for (MimeMessage message : received) {
            boolean isEvening = subject(message).startsWith("Evening");
            List<BodyPart> parts = TestFiles.leaves((Multipart) message.getContent());
            assertThat(parts.get(2).getFileName()).isEqualTo(isEvening ? "briefing-2026-11-25-evening.pdf"
                    : "briefing-2026-11-25-morning.pdf");
            assertThat(parts.get(2).getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(folder.resolve(
                    parts.get(2).getFileName())));
        }

        Editions.Report again = run(later, new Editions.Request(day, "morning", Editions.Delivery.ONCE, false,
                java.util.Optional.empty()));
        assertThat(again.reused()).isTrue();
        assertThat(again.delivery().outcomes()).noneMatch(org.newsbrief.deliver.Dispatcher.Outcome::sentNow);
        assertThat(greenMail.getReceivedMessages()).as("nobody gets an edition twice").hasSize(4);
        assertThat(new Editions.Request(day, Editions.Delivery.ONCE, false)).satisfies(unnamed -> {
            Newsbrief newsbrief = Newsbrief.builder(config).models(TestFiles.MODELS).clock(TestFiles.CLOCK).build();
            try (Editions editions = newsbrief.editions()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> editions.plan(unnamed, RunLog.none()))
                        .hasMessage("say which edition: morning, evening");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> editions.plan(unnamed.edition("noon"), RunLog.none()))
                        .hasMessage("there is no edition 'noon'; newsbrief.yaml names morning, evening");
            }
        });
    }

    private Editions.Report run(NewsbriefConfig config, Editions.Request request) {
        Newsbrief newsbrief = Newsbrief.builder(config).models(TestFiles.MODELS).clock(TestFiles.CLOCK)
                .sleeper(duration -> { }).build();
        try (Editions editions = newsbrief.editions()) {
            return editions.run(request, org.newsbrief.events.EventLines.into(log));
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> concat(List<T> list, T item) {
        List<T> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }

    private static String to(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
