package org.newsbrief.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.events.RunEvent;
import org.newsbrief.events.RunLog;

/** A message from the outbox drawn as a phone's mail program shows it, read back from the PDF. */
class MessagePictureTest {

    @TempDir
    Path dir;

    private Path outboxMessage(String html) {
        BriefingMail mail = new BriefingMail(LocalDate.of(2026, 11, 25), "Morning Briefing <briefing@example.org>",
                "Morning Briefing: Wednesday 25 November", html, "In brief", "briefing-2026-11-25.pdf",
                "%PDF-1.4 a small stand-in".getBytes(StandardCharsets.US_ASCII));
        OutboxMailer outbox = new OutboxMailer(dir.resolve("outbox"), TestFiles.CLOCK);
        outbox.send(mail, "chair@example.org", "<1@example.org>");
        return outbox.file(mail, "chair@example.org");
    }

    @Test
    void theHeadersTheAttachmentAndTheBodyAreOnOnePhoneWidePage() throws IOException {
        Path eml = outboxMessage("""
                <!DOCTYPE html><html><head><title>t</title></head><body style="font-size: 15px;">
                <a href="https://example.org/a" style="font-size: 19px;">Iraq (العراق) signs wheat deal at Zürich talks</a>
                <p>The story in one sentence.</p></body></html>""");
        Path pdf = dir.resolve("email.pdf");

        MessagePicture.draw(eml, pdf, event -> { });

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).as("400 CSS px in points")
                    .isEqualTo(MessagePicture.PHONE_WIDTH_PX * 0.75f);
        }
        String text = TestFiles.pdfText(pdf);
        assertThat(text).contains("Morning Briefing: Wednesday 25 November", "Morning Briefing",
                "<briefing@example.org>", "to chair@example.org", "Unsubscribe", "PDF briefing-2026-11-25.pdf",
                "signs wheat deal at Zürich talks", "The story in one sentence.");
        // letters the serif face lacks are drawn in the sans one, so they are there, though extracted after their line
        assertThat(text).contains("العراق");
        assertThat(text).as("the date sent, in the sender's zone").containsPattern("\\w{3} \\d{1,2} Nov 2026, \\d{2}:\\d{2}");
    }

    @Test
    void aRemoteImageInTheBodyIsRefusedNotFetched() throws IOException {
        Path eml = outboxMessage("<html><body><img src=\"http://127.0.0.1:9/pixel.png\" /><p>Text</p></body></html>");
        RunLog.Recorder log = new RunLog.Recorder();

        MessagePicture.draw(eml, dir.resolve("email.pdf"), log);

        assertThat(log.messages(RunEvent.Warning.class)).anyMatch(warning -> warning.contains("refused to load http://127.0.0.1:9"));
        assertThat(TestFiles.pdfText(dir.resolve("email.pdf"))).contains("Text");
    }

    @Test
    void aFileThatIsNoMessageIsNamed() throws IOException {
        Path notMail = Files.writeString(dir.resolve("notes.eml"), "just a line\n");

        assertThatThrownBy(() -> MessagePicture.draw(notMail, dir.resolve("email.pdf"), event -> { }))
                .isInstanceOf(DeliveryException.class).hasMessageContaining(notMail.toString());
    }
}
