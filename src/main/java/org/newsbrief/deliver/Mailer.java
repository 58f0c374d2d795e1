package org.newsbrief.deliver;

/** Hands one message to one recipient: over SMTP, or into an outbox folder. */
public interface Mailer {

    /**
     * @param mail the edition's email
     * @param recipient the one address it goes to
     * @param messageId the Message-ID header to send it with, angle brackets included
     * @throws DeliveryException when it could not be handed over, telling whether a retry may help
     */
    void send(BriefingMail mail, String recipient, String messageId);

    /** @return where messages go, for the run's report, never with a password */
    String describe();
}
