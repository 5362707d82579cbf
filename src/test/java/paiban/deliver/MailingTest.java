package paiban.deliver;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code paiban send} decides before any server is reached: the server, the sender, a dry run's plan. */
class MailingTest {

    @TempDir
    Path tmp;

    private Mailing.Settings settings(String smtp, SmtpSettings.Security security) {
        return new Mailing.Settings(tmp.resolve("issues/" + TestEdition.ID), tmp.resolve("subscribers.csv"),
                Optional.ofNullable(smtp), "news@gdkjb.example", tmp.resolve("out"), Optional.empty(), Optional.empty(),
                security, 5, false, 4, 2000);
    }

    private SmtpSettings smtp(String smtp, SmtpSettings.Security security) {
        return Mailing.smtp(settings(smtp, security), v -> null);
    }

    @Test
    void aBareHostTakesThePortItsSecurityUses() {
        assertEquals(25, smtp("mail.example.com", SmtpSettings.Security.NONE).port());
        assertEquals(587, smtp("mail.example.com", SmtpSettings.Security.STARTTLS).port());
        assertEquals(465, smtp("mail.example.com", SmtpSettings.Security.SSL).port());
        assertEquals("mail.example.com", smtp("mail.example.com", SmtpSettings.Security.SSL).host());
    }

    @Test
    void hostAndPortAreSplitAtTheLastColonOutsideBrackets() {
        SmtpSettings named = smtp("mail.example.com:2525", SmtpSettings.Security.NONE);
        assertEquals("mail.example.com", named.host());
        assertEquals(2525, named.port());
        SmtpSettings v6 = smtp("[2001:db8::25]:2525", SmtpSettings.Security.NONE);
        assertEquals("2001:db8::25", v6.host());
        assertEquals(2525, v6.port());
        SmtpSettings v6Bare = smtp("[::1]", SmtpSettings.Security.STARTTLS);
        assertEquals("::1", v6Bare.host());
        assertEquals(587, v6Bare.port());
    }

    @Test
    void aBadPortOrNoHostIsRefusedNamingTheOption() {
        for (String bad : List.of("mail.example.com:0", "mail.example.com:65536", "mail.example.com:smtp")) {
            PaibanException e = assertThrows(PaibanException.class, () -> smtp(bad, SmtpSettings.Security.NONE));
            assertEquals("--smtp '" + bad + "': the port must be a number from 1 to 65535", e.getMessage());
        }
        PaibanException e = assertThrows(PaibanException.class, () -> smtp("[]:25", SmtpSettings.Security.NONE));
        assertEquals("--smtp '[]:25': no host name", e.getMessage());
        e = assertThrows(PaibanException.class, () -> smtp(null, SmtpSettings.Security.NONE));
        assertTrue(e.getMessage().startsWith("--smtp HOST:PORT is needed to send"), e.getMessage());
    }

    @Test
    void thePasswordComesFromTheNamedVariableOnly() {
        Mailing.Settings s = new Mailing.Settings(tmp, tmp, Optional.of("mail.example.com"), "news@gdkjb.example", tmp,
                Optional.of("news"), Optional.of("SMTP_PASSWORD"), SmtpSettings.Security.STARTTLS, 5, false, 4, 2000);
        SmtpSettings smtp = Mailing.smtp(s, Map.of("SMTP_PASSWORD", "s3cret")::get);
        assertEquals(Optional.of("s3cret"), smtp.password());
        assertFalse(smtp.toString().contains("s3cret"), smtp.toString());
        PaibanException e = assertThrows(PaibanException.class, () -> Mailing.smtp(s, v -> null));
        assertTrue(e.getMessage().startsWith("--password-env SMTP_PASSWORD: that environment variable is not set"),
                e.getMessage());
        Mailing.Settings userOnly = new Mailing.Settings(tmp, tmp, Optional.of("mail.example.com"), "news@gdkjb.example",
                tmp, Optional.of("news"), Optional.empty(), SmtpSettings.Security.NONE, 5, false, 4, 2000);
        e = assertThrows(PaibanException.class, () -> Mailing.smtp(userOnly, v -> null));
        assertTrue(e.getMessage().startsWith("--user and --password-env go together"), e.getMessage());
    }

