package paiban.copy;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;
import paiban.model.Photo;
import paiban.testing.TestIssues;
import paiban.testing.TestIssues.IssueFolder;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Photos that are missing, unreadable, not images, broken, absurdly large or outside the issue folder.
 * The photo is always named as the copy gives it, with its article and the line of its 'file'.
 */
class PhotoErrorsTest {

    @TempDir
    Path tmp;

    /** An issue whose article 'flood' has one photo, with its 'file' on line 4 of articles/flood.md. */
    private IssueFolder withPhoto(String file) {
        return TestIssues.minimal(tmp).article("flood",
                "title: 洪水\nphotos:\n  - file: " + file + "\n    caption: 水位上涨\n    credit: 本报记者 摄", "正文。");
    }

    private static final String WHERE = "articles/flood.md:4: article 'flood', photos[1]";

    @Test
    void aGoodJpegAndPngAreMeasuredFromTheirHeaders() {
        var issue = withPhoto("photos/a.jpg").jpeg("photos/a.jpg", 120, 80).read();
        Photo p = issue.article("flood").orElseThrow().photos().getFirst();
        assertEquals(120, p.width());
        assertEquals(80, p.height());
        assertEquals("本报记者 摄", p.credit());
        var png = withPhoto("photos/b.png").png("photos/b.png", 30, 60).read();
        assertEquals(60, png.article("flood").orElseThrow().photos().getFirst().height());
    }

    @Test
    void aMissingPhotoIsNamed() {
        withPhoto("photos/a.jpg").readFailsWith(WHERE, "'photos/a.jpg' does not exist", "check the spelling");
    }

    @Test
    void aPhotoEntryWithoutFileIsNamed() {
        TestIssues.minimal(tmp).article("flood", "title: 洪水\nphotos:\n  - caption: 水位上涨", "正文。")
                .readFailsWith("articles/flood.md:4: article 'flood', photos[1] has no 'file'", "file: photos/a.jpg");
        TestIssues.minimal(tmp).article("flood", "title: 洪水\nphotos:\n  - file: \"\"", "正文。")
                .readFailsWith("articles/flood.md:4: article 'flood', photos[1] has no 'file'");
    }

    @Test
    void aFolderWhereThePhotoShouldBeIsNamed() throws IOException {
        IssueFolder issue = withPhoto("photos/a.jpg");
        Files.createDirectories(issue.resolve("photos/a.jpg"));
        issue.readFailsWith(WHERE, "'photos/a.jpg' is a folder");
    }

