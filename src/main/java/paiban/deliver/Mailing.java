package paiban.deliver;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import paiban.core.PaibanException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What {@code paiban send} does, behind the command line: checks the sender and the server, opens the
 * email edition (having it built first when it is not complete), reads the list, and either plans a dry
 * run or sends. The command maps its options to {@link Settings} and prints what comes back.
 */
public final class Mailing {

    /**
     * What a send was asked for, as given on the command line.
     *
     * @param issue            the issue folder; its email edition is in {@code out/<id>/}
     * @param smtp             HOST, HOST:PORT or [IPv6]:PORT; empty for a dry run
     * @param from             the sender, with or without a display name
     * @param passwordVariable the environment variable holding the password (never the password itself)
     * @param rate             messages per second at most; 0 for no limit
     * @param resend           send again to those the journal says have the issue
     */
    public record Settings(Path issue, Path subscribers, Optional<String> smtp, String from, Path out,
                           Optional<String> user, Optional<String> passwordVariable, SmtpSettings.Security security,
                           double rate, boolean resend, int attempts, long backoffMillis) {
        public Settings {
            Objects.requireNonNull(issue, "issue");
            Objects.requireNonNull(subscribers, "subscribers");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(out, "out");
            if (rate < 0 || Double.isNaN(rate)) {
                throw new PaibanException("--rate " + rate + ": give 0 (no limit) or a positive number");
            }
            if (attempts < 1 || backoffMillis < 0) {
                throw new PaibanException("--attempts must be at least 1 and --backoff-ms at least 0");
            }
        }

        RetryPolicy retry() {
            return new RetryPolicy(attempts, java.time.Duration.ofMillis(backoffMillis));
        }
    }

    /** Builds the email edition (email, previews, text) of an issue; the pipeline, which deliver does not know. */
    @FunctionalInterface
    public interface EditionBuilder {
        void build(Path issue, Path out);
    }

    /** Everything a send or a dry run starts from. */
    public record Ready(Settings settings, Path folder, EmailEdition edition, InternetAddress sender,
                        SubscriberList list, LetterWriter writer) {
    }

    /**
     * Who would get the issue in a dry run.
     *
     * @param messageBytes the size of one message, sampled for the first subscriber due (empty when none is)
     */
    public record Plan(EmailEdition edition, List<Subscriber> due, List<Subscriber> had, Path journal,
                       long attachmentBytes, OptionalLong messageBytes, SubscriberList list) {
        public Plan {
            due = List.copyOf(due);
            had = List.copyOf(had);
        }

        /** No row of the list was skipped; a dry run cannot know more. */
        public boolean everyoneListed() {
            return list.rejected().isEmpty();
        }
    }

    /** What a send did. */
    public record Sent(EmailEdition edition, SubscriberList list, DeliveryReport report, Path journal) {
        public boolean everyoneReached() {
            return report.everyoneReached() && list.rejected().isEmpty();
        }
    }

    private Mailing() {
    }

    /**
     * Opens the email edition, having {@code builder} make it first when it is not complete (and telling
     * {@code building} where it goes), checks the sender, and reads the subscriber list.
     */
    public static Ready prepare(Settings settings, EditionBuilder builder, Consumer<Path> building) {
        Path folder = settings.out().resolve(settings.issue().toAbsolutePath().normalize().getFileName());
        if (!EmailEdition.isComplete(folder)) {
            building.accept(folder);
            builder.build(settings.issue(), settings.out());
        }
        EmailEdition edition = EmailEdition.open(folder);
        InternetAddress sender = sender(settings.from(), edition.paper());
        SubscriberList list = SubscriberList.read(settings.subscribers());
        return new Ready(settings, folder, edition, sender, list, new LetterWriter(edition, sender));
    }

    /** Who would get what: nothing is sent, nothing is written, no server is reached. */
    public static Plan plan(Ready ready) {
        SendJournal journal = SendJournal.peek(ready.folder());
        List<Subscriber> due = new ArrayList<>();
        List<Subscriber> had = new ArrayList<>();
        for (Subscriber s : ready.list().subscribers()) {
            (ready.settings().resend() || !journal.delivered(s) ? due : had).add(s);
        }
        OptionalLong size = due.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(messageBytes(ready.writer(), due.getFirst()));
        return new Plan(ready.edition(), due, had, journal.file(), ready.writer().attachmentBytes(), size,
                ready.list());
    }

