package org.newsbrief.deliver;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsbrief.events.RunLog;
import org.newsbrief.render.PdfRenderer;
import org.newsbrief.render.TemplateFolder;

/**
 * Lays a message ({@code .eml}) out as a mail program on a phone shows it: subject, sender,
 * recipient and date, an "Unsubscribe" link when the message names where to, the attachments, and
 * the HTML body. The result is a PDF page as tall as the message, from which the README's
 * picture of the email is made. The body's remote resources are refused, never fetched.
 */
public final class MessagePicture {

    /** The width of a phone's screen in CSS pixels, as mail programs lay out an email there. */
    public static final int PHONE_WIDTH_PX = 400;

    private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final String CHROME = """
            body { margin: 0; background: #ffffff; }
            .mail-chrome { font-family: 'DejaVu Sans', sans-serif; color: #111827; padding: 14px 16px 10px 16px; }
            .mail-subject { font-size: 19px; line-height: 1.3; font-weight: bold; margin: 0 0 10px 0; }
            .mail-sender { font-size: 13px; line-height: 1.4; color: #4b5563; margin: 0; }
            .mail-sender b { color: #111827; }
            .mail-unsubscribe { font-size: 12px; color: #1a56db; text-decoration: underline; margin: 6px 0 0 0; }
            .mail-attachments { font-family: 'DejaVu Sans', sans-serif; padding: 0 16px 6px 16px; }
            .mail-body { border-top: 1px solid #e5e7eb; }
            .mail-attachment { font-size: 12px; color: #111827; border: 1px solid #d1d5db; padding: 6px 10px; margin: 0 0 6px 0; }
            .mail-attachment-kind { font-weight: bold; color: #b91c1c; }
            """;

    private final PdfRenderer pdf;

    /**
     * @param pdf lays the picture out; the folder it was given is the only place resources come from
     */
    public MessagePicture(PdfRenderer pdf) {
        this.pdf = Objects.requireNonNull(pdf, "pdf");
    }

