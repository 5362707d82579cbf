package paiban.finish;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Saves a PDF whose bytes depend only on its content. PDFBox would otherwise invent the trailer /ID from
 * the clock; here the document is written once with a placeholder ID, hashed, and the placeholder is
 * overwritten in place with the first 16 bytes of that SHA-256 (same length, so no offset moves).
 */
final class StableSave {

    private static final byte[] PLACEHOLDER = "paiban-id-\u0000\u0000\u0000\u0000\u0000\u0001"
            .getBytes(StandardCharsets.ISO_8859_1);

    private StableSave() {
    }

    /** Writes {@code doc} to {@code file} with object-stream compression and a content-derived /ID. */
    static void save(PDDocument doc, Path file) throws IOException {
        Files.write(file, bytes(doc));
    }

    static byte[] bytes(PDDocument doc) throws IOException {
        COSArray id = new COSArray();
        id.add(new COSString(PLACEHOLDER, true));
        id.add(new COSString(PLACEHOLDER, true));
        doc.getDocument().getTrailer().setItem(COSName.ID, id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
        byte[] pdf = out.toByteArray();

        byte[] hex = HexFormat.of().withUpperCase().formatHex(PLACEHOLDER).getBytes(StandardCharsets.US_ASCII);
        int a = indexOf(pdf, hex, 0);
        int b = a < 0 ? -1 : indexOf(pdf, hex, a + hex.length);
        if (a < 0 || b < 0 || indexOf(pdf, hex, b + hex.length) >= 0) {
            throw new IllegalStateException("the placeholder document ID was not written exactly twice");
        }
        byte[] digest = Arrays.copyOf(sha256(pdf), PLACEHOLDER.length);
        byte[] real = HexFormat.of().withUpperCase().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(real, 0, pdf, a, real.length);
        System.arraycopy(real, 0, pdf, b, real.length);
        return pdf;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
