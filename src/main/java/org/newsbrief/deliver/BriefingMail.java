package org.newsbrief.deliver;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One edition's email, the same for every recipient.
 *
 * @param date the edition's day
 * @param from the sender, such as {@code Newsbrief <briefing@example.org>}
 * @param subject the subject
 * @param html the HTML body
 * @param text the plain-text alternative
 * @param pdfName the attachment's file name
 * @param pdf the attachment, byte for byte the archived PDF
 */
public record BriefingMail(LocalDate date, String from, String subject, String html, String text, String pdfName, byte[] pdf) {

    public BriefingMail {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(pdfName, "pdfName");
        pdf = pdf.clone();
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }
}
