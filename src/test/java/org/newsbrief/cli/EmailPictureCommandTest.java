package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.deliver.BriefingMail;
import org.newsbrief.deliver.OutboxMailer;

/** {@code newsbrief email-picture}, the README's picture of the email, through the command line. */
class EmailPictureCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void anOutboxMessageBecomesAPdfAndAMissingOneIsABadArgument() throws IOException {
        BriefingMail mail = new BriefingMail(LocalDate.of(2026, 11, 25), "Morning Briefing <briefing@example.org>",
                "Morning Briefing: Wednesday 25 November", "<html><body><p>In brief</p></body></html>", "In brief",
                "briefing-2026-11-25.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        OutboxMailer outbox = new OutboxMailer(dir.resolve("outbox"), TestFiles.CLOCK);
        outbox.send(mail, "chair@example.org", "<1@example.org>");
        Path pdf = dir.resolve("pictures/email.pdf");

        int code = TestFiles.run(out, err, "email-picture", outbox.file(mail, "chair@example.org").toString(), "--out",
                pdf.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("wrote " + pdf);
        assertThat(TestFiles.pdfText(pdf)).contains("Morning Briefing: Wednesday 25 November", "In brief");
        assertThat(TestFiles.run(out, err, "email-picture", dir.resolve("none.eml").toString(), "--out", pdf.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("none.eml: no such file");
        StringWriter help = new StringWriter();
        TestFiles.run(help, err, "--help");
        assertThat(help.toString()).as("a tool for the README, not a command to list").doesNotContain("email-picture");
    }
}
