package org.newsbrief.deliver;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;


/**
 * Sends over SMTP with Jakarta Mail (Angus): STARTTLS (required, not merely tried), implicit TLS,
 * or plain for a server on the same host; with a login when one is set. Each message goes on
 * its own, to one recipient.
 */
public final class SmtpMailer implements Mailer {

    private final SmtpSettings settings;
    private final Session session;
    private final Clock clock;

    /**
     * @param settings the server and login
     * @param clock stamps the Date header
     */
    public SmtpMailer(SmtpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        Properties properties = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        switch (settings.security()) {
            case "tls" -> properties.put("mail.smtp.ssl.enable", "true");
            case "starttls" -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
            }
            default -> { }
        }
        jakarta.mail.Authenticator login = null;
        if (!settings.username().isEmpty()) {
            properties.put("mail.smtp.auth", "true");
            login = new jakarta.mail.Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.username(), settings.password());
                }
            };
        }
        this.session = Session.getInstance(properties, login);
    }

    @Override
    public void send(BriefingMail mail, String recipient, String messageId) {
        try {
            MimeMessage message = MimeMessages.build(session, mail, recipient, messageId, Date.from(clock.instant()));
            message.saveChanges();
            Transport transport = session.getTransport("smtp");
            try {
                transport.connect();
            } catch (MessagingException e) {
                // Nothing about this recipient was said yet: a refused connection, a greeting such as
                // "421 busy", a failed STARTTLS or login all concern the server, and the next
                // recipient would meet the same, so the breaker counts them.
                throw new DeliveryException(recipient + " via " + describe() + ": " + reason(e), retriable(e), true, e);
            }
            try (transport) {
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (DeliveryException e) {
            throw e;
        } catch (MessagingException e) {
            throw new DeliveryException(recipient + " via " + describe() + ": " + reason(e), retriable(e), unreachable(e), e);
        }
    }

    @Override
    public String describe() {
        return "smtp://" + settings.host() + ":" + settings.port() + " (" + settings.security() + ")";
    }

    /**
     * A 4xx reply, a refused or timed-out connection may pass; a 5xx reply, a refused login or a
     * malformed message will not.
     */
    static boolean retriable(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException address) {
                return address.getReturnCode() / 100 == 4;
            }
            if (t instanceof SMTPSendFailedException send && send.getReturnCode() > 0) {
                return send.getReturnCode() / 100 == 4;
            }
            if (t instanceof AuthenticationFailedException) {
                return false;
            }
            if (t instanceof MailConnectException || t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException || t instanceof java.io.IOException) {
                return true;
            }
        }
        return true;
    }

    /**
     * Whether no connection to the server was made: refused, timed out while connecting, no
     * route, unknown host. Angus wraps each of these in a {@link MailConnectException}.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof MailConnectException || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof java.net.NoRouteToHostException || t instanceof java.net.PortUnreachableException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != t) {
            return messaging.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    /** The most specific message in the chain, on one line. */
    private static String reason(Throwable failure) {
        String reason = failure.getMessage();
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException || t instanceof SMTPSendFailedException
                    || t instanceof MailConnectException || t instanceof ConnectException) {
                reason = t.getMessage();
                break;
            }
        }
        return reason == null ? failure.getClass().getSimpleName() : reason.replaceAll("\\s+", " ").strip();
    }
}
