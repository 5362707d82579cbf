package paiban.deliver;

import paiban.core.Unicode;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of the subscriber list that passed every check.
 *
 * @param email a bare ASCII address (local@domain), no display name, no control characters
 * @param name  how the message greets the subscriber; may be empty
 * @param line  the line of the CSV file the row starts on, for reports
 */
public record Subscriber(String email, String name, long line) {

    public Subscriber {
        addressFault(email).ifPresent(f -> {
            throw new IllegalArgumentException(f);
        });
        nameFault(name).ifPresent(f -> {
            throw new IllegalArgumentException(f);
        });
    }

    /** The journal and the duplicate check compare addresses without regard to case, as mail servers do. */
    public String key() {
        return email.toLowerCase(Locale.ROOT);
    }

    /** The To header: this subscriber alone, the name encoded per RFC 2047. */
    public InternetAddress address() {
        try {
            return name.isEmpty() ? new InternetAddress(email, true)
                    : new InternetAddress(email, name, StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("checked in the constructor", e);
        }
    }

    @Override
    public String toString() {
        return name.isEmpty() ? email : name + " <" + email + ">";
    }

    /** Why this text cannot be an address, or empty if it can. */
    public static Optional<String> addressFault(String email) {
        if (email.isEmpty()) {
            return Optional.of("the email is empty");
        }
        Optional<String> control = controlFault(email, "email");
        if (control.isPresent()) {
            return control;
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(email)) {
            return Optional.of("the email '" + email + "' has non-ASCII characters, which SMTP servers "
                    + "without SMTPUTF8 refuse");
        }
        try {
            InternetAddress parsed = new InternetAddress(email, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !parsed.getAddress().equals(email) || !email.contains("@")) {
                return Optional.of("'" + email + "' is not one bare address like name@example.com");
            }
        } catch (AddressException e) {
            return Optional.of("'" + email + "' is not an email address (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /** Why this text cannot be a name in a header, or empty if it can. */
    public static Optional<String> nameFault(String name) {
        return controlFault(name, "name");
    }

    /**
     * CR and LF are how header injection works ("…\r\nBcc: …"); the other control characters and
     * the Unicode line separators have no business in a header either, so all of them are refused.
     */
    static Optional<String> controlFault(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                String shown = c == '\r' ? "CR" : c == '\n' ? "LF" : Unicode.notation(c);
                return Optional.of("the " + what + " contains a line break or control character (" + shown
                        + "), which could inject mail headers; refused");
            }
        }
        return Optional.empty();
    }
}
