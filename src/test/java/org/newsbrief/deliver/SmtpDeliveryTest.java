package org.newsbrief.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;
import org.newsbrief.TestFiles;
import org.newsbrief.events.RunEvent;
import org.newsbrief.events.RunLog;
import org.newsbrief.internal.Sleeper;
import org.newsbrief.store.EditionStore;
import org.newsbrief.store.EditionStore.Status;

/** Delivery against a real SMTP server on loopback (GreenMail), with the faults operators meet. */
class SmtpDeliveryTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final byte[] PDF = "%PDF-1.4 a small stand-in for the edition".getBytes(StandardCharsets.US_ASCII);

    /** Does not wait; tests verify the waits asked for. */
    private final Sleeper sleeper = mock(Sleeper.class);
    /** Records the typed events the default methods make. */
    private final RunLog log = mock(RunLog.class, CALLS_REAL_METHODS);

    private static BriefingMail mail(String subject) {
        return new BriefingMail(DAY, "Morning Briefing <briefing@example.org>", subject, "<p>In brief</p>", "In brief",
                "briefing-2026-11-25.pdf", PDF);
    }

    private static SmtpSettings settings(int port) {
        return new SmtpSettings("127.0.0.1", port, "none", "", "", "briefing@example.org", "{title}",
                Duration.ofSeconds(5), 3, Duration.ofMillis(10));
    }

    private EditionStore store() {
        return EditionStore.open("jdbc:sqlite:" + dir.resolve("store.db"), TestFiles.CLOCK);
    }

    private Dispatcher dispatcher(EditionStore store, Mailer mailer) {
        return new Dispatcher(store, mailer, 3, Duration.ofMillis(10), 3, sleeper, log);
    }

    /** An event of the kind whose message says all the words. */
    static RunEvent event(Class<? extends RunEvent> kind, String... words) {
        return argThat(event -> kind.isInstance(event) && Arrays.stream(words).allMatch(event.message()::contains));
    }

    @Test
    void theServerGetsEachRecipientOneMessageWithBothPartsAndThePdf() throws Exception {
        try (EditionStore store = store()) {
            Dispatcher.Report report = dispatcher(store, new SmtpMailer(settings(greenMail.getSmtp().getPort()), TestFiles.CLOCK))
                    .deliver(mail("Morning Briefing: 2026-11-25"), List.of("ops@example.org", "cfo@example.org"), Dispatcher.Mode.ONCE);

            assertThat(report.allDelivered()).isTrue();
            MimeMessage[] received = greenMail.getReceivedMessages();
            assertThat(received).hasSize(2);
            assertThat(Arrays.stream(received).map(message -> GreenMailUtil.getAddressList(getRecipients(message))))
                    .containsExactlyInAnyOrder("ops@example.org", "cfo@example.org");
            MimeMessage message = received[0];
            assertThat(message.getSubject()).isEqualTo("Morning Briefing: 2026-11-25");
            assertThat(message.getMessageID()).startsWith("<briefing-2026-11-25.").endsWith("@example.org>");
            MailParts parts = MailParts.of(message);
            assertThat(parts.text()).contains("In brief");
            assertThat(parts.html()).contains("<p>In brief</p>");
            assertThat(parts.attachment()).isEqualTo(PDF);
            assertThat(parts.attachmentName()).isEqualTo("briefing-2026-11-25.pdf");
        }
    }

    @Test
    void aServerDownAtFirstIsRetriedAndGetsTheMessageOnce() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        GreenMail late = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        // the server comes up while the dispatcher waits to retry
        doAnswer(invocation -> {
            late.start();
            return null;
        }).doNothing().when(sleeper).sleep(any());
        try (EditionStore store = store()) {
            Dispatcher.Report report = dispatcher(store, new SmtpMailer(settings(port), TestFiles.CLOCK))
                    .deliver(mail("Briefing"), List.of("ops@example.org"), Dispatcher.Mode.ONCE);

            assertThat(report.allDelivered()).isTrue();
            verify(sleeper).sleep(Duration.ofMillis(10));
            verifyNoMoreInteractions(sleeper);
            assertThat(late.getReceivedMessages()).hasSize(1);
            assertThat(store.delivery(DAY, "ops@example.org").orElseThrow().attempts()).isEqualTo(2);
            verify(log).accept(event(RunEvent.Warning.class, "ops@example.org", "attempt 1 of 3; retrying in 10 ms"));
        } finally {
            late.stop();
        }
    }

    @Test
    void aPermanentlyRejectedRecipientDoesNotStopTheOthersAndIsNotRetried() throws Exception {
        try (EditionStore store = store();
                RejectingSmtpProxy proxy = new RejectingSmtpProxy(greenMail.getSmtp().getPort(), "gone@example.org")) {
            Dispatcher.Report report = dispatcher(store, new SmtpMailer(settings(proxy.port()), TestFiles.CLOCK))
                    .deliver(mail("Briefing"), List.of("ops@example.org", "gone@example.org", "cfo@example.org"), Dispatcher.Mode.ONCE);

            assertThat(report.outcomes()).extracting(Dispatcher.Outcome::status)
                    .containsExactly(Status.SENT, Status.REJECTED, Status.SENT);
            assertThat(report.summary()).contains("2 sent", "1 rejected");
            verifyNoInteractions(sleeper); // a 5xx is not retried
            assertThat(greenMail.getReceivedMessages()).hasSize(2);
            verify(log).accept(event(RunEvent.Failure.class, "gone@example.org", "550", "permanent; not retried"));

            Dispatcher.Report rerun = dispatcher(store, new SmtpMailer(settings(proxy.port()), TestFiles.CLOCK))
                    .deliver(mail("Briefing"), List.of("ops@example.org", "gone@example.org", "cfo@example.org"), Dispatcher.Mode.ONCE);
            assertThat(rerun.outcomes()).noneMatch(Dispatcher.Outcome::sentNow);
            assertThat(greenMail.getReceivedMessages()).hasSize(2);
        }
    }

    @Test
    void aRecipientRefusedOnceIsTriedAgainOnTheNextRunAndNobodyGetsItTwice() throws Exception {
        List<String> everyone = List.of("ops@example.org", "gone@example.org", "cfo@example.org");
        try (EditionStore store = store();
                RejectingSmtpProxy proxy = new RejectingSmtpProxy(greenMail.getSmtp().getPort(), "gone@example.org")) {
            SmtpMailer smtp = new SmtpMailer(settings(proxy.port()), TestFiles.CLOCK);
            Dispatcher.Report first = dispatcher(store, smtp).deliver(mail("Briefing"), everyone, Dispatcher.Mode.ONCE);
            assertThat(first.outcomes()).extracting(Dispatcher.Outcome::status)
                    .containsExactly(Status.SENT, Status.REJECTED, Status.SENT);
            assertThat(first.summary()).contains("1 rejected (tried again on the next run)");

            Dispatcher.Report stillRefused = dispatcher(store, smtp).deliver(mail("Briefing"), everyone, Dispatcher.Mode.ONCE);
            assertThat(proxy.refusals()).as("once per run, never twice within one").isEqualTo(2);
            assertThat(stillRefused.outcomes().get(1).status()).isEqualTo(Status.REJECTED);
            verifyNoInteractions(sleeper);

            proxy.refuseOnly(0); // the mailbox is fixed between runs
            Dispatcher.Report fixed = dispatcher(store, smtp).deliver(mail("Briefing"), everyone, Dispatcher.Mode.ONCE);

            assertThat(fixed.allDelivered()).isTrue();
            assertThat(fixed.outcomes()).filteredOn(Dispatcher.Outcome::sentNow).extracting(Dispatcher.Outcome::recipient)
                    .containsExactly("gone@example.org");
            assertThat(store.delivery(DAY, "gone@example.org").orElseThrow().status()).isEqualTo(Status.SENT);
            verify(log, times(2)).accept(event(RunEvent.Progress.class, "gone@example.org", "refused on an earlier run"));

            Dispatcher.Report after = dispatcher(store, smtp).deliver(mail("Briefing"), everyone, Dispatcher.Mode.ONCE);
            assertThat(after.outcomes()).noneMatch(Dispatcher.Outcome::sentNow);
            assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(message -> GreenMailUtil.getAddressList(
                    getRecipients(message)))).containsExactlyInAnyOrder(everyone.toArray(String[]::new));
        }
    }

    @Test
    void aTemporaryRefusalIsRetriedWithGrowingWaitsThenLeftForTheNextRun() throws Exception {
        try (EditionStore store = store();
                RejectingSmtpProxy proxy = new RejectingSmtpProxy(greenMail.getSmtp().getPort(), "busy@example.org",
                        "451 4.2.1 <busy@example.org>: mailbox busy, try again later")) {
            SmtpMailer smtp = new SmtpMailer(settings(proxy.port()), TestFiles.CLOCK);
            Dispatcher.Report report = dispatcher(store, smtp).deliver(mail("Briefing"), List.of("busy@example.org"), Dispatcher.Mode.ONCE);

            assertThat(report.outcomes().get(0).status()).isEqualTo(Status.FAILED);
            assertThat(proxy.refusals()).isEqualTo(3);
            InOrder waits = inOrder(sleeper);
            waits.verify(sleeper).sleep(Duration.ofMillis(10));
            waits.verify(sleeper).sleep(Duration.ofMillis(20));
            verifyNoMoreInteractions(sleeper);
            assertThat(report.summary()).contains("1 failed (retried on the next run)");
            verify(log).accept(event(RunEvent.Failure.class, "busy@example.org", "gave up after 3 attempts"));

            proxy.refuseOnly(0);
            Dispatcher.Report nextRun = dispatcher(store, smtp).deliver(mail("Briefing"), List.of("busy@example.org"), Dispatcher.Mode.ONCE);
            assertThat(nextRun.outcomes().get(0).sentNow()).isTrue();
            assertThat(greenMail.getReceivedMessages()).hasSize(1);
            assertThat(store.delivery(DAY, "busy@example.org").orElseThrow().attempts()).isEqualTo(4);
        }
    }

    @Test
    void aRunKilledMidwaySendsOnlyToTheRestWhenRerun() throws Exception {
        SmtpMailer smtp = new SmtpMailer(settings(greenMail.getSmtp().getPort()), TestFiles.CLOCK);
        List<String> everyone = List.of("a@example.org", "b@example.org", "c@example.org", "d@example.org");
        Mailer dyingAfterC = mock(Mailer.class, delegatesTo(smtp));
        doAnswer(invocation -> {
            smtp.send(invocation.getArgument(0), invocation.getArgument(1), invocation.getArgument(2));
            throw new ProcessKilled();
        }).when(dyingAfterC).send(any(), eq("c@example.org"), anyString());
        try (EditionStore store = store()) {
            assertThatThrownBy(() -> dispatcher(store, dyingAfterC).deliver(mail("Briefing"), everyone, Dispatcher.Mode.ONCE))
                    .isInstanceOf(ProcessKilled.class);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(3);

        try (EditionStore restarted = store()) {
            Dispatcher.Report rerun = dispatcher(restarted, smtp).deliver(mail("Briefing"), everyone, Dispatcher.Mode.ONCE);

            assertThat(rerun.outcomes()).filteredOn(Dispatcher.Outcome::sentNow).extracting(Dispatcher.Outcome::recipient)
                    .containsExactly("d@example.org");
            assertThat(rerun.outcomes().get(2).status()).isEqualTo(Status.INTERRUPTED);
            verify(log).accept(event(RunEvent.Warning.class, "c@example.org", "may have arrived"));
            assertThat(greenMail.getReceivedMessages()).hasSize(4);
            assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(message -> GreenMailUtil.getAddressList(
                    getRecipients(message)))).containsExactlyInAnyOrder(everyone.toArray(String[]::new));

            Dispatcher.Report forced = dispatcher(restarted, smtp).deliver(mail("Briefing"), List.of("c@example.org"), Dispatcher.Mode.RESEND);
            assertThat(forced.outcomes().get(0).sentNow()).isTrue();
            assertThat(greenMail.getReceivedMessages()).hasSize(5);
        }
    }

    @Test
    void anInterruptedRecipientIsRetriedAloneWithTheMessageIdOfTheInterruptedAttempt() throws Exception {
        SmtpMailer smtp = new SmtpMailer(settings(greenMail.getSmtp().getPort()), TestFiles.CLOCK);
        List<String> everyone = List.of("a@example.org", "b@example.org", "c@example.org");
        try (EditionStore store = store()) {
            // What kill -9 leaves when it strikes after the row is written and before the server accepts the message.
            store.beginDelivery(DAY, "b@example.org", "<first-attempt.b@example.org>");

            Dispatcher.Report rerun = dispatcher(store, smtp).deliver(mail("Briefing"), everyone, Dispatcher.Mode.ONCE);
            assertThat(rerun.outcomes()).extracting(Dispatcher.Outcome::status)
                    .containsExactly(Status.SENT, Status.INTERRUPTED, Status.SENT);
            assertThat(rerun.outcomes().get(1).detail()).contains("--retry-interrupted");
            assertThat(rerun.summary()).contains("1 interrupted", "--retry-interrupted");
            assertThat(greenMail.getReceivedMessages()).hasSize(2);

            Dispatcher.Report retried = dispatcher(store, smtp)
                    .deliver(mail("Briefing"), everyone, Dispatcher.Mode.RETRY_INTERRUPTED);

            assertThat(retried.outcomes()).filteredOn(Dispatcher.Outcome::sentNow).extracting(Dispatcher.Outcome::recipient)
                    .containsExactly("b@example.org");
            assertThat(retried.allDelivered()).isTrue();
            MimeMessage[] received = greenMail.getReceivedMessages();
            assertThat(received).hasSize(3);
            assertThat(GreenMailUtil.getAddressList(received[2].getAllRecipients())).isEqualTo("b@example.org");
            assertThat(received[2].getMessageID()).isEqualTo("<first-attempt.b@example.org>");

            Dispatcher.Report again = dispatcher(store, smtp)
                    .deliver(mail("Briefing"), everyone, Dispatcher.Mode.RETRY_INTERRUPTED);
            assertThat(again.outcomes()).noneMatch(Dispatcher.Outcome::sentNow);
            assertThat(greenMail.getReceivedMessages()).hasSize(3);
        }
    }

    @Test
    void oneMailboxGetsOneCopyWhateverTheCaseOfItsAddressEvenUnderResend() throws Exception {
        SmtpMailer smtp = new SmtpMailer(settings(greenMail.getSmtp().getPort()), TestFiles.CLOCK);
        List<String> listed = List.of("alice@example.org", "bob@example.org", "ALICE@example.org", "Alice <Alice@EXAMPLE.org>");
        try (EditionStore store = store()) {
            Dispatcher.Report first = dispatcher(store, smtp).deliver(mail("Briefing"), listed, Dispatcher.Mode.ONCE);
            assertThat(first.outcomes()).extracting(Dispatcher.Outcome::recipient).containsExactly("alice@example.org", "bob@example.org");
            assertThat(greenMail.getReceivedMessages()).hasSize(2);

            Dispatcher.Report resent = dispatcher(store, smtp).deliver(mail("Briefing"), listed, Dispatcher.Mode.RESEND);

            assertThat(resent.outcomes()).filteredOn(Dispatcher.Outcome::sentNow).hasSize(2);
            assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(message -> GreenMailUtil.getAddressList(
                    getRecipients(message)).toLowerCase())).containsExactlyInAnyOrder("alice@example.org", "bob@example.org",
                            "alice@example.org", "bob@example.org");
            // said on each of the two runs
            verify(log, times(2)).accept(event(RunEvent.Progress.class, "ALICE@example.org is the same mailbox as alice@example.org"));
        }
    }

    @Test
    void aServerThatCannotBeReachedIsGivenUpOnAfterTheBreakerThresholdAndTheRestWaitForTheNextRun() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        List<String> everyone = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            everyone.add("reader" + i + "@example.org");
        }
        try (EditionStore store = store()) {
            store.beginDelivery(DAY, "reader5@example.org", "<r5@example.org>");
            store.finishDelivery(DAY, "reader5@example.org", Status.SENT, "");
            Dispatcher dispatcher = new Dispatcher(store, new SmtpMailer(settings(closed), TestFiles.CLOCK), 3,
                    Duration.ofMinutes(1), 2, sleeper, log);

            Dispatcher.Report report = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> dispatcher.deliver(mail("Briefing"), everyone, Dispatcher.Mode.ONCE));

            // two recipients' retries, then no more waiting
            verify(sleeper, times(2)).sleep(Duration.ofMinutes(1));
            verify(sleeper, times(2)).sleep(Duration.ofMinutes(2));
            verifyNoMoreInteractions(sleeper);
            assertThat(report.outcomes()).extracting(Dispatcher.Outcome::status).containsExactly(Status.FAILED, Status.FAILED,
                    Status.FAILED, Status.FAILED, Status.SENT, Status.FAILED);
            assertThat(report.outcomes().get(2).detail()).startsWith("not tried:");
            verify(log).accept(event(RunEvent.Failure.class, "could not be reached for 2 recipients in a row"));
            verify(log).accept(event(RunEvent.Failure.class, "could not be reached for 2 recipients in a row",
                    "3 more were not tried in this run"));
            assertThat(store.delivery(DAY, "reader3@example.org").orElseThrow())
                    .satisfies(delivery -> assertThat(delivery.status()).isEqualTo(Status.FAILED))
                    .satisfies(delivery -> assertThat(delivery.attempts()).isZero());
            assertThat(store.delivery(DAY, "reader5@example.org").orElseThrow().status()).as("what was sent stays sent")
                    .isEqualTo(Status.SENT);

            Dispatcher.Report nextRun = new Dispatcher(store, new SmtpMailer(settings(greenMail.getSmtp().getPort()), TestFiles.CLOCK),
                    3, Duration.ofMinutes(1), 2, sleeper, log).deliver(mail("Briefing"), everyone, Dispatcher.Mode.ONCE);
            assertThat(nextRun.allDelivered()).isTrue();
            assertThat(greenMail.getReceivedMessages()).hasSize(5);
        }
    }

    @Test
    void aServerThatGreetsWith421IsGivenUpOnAfterTheBreakerThreshold() throws Exception {
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                while (!busy.isClosed()) {
                    try (java.net.Socket client = busy.accept()) {
                        connections.incrementAndGet();
                        client.getOutputStream().write("421 busy.example.org Service not available\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        client.getOutputStream().flush();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            List<String> everyone = List.of("a@example.org", "b@example.org", "c@example.org", "d@example.org", "e@example.org");
            try (EditionStore store = store()) {
                Dispatcher dispatcher = new Dispatcher(store, new SmtpMailer(settings(busy.getLocalPort()), TestFiles.CLOCK), 3,
                        Duration.ofMinutes(1), 2, sleeper, log);

                Dispatcher.Report report = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> dispatcher.deliver(mail("Briefing"), everyone, Dispatcher.Mode.ONCE));

                assertThat(connections).as("three attempts for each of two recipients, then none").hasValue(6);
                verify(sleeper, times(2)).sleep(Duration.ofMinutes(1));
                verify(sleeper, times(2)).sleep(Duration.ofMinutes(2));
                verifyNoMoreInteractions(sleeper);
                assertThat(report.outcomes()).extracting(Dispatcher.Outcome::status).containsOnly(Status.FAILED);
                verify(log).accept(event(RunEvent.Failure.class, "could not be reached for 2 recipients in a row",
                        "3 more were not tried in this run"));
            }
        }
    }

    @Test
    void lineBreaksInHeaderValuesCannotAddHeaders() throws Exception {
        try (EditionStore store = store()) {
            dispatcher(store, new SmtpMailer(settings(greenMail.getSmtp().getPort()), TestFiles.CLOCK))
                    .deliver(mail("Morning Briefing\r\nBcc: attacker@example.com"), List.of("ops@example.org"), Dispatcher.Mode.ONCE);
        }

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(GreenMailUtil.getAddressList(received[0].getAllRecipients())).isEqualTo("ops@example.org");
        assertThat(received[0].getHeader("Bcc")).isNull();
        assertThat(received[0].getSubject()).isEqualTo("Morning Briefing Bcc: attacker@example.com");
        assertThat(GreenMailUtil.getHeaders(received[0])).doesNotContainPattern("(?m)^Bcc:");
    }

    @Test
    void aRecipientIsKnownByAddressWhateverItsDisplayNameOrCase() throws Exception {
        OutboxMailer outbox = new OutboxMailer(dir.resolve("outbox"), TestFiles.CLOCK);
        try (EditionStore store = store()) {
            Dispatcher.Report first = dispatcher(store, outbox)
                    .deliver(mail("Briefing"), List.of("Operations <OPS@example.org>"), Dispatcher.Mode.ONCE);
            Dispatcher.Report renamed = dispatcher(store, outbox)
                    .deliver(mail("Briefing"), List.of("ops@example.org"), Dispatcher.Mode.ONCE);

            assertThat(first.outcomes().get(0).sentNow()).isTrue();
            assertThat(renamed.outcomes().get(0).sentNow()).isFalse();
            assertThat(outbox.file(mail("Briefing"), "Operations <OPS@example.org>")).exists()
                    .hasFileName("OPS@example.org.eml");
            assertThat(java.nio.file.Files.readString(outbox.file(mail("Briefing"), "x <OPS@example.org>")))
                    .contains("To: Operations <OPS@example.org>", "Content-Type: application/pdf");
        }
    }

    private static jakarta.mail.Address[] getRecipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stands for the process dying: nothing after it runs. */
    private static final class ProcessKilled extends Error {
        ProcessKilled() {
            super("killed");
        }
    }

    /** The text, HTML and attachment of a received message. */
    record MailParts(String text, String html, byte[] attachment, String attachmentName) {

        static MailParts of(MimeMessage message) throws Exception {
            String[] found = new String[3];
            byte[][] pdf = new byte[1][];
            walk(message.getContent(), message.getContentType(), found, pdf);
            return new MailParts(found[0], found[1], pdf[0], found[2]);
        }

        private static void walk(Object content, String type, String[] found, byte[][] pdf) throws Exception {
            if (content instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                    if (part.getContentType().toLowerCase().startsWith("application/pdf")) {
                        pdf[0] = part.getInputStream().readAllBytes();
                        found[2] = part.getFileName();
                    } else {
                        walk(part.getContent(), part.getContentType(), found, pdf);
                    }
                }
            } else if (type.toLowerCase().startsWith("text/plain")) {
                found[0] = (String) content;
            } else if (type.toLowerCase().startsWith("text/html")) {
                found[1] = (String) content;
            }
        }
    }

    static byte[] read(Path file) throws IOException {
        return java.nio.file.Files.readAllBytes(file);
    }
}
