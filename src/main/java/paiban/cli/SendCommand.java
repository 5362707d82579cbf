package paiban.cli;

import paiban.finish.Edition;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import paiban.core.PaibanException;
import paiban.Pipeline;
import paiban.deliver.Delivery;
import paiban.deliver.DeliveryReport;
import paiban.deliver.EmailEdition;
import paiban.deliver.LetterWriter;
import paiban.deliver.Progress;
import paiban.deliver.RetryPolicy;
import paiban.deliver.SendJournal;
import paiban.deliver.Sleeper;
import paiban.deliver.SmtpOutbox;
import paiban.deliver.SmtpSettings;
import paiban.deliver.Subscriber;
import paiban.deliver.SubscriberList;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code paiban send issues/<id> --subscribers FILE.csv --smtp HOST:PORT --from ADDRESS}: mails the
 * email edition, one message per subscriber, resuming from the journal beside the outputs.
 */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Mail the email edition of an issue to its subscribers, one message each.",
                "The journal <out>/<id>/send-journal.csv records who has it; a second run sends only to the rest.",
                "Exit code: 0 everyone on the list has the issue; 3 someone was not reached (listed); 1 error."})
final class SendCommand implements Callable<Integer> {

    /** The exit code when the run finished but someone on the list does not have the issue. */
    static final int NOT_EVERYONE_REACHED = 3;

    @Parameters(paramLabel = "ISSUE", description = "the issue folder, e.g. issues/2021-06-22")
    Path issue;

    @Option(names = "--subscribers", required = true, paramLabel = "FILE.csv",
            description = "CSV, UTF-8, with a header naming the columns email and name (more may follow)")
    Path subscribers;

    @Option(names = "--smtp", paramLabel = "HOST:PORT",
            description = "the SMTP server (port defaults to 25, 587 with --starttls, 465 with --ssl)")
    String smtp;

