package org.newsbrief.deliver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a reader asks to stop getting editions, as the {@code List-Unsubscribe} header (RFC 2369)
 * tells mail programs, which then show an "Unsubscribe" button: a mail address, and a web address
 * that takes one click (RFC 8058).
 *
 * @param address the bare address requests go to, such as {@code briefing@example.org}
 * @param url an https address that unsubscribes with one POST, or an empty string for none; a
 *     {@code {address}} in it becomes the recipient's address, so the page knows who asks
 */
public record Unsubscribe(String address, String url) {

    public Unsubscribe {
        Objects.requireNonNull(address, "address");
        url = url == null ? "" : url;
        if (address.isBlank() || !address.equals(MimeMessages.headerValue(address)) || address.contains("<")) {
            throw new IllegalArgumentException("address must be one bare mail address, was '" + address + "'");
        }
        if (!url.isEmpty() && (!url.toLowerCase(Locale.ROOT).startsWith("https://") || !url.matches("[^\\s<>,\"]+"))) {
            throw new IllegalArgumentException("url must be an https address without spaces, <, >, commas or quotes, was '"
                    + url + "'");
        }
    }

    /**
     * @param from the sender as configured, such as {@code Morning Briefing <briefing@example.org>}
     * @return requests by mail to the sender, and no web address
     */
    public static Unsubscribe toSender(String from) {
        return new Unsubscribe(MimeMessages.address(from), "");
    }

    /** @return whether mail programs may unsubscribe with one click: only with a web address */
    public boolean oneClick() {
        return !url.isEmpty();
    }

    /**
     * @param recipient the message's recipient, perhaps with a display name
     * @return the {@code List-Unsubscribe} header's value for that recipient's message
     */
    String header(String recipient) {
        String mailto = "<mailto:" + mailtoAddress(address) + "?subject=unsubscribe>";
        if (url.isEmpty()) {
            return mailto;
        }
        String who = URLEncoder.encode(MimeMessages.address(recipient), StandardCharsets.UTF_8);
        return mailto + ", <" + url.replace("{address}", who) + ">";
    }

    /** Percent-encodes what RFC 6068 does not allow as it is in the address of a mailto: URI. */
    private static String mailtoAddress(String address) {
        StringBuilder out = new StringBuilder();
        for (byte b : address.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "@.-_~!$'()*+;=".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
