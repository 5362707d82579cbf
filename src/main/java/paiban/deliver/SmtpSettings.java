package paiban.deliver;

import java.util.Optional;
import java.util.Properties;

/**
 * Where and how to hand messages over. The password is held only here, in memory, and is never
 * part of {@link #toString()}.
 *
 * @param user     the login name, if the server wants one
 * @param password the password, read by the command line from the environment variable it was named
 */
public record SmtpSettings(String host, int port, Security security, Optional<String> user,
                           Optional<String> password) {

    /** How the connection is protected. */
    public enum Security {
        /** Plain SMTP, for a relay on the local network. */
        NONE,
        /** Plain connect, then STARTTLS, which must succeed. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465). */
        SSL
    }

    public SmtpSettings {
        if (password.isPresent() && user.isEmpty()) {
            throw new IllegalArgumentException("a password without a user name");
        }
    }

    /** Session properties for Jakarta Mail; nothing here is secret. */
    Properties properties(String envelopeFrom) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.from", envelopeFrom);   // bounces go to the sender, not to a subscriber
        p.setProperty("mail.smtp.auth", Boolean.toString(user.isPresent()));
        // A silent server must not hang a run forever; these are milliseconds.
        p.setProperty("mail.smtp.connectiontimeout", "30000");
        p.setProperty("mail.smtp.timeout", "60000");
        p.setProperty("mail.smtp.writetimeout", "60000");
        switch (security) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SSL -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
            }
        }
        return p;
    }

    @Override
    public String toString() {
        return host + ":" + port + " (" + security.name().toLowerCase(java.util.Locale.ROOT) + ")"
                + user.map(u -> " as " + u).orElse("");
    }
}