    /**
     * Draws a message file as a PDF of one phone-wide page, refusing any resource the body names.
     *
     * @param eml the message file, such as one the outbox holds
     * @param target the PDF to write
     * @param log receives a warning for each resource refused
     * @throws DeliveryException when the file cannot be read or is not a message with a body
     * @throws org.newsbrief.render.RenderException when the PDF cannot be laid out
     */
    public static void draw(Path eml, Path target, RunLog log) {
        Objects.requireNonNull(eml, "eml");
        Objects.requireNonNull(target, "target");
        MessagePicture picture = new MessagePicture(new PdfRenderer(new TemplateFolder(null), log));
        try (InputStream in = Files.newInputStream(eml)) {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                picture.draw(in, out, eml.toString());
            }
        } catch (IOException e) {
            throw new DeliveryException("cannot draw " + eml + " as " + target + ": " + e.getMessage(), false, e);
        }
    }

    /**
     * @param eml the message, as an {@code .eml} file holds it
     * @param out where the PDF goes
     * @param name the message's name in errors, such as its file
     * @throws DeliveryException when it is not a message with a body
     */
    public void draw(InputStream eml, OutputStream out, String name) {
        Document page;
        try {
            page = page(new MimeMessage(Session.getInstance(new Properties()), eml));
        } catch (MessagingException | IOException e) {
            throw new DeliveryException(name + ": not a readable message: " + e.getMessage(), false, e);
        }
        pdf.renderScreen(W3CDom.convert(page), out, PHONE_WIDTH_PX);
    }

    private static Document page(MimeMessage message) throws MessagingException, IOException {
        if (message.getHeader("From", null) == null && message.getHeader("Date", null) == null) {
            throw new MessagingException("it has neither a From nor a Date header");
        }
        List<Part> leaves = new ArrayList<>();
        collect(message, leaves);
        Document page = Jsoup.parse("<!DOCTYPE html><html><head><meta charset=\"UTF-8\" /></head><body></body></html>");
        page.head().appendElement("style").appendText(CHROME);
        Element chrome = page.body().appendElement("div").addClass("mail-chrome");
        chrome.appendElement("p").addClass("mail-subject").text(message.getSubject() == null ? "(no subject)" : message.getSubject());
        Element sender = chrome.appendElement("p").addClass("mail-sender");
        if (message.getFrom() != null && message.getFrom().length > 0 && message.getFrom()[0] instanceof InternetAddress from) {
            sender.appendElement("b").text(from.getPersonal() != null ? from.getPersonal() : from.getAddress());
            sender.appendText(from.getPersonal() != null ? " <" + from.getAddress() + ">" : "");
        }
        String to = message.getHeader("To", ", ");
        if (to != null) {
            sender.appendElement("br");
            sender.appendText("to " + MimeUtility.decodeText(MimeUtility.unfold(to)));
        }
        String date = shownDate(message.getHeader("Date", null));
        if (!date.isEmpty()) {
            sender.appendElement("br");
            sender.appendText(date);
        }
        if (message.getHeader("List-Unsubscribe", null) != null) {
            chrome.appendElement("p").addClass("mail-unsubscribe").text("Unsubscribe");
        }
        List<Part> attachments = leaves.stream().filter(part -> !isBody(part, "text/html") && !isBody(part, "text/plain")).toList();
        if (!attachments.isEmpty()) {
            // under the headers, where several mail programs list them, so that the picture shows them
            Element list = page.body().appendElement("div").addClass("mail-attachments");
            for (Part attachment : attachments) {
                Element chip = list.appendElement("p").addClass("mail-attachment");
                String type = attachment.getContentType().replaceAll(";.*", "").strip().toLowerCase(Locale.ROOT);
                chip.appendElement("span").addClass("mail-attachment-kind").text(kind(type) + " ");
                chip.appendText((attachment.getFileName() == null ? "attachment" : attachment.getFileName()) + " · "
                        + size(attachment));
            }
        }
        Part html = leaves.stream().filter(MessagePicture::isHtmlBody).findFirst().orElse(null);
        Element body = page.body().appendElement("div").addClass("mail-body");
        if (html != null) {
            Document email = Jsoup.parse((String) html.getContent());
            email.head().select("style").forEach(style -> page.head().appendChild(style.clone()));
            body.attr("style", email.body().attr("style"));
            email.body().children().forEach(child -> body.appendChild(child.clone()));
        } else {
            Part text = leaves.stream().filter(part -> isBody(part, "text/plain")).findFirst()
                    .orElseThrow(() -> new MessagingException("the message has no HTML or text body"));
            body.appendElement("pre").attr("style", "padding: 16px; white-space: pre-wrap; font-size: 13px;")
                    .text((String) text.getContent());
        }
        return page;
    }

    private static void collect(Part part, List<Part> leaves) throws MessagingException, IOException {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, leaves);
            }
        } else {
            leaves.add(part);
        }
    }

    private static boolean isHtmlBody(Part part) {
        return isBody(part, "text/html");
    }

    private static boolean isBody(Part part, String type) {
        try {
            return part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String kind(String type) {
        int slash = type.indexOf('/');
        String subtype = slash < 0 ? type : type.substring(slash + 1);
        return subtype.isEmpty() ? "FILE" : subtype.toUpperCase(Locale.ROOT);
    }

    private static String size(Part attachment) throws MessagingException, IOException {
        long bytes;
        try (InputStream in = attachment.getInputStream()) {
            bytes = in.transferTo(OutputStream.nullOutputStream());
        }
        return bytes < 1024 ? bytes + " bytes" : Math.round(bytes / 1024.0) + " KB";
    }

    /** The Date header in the sender's own offset, as "Wed 25 Nov 2026, 06:00"; empty when there is none. */
    private static String shownDate(String header) {
        if (header == null) {
            return "";
        }
        String written = MimeUtility.unfold(header).replaceAll("\\([^)]*\\)", "").strip();
        try {
            return SHOWN_DATE.format(OffsetDateTime.parse(written, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            return written;
        }
    }
}