    @Test
    void badRatesAndRetriesAreRefusedNamingTheOption() {
        PaibanException e = assertThrows(PaibanException.class, () -> new Mailing.Settings(tmp, tmp, Optional.empty(),
                "a@b.example", tmp, Optional.empty(), Optional.empty(), SmtpSettings.Security.NONE, -1, false, 4, 0));
        assertTrue(e.getMessage().startsWith("--rate -1.0"), e.getMessage());
        e = assertThrows(PaibanException.class, () -> new Mailing.Settings(tmp, tmp, Optional.empty(),
                "a@b.example", tmp, Optional.empty(), Optional.empty(), SmtpSettings.Security.NONE, 0, false, 0, 0));
        assertTrue(e.getMessage().startsWith("--attempts must be at least 1"), e.getMessage());
    }

    @Test
    void theSenderShowsThePapersNameUnlessItGivesItsOwn() {
        InternetAddress bare = Mailing.sender("news@gdkjb.example", "广东科技报");
        assertEquals("news@gdkjb.example", bare.getAddress());
        assertEquals("广东科技报", bare.getPersonal());
        assertEquals("编辑部", Mailing.sender("编辑部 <news@gdkjb.example>", "广东科技报").getPersonal());
        for (String bad : List.of("news", "a@b.example, c@d.example", "news@gdkjb.example\r\nBcc: x@evil.example")) {
            PaibanException e = assertThrows(PaibanException.class, () -> Mailing.sender(bad, "广东科技报"), bad);
            assertTrue(e.getMessage().startsWith("--from"), e.getMessage());
        }
    }

    @Test
    void aDryRunPlansFromTheJournalAndSendsNothing() throws IOException {
        Path out = tmp.resolve("out");
        Path folder = TestEdition.write(out);
        Path csv = tmp.resolve("subscribers.csv");
        Files.writeString(csv, "email,name\nwang@example.com,王小明\nli@example.com,李华\nnot an address,坏\n",
                StandardCharsets.UTF_8);
        Mailing.Ready ready = Mailing.prepare(settings(null, SmtpSettings.Security.NONE),
                (i, o) -> { throw new AssertionError("the edition is complete; nothing to build"); },
                f -> { throw new AssertionError("nothing to build"); });
        Subscriber wang = ready.list().subscribers().getFirst();
        try (SendJournal journal = SendJournal.open(folder, Clock.systemUTC())) {
            journal.recordSent(wang, "<id@example>", ready.writer().fingerprint());
        }
        Mailing.Plan plan = Mailing.plan(ready);
        assertEquals(List.of("li@example.com"), plan.due().stream().map(Subscriber::email).toList());
        assertEquals(List.of(wang), plan.had());
        assertFalse(plan.everyoneListed(), "the bad row is counted");
        assertEquals(Files.size(folder.resolve("email.pdf")), plan.attachmentBytes());
        // the sampled message carries the attachment, base64-encoded
        assertTrue(plan.messageBytes().orElseThrow() > plan.attachmentBytes() * 4 / 3, plan.toString());
    }

    @Test
    void anIncompleteEditionIsBuiltFirst() throws IOException {
        Path csv = tmp.resolve("subscribers.csv");
        Files.writeString(csv, "email,name\nwang@example.com,王小明\n", StandardCharsets.UTF_8);
        Path[] asked = new Path[2];
        Mailing.Ready ready = Mailing.prepare(settings(null, SmtpSettings.Security.NONE), (issue, out) -> {
            asked[0] = issue;
            try {
                TestEdition.write(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, f -> asked[1] = f);
        assertEquals(tmp.resolve("issues/" + TestEdition.ID), asked[0]);
        assertEquals(tmp.resolve("out/" + TestEdition.ID), asked[1]);
        assertEquals(TestEdition.SUBJECT, ready.edition().subject());
    }
}
