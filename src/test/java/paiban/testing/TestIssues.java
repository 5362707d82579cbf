package paiban.testing;

import paiban.core.PaibanException;
import paiban.copy.IssueReader;
import paiban.model.Issue;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue folders for tests, written in a line or two:
 *
 * <pre>{@code
 * IssueFolder issue = TestIssues.minimal(tmp)
 *         .article("flood", "title: 洪水\nphotos:\n  - file: photos/a.jpg\n", "正文。")
 *         .jpeg("photos/a.jpg", 64, 48);
 * PaibanException e = issue.readFails();
 * }</pre>
 *
 * Photos are drawn with ImageIO, so tests need no binary fixtures; the {@code ...Claiming} methods forge
 * headers that lie about the size, as a decompression bomb does.
 */
public final class TestIssues {

    /** A valid issue.yaml with the four required fields. */
    public static final String ISSUE_YAML = """
            paper: 广东科技报
            date: 2021-06-22
            number: 1024
            layout: tabloid
            """;

    /** The front matter and body of the article 'lead' that {@link #minimal} writes. */
    public static final String LEAD_FRONT = "title: 科技创新大会在广州召开\n";
    public static final String LEAD_BODY = "本报讯　科技创新大会昨日在广州召开。\n\n与会同志一致认为，创新是第一动力。\n";

    private TestIssues() {
    }

    /** A folder {@code parent/2021-06-22} with {@link #ISSUE_YAML} and one article, 'lead'. Reads cleanly. */
    public static IssueFolder minimal(Path parent) {
        return empty(parent).issueYaml(ISSUE_YAML).article("lead", LEAD_FRONT, LEAD_BODY);
    }

    /** A folder {@code parent/2021-06-22} with nothing in it yet. */
    public static IssueFolder empty(Path parent) {
        Path folder = parent.resolve("2021-06-22");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IssueFolder(folder);
    }

    /** A JPEG of a soft gradient, w × h pixels. */
    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    /** A PNG of a soft gradient, w × h pixels. */
    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    /**
     * A 16 × 16 PNG whose header (IHDR) claims {@code width × height}. The pixel data still holds 16 × 16,
     * so a reader that decoded before checking the size would fail as "damaged", not "too large".
     */
    public static byte[] pngClaiming(int width, int height) {
        byte[] png = png(16, 16);
        ByteBuffer b = ByteBuffer.wrap(png);
        // signature (8), IHDR length (4), "IHDR" (4), then width and height, then 5 bytes, then the CRC
        b.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    /** A 16 × 16 JPEG whose frame header (SOF0) claims {@code width × height}; the scan holds 16 × 16. */
    public static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = jpeg(16, 16);
        for (int i = 2; i + 8 < jpeg.length; ) {
            if ((jpeg[i] & 0xFF) != 0xFF) throw new IllegalStateException("not a JPEG marker at " + i);
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xC0) {
                // FF C0, length (2), precision (1), height (2), width (2)
                ByteBuffer.wrap(jpeg).putShort(i + 5, (short) height).putShort(i + 7, (short) width);
                return jpeg;
            }
            i += 2 + length;
        }
        throw new IllegalStateException("ImageIO wrote a JPEG without a baseline frame header");
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), width, height, new Color(230, 200, 120)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no ImageIO writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An issue folder being written by a test. Every method writes at once and returns this folder. */
    public static final class IssueFolder {

        private final Path folder;

        private IssueFolder(Path folder) {
            this.folder = folder;
        }

        public Path path() {
            return folder;
        }

        public Path resolve(String relative) {
            return folder.resolve(relative);
        }

        public IssueFolder issueYaml(String yaml) {
            return file("issue.yaml", yaml);
        }

        /** Writes {@code articles/<slug>.md}: "---", the front matter, "---", the body. */
        public IssueFolder article(String slug, String frontMatter, String body) {
            String front = frontMatter.endsWith("\n") ? frontMatter : frontMatter + "\n";
            return file("articles/" + slug + ".md", "---\n" + front + "---\n" + body);
        }

        /** Writes an article with a title and a one-paragraph body. */
        public IssueFolder article(String slug, String title) {
            return article(slug, "title: " + title, "正文。\n");
        }

        public IssueFolder file(String relative, String text) {
            return file(relative, text.getBytes(StandardCharsets.UTF_8));
        }

        public IssueFolder file(String relative, byte[] bytes) {
            Path p = folder.resolve(relative);
            try {
                Files.createDirectories(p.getParent());
                Files.write(p, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public IssueFolder jpeg(String relative, int width, int height) {
            return file(relative, TestIssues.jpeg(width, height));
        }

        public IssueFolder png(String relative, int width, int height) {
            return file(relative, TestIssues.png(width, height));
        }

        /** A symbolic link at {@code relative} pointing at {@code target} (absolute or relative to the link). */
        public IssueFolder symlink(String relative, Path target) {
            Path p = folder.resolve(relative);
            try {
                Files.createDirectories(p.getParent());
                Files.createSymbolicLink(p, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public IssueFolder delete(String relative) {
            try {
                Files.delete(folder.resolve(relative));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Issue read() {
            return IssueReader.read(folder);
        }

        /** The layout issue.yaml names, as the copy reader reads it for a preload or a freshness check. */
        public String layout() {
            return IssueReader.layout(folder);
        }

        /** Reads the folder, expecting a user-facing error, and returns it for the message to be checked. */
        public PaibanException readFails() {
            PaibanException e = assertThrows(PaibanException.class, this::read);
            // -Dpaiban.showMessages=true prints every message, to proofread them as an editor will see them
            if (Boolean.getBoolean("paiban.showMessages")) System.out.println("paiban: " + e.getMessage());
            return e;
        }

        /**
         * Reads the folder, expecting a user-facing error whose message contains every part, e.g. the file
         * and line ("issue.yaml:3:"), the field, the article and the remedy.
         */
        public PaibanException readFailsWith(String... parts) {
            PaibanException e = readFails();
            for (String part : parts) {
                assertTrue(e.getMessage().contains(part), () -> "message lacks \"" + part + "\": " + e.getMessage());
            }
            return e;
        }
    }
}
