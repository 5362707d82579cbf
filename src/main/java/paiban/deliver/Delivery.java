package paiban.deliver;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import paiban.core.PaibanException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of {@code paiban send}: every subscriber the journal does not mark as served gets one
 * message, paced, retried with backoff, and recorded in the journal the moment the server accepts it.
 *
 * <p>Failures come in four kinds. A 5xx reply (no such mailbox, message refused) is final for that
 * subscriber and the run goes on. A 4xx reply about one address (mailbox busy) is retried, then
 * reported, and the run goes on. A refused login stops the run at once. Anything else (connection
 * refused or dropped, timeouts, 421) concerns the server, not the subscriber: it is retried, and if
 * it persists the run stops, since every later message would fail the same way; the next run
 * resumes from the journal.
 */
public final class Delivery {

    private final LetterWriter writer;
    private final SendJournal journal;
    private final Outbox outbox;
    private final RetryPolicy retry;
    private final Pacer pacer;
    private final Sleeper sleeper;
    private final Clock clock;
    private final SendProgress progress;

    public Delivery(LetterWriter writer, SendJournal journal, Outbox outbox, RetryPolicy retry, double rate,
                    Sleeper sleeper, Clock clock, SendProgress progress) {
        this.writer = writer;
        this.journal = journal;
        this.outbox = outbox;
        this.retry = retry;
        this.pacer = new Pacer(rate, System::nanoTime, sleeper);
        this.sleeper = sleeper;
        this.clock = clock;
        this.progress = progress;
    }

    /** FINAL: a 5xx reply, which a retry would only repeat. SERVER: no reply at all, or 421. */
    private enum Kind { FINAL, ADDRESS_TRANSIENT, SERVER, LOGIN }

    /** What became of one subscriber. */
    private sealed interface Verdict {
        record Sent() implements Verdict {
        }

        record Failed(String reason) implements Verdict {
        }

        /** Nobody after this one can be reached either. */
        record Stop(String reason) implements Verdict {
        }
    }

    public DeliveryReport run(List<Subscriber> subscribers) {
        List<Subscriber> due = new ArrayList<>();
        List<Subscriber> alreadySent = new ArrayList<>();
        for (Subscriber s : subscribers) {
            (journal.delivered(s) ? alreadySent : due).add(s);
        }
        List<Subscriber> sent = new ArrayList<>();
        List<DeliveryReport.Failure> failed = new ArrayList<>();
        try {
            for (int i = 0; i < due.size(); i++) {
                Subscriber s = due.get(i);
                switch (deliver(s)) {
                    case Verdict.Sent ignored -> {
                        sent.add(s);
                        progress.sent(s, i + 1, due.size());
                    }
                    case Verdict.Failed f -> {
                        failed.add(new DeliveryReport.Failure(s, f.reason()));
                        progress.failed(s, f.reason(), i + 1, due.size());
                    }
                    case Verdict.Stop stop -> {
                        return new DeliveryReport(sent, alreadySent, failed, due.subList(i, due.size()),
                                Optional.of(stop.reason()));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaibanException("interrupted; the journal " + journal.file() + " records who was sent "
                    + "the issue, run the same command again to serve the rest");
        } finally {
            outbox.close();
        }
        return new DeliveryReport(sent, alreadySent, failed, List.of(), Optional.empty());
    }

    private Verdict deliver(Subscriber s) throws InterruptedException {
        String messageId = writer.messageId(s, journal.round(s));
        String reason = "";
        Kind last = Kind.SERVER;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            if (attempt > 1) {
                Duration wait = retry.waitBefore(attempt);
                progress.retrying(s, attempt, wait, reason);
                sleeper.sleep(wait);
            }
            pacer.awaitTurn();
            MimeMessage message = writer.write(outbox.session(), s, messageId, clock.instant());
            try {
                outbox.send(message, s.address());
            } catch (MessagingException e) {
                reason = describe(e);
                last = kind(e);
                switch (last) {
                    case FINAL -> {
                        return new Verdict.Failed(reason);
                    }
                    case LOGIN -> {
                        return new Verdict.Stop("the server refused the login (" + reason
                                + "); check --user and the variable named by --password-env");
                    }
                    case ADDRESS_TRANSIENT, SERVER -> {
                        continue;
                    }
                }
            }
            journal.recordSent(s, messageId, writer.fingerprint());
            return new Verdict.Sent();
        }
        String tries = retry.attempts() + (retry.attempts() == 1 ? " attempt" : " attempts");
        if (last == Kind.ADDRESS_TRANSIENT) {
            return new Verdict.Failed(reason + " (after " + tries + ")");
        }
        return new Verdict.Stop("the server could not be reached after " + tries + " (" + reason + ")");
    }

    private static Kind kind(MessagingException e) {
        int code = replyCode(e);
        if (e instanceof AuthenticationFailedException || code == 530) {
            return Kind.LOGIN;
        }
        if (code >= 500) {
            return Kind.FINAL;
        }
        if (code >= 400 && code != 421 && e instanceof SendFailedException && findAddressFailure(e) != null) {
            return Kind.ADDRESS_TRANSIENT;
        }
        return Kind.SERVER;
    }

    private static SMTPAddressFailedException findAddressFailure(Exception e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return a;
            }
        }
        return null;
    }

    private static int replyCode(Exception e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSendFailedException f) {
                return f.getReturnCode();
            }
        }
        return -1;
    }

    /** The server's own words, on one line; never the message or any credential. */
    private static String describe(Exception e) {
        StringBuilder out = new StringBuilder();
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            String text = x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
            if (!out.toString().contains(text.strip())) {
                if (!out.isEmpty()) {
                    out.append(": ");
                }
                out.append(text.strip());
            }
        }
        return out.toString().replaceAll("\\s+", " ");
    }
}
