package paiban.finish;

import paiban.core.Digests;
import paiban.core.NativeDigest;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Saves a PDF whose bytes depend only on its content. PDFBox would otherwise invent the trailer /ID from
 * the clock; here the document is written once with a placeholder ID, hashed, and the placeholder is
 * overwritten in place with the hash's first 16 bytes (same length, so no offset moves). An ID names a
 * file, it guards nothing; ISO 32000 suggests MD5 for it, and any digest of the bytes serves. SHA-256,
 * since libcrypto computes it ({@link NativeDigest}) where paiban's quick compiler left Java's MD5 at about
 * 400 MB/s: 55 ms of a warm 16-page build with every edition went into the IDs of its files.
 */
final class StableSave {

    private static final byte[] PLACEHOLDER = "paiban-id-\u0000\u0000\u0000\u0000\u0000\u0001"
            .getBytes(StandardCharsets.ISO_8859_1);

    private StableSave() {
    }

    /**
     * Writes {@code doc} to {@code file} with object-stream compression and a content-derived /ID. The file
     * is written as it is made, then hashed and the ID patched in place: a print edition's 40 MB are never
     * gathered on the heap.
     */
    static void save(PDDocument doc, Path file) throws IOException {
        placeholder(doc);
        NativeDigest fast = NativeDigest.get();
        // without libcrypto, hashed on the way out in Java; with it, read back (from the page cache) by libcrypto
        MessageDigest inJava = fast == null ? Digests.sha256() : null;
        try (OutputStream disk = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream out = inJava == null ? disk : new DigestOutputStream(disk, inJava)) {
            doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
        }
        byte[] real = realId(inJava == null ? fast.sha256(file) : inJava.digest());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            int tail = (int) Math.min(size, TAIL);
            ByteBuffer end = ByteBuffer.allocate(tail);
            while (end.hasRemaining() && ch.read(end, size - tail + end.position()) > 0) {
                // a channel may give fewer bytes than asked for
            }
            int[] at = find(end.array());
            for (int i : at) ch.write(ByteBuffer.wrap(real), size - tail + i);
        }
    }

    /** How far from the end the trailer with the ID is sought: past the cross-reference stream of a large issue. */
    private static final int TAIL = 4 << 20;

    /** Where the two placeholders stand: the trailer is at the end, so it is sought from there. */
    private static int[] find(byte[] pdf) {
        byte[] hex = HexFormat.of().withUpperCase().formatHex(PLACEHOLDER).getBytes(StandardCharsets.US_ASCII);
        int b = lastIndexOf(pdf, hex, pdf.length - hex.length);
        int a = b < 0 ? -1 : lastIndexOf(pdf, hex, b - 1);
        if (a < 0 || b - a > 2 * hex.length + 16) { // the two halves of one /ID [<…> <…>] array
            throw new IllegalStateException("the placeholder document ID was not written as one /ID array");
        }
        return new int[]{a, b};
    }

    private static byte[] realId(byte[] digest) {
        return HexFormat.of().withUpperCase().formatHex(Arrays.copyOf(digest, PLACEHOLDER.length))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void placeholder(PDDocument doc) {
        COSArray id = new COSArray();
        id.add(new COSString(PLACEHOLDER, true));
        id.add(new COSString(PLACEHOLDER, true));
        doc.getDocument().getTrailer().setItem(COSName.ID, id);
    }

    /**
     * The document's bytes with the placeholder ID left in: for the copies the editions start from, which
     * are never files of their own (each edition gives its file its own ID).
     */
    static byte[] internal(PDDocument doc) throws IOException {
        placeholder(doc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
        return out.toByteArray();
    }

    /** The last place at or before {@code from} where {@code needle} starts, or -1. */
    private static int lastIndexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = Math.min(from, data.length - needle.length); i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
