package paiban.render;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;
import paiban.finish.Edition;
import paiban.finish.EditionOptions;
import paiban.finish.Editions;
import paiban.model.Issue;
import paiban.typeset.FontBook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A glyph paiban cannot embed is reported as a paiban bug with its character, font and article, never
 * as a bare exception: here the bold face's charstring for 圛 is broken on purpose, in a copy of the font.
 */
class GlyphFailureTest {

    static final String DATELINE = "本报讯（记者李圛欣）";

    @Test
    void aGlyphThatCannotBeEmbeddedIsNamedWithItsArticle(@TempDir Path dir) throws IOException {
        Path fonts = Files.createDirectories(dir.resolve("fonts"));
        Path bold = fonts.resolve("bold.ttc");
        Files.copy(Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"), bold);
        int gid;
        try (TrueTypeCollection ttc = new TrueTypeCollection(bold.toFile())) {
            gid = ttc.getFontByName("NotoSerifCJKsc-Bold").getUnicodeCmapLookup().getGlyphId(0x571B);
        }
        byte[] font = Files.readAllBytes(bold);
        font[charString(font, gid)] = 0; // a reserved charstring operator where a number was
        Files.write(bold, font);
        Files.writeString(fonts.resolve("fonts.yaml"), Files.readString(Path.of("fonts/fonts.yaml"))
                .replace("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", "bold.ttc"));
        FontBook book = FontBook.of(fonts);

        Path folder = Files.createDirectories(dir.resolve("2021-06-22"));
        Issue issue = new Issue(folder, "2021-06-22", "广东科技报", LocalDate.of(2021, 6, 22), 1, "tabloid",
                Optional.of(1), "", "", "", List.of(), List.of());
        Path pdf = dir.resolve("rendered.pdf");
        var renderer = Engines.create(book, List.of(folder), standard -> standard).renderer();
        renderer.setDocumentFromString("<html xmlns='http://www.w3.org/1999/xhtml'><body>"
                + "<p style='font-family: bold'>" + DATELINE + "</p></body></html>", folder.toUri().toString());
        renderer.layout();
        try (OutputStream os = Files.newOutputStream(pdf)) {
            renderer.createPDF(os);
        } catch (org.openpdf.text.DocumentException e) {
            throw new IOException(e);
        }
        RenderedIssue r = new RenderedIssue(issue, pdf, List.of(new RenderedIssue.PageInfo(1, "要闻", List.of(
                new RenderedIssue.PlacedText("gz-gallery", "广州市科协", "dateline", DATELINE)), List.of())), null, book, List.of(), java.util.Map.of());
        Path out = Files.createDirectories(dir.resolve("out"));

        PaibanException e = assertThrows(PaibanException.class, () -> Editions.write(r, out,
                EditionOptions.defaults(issue).withEditions(EnumSet.of(Edition.ARCHIVE))));
        String m = e.getMessage();
        assertTrue(m.contains("圛 (U+571B)") && m.contains("NotoSerifCJKsc-Bold"), m);
        assertTrue(m.contains("dateline of article 'gz-gallery' on page 1"), m);
        assertTrue(m.contains("paiban bug"), m);
        assertFalse(m.contains("\tat ") || m.contains("Exception"), "no stack trace, no exception's name: " + m);
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.toList(), "no edition written");
        }
    }

    /** Where glyph {@code gid}'s charstring starts in the CFF table of a Noto CJK collection. */
    private static int charString(byte[] b, int gid) {
        int dir = u32(b, 12); // the first face's table directory; the faces share one CFF table
        int cff = -1;
        for (int i = 0, n = u16(b, dir + 4); i < n; i++) {
            if (u32(b, dir + 12 + 16 * i) == 0x43464620) cff = u32(b, dir + 12 + 16 * i + 8);
        }
        int names = cff + (b[cff + 2] & 0xff);
        int tops = indexEnd(b, names);
        int topData = tops + 3 + 2 * (b[tops + 2] & 0xff) - 1 + offset(b, tops + 3, b[tops + 2] & 0xff);
        int topEnd = tops + 3 + 2 * (b[tops + 2] & 0xff) - 1 + offset(b, tops + 3 + (b[tops + 2] & 0xff), b[tops + 2] & 0xff);
        int charStrings = cff + dictInt(b, topData, topEnd, 17);
        int offSize = b[charStrings + 2] & 0xff, count = u16(b, charStrings);
        return charStrings + 3 + (count + 1) * offSize - 1 + offset(b, charStrings + 3 + gid * offSize, offSize);
    }

    private static int indexEnd(byte[] b, int at) {
        int count = u16(b, at), offSize = b[at + 2] & 0xff;
        return at + 3 + (count + 1) * offSize - 1 + offset(b, at + 3 + count * offSize, offSize);
    }

    /** The integer operand of DICT operator {@code op}. */
    private static int dictInt(byte[] b, int from, int to, int op) {
        int last = 0;
        for (int p = from; p < to; ) {
            int b0 = b[p] & 0xff;
            if (b0 <= 21) {
                if (b0 == op) return last;
                p += b0 == 12 ? 2 : 1;
            } else if (b0 == 28) {
                last = (short) u16(b, p + 1);
                p += 3;
            } else if (b0 == 29) {
                last = u32(b, p + 1);
                p += 5;
            } else if (b0 == 30) {
                do p++; while ((b[p] & 0x0f) != 0x0f && (b[p] & 0xf0) != 0xf0);
                p++;
            } else if (b0 <= 246) {
                last = b0 - 139;
                p++;
            } else if (b0 <= 250) {
                last = (b0 - 247) * 256 + (b[p + 1] & 0xff) + 108;
                p += 2;
            } else {
                last = -(b0 - 251) * 256 - (b[p + 1] & 0xff) - 108;
                p += 2;
            }
        }
        throw new IllegalStateException("no operator " + op);
    }

    private static int offset(byte[] b, int p, int size) {
        int v = 0;
        for (int i = 0; i < size; i++) v = (v << 8) | (b[p + i] & 0xff);
        return v;
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static int u32(byte[] b, int p) {
        return (u16(b, p) << 16) | u16(b, p + 2);
    }
}