    @Option(names = "--from", required = true, paramLabel = "ADDRESS",
            description = "the sender, e.g. news@example.com or '广东科技报 <news@example.com>'")
    String from;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out)")
    Path out = Path.of("out");

    @Option(names = "--user", paramLabel = "NAME", description = "SMTP login name")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "the environment variable that holds the SMTP password (never the password itself)")
    String passwordEnv;

    @ArgGroup(exclusive = true)
    Tls tls = new Tls();

    static final class Tls {
        @Option(names = "--starttls", description = "upgrade the connection with STARTTLS (required to succeed)")
        boolean starttls;

        @Option(names = "--ssl", description = "TLS from the start (SMTPS)")
        boolean ssl;
    }

    @Option(names = "--rate", paramLabel = "N", description = "at most N messages per second; 0 for no limit "
            + "(default: ${DEFAULT-VALUE})")
    double rate = 5;

    @Option(names = "--dry-run", description = "list who would get what; connect to nothing, send nothing")
    boolean dryRun;

    @Option(names = "--resend", description = "send again to everyone in FILE.csv, even those the journal "
            + "says have the issue; if this run is interrupted, resume it WITHOUT --resend")
    boolean resend;

    @Option(names = "--attempts", paramLabel = "N", description = "tries per subscriber (default: ${DEFAULT-VALUE})")
    int attempts = RetryPolicy.DEFAULT.attempts();

    @Option(names = "--backoff-ms", paramLabel = "MS", description = "wait before the second try, doubled "
            + "before each later one (default: ${DEFAULT-VALUE})")
    long backoffMs = RetryPolicy.DEFAULT.firstWait().toMillis();

    @Option(names = "--debug", description = "print stack traces")
    void debug(boolean on) {
        ErrorHandler.debug = on;
    }

    @Override
    public Integer call() {
        if (rate < 0 || Double.isNaN(rate)) {
            throw new PaibanException("--rate " + rate + ": give 0 (no limit) or a positive number");
        }
        if (attempts < 1 || backoffMs < 0) {
            throw new PaibanException("--attempts must be at least 1 and --backoff-ms at least 0");
        }
        Path folder = out.resolve(issue.toAbsolutePath().normalize().getFileName());
        if (!EmailEdition.isComplete(folder)) {
            System.out.println("building the email edition into " + folder);
            Pipeline.build(issue, out, Set.of(Edition.EMAIL, Edition.PREVIEWS, Edition.TEXT));
        }
        EmailEdition edition = EmailEdition.open(folder);
        InternetAddress sender = sender(edition);
        SubscriberList list = SubscriberList.read(subscribers);
        for (SubscriberList.Rejected r : list.rejected()) {
            System.err.println(subscribers + ": " + r);
        }
        LetterWriter writer = new LetterWriter(edition, sender);
        if (dryRun) {
            return dryRun(edition, writer, list);
        }
        SmtpSettings settings = settings();
        try (SendJournal journal = SendJournal.open(folder, Clock.systemUTC())) {
            if (resend) {
                journal.recordResend(list.subscribers());
            }
            System.out.println("sending " + edition.subject() + " via " + settings);
            Delivery delivery = new Delivery(writer, journal, new SmtpOutbox(settings, sender),
                    new RetryPolicy(attempts, Duration.ofMillis(backoffMs)), rate, Sleeper.REAL,
                    Clock.systemDefaultZone(), new ProgressLine());
            DeliveryReport report = delivery.run(list.subscribers());
            return summarise(edition, list, report, journal.file());
        }
    }

    private int dryRun(EmailEdition edition, LetterWriter writer, SubscriberList list) {
        SendJournal journal = SendJournal.peek(out.resolve(edition.id()));
        List<Subscriber> due = new ArrayList<>();
        List<Subscriber> had = new ArrayList<>();
        for (Subscriber s : list.subscribers()) {
            (resend || !journal.delivered(s) ? due : had).add(s);
        }
        System.out.println("dry run: nothing is sent");
        System.out.println("subject:    " + edition.subject());
        System.out.println("attachment: " + edition.attachmentName() + " (" + kb(writer.attachmentBytes()) + ")");
        if (!due.isEmpty()) {
            System.out.println("message:    about " + kb(sampleSize(writer, due.getFirst())) + " each");
        }
        System.out.println("would send to " + due.size() + ":");
        due.forEach(s -> System.out.println("  line " + s.line() + ": " + s));
        if (!had.isEmpty()) {
            System.out.println("already have it (" + journal.file() + "), skipped: " + had.size());
            had.forEach(s -> System.out.println("  line " + s.line() + ": " + s));
        }
        if (!list.rejected().isEmpty()) {
            System.out.println("rows skipped: " + list.rejected().size() + " (listed above)");
        }
        return list.rejected().isEmpty() ? 0 : NOT_EVERYONE_REACHED;
    }

    private int summarise(EmailEdition edition, SubscriberList list, DeliveryReport report, Path journal) {
        System.out.println(edition.subject() + ": " + report.sent().size() + " sent, "
                + report.alreadySent().size() + " already had it, " + report.failed().size() + " failed, "
                + report.notTried().size() + " not tried, " + list.rejected().size() + " row(s) skipped");
        report.stopReason().ifPresent(r -> System.out.println("stopped: " + r));
        boolean everyone = report.everyoneReached() && list.rejected().isEmpty();
        if (!everyone) {
            System.out.println("not reached:");
            report.failed().forEach(f -> System.out.println("  line " + f.subscriber().line() + ": "
                    + f.subscriber().email() + ": " + f.reason()));
            if (!report.notTried().isEmpty()) {
                System.out.println("  " + report.notTried().size() + " not tried; run the same command again "
                        + "to serve them");
            }
            list.rejected().forEach(r -> System.out.println("  " + list.file() + ": " + r));
        }
        System.out.println("journal: " + journal);
        return everyone ? 0 : NOT_EVERYONE_REACHED;
    }

    /** One line per message, so a log of a long run shows where it was. */
    private static final class ProgressLine implements Progress {
        @Override
        public void sent(Subscriber s, int done, int total) {
            System.out.printf("[%d/%d] sent     %s%n", done, total, s);
        }

        @Override
        public void failed(Subscriber s, String reason, int done, int total) {
            System.out.printf("[%d/%d] FAILED   %s: %s%n", done, total, s, reason);
        }

        @Override
        public void retrying(Subscriber s, int nextAttempt, Duration wait, String reason) {
            System.out.printf("        retry %d in %d ms for %s: %s%n", nextAttempt, wait.toMillis(), s.email(), reason);
        }
    }

    private InternetAddress sender(EmailEdition edition) {
        Subscriber.nameFault(from).ifPresent(f -> {
            throw new PaibanException("--from: " + f.replace("name", "address"));
        });
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            parsed.validate();
            if (!parsed.getAddress().contains("@")) {
                throw new AddressException("no @domain");
            }
            // Without a display name the paper's name shows in the inbox, which is what readers look for.
            String personal = parsed.getPersonal() == null ? edition.paper() : parsed.getPersonal();
            return new InternetAddress(parsed.getAddress(), personal, StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new PaibanException("--from '" + from + "': not one email address (" + e.getMessage()
                    + "); write news@example.com or '广东科技报 <news@example.com>'");
        }
    }

    private SmtpSettings settings() {
        if (smtp == null) {
            throw new PaibanException("--smtp HOST:PORT is needed to send (only --dry-run works without it)");
        }
        SmtpSettings.Security security = tls.ssl ? SmtpSettings.Security.SSL
                : tls.starttls ? SmtpSettings.Security.STARTTLS : SmtpSettings.Security.NONE;
        String host = smtp;
        int port = switch (security) {
            case SSL -> 465;
            case STARTTLS -> 587;
            case NONE -> 25;
        };
        int colon = smtp.lastIndexOf(':');
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
        if ((user == null) != (passwordEnv == null)) {
            throw new PaibanException("--user and --password-env go together: name the login and the "
                    + "environment variable that holds its password");
        }
        Optional<String> password = Optional.empty();
        if (passwordEnv != null) {
            String value = System.getenv(passwordEnv);
            if (value == null || value.isEmpty()) {
                throw new PaibanException("--password-env " + passwordEnv + ": that environment variable is not "
                        + "set; export it before running (the password is never taken on the command line)");
            }
            password = Optional.of(value);
        }
        return new SmtpSettings(host, port, security, Optional.ofNullable(user), password);
    }

    private static long sampleSize(LetterWriter writer, Subscriber s) {
        Session session = Session.getInstance(new Properties());
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            writer.write(session, s, writer.messageId(s, 0), Instant.now()).writeTo(bytes);
            return bytes.size();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("a message in memory cannot fail to serialise", e);
        }
    }

    private static String kb(long bytes) {
        return (bytes + 512) / 1024 + " KB";
    }
}
