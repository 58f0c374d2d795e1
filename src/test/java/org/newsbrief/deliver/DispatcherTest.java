package org.newsbrief.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.newsbrief.deliver.SmtpDeliveryTest.event;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.newsbrief.TestFiles;
import org.newsbrief.events.RunEvent;
import org.newsbrief.events.RunLog;
import org.newsbrief.internal.Sleeper;
import org.newsbrief.store.EditionStore;
import org.newsbrief.store.EditionStore.Status;

/** The dispatcher's retries and breaker with a mailer the test scripts; the real SMTP path is in {@link SmtpDeliveryTest}. */
class DispatcherTest {

    private static final BriefingMail MAIL = new BriefingMail(LocalDate.of(2026, 11, 25),
            "Morning Briefing <briefing@example.org>", "Briefing", "<p>In brief</p>", "In brief", "briefing-2026-11-25.pdf",
            "%PDF-1.4 a stand-in".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;

    private final Mailer mailer = mock(Mailer.class);
    private final Sleeper sleeper = mock(Sleeper.class);
    private final RunLog log = mock(RunLog.class, CALLS_REAL_METHODS);

    private EditionStore store() {
        return EditionStore.open("jdbc:sqlite:" + dir.resolve("store.db"), TestFiles.CLOCK);
    }

    @Test
    void aRecipientThatFailsOnceIsRetriedAfterTheBackoffWithTheSameMessageId() throws Exception {
        when(mailer.describe()).thenReturn("a scripted server");
        doNothing()
                .doThrow(new DeliveryException("b@example.org: 451 mailbox busy", true, null))
                .doNothing()
                .when(mailer).send(any(), anyString(), anyString());
        try (EditionStore store = store()) {
            Dispatcher.Report report = new Dispatcher(store, mailer, 3, Duration.ofSeconds(2), 3, sleeper, log)
                    .deliver(MAIL, List.of("a@example.org", "b@example.org", "c@example.org"), Dispatcher.Mode.ONCE);

            assertThat(report.allDelivered()).isTrue();
            verify(sleeper).sleep(Duration.ofSeconds(2));
            verifyNoMoreInteractions(sleeper);
            ArgumentCaptor<String> ids = ArgumentCaptor.forClass(String.class);
            verify(mailer, times(2)).send(eq(MAIL), eq("b@example.org"), ids.capture());
            assertThat(ids.getAllValues()).as("both attempts").containsOnly(ids.getAllValues().get(0));
            assertThat(store.delivery(MAIL.date(), "b@example.org").orElseThrow().attempts()).isEqualTo(2);
            verify(log).accept(event(RunEvent.Warning.class, "b@example.org: 451 mailbox busy", "attempt 1 of 3; retrying in 2000 ms"));
        }
    }

    @Test
    void aRejectedRecipientDoesNotCountTowardsTheBreaker() throws Exception {
        when(mailer.describe()).thenReturn("a server that knows only ops");
        doAnswer(invocation -> {
            throw new DeliveryException(invocation.getArgument(1) + ": 550 no such user", false, null);
        }).when(mailer).send(any(), startsWith("gone"), anyString());
        List<String> everyone = List.of("gone1@example.org", "gone2@example.org", "gone3@example.org", "ops@example.org");
        try (EditionStore store = store()) {
            Dispatcher.Report report = new Dispatcher(store, mailer, 3, Duration.ZERO, 1, sleeper, log)
                    .deliver(MAIL, everyone, Dispatcher.Mode.ONCE);

            assertThat(report.outcomes()).extracting(Dispatcher.Outcome::status).containsExactly(Status.REJECTED, Status.REJECTED,
                    Status.REJECTED, Status.SENT);
            for (String recipient : everyone) {
                verify(mailer).send(eq(MAIL), eq(recipient), anyString());
            }
            verifyNoInteractions(sleeper);
            verify(log, times(3)).accept(event(RunEvent.Failure.class, "550 no such user", "permanent; not retried"));
        }
    }

    @Test
    void aPlanSaysWhatEachModeWouldDoAndTouchesNothing() throws Exception {
        List<String> everyone = List.of("sent@example.org", "failed@example.org", "refused@example.org", "stopped@example.org",
                "new@example.org");
        try (EditionStore store = store()) {
            LocalDate day = MAIL.date();
            store.beginDelivery(day, "sent@example.org", "<s@example.org>");
            store.finishDelivery(day, "sent@example.org", Status.SENT, "");
            store.beginDelivery(day, "failed@example.org", "<f@example.org>");
            store.finishDelivery(day, "failed@example.org", Status.FAILED, "451 busy");
            store.beginDelivery(day, "refused@example.org", "<r@example.org>");
            store.finishDelivery(day, "refused@example.org", Status.REJECTED, "550 no such user");
            store.beginDelivery(day, "stopped@example.org", "<st@example.org>");
            List<EditionStore.Delivery> before = store.deliveries(day);
            Dispatcher dispatcher = new Dispatcher(store, mailer, 3, Duration.ZERO, 3, sleeper, log);

            assertThat(dispatcher.plan(day, everyone, Dispatcher.Mode.ONCE)).extracting(Dispatcher.Planned::step).containsExactly(
                    Dispatcher.Step.HAS_IT, Dispatcher.Step.RETRY, Dispatcher.Step.RETRY, Dispatcher.Step.INTERRUPTED,
                    Dispatcher.Step.SEND);
            assertThat(dispatcher.plan(day, everyone, Dispatcher.Mode.RETRY_INTERRUPTED)).extracting(Dispatcher.Planned::step)
                    .containsExactly(Dispatcher.Step.HAS_IT, Dispatcher.Step.RETRY, Dispatcher.Step.RETRY,
                            Dispatcher.Step.RETRY_INTERRUPTED, Dispatcher.Step.SEND);
            assertThat(dispatcher.plan(day, everyone, Dispatcher.Mode.RESEND)).extracting(Dispatcher.Planned::step).containsExactly(
                    Dispatcher.Step.RESEND, Dispatcher.Step.RETRY, Dispatcher.Step.RETRY, Dispatcher.Step.RESEND,
                    Dispatcher.Step.SEND);
            assertThat(dispatcher.plan(day, everyone, Dispatcher.Mode.ONCE).get(2).detail()).isEqualTo("refused: 550 no such user");

            verifyNoInteractions(mailer);
            assertThat(store.deliveries(day)).isEqualTo(before);
        }
    }
}
