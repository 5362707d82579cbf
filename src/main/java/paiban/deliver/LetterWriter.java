package paiban.deliver;

import paiban.core.Digests;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.util.ByteArrayDataSource;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;

/**
 * Writes the message one subscriber receives:
 * <pre>
 * multipart/mixed
 * ├─ multipart/alternative
 * │  ├─ text/plain                greeting, announcement, 导读
 * │  └─ multipart/related
 * │     ├─ text/html              the same, with the page-1 preview
 * │     └─ image/png              previews/01.png, inline by Content-ID
 * └─ application/pdf              email.pdf as 广东科技报-2021-06-22.pdf (RFC 2231 file name)
 * </pre>
 * The PDF and preview are read once and shared by every message of a run.
 */
public final class LetterWriter {

    private final EmailEdition edition;
    private final InternetAddress from;
    private final byte[] pdf;
    private final byte[] preview;
    private final String fingerprint;

    public LetterWriter(EmailEdition edition, InternetAddress from) {
        this.edition = edition;
        this.from = from;
        try {
            this.pdf = Files.readAllBytes(edition.pdf());
            this.preview = Files.readAllBytes(edition.preview());
        } catch (IOException e) {
            throw new PaibanException(edition.folder() + ": the email edition cannot be read ("
                    + e.getMessage() + ")");
        }
        this.fingerprint = Digests.sha256Hex(pdf).substring(0, 16);
    }

    /** The first 16 hex digits of email.pdf's SHA-256: the journal records which build each reader got. */
    public String fingerprint() {
        return fingerprint;
    }

    public long attachmentBytes() {
        return pdf.length;
    }

    /**
     * The Message-ID is the same for every attempt at one subscriber in one round, so a mail program
     * that sees a duplicate (a retry after a reply was lost) can drop it; {@code --resend} starts a
     * new round and so a new ID. The address is hashed, not spelled out.
     */
    public String messageId(Subscriber s, int round) {
        String domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        String id = edition.id().replaceAll("[^A-Za-z0-9._-]", "_");
        return "<paiban." + id + "." + Digests.sha256Hex(s.key().getBytes(StandardCharsets.UTF_8)).substring(0, 20)
                + "." + round + "@" + domain + ">";
    }

    public MimeMessage write(Session session, Subscriber s, String messageId, Instant date) {
        try {
            MimeMessage m = new FixedIdMessage(session, messageId);
            m.setFrom(from);
            m.setRecipient(Message.RecipientType.TO, s.address());
            m.setSubject(edition.subject(), StandardCharsets.UTF_8.name());
            m.setSentDate(Date.from(date));
            m.setHeader("Content-Language", "zh-CN");
            // RFC 3834: keeps vacation responders from answering a mailing.
            m.setHeader("Auto-Submitted", "auto-generated");

            String cid = "page1." + fingerprint + "@paiban";
            MimeBodyPart text = new MimeBodyPart();
            text.setText(LetterBody.text(edition, s), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(LetterBody.html(edition, s, cid), StandardCharsets.UTF_8.name(), "html");
            MimeBodyPart image = new MimeBodyPart();
            image.setDataHandler(new DataHandler(new ByteArrayDataSource(preview, "image/png")));
            image.setContentID("<" + cid + ">");
            image.setDisposition(Part.INLINE);
            image.setFileName("01.png");

            MimeMultipart related = new RelatedMultipart();
            related.addBodyPart(html);
            related.addBodyPart(image);
            MimeBodyPart relatedPart = new MimeBodyPart();
            relatedPart.setContent(related);

            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);        // simplest first (RFC 2046 §5.1.4)
            alternative.addBodyPart(relatedPart);
            MimeBodyPart alternativePart = new MimeBodyPart();
            alternativePart.setContent(alternative);

            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(alternativePart);
            mixed.addBodyPart(attachment());
            m.setContent(mixed);
            m.saveChanges();

            // A last guard: whatever happened above, this message names one person.
            Address[] recipients = m.getAllRecipients();
            if (recipients.length != 1 || !recipients[0].equals(s.address())) {
                throw new IllegalStateException("a message for " + s.email() + " names other recipients");
            }
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException("the message for " + s.email() + " cannot be built", e);
        }
    }

    /**
     * The Chinese file name is written per RFC 2231 ({@code filename*=UTF-8''%E5%B9%BF…}) with the charset
     * given explicitly, not left to the platform's default.
     */
    private MimeBodyPart attachment() throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        String name = edition.attachmentName();
        ParameterList typeParams = new ParameterList();
        typeParams.set("name", name, StandardCharsets.UTF_8.name());
        part.setHeader("Content-Type", new ContentType("application", "pdf", typeParams).toString());
        ParameterList dispositionParams = new ParameterList();
        dispositionParams.set("filename", name, StandardCharsets.UTF_8.name());
        part.setHeader("Content-Disposition",
                new ContentDisposition(Part.ATTACHMENT, dispositionParams).toString());
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }


    /** RFC 2387 asks multipart/related to name its root part's type. */
    private static final class RelatedMultipart extends MimeMultipart {
        RelatedMultipart() throws MessagingException {
            super("related");
            ContentType type = new ContentType(contentType);
            type.setParameter("type", "text/html");
            contentType = type.toString();
        }
    }

    /** Jakarta Mail would invent a Message-ID on saveChanges(); ours is chosen above. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
