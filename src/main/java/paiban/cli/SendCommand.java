package paiban.cli;

import paiban.Pipeline;
import paiban.deliver.DeliveryReport;
import paiban.deliver.Mailing;
import paiban.deliver.SendProgress;
import paiban.deliver.RetryPolicy;
import paiban.deliver.SmtpSettings;
import paiban.deliver.Subscriber;
import paiban.deliver.SubscriberList;
import paiban.finish.Edition;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
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

    /** Read by {@link ErrorHandler} from this command's parse result. */
    @Option(names = "--debug", description = "print stack traces")
    boolean debug;

    @Override
    public Integer call() {
        SmtpSettings.Security security = tls.ssl ? SmtpSettings.Security.SSL
                : tls.starttls ? SmtpSettings.Security.STARTTLS : SmtpSettings.Security.NONE;
        Mailing.Settings settings = new Mailing.Settings(issue, subscribers, Optional.ofNullable(smtp), from, out,
                Optional.ofNullable(user), Optional.ofNullable(passwordEnv), security, rate, resend,
                attempts, backoffMs);
        Mailing.Ready ready = Mailing.prepare(settings,
                (folder, root) -> Pipeline.build(folder, root, EnumSet.of(Edition.EMAIL, Edition.PREVIEWS, Edition.TEXT)),
                folder -> System.out.println("building the email edition into " + folder));
        for (SubscriberList.Rejected r : ready.list().rejected()) {
            System.err.println(subscribers + ": " + r);
        }
        if (dryRun) {
            return print(Mailing.plan(ready));
        }
        SmtpSettings server = Mailing.smtp(settings, System::getenv);
        System.out.println("sending " + ready.edition().subject() + " via " + server);
        return print(Mailing.send(ready, server, new ProgressLine()));
    }

    private static int print(Mailing.Plan plan) {
        System.out.println("dry run: nothing is sent");
        System.out.println("subject:    " + plan.edition().subject());
        System.out.println("attachment: " + plan.edition().attachmentName() + " (" + kb(plan.attachmentBytes()) + ")");
        plan.messageBytes().ifPresent(b -> System.out.println("message:    about " + kb(b) + " each"));
        System.out.println("would send to " + plan.due().size() + ":");
        plan.due().forEach(s -> System.out.println("  line " + s.line() + ": " + s));
        if (!plan.had().isEmpty()) {
            System.out.println("already have it (" + plan.journal() + "), skipped: " + plan.had().size());
            plan.had().forEach(s -> System.out.println("  line " + s.line() + ": " + s));
        }
        if (!plan.list().rejected().isEmpty()) {
            System.out.println("rows skipped: " + plan.list().rejected().size() + " (listed above)");
        }
        return plan.everyoneListed() ? 0 : NOT_EVERYONE_REACHED;
    }

    private static int print(Mailing.Sent sent) {
        DeliveryReport report = sent.report();
        SubscriberList list = sent.list();
        System.out.println(sent.edition().subject() + ": " + report.sent().size() + " sent, "
                + report.alreadySent().size() + " already had it, " + report.failed().size() + " failed, "
                + report.notTried().size() + " not tried, " + list.rejected().size() + " row(s) skipped");
        report.stopReason().ifPresent(r -> System.out.println("stopped: " + r));
        if (!sent.everyoneReached()) {
            System.out.println("not reached:");
            report.failed().forEach(f -> System.out.println("  line " + f.subscriber().line() + ": "
                    + f.subscriber().email() + ": " + f.reason()));
            if (!report.notTried().isEmpty()) {
                System.out.println("  " + report.notTried().size() + " not tried; run the same command again "
                        + "to serve them");
            }
            list.rejected().forEach(r -> System.out.println("  " + list.file() + ": " + r));
        }
        System.out.println("journal: " + sent.journal());
        return sent.everyoneReached() ? 0 : NOT_EVERYONE_REACHED;
    }

    /** One line per message, so a log of a long run shows where it was. */
    private static final class ProgressLine implements SendProgress {
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

    private static String kb(long bytes) {
        return (bytes + 512) / 1024 + " KB";
    }
}
