package paiban.deliver;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Where a message is handed over. The real one is {@link SmtpOutbox}; tests use one that fails on
 * purpose. An outbox that throws must be able to try again on the next call (reconnecting if needed).
 */
public interface Outbox extends AutoCloseable {

    /** The session messages are built in, so that they carry its MIME settings. */
    Session session();

    /** Hands the message over for this one envelope recipient; returns once the server has accepted it. */
    void send(MimeMessage message, InternetAddress recipient) throws MessagingException;

    @Override
    void close();
}
