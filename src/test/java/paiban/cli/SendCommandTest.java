package paiban.cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import paiban.deliver.Inbox;
import paiban.deliver.SendJournal;
import paiban.deliver.TestEdition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code paiban send} end to end through {@link Main#run}, against GreenMail on loopback. */
class SendCommandTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP_IMAP);

    @TempDir
    Path tmp;

    private Path out;
    private Path csv;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void setUp() throws IOException {
        out = tmp.resolve("out");
        TestEdition.write(out);
        csv = tmp.resolve("subscribers.csv");
        Files.writeString(csv, """
                email,name,city
                wang@example.com,王小明,广州
                li@example.com,李华,深圳
                zhang@example.com,,佛山
                """, StandardCharsets.UTF_8);
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private int send(String... extra) {
        return sendVia("127.0.0.1:" + greenMail.getSmtp().getPort(), extra);
    }

    private int sendVia(String smtp, String... extra) {
        stdout.reset();
        stderr.reset();
        List<String> args = new ArrayList<>(List.of("send", tmp.resolve("issues").resolve(TestEdition.ID).toString(),
                "--subscribers", csv.toString(), "--out", out.toString(),
                "--smtp", smtp, "--from", "news@gdkjb.example", "--rate", "0", "--backoff-ms", "1"));
        args.addAll(List.of(extra));
        return Main.run(args.toArray(String[]::new));
    }

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyoneIsServedOnceAndASecondRunSendsNothing() throws Exception {
        assertEquals(0, send(), stdout() + stderr());
        assertTrue(stdout().contains("[3/3] sent"), stdout());
        assertTrue(stdout().contains("3 sent, 0 already had it, 0 failed"), stdout());
        assertEquals(3, greenMail.getReceivedMessages().length);

        assertEquals(0, send(), stdout() + stderr());
        assertTrue(stdout().contains("0 sent, 3 already had it"), stdout());
        assertEquals(3, greenMail.getReceivedMessages().length);

        MimeMessage m = Inbox.messages(greenMail, "wang@example.com").getFirst();
        assertEquals(TestEdition.SUBJECT, m.getSubject());
        assertEquals("广东科技报", ((jakarta.mail.internet.InternetAddress) m.getFrom()[0]).getPersonal(),
                "without a display name in --from, the paper's name is shown");
        long sentLines = Files.readAllLines(out.resolve(TestEdition.ID).resolve(SendJournal.FILE)).stream()
                .filter(l -> l.contains(",sent,")).count();
        assertEquals(3, sentLines);
    }

    @Test
    void resendSendsEveryoneAnotherCopy() {
        assertEquals(0, send());
        assertEquals(0, send("--resend"), stdout() + stderr());
        assertEquals(6, greenMail.getReceivedMessages().length);
        assertEquals(0, send());
        assertEquals(6, greenMail.getReceivedMessages().length, "after a resend, a plain run sends nothing");
    }

    @Test
    void aDryRunListsWhoWouldGetWhatAndSendsNothing() {
        assertEquals(0, send("--dry-run"), stdout() + stderr());
        String text = stdout();
        assertTrue(text.contains("dry run: nothing is sent"), text);
        assertTrue(text.contains(TestEdition.SUBJECT), text);
        assertTrue(text.contains(TestEdition.ATTACHMENT), text);
        assertTrue(text.contains("would send to 3:"), text);
        assertTrue(text.contains("line 2: 王小明 <wang@example.com>"), text);
        assertTrue(text.contains("line 4: zhang@example.com"), text);
        assertEquals(0, greenMail.getReceivedMessages().length);
        assertFalse(Files.exists(out.resolve(TestEdition.ID).resolve(SendJournal.FILE)));
    }

    @Test
    void badRowsAndAnInjectionAttemptAreReportedByLineAndTheRestAreServed() throws Exception {
        Files.writeString(csv, """
                email,name
                wang@example.com,王小明
                "eve@example.com","Eve\r
                Bcc: victim@example.com"
                not an address,坏地址
                "victim@example.com\r\nBcc: all@example.com",Victim
                li@example.com,李华
                """, StandardCharsets.UTF_8);
        assertEquals(SendCommand.NOT_EVERYONE_REACHED, send(), stdout() + stderr());
        String errors = stderr();
        assertTrue(errors.contains("subscribers.csv: line 3: the name contains a line break"), errors);
        assertTrue(errors.contains("subscribers.csv: line 5: 'not an address' is not"), errors);
        assertTrue(errors.contains("subscribers.csv: line 6: the email contains a line break"), errors);
        assertTrue(stdout().contains("2 sent") && stdout().contains("3 row(s) skipped"), stdout());
        assertEquals(2, greenMail.getReceivedMessages().length);
        for (String nobody : List.of("eve@example.com", "victim@example.com", "all@example.com")) {
            assertEquals(List.of(), Inbox.raw(greenMail, nobody), nobody);
        }
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            assertEquals(1, m.getAllRecipients().length);
            assertEquals(null, m.getHeader("Bcc"));
        }
    }

    @Test
    void anUnreachableServerIsReportedAndTheExitCodeSaysNotEveryoneWasReached() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertEquals(SendCommand.NOT_EVERYONE_REACHED, sendVia("127.0.0.1:" + closedPort, "--attempts", "2"),
                stdout() + stderr());
        assertTrue(stdout().contains("stopped: the server could not be reached after 2 attempts"), stdout());
        assertTrue(stdout().contains("3 not tried; run the same command again"), stdout());
        assertTrue(stdout().contains("retry 2 in 1 ms"), stdout());
    }

    @Test
    void thePasswordComesFromTheEnvironmentAndIsNeverPrinted() {
        // PATH is set in every test JVM; its value stands in for a password exported by the operator.
        String password = System.getenv("PATH");
        greenMail.setUser("news@gdkjb.example", "news", password);
        assertEquals(0, send("--user", "news", "--password-env", "PATH"), stdout() + stderr());
        assertEquals(3, greenMail.getReceivedMessages().length);
        assertFalse(stdout().contains(password) || stderr().contains(password));

        greenMail.setUser("news@gdkjb.example", "news", password + "-changed");
        assertEquals(SendCommand.NOT_EVERYONE_REACHED, send("--user", "news", "--password-env", "PATH", "--resend"),
                stdout() + stderr());
        assertTrue(stdout().contains("refused the login"), stdout());
        assertFalse(stdout().contains(password) || stderr().contains(password));
        assertEquals(3, greenMail.getReceivedMessages().length);
    }

    @Test
    void aPasswordVariableThatIsNotSetIsAnErrorNamingIt() {
        assertEquals(1, send("--user", "news", "--password-env", "PAIBAN_TEST_NO_SUCH_VARIABLE"));
        assertTrue(stderr().contains("--password-env PAIBAN_TEST_NO_SUCH_VARIABLE: that environment variable is not set"),
                stderr());
    }

    @Test
    void debugShowsTheTraceOfAnErrorAndItsAbsenceHidesIt() {
        assertEquals(1, sendFrom("not an address", "--dry-run"));
        assertTrue(stderr().startsWith("paiban: --from 'not an address'"), stderr());
        assertFalse(stderr().contains("\tat "), stderr());
        assertEquals(1, sendFrom("not an address", "--dry-run", "--debug"));
        assertTrue(stderr().contains("\tat paiban.deliver.Mailing.sender"), stderr());
        assertEquals(1, sendFrom("not an address", "--dry-run"));
        assertFalse(stderr().contains("\tat "), "--debug holds for its own run only: " + stderr());
    }

    private int sendFrom(String from, String... extra) {
        stdout.reset();
        stderr.reset();
        List<String> args = new ArrayList<>(List.of("send", tmp.resolve("issues").resolve(TestEdition.ID).toString(),
                "--subscribers", csv.toString(), "--out", out.toString(), "--from", from));
        args.addAll(List.of(extra));
        return Main.run(args.toArray(String[]::new));
    }

    @Test
    void thereIsNoWayToPassAPasswordOnTheCommandLine() {
        assertEquals(2, send("--password", "secret"));
        assertTrue(stderr().contains("Unknown options: '--password'"), stderr());
    }
}
