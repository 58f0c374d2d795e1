package org.newsbrief.deliver;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * @param unsubscribe where readers ask to stop getting editions, for the {@code List-Unsubscribe} header
 * @param edition the name of the day's edition it is ({@code evening}), empty for a configuration's one edition a day
 */
public record BriefingMail(LocalDate date, String from, String subject, String html, String text, String pdfName, byte[] pdf,
        Unsubscribe unsubscribe, String edition) {

    public BriefingMail {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(pdfName, "pdfName");
        pdf = pdf.clone();
        Objects.requireNonNull(unsubscribe, "unsubscribe");
        Objects.requireNonNull(edition, "edition");
    }

    /** The email of a configuration's one edition of the day. */
    public BriefingMail(LocalDate date, String from, String subject, String html, String text, String pdfName, byte[] pdf,
            Unsubscribe unsubscribe) {
        this(date, from, subject, html, text, pdfName, pdf, unsubscribe, "");
    }

    /** An email whose unsubscribe requests go to the sender by mail. */
    public BriefingMail(LocalDate date, String from, String subject, String html, String text, String pdfName, byte[] pdf) {
        this(date, from, subject, html, text, pdfName, pdf, Unsubscribe.toSender(from));
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    /** The subject's date as a reader writes it: the weekday and day of the month, no year. */
    private static final DateTimeFormatter READER_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(title|date|date_iso)}");

    /**
     * Fills in a subject line: {@code {title}} is the edition's title, {@code {date}} its day as
     * readers write it ("Wednesday 25 November"), {@code {date_iso}} the day as 2026-11-25. Each is
     * filled in once, so a title holding "{date}" stays as written.
     *
     * @param template the subject as configured, such as {@code {title}: {date}}
     * @param title the edition's title
     * @param date the edition's day
     * @return the subject
     */
    public static String subject(String template, String title, LocalDate date) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = switch (placeholder.group(1)) {
                case "title" -> title;
                case "date" -> READER_DATE.format(date);
                default -> date.toString();
            };
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(out).toString();
    }
}
