package org.newsbrief.deliver;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Builds the MIME message: {@code multipart/mixed} holding a {@code multipart/alternative}
 * (plain text, then HTML) and the PDF. Every header value made from data passes through
 * {@link #headerValue}, so no CR or LF can start a header of its own.
 */
final class MimeMessages {

    private MimeMessages() {}

    /**
     * @param value text bound for a header
     * @return it with every run of CR, LF and other control characters made one space
     */
    static String headerValue(String value) {
        return value.replaceAll("[\\r\\n\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]+", " ").strip();
    }

    /**
     * @param recipient an address, perhaps with a display name: {@code Ops <ops@example.org>}
     * @return the address alone, as written, header-safe
     */
    static String address(String recipient) {
        return headerValue(recipient).replaceAll("^.*<([^>]*)>.*$", "$1").strip();
    }

    static MimeMessage build(Session session, BriefingMail mail, String recipient, String messageId, Date sent)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, headerValue(messageId));
        message.setFrom(new InternetAddress(headerValue(mail.from()), true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(headerValue(recipient), true));
        message.setSubject(headerValue(mail.subject()), StandardCharsets.UTF_8.name());
        message.setSentDate(sent);
        // the header mail programs turn into an "Unsubscribe" button; one click only with a web address
        message.setHeader("List-Unsubscribe", MimeUtility.fold("List-Unsubscribe: ".length(),
                headerValue(mail.unsubscribe().header(recipient))));
        if (mail.unsubscribe().oneClick()) {
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);

        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.pdf(), "application/pdf")));
        pdf.setFileName(headerValue(mail.pdfName()));
        pdf.setDisposition(MimeBodyPart.ATTACHMENT);

        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(pdf);
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    /** A message whose Message-ID is the one the store recorded, not a fresh one. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