    /**
     * Sends one message to every subscriber the journal does not mark as served (to everyone with
     * {@code resend}), through {@code smtp}.
     */
    public static Sent send(Ready ready, SmtpSettings smtp, SendProgress progress) {
        Settings settings = ready.settings();
        try (SendJournal journal = SendJournal.open(ready.folder(), Clock.systemUTC())) {
            if (settings.resend()) {
                journal.recordResend(ready.list().subscribers());
            }
            Delivery delivery = new Delivery(ready.writer(), journal, new SmtpOutbox(smtp, ready.sender()),
                    settings.retry(), settings.rate(), Sleeper.REAL, Clock.systemDefaultZone(), progress);
            DeliveryReport report = delivery.run(ready.list().subscribers());
            return new Sent(ready.edition(), ready.list(), report, journal.file());
        }
    }

    /**
     * The server to send through: {@code --smtp} split into host and port (a bare host takes the port
     * its security uses: 25, 587 with STARTTLS, 465 with SSL; an IPv6 address is written in brackets),
     * and the password read from the environment variable named for it.
     *
     * @param environment the process's environment ({@code System::getenv})
     */
    public static SmtpSettings smtp(Settings settings, UnaryOperator<String> environment) {
        if (settings.smtp().isEmpty()) {
            throw new PaibanException("--smtp HOST:PORT is needed to send (only --dry-run works without it)");
        }
        String smtp = settings.smtp().get();
        SmtpSettings.Security security = settings.security();
        String host = smtp;
        int port = switch (security) {
            case SSL -> 465;
            case STARTTLS -> 587;
            case NONE -> 25;
        };
        int colon = smtp.lastIndexOf(':');
        // an IPv6 address is bracketed: "[::1]" has no port, "[::1]:2525" has one after the bracket
        if (colon > 0 && smtp.indexOf(']') < colon) {
            host = smtp.substring(0, colon);
            try {
                port = Integer.parseInt(smtp.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new PaibanException("--smtp '" + smtp + "': the port must be a number from 1 to 65535");
            }
        }
        host = host.replaceAll("^\\[(.*)]$", "$1");
        if (host.isBlank()) {
            throw new PaibanException("--smtp '" + smtp + "': no host name");
        }
        if (settings.user().isPresent() != settings.passwordVariable().isPresent()) {
            throw new PaibanException("--user and --password-env go together: name the login and the "
                    + "environment variable that holds its password");
        }
        Optional<String> password = Optional.empty();
        if (settings.passwordVariable().isPresent()) {
            String variable = settings.passwordVariable().get();
            String value = environment.apply(variable);
            if (value == null || value.isEmpty()) {
                throw new PaibanException("--password-env " + variable + ": that environment variable is not "
                        + "set; export it before running (the password is never taken on the command line)");
            }
            password = Optional.of(value);
        }
        return new SmtpSettings(host, port, security, settings.user(), password);
    }

    /**
     * The sender: one address, with the paper's name shown when {@code from} gives no display name,
     * since that is what readers look for in their inbox.
     */
    public static InternetAddress sender(String from, String paper) {
        Subscriber.nameFault(from).ifPresent(f -> {
            throw new PaibanException("--from: " + f.replace("name", "address"));
        });
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            parsed.validate();
            if (!parsed.getAddress().contains("@")) {
                throw new AddressException("no @domain");
            }
            String personal = parsed.getPersonal() == null ? paper : parsed.getPersonal();
            return new InternetAddress(parsed.getAddress(), personal, StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new PaibanException("--from '" + from + "': not one email address (" + e.getMessage()
                    + "); write news@example.com or '广东科技报 <news@example.com>'");
        }
    }

    /** The size of the message {@code s} would get, written in memory. */
    static long messageBytes(LetterWriter writer, Subscriber s) {
        Session session = Session.getInstance(new Properties());
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            writer.write(session, s, writer.messageId(s, 0), Instant.now()).writeTo(bytes);
            return bytes.size();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("a message in memory cannot fail to serialise", e);
        }
    }
}
