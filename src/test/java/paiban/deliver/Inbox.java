package paiban.deliver;

import com.icegreen.greenmail.util.GreenMailProxy;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a subscriber's mailbox back over IMAP, the way a mail program would. */
public final class Inbox {

    private Inbox() {
    }

    /** The raw messages in this address's INBOX; GreenMail made the account on delivery (login = password = address). */
    public static List<byte[]> raw(GreenMailProxy greenMail, String address) throws MessagingException, IOException {
        if (greenMail.getUserManager().getUserByEmail(address) == null) {
            return List.of();
        }
        Store store = greenMail.getImap().createStore();
        store.connect(address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<byte[]> out = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                m.writeTo(bytes);
                out.add(bytes.toByteArray());
            }
            inbox.close(false);
            return out;
        } finally {
            store.close();
        }
    }

    /** The same, parsed, and detached from the IMAP connection. */
    public static List<MimeMessage> messages(GreenMailProxy greenMail, String address)
            throws MessagingException, IOException {
        List<MimeMessage> out = new ArrayList<>();
        for (byte[] raw : raw(greenMail, address)) {
            out.add(new MimeMessage(null, new java.io.ByteArrayInputStream(raw)));
        }
        return out;
    }
}