    /**
     * chmod 000 stops every user but root, and the tests may well run as root (they do in CI here), so
     * the test states the case it can check: when the system refuses the read, paiban says so; when
     * it does not (root), the photo simply reads. Either way nothing else may happen.
     */
    @Test
    void anUnreadablePhotoIsNamed() throws IOException {
        IssueFolder issue = withPhoto("photos/a.jpg").jpeg("photos/a.jpg", 40, 30);
        Path photo = issue.resolve("photos/a.jpg");
        Files.setPosixFilePermissions(photo, PosixFilePermissions.fromString("---------"));
        try {
            if (Files.isReadable(photo)) {
                assertEquals(40, issue.read().article("flood").orElseThrow().photos().getFirst().width());
                assumeFalse(true, "running as root: chmod 000 does not stop the read, so the refusal cannot be shown");
            }
            issue.readFailsWith(WHERE, "'photos/a.jpg' cannot be read", "chmod a+r");
        } finally {
            Files.setPosixFilePermissions(photo, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void aTextFileNamedJpgIsNotAnImage() {
        withPhoto("photos/a.jpg").file("photos/a.jpg", "这不是照片，是一段说明文字。\n")
                .readFailsWith(WHERE, "'photos/a.jpg' is not an image", "JPEG or PNG");
    }

    @Test
    void anEmptyFileIsNotAnImage() {
        withPhoto("photos/a.jpg").file("photos/a.jpg", new byte[0]).readFailsWith(WHERE, "is not an image");
    }

    @Test
    void aGifIsRefusedWithTheFormatNamed() throws IOException {
        var gif = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, 1), "gif", gif);
        withPhoto("photos/a.jpg").file("photos/a.jpg", gif.toByteArray())
                .readFailsWith(WHERE, "is a GIF image", "save it as JPEG or PNG");
    }

    @Test
    void aWebpIsRefusedByItsFirstBytesWhateverItsName() {
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 \0\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        withPhoto("photos/a.jpg").file("photos/a.jpg", webp)
                .readFailsWith(WHERE, "'photos/a.jpg' is a WebP image: not supported: convert it to JPEG");
    }

    @Test
    void aHeicIsRefusedByItsFirstBytesWhateverItsName() {
        byte[] heic = "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        withPhoto("photos/IMG_0001.jpg").file("photos/IMG_0001.jpg", heic)
                .readFailsWith("'photos/IMG_0001.jpg' is a HEIC (HEIF) image: not supported: convert it to JPEG");
    }

    @Test
    void cmykAndYcckJpegsRead() throws IOException {
        var img = paiban.testing.DeskPhotos.quadrants(120, 80);
        var cmyk = withPhoto("photos/a.jpg").file("photos/a.jpg", paiban.testing.DeskPhotos.adobeCmyk(img)).read();
        assertEquals(120, cmyk.article("flood").orElseThrow().photos().getFirst().width());
        byte[] ycck = paiban.testing.Turbo.required().cmyk(paiban.testing.DeskPhotos.cmykSamples(img, true), 120, 80, 90);
        var read = withPhoto("photos/b.jpg").file("photos/b.jpg", ycck).read();
        assertEquals(80, read.article("flood").orElseThrow().photos().getFirst().height());
    }

    @Test
    void aTruncatedCmykJpegIsRefusedWithTheDecodersReason() {
        byte[] cmyk = paiban.testing.DeskPhotos.adobeCmyk(paiban.testing.DeskPhotos.quadrants(200, 150));
        withPhoto("photos/a.jpg").file("photos/a.jpg", Arrays.copyOf(cmyk, cmyk.length / 2))
                .readFailsWith(WHERE, "'photos/a.jpg' is damaged or truncated ('Premature end of JPEG file')");
    }

    @Test
    void anInvalidOrientationIsTakenAsUpright() {
        byte[] jpeg = paiban.testing.DeskPhotos.withOrientation(TestIssues.jpeg(120, 80), 9);
        Photo p = withPhoto("photos/a.jpg").file("photos/a.jpg", jpeg).read().article("flood").orElseThrow()
                .photos().getFirst();
        assertEquals(java.util.List.of(120, 80, 1), java.util.List.of(p.width(), p.height(), p.orientation()));
    }

    @Test
    void aTruncatedJpegIsRefused() {
        byte[] jpeg = TestIssues.jpeg(200, 150);
        withPhoto("photos/a.jpg").file("photos/a.jpg", Arrays.copyOf(jpeg, jpeg.length / 2))
                .readFailsWith(WHERE, "'photos/a.jpg' is damaged or truncated", "export it again");
    }

    @Test
    void aJpegCutJustBeforeItsEndMarkerIsRefused() {
        byte[] jpeg = TestIssues.jpeg(200, 150);
        withPhoto("photos/a.jpg").file("photos/a.jpg", Arrays.copyOf(jpeg, jpeg.length - 2))
                .readFailsWith(WHERE, "is damaged or truncated");
    }

    @Test
    void aCorruptPngIsRefused() {
        byte[] png = TestIssues.png(200, 150);
        int idat = indexOf(png, "IDAT".getBytes());
        for (int i = idat + 40; i < idat + 56; i++) png[i] ^= 0x5A; // scribble over the compressed pixels
        withPhoto("photos/a.png").file("photos/a.png", png)
                .readFailsWith("articles/flood.md:4: article 'flood', photos[1]", "'photos/a.png' is damaged");
    }

    @Test
    void aTruncatedPngIsRefused() {
        byte[] png = TestIssues.png(200, 150);
        withPhoto("photos/a.png").file("photos/a.png", Arrays.copyOf(png, png.length * 2 / 3))
                .readFailsWith("'photos/a.png' is damaged or truncated");
    }

    /**
     * The forged headers claim 30000 × 30000 over 16 × 16 pixels of data. Decoding first would fail as
     * "damaged" (there are no such pixels) or need 2.7 GB; the message shows the refusal came from the
     * header, and the allocation count shows that nothing near the picture's size was ever allocated.
     */
    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeDecoding() {
        withPhoto("photos/w.jpg").jpeg("photos/w.jpg", 16, 16).read(); // warm up ImageIO's registry
        for (String name : new String[] {"photos/bomb.png", "photos/bomb.jpg"}) {
            byte[] bomb = name.endsWith("png") ? TestIssues.pngClaiming(30_000, 30_000)
                    : TestIssues.jpegClaiming(30_000, 30_000);
            IssueFolder issue = withPhoto(name).file(name, bomb);
            long before = allocated();
            PaibanException e = issue.readFailsWith("'" + name + "' is 30000 × 30000 pixels", "larger than paiban "
                    + "accepts", "scale it down");
            long bytes = allocated() - before;
            assertFalse(e.getMessage().contains("damaged"), e.getMessage());
            assertTrue(bytes < 64_000_000L, "refusing " + name + " allocated " + bytes / 1_000_000 + " MB");
        }
    }

    @Test
    void aPhotoTooLargeInAreaThoughNotInEitherSideIsRefused() {
        withPhoto("photos/a.png").file("photos/a.png", TestIssues.pngClaiming(15_000, 15_000))
                .readFailsWith("is 15000 × 15000 pixels", "100 megapixels");
    }

    @Test
    void aPngWhoseColourProfileInflatesToABombIsRefused() throws IOException {
        withPhoto("photos/a.png").file("photos/a.png", pngWithProfile(100_000_000))
                .readFailsWith(WHERE, "'photos/a.png' has compressed metadata that expands beyond 8 MB",
                        "colour profile, PNG chunk iCCP", "decompression bomb",
                        "without metadata");
    }

    @Test
    void manyCompressedTextChunksCountAgainstOneBudget() throws IOException {
        // each of the three inflates to 3.5 MB, under the 8 MB cap on its own; together they are over it
        withPhoto("photos/a.png").file("photos/a.png", pngWith("zTXt", 3, 3_500_000))
                .readFailsWith(WHERE, "expands beyond 8 MB", "text, PNG chunk zTXt", "decompression bomb");
    }

    @Test
    void aPngWithAnOrdinaryColourProfileReads() throws IOException {
        assertEquals(16, withPhoto("photos/a.png").file("photos/a.png", pngWithProfile(3_000)).read()
                .article("flood").orElseThrow().photos().getFirst().width());
    }

    @Test
    void aPathClimbingOutOfTheIssueFolderIsRefused() {
        withPhoto("../../etc/passwd")
                .readFailsWith(WHERE, "'../../etc/passwd' points outside the issue folder", "copy the file in");
        withPhoto("photos/../../secret.jpg").readFailsWith(WHERE, "points outside the issue folder");
    }

    @Test
    void anAbsolutePathIsRefused() {
        withPhoto("/etc/passwd").readFailsWith(WHERE, "'/etc/passwd' is an absolute path", "copy the file in");
    }

    @Test
    void aSymlinkLeadingOutOfTheIssueFolderIsRefused() throws IOException {
        Path outside = Files.write(tmp.resolve("outside.jpg"), TestIssues.jpeg(20, 20));
        withPhoto("photos/a.jpg").symlink("photos/a.jpg", outside)
                .readFailsWith(WHERE, "'photos/a.jpg' is a link that leads outside the issue folder");
        IssueFolder toPasswd = withPhoto("photos/a.jpg").delete("photos/a.jpg").symlink("photos/a.jpg", Path.of("/etc/passwd"));
        toPasswd.readFailsWith(WHERE, "leads outside the issue folder");
        toPasswd.delete("photos/a.jpg"); // JUnit warns when it has to clean up a link leading out of its folder
    }

    @Test
    void aSymlinkedFolderLeadingOutIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.write(elsewhere.resolve("a.jpg"), TestIssues.jpeg(20, 20));
        withPhoto("photos/a.jpg").symlink("photos", elsewhere).readFailsWith(WHERE, "leads outside the issue folder");
    }

