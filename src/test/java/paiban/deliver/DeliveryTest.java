package paiban.deliver;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deliver against a real SMTP server on loopback, with every message read back over IMAP. */
class DeliveryTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP_IMAP);

    @TempDir
    Path out;

    private static final Instant NOW = Instant.parse("2021-06-22T06:30:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.ofHours(8));
    private final List<Duration> waits = new ArrayList<>();
    private Path folder;
    private LetterWriter writer;
    private SmtpSettings smtp;

    private final Subscriber wang = new Subscriber("wang@example.com", "王小明", 2);
    private final Subscriber li = new Subscriber("li@example.com", "<b>李华</b> & \"Co\"", 3);
    private final Subscriber zhang = new Subscriber("zhang@example.com", "", 4);
    private final Subscriber zhao = new Subscriber("zhao@example.com", "赵六", 5);
    private final Subscriber chen = new Subscriber("chen@example.com", "陈七", 6);
    private final List<Subscriber> everyone = List.of(wang, li, zhang, zhao, chen);

    @BeforeEach
    void edition() throws IOException {
        folder = TestEdition.write(out);
        InternetAddress from = new InternetAddress("news@gdkjb.example", "广东科技报", "UTF-8");
        writer = new LetterWriter(EmailEdition.open(folder), from);
        smtp = new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), SmtpSettings.Security.NONE,
                Optional.empty(), Optional.empty());
    }

    private DeliveryReport run(List<Subscriber> subscribers, Outbox outbox, SendProgress progress, Sleeper sleeper) {
        try (SendJournal journal = SendJournal.open(folder, clock)) {
            return new Delivery(writer, journal, outbox, new RetryPolicy(3, Duration.ofMillis(10)), 0, sleeper,
                    clock, progress).run(subscribers);
        }
    }

    private DeliveryReport run(List<Subscriber> subscribers) {
        return run(subscribers, outbox(), SendProgress.SILENT, waits::add);
    }

    private SmtpOutbox outbox() {
        try {
            return new SmtpOutbox(smtp, new InternetAddress("news@gdkjb.example"));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSubscriberReceivesTheIssueWithSubjectGreetingPreviewDigestAndAttachment() throws Exception {
        DeliveryReport report = run(List.of(wang));
        assertEquals(List.of(wang), report.sent());

        List<byte[]> raw = Inbox.raw(greenMail, wang.email());
        assertEquals(1, raw.size());
        String headers = new String(raw.getFirst(), StandardCharsets.US_ASCII);
        MimeMessage m = Inbox.messages(greenMail, wang.email()).getFirst();

        assertEquals(TestEdition.SUBJECT, m.getSubject());
        assertTrue(headers.contains("Subject: =?UTF-8?"), "the subject is RFC 2047 UTF-8");
        assertEquals("广东科技报", ((InternetAddress) m.getFrom()[0]).getPersonal());
        assertEquals(NOW, m.getSentDate().toInstant());
        assertTrue(m.getMessageID().matches("<paiban\\.2021-06-22\\.[0-9a-f]{20}\\.0@gdkjb\\.example>"),
                m.getMessageID());

        MimeMultipart mixed = (MimeMultipart) m.getContent();
        assertTrue(mixed.getContentType().startsWith("multipart/mixed"));
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertTrue(alternative.getContentType().startsWith("multipart/alternative"));
        BodyPart text = alternative.getBodyPart(0);
        assertTrue(text.isMimeType("text/plain"));
        MimeMultipart related = (MimeMultipart) alternative.getBodyPart(1).getContent();
        assertTrue(related.getContentType().contains("type=\"text/html\""), related.getContentType());
        BodyPart html = related.getBodyPart(0);
        BodyPart image = related.getBodyPart(1);

        String plain = (String) text.getContent();
        assertTrue(plain.startsWith("王小明，您好："), plain);
        int lead = plain.indexOf("粤港澳大湾区科技创新走廊建设提速（第1版）");
        int chips = plain.indexOf("<芯片> & \"算力\"：广州新建智算中心（第1版）");
        int sea = plain.indexOf("深海探测器“海斗”完成万米下潜（第2版）");
        assertTrue(plain.indexOf("导读") < lead && lead < chips && chips < sea, "导读 in page order:\n" + plain);

        String page = (String) html.getContent();
        assertTrue(page.contains("王小明，您好："));
        assertTrue(page.contains("&lt;芯片&gt; &amp; &quot;算力&quot;：广州新建智算中心"), page);
        assertFalse(page.contains("<芯片>"));
        assertTrue(page.contains("第2版"));
        Matcher src = Pattern.compile("<img src=\"cid:([^\"]+)\"").matcher(page);
        assertTrue(src.find(), page);
        assertEquals("<" + src.group(1) + ">", ((MimeMultipartPart) () -> image).contentId());
        assertTrue(image.isMimeType("image/png"));
        assertEquals(Part.INLINE, image.getDisposition());
        assertArrayEquals(Files.readAllBytes(folder.resolve("previews/01.png")), bytes(image));

        BodyPart pdf = mixed.getBodyPart(1);
        assertTrue(pdf.isMimeType("application/pdf"));
        assertEquals(Part.ATTACHMENT, pdf.getDisposition());
        assertEquals(TestEdition.ATTACHMENT, pdf.getFileName());
        assertTrue(headers.replaceAll("\r\n\\s+", " ").matches("(?s).*filename\\*(0\\*)?=UTF-8''%E5%B9%BF%E4%B8%9C.*"),
                "the file name is RFC 2231 UTF-8:\n" + headers.substring(headers.indexOf("Content-Disposition: attachment")));
        assertArrayEquals(Files.readAllBytes(folder.resolve("email.pdf")), bytes(pdf));
    }

    /** Reads a part's Content-ID without casting at each use. */
    private interface MimeMultipartPart {
        BodyPart part();

        default String contentId() throws MessagingException {
            return part().getHeader("Content-ID")[0];
        }
    }

    private static byte[] bytes(Part part) throws IOException, MessagingException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void eachMessageNamesItsSubscriberAloneAndNoOneElse() throws Exception {
        run(everyone);
        assertEquals(everyone.size(), greenMail.getReceivedMessages().length);
        for (Subscriber s : everyone) {
            List<byte[]> raw = Inbox.raw(greenMail, s.email());
            assertEquals(1, raw.size(), s.email());
            MimeMessage m = Inbox.messages(greenMail, s.email()).getFirst();
            Address[] recipients = m.getAllRecipients();
            assertEquals(1, recipients.length);
            assertEquals(s.email(), ((InternetAddress) recipients[0]).getAddress());
            assertNull(m.getHeader("Cc"));
            assertNull(m.getHeader("Bcc"));
            String text = new String(raw.getFirst(), StandardCharsets.UTF_8);
            for (Subscriber other : everyone) {
                if (other != s) {
                    assertFalse(text.contains(other.email()), other.email() + " appears in " + s.email() + "'s message");
                }
            }
        }
    }

    @Test
    void namesAreHtmlEscapedInTheGreeting() throws Exception {
        run(List.of(li, zhang));
        MimeMessage m = Inbox.messages(greenMail, li.email()).getFirst();
        MimeMultipart alternative = (MimeMultipart) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
        String html = (String) ((MimeMultipart) alternative.getBodyPart(1).getContent()).getBodyPart(0).getContent();
        assertTrue(html.contains("&lt;b&gt;李华&lt;/b&gt; &amp; &quot;Co&quot;，您好："), html);
        assertFalse(html.contains("<b>李华"));
        assertEquals("<b>李华</b> & \"Co\"", ((InternetAddress) m.getAllRecipients()[0]).getPersonal());

        MimeMessage anonymous = Inbox.messages(greenMail, zhang.email()).getFirst();
        String plain = (String) ((MimeMultipart) ((MimeMultipart) anonymous.getContent()).getBodyPart(0).getContent())
                .getBodyPart(0).getContent();
        assertTrue(plain.startsWith("您好："), plain);
    }

    /** GreenMail forgets its mailboxes when it stops, so tests that stop it note who had mail by then. */
    private final List<String> deliveredBeforeStop = new ArrayList<>();

    private void stopServer() {
        try {
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                for (Address a : m.getAllRecipients()) {
                    deliveredBeforeStop.add(((InternetAddress) a).getAddress());
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        greenMail.stop();
    }

    /** How many copies this subscriber has received, before and after any stop. */
    private long copies(Subscriber s) throws MessagingException, IOException {
        return deliveredBeforeStop.stream().filter(s.email()::equals).count()
                + Inbox.raw(greenMail, s.email()).size();
    }

    @Test
    void aRunResumesAfterTheServerDropsTheConnectionAndNobodyGetsTwoCopies() throws Exception {
        SendProgress dropAfterTwo = new SendProgress() {
            @Override
            public void sent(Subscriber s, int done, int total) {
                if (done == 2) {
                    stopServer();
                }
            }
        };
        DeliveryReport first = run(everyone, outbox(), dropAfterTwo, waits::add);
        assertEquals(List.of(wang, li), first.sent());
        assertEquals(List.of(zhang, zhao, chen), first.notTried());
        assertTrue(first.stopReason().orElseThrow().contains("could not be reached after 3 attempts"),
                first.stopReason().orElseThrow());
        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20)), waits, "backoff doubles");
        assertFalse(first.everyoneReached());

        greenMail.start();
        DeliveryReport second = run(everyone);
        assertEquals(List.of(zhang, zhao, chen), second.sent());
        assertEquals(List.of(wang, li), second.alreadySent());
        assertTrue(second.everyoneReached());
        assertEquals(List.of(wang.email(), li.email()), deliveredBeforeStop);
        for (Subscriber s : everyone) {
            assertEquals(1, copies(s), s.email() + " has exactly one copy");
        }
    }

    @Test
    void aShortOutageIsRiddenOutWithBackoffInTheSameRun() throws Exception {
        SendProgress dropAfterOne = new SendProgress() {
            @Override
            public void sent(Subscriber s, int done, int total) {
                if (done == 1) {
                    stopServer();
                }
            }
        };
        Sleeper restartWhileWaiting = d -> {
            waits.add(d);
            greenMail.start();
        };
        DeliveryReport report = run(List.of(wang, li, zhang), outbox(), dropAfterOne, restartWhileWaiting);
        assertEquals(List.of(wang, li, zhang), report.sent());
        assertEquals(List.of(Duration.ofMillis(10)), waits);
        for (Subscriber s : List.of(wang, li, zhang)) {
            assertEquals(1, copies(s), s.email() + " has exactly one copy");
        }
    }

    @Test
    void aSecondRunSendsNothing() throws Exception {
        run(everyone);
        DeliveryReport again = run(everyone);
        assertEquals(List.of(), again.sent());
        assertEquals(everyone, again.alreadySent());
        assertEquals(everyone.size(), greenMail.getReceivedMessages().length);
    }

    @Test
    void aResendSendsAgainUnderANewMessageId() throws Exception {
        run(List.of(wang));
        try (SendJournal journal = SendJournal.open(folder, clock)) {
            journal.recordResend(List.of(wang));
        }
        DeliveryReport again = run(List.of(wang));
        assertEquals(List.of(wang), again.sent());
        List<MimeMessage> copies = Inbox.messages(greenMail, wang.email());
        assertEquals(2, copies.size());
        assertNotEquals(copies.get(0).getMessageID(), copies.get(1).getMessageID());
        assertTrue(copies.get(1).getMessageID().contains(".1@"), copies.get(1).getMessageID());
    }

    /** Lets the real server take every message except those to {@code refused}, which fail with {@code code}. */
    private Outbox refusing(String refused, int code) {
        SmtpOutbox real = outbox();
        return new Outbox() {
            @Override
            public Session session() {
                return real.session();
            }

            @Override
            public void send(MimeMessage message, InternetAddress recipient) throws MessagingException {
                if (recipient.getAddress().equals(refused)) {
                    var reply = new SMTPAddressFailedException(recipient, "RCPT TO:<" + refused + ">", code,
                            code + " mailbox " + (code >= 500 ? "unknown" : "busy, try later"));
                    throw new SendFailedException("Invalid Addresses", reply, new Address[0], new Address[0],
                            new Address[]{recipient});
                }
                real.send(message, recipient);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    @Test
    void anUnknownMailboxIsReportedAtOnceAndTheOthersAreServed() throws Exception {
        DeliveryReport report = run(List.of(wang, li, zhang), refusing(li.email(), 550), SendProgress.SILENT, waits::add);
        assertEquals(List.of(wang, zhang), report.sent());
        assertEquals(1, report.failed().size());
        assertEquals(li, report.failed().getFirst().subscriber());
        assertTrue(report.failed().getFirst().reason().contains("550"), report.failed().getFirst().reason());
        assertEquals(List.of(), waits, "a 5xx reply is not retried");
        assertFalse(report.everyoneReached());
        assertFalse(SendJournal.peek(folder).delivered(li));

        DeliveryReport retry = run(List.of(wang, li, zhang));
        assertEquals(List.of(li), retry.sent(), "the next run tries only the one not reached");
    }

    @Test
    void aBusyMailboxIsRetriedWithBackoffThenReported() {
        DeliveryReport report = run(List.of(wang, li, zhang), refusing(li.email(), 450), SendProgress.SILENT, waits::add);
        assertEquals(List.of(wang, zhang), report.sent());
        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20)), waits);
        assertTrue(report.failed().getFirst().reason().contains("after 3 attempts"), report.failed().toString());
    }

    @Test
    void aRefusedLoginStopsTheRunWithoutRetrying() {
        Outbox locked = new Outbox() {
            final SmtpOutbox real = outbox();

            @Override
            public Session session() {
                return real.session();
            }

            @Override
            public void send(MimeMessage message, InternetAddress recipient) throws MessagingException {
                throw new AuthenticationFailedException("535 5.7.8 Authentication credentials invalid");
            }

            @Override
            public void close() {
                real.close();
            }
        };
        DeliveryReport report = run(everyone, locked, SendProgress.SILENT, waits::add);
        assertEquals(everyone, report.notTried());
        assertTrue(report.stopReason().orElseThrow().contains("refused the login"));
        assertEquals(List.of(), waits);
        assertEquals(0, greenMail.getReceivedMessages().length);
    }
}
