package org.newsbrief.deliver;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * Writes each message as an {@code .eml} file, {@code outbox/<date>/<recipient>.eml} (a named
 * edition's in {@code outbox/<date>-<name>/}), for when no mail server is set: any mail program opens
 * them, and nothing is lost.
 */
public final class OutboxMailer implements Mailer {

    private final Path outbox;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    /**
     * @param outbox the folder, created when missing
     * @param clock stamps the Date header
     */
    public OutboxMailer(Path outbox, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(BriefingMail mail, String recipient, String messageId) {
        Path file = file(mail, recipient);
        try {
            MimeMessage message = MimeMessages.build(session, mail, recipient, messageId, Date.from(clock.instant()));
            Files.createDirectories(file.getParent());
            Path part = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                message.writeTo(out);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (MessagingException e) {
            throw new DeliveryException(recipient + ": cannot build the message: " + e.getMessage(), false, e);
        } catch (IOException e) {
            throw new DeliveryException(recipient + ": cannot write " + file + ": " + e.getMessage(), true, e);
        }
    }

    /**
     * @param mail the edition's email
     * @param recipient the address
     * @return the file its message is written to
     */
    public Path file(BriefingMail mail, String recipient) {
        String name = MimeMessages.address(recipient).replaceAll("[^A-Za-z0-9@._+-]", "_");
        return outbox.resolve(mail.date() + (mail.edition().isEmpty() ? "" : "-" + mail.edition())).resolve(name + ".eml");
    }

    @Override
    public String describe() {
        return "the outbox " + outbox;
    }
}