    @Test
    void aSymlinkWithinTheIssueFolderIsFollowed() {
        var issue = withPhoto("photos/a.jpg").jpeg("originals/a.jpg", 50, 40)
                .symlink("photos/a.jpg", Path.of("../originals/a.jpg")).read();
        assertEquals(50, issue.article("flood").orElseThrow().photos().getFirst().width());
    }

    @Test
    void anArticleThatIsALinkOutOfTheFolderIsNotRead() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.md"), "---\ntitle: 外来\n---\n正文。\n");
        TestIssues.minimal(tmp).symlink("articles/outside.md", outside)
                .readFailsWith("articles/outside.md", "leads outside the issue folder");
    }

    private static long allocated() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= data.length; i++) {
            for (int j = 0; j < what.length; j++) if (data[i + j] != what[j]) continue outer;
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    /** A 16 × 16 PNG with an iCCP chunk that inflates to {@code profileBytes} zeros. */
    private static byte[] pngWithProfile(int profileBytes) throws IOException {
        return pngWith("iCCP", 1, profileBytes);
    }

    /** A 16 × 16 PNG with {@code count} chunks of a compressed type (iCCP, zTXt), each inflating to {@code bytes}. */
    private static byte[] pngWith(String type, int count, int bytes) throws IOException {
        byte[] png = TestIssues.png(16, 16);
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        for (int i = 0; i < count; i++) out.write(compressedChunk(type, bytes));
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    private static byte[] compressedChunk(String type, int inflatedBytes) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.write("ICC\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)); // name, NUL, method 0
        Deflater deflater = new Deflater(9);
        try (DeflaterOutputStream z = new DeflaterOutputStream(chunk, deflater)) {
            byte[] zeros = new byte[1 << 20];
            for (int left = inflatedBytes; left > 0; left -= zeros.length) z.write(zeros, 0, Math.min(left, zeros.length));
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        byte[] data = chunk.toByteArray();
        d.writeInt(data.length);
        d.writeBytes(type);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        crc.update(data);
        d.writeInt((int) crc.getValue());
        return out.toByteArray();
    }
}
