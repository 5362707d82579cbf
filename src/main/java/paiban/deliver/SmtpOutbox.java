package paiban.deliver;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * One SMTP connection kept open across messages (a connection per message would make a large
 * list slow and look like abuse to the server), reopened after any failure.
 */
public final class SmtpOutbox implements Outbox {

    private final SmtpSettings settings;
    private final Session session;
    private Transport transport;

    public SmtpOutbox(SmtpSettings settings, InternetAddress from) {
        this.settings = settings;
        this.session = Session.getInstance(settings.properties(from.getAddress()));
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void send(MimeMessage message, InternetAddress recipient) throws MessagingException {
        try {
            if (transport == null || !transport.isConnected()) {
                transport = session.getTransport("smtp");
                transport.connect(settings.host(), settings.port(), settings.user().orElse(null),
                        settings.password().orElse(null));
            }
            // The envelope names this recipient alone, whatever the headers say.
            transport.sendMessage(message, new Address[]{recipient});
        } catch (MessagingException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is gone either way
            }
            transport = null;
        }
    }
}
