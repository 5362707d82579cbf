package paiban.typeset;

import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.BaseFont;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The copy of a font file that OpenPDF reads, without the real CFF outlines, and the outlines it leaves on disk. */
class FontFileTest {

    static final Path SERIF_BOLD = Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc");
    static final Path KAI = Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc");

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static int u32(byte[] b, int p) {
        return (u16(b, p) << 16) | u16(b, p + 2);
    }

    /** Each face's tables as {tag, offset, length}, from the directories of a collection's bytes. */
    private static List<int[]> tables(byte[] b, int face) {
        int dir = u32(b, 12 + 4 * face);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < u16(b, dir + 4); i++) {
            int r = dir + 12 + 16 * i;
            out.add(new int[]{u32(b, r), u32(b, r + 8), u32(b, r + 12)});
        }
        return out;
    }

    @Test
    void everyTableButTheOutlinesIsCopiedAsItIsAndTheCopyIsAFractionOfTheFile() throws IOException {
        byte[] disk = Files.readAllBytes(SERIF_BOLD);
        FontFile font = FontFile.read(SERIF_BOLD);
        int faces = u32(disk, 8);
        assertEquals(faces, u32(font.bytes, 8), "the same faces");
        for (int face = 0; face < faces; face++) {
            List<int[]> was = tables(disk, face), now = tables(font.bytes, face);
            assertEquals(was.size(), now.size());
            for (int i = 0; i < was.size(); i++) {
                int[] w = was.get(i), n = now.get(i);
                assertEquals(w[0], n[0], "the tables in the same order");
                if (w[0] == 0x43464620) { // 'CFF ': a placeholder in the copy, the real table where it was on disk
                    assertArrayEquals(new int[]{w[1], w[2]}, font.outlines(face), "face " + face + "'s outlines");
                    assertArrayEquals(CffSubset.placeholder(ByteBuffer.wrap(disk), w[1], w[2]),
                            Arrays.copyOfRange(font.bytes, n[1], n[1] + n[2]), "face " + face + "'s placeholder");
                } else {
                    assertArrayEquals(Arrays.copyOfRange(disk, w[1], w[1] + w[2]),
                            Arrays.copyOfRange(font.bytes, n[1], n[1] + n[2]), "face " + face + " table " + i);
                }
                assertEquals(0, n[1] % 4, "tables start on four bytes");
            }
        }
        assertTrue(font.bytes.length * 5 < disk.length, disk.length + " bytes on disk, " + font.bytes.length + " in the copy");
    }

    @Test
    void openPdfReadsTheSameFacesAndMetricsFromTheCopy() throws Exception {
        byte[] disk = Files.readAllBytes(SERIF_BOLD);
        FontFile font = FontFile.read(SERIF_BOLD);
        assertArrayEquals(BaseFont.enumerateTTCNames(disk), BaseFont.enumerateTTCNames(font.bytes));
        String spec = SERIF_BOLD + ",0";
        BaseFont whole = BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, disk, null, false, false);
        BaseFont copy = BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, font.bytes, null, false, false);
        assertEquals(whole.getPostscriptFontName(), copy.getPostscriptFontName());
        for (int c : "排版報紙，。「」圛ABCxyz".codePoints().toArray()) {
            assertEquals(whole.charExists(c), copy.charExists(c), Character.toString(c));
            assertEquals(whole.getWidth(c), copy.getWidth(c), Character.toString(c));
        }
        for (int param : new int[]{BaseFont.ASCENT, BaseFont.DESCENT, BaseFont.BBOXURX, BaseFont.CAPHEIGHT}) {
            assertEquals(whole.getFontDescriptor(param, 1000), copy.getFontDescriptor(param, 1000), "descriptor " + param);
        }
    }

    @Test
    void aSubsetCutFromTheMappedFileIsTheOneCutFromItsBytes() throws IOException {
        byte[] disk = Files.readAllBytes(SERIF_BOLD);
        FontFile font = FontFile.read(SERIF_BOLD);
        int[] cff = font.outlines(0);
        List<Integer> cids = List.of(1, 20, 0x571B, 12345, 40000); // 0x571B: the CID OpenPDF's subsetter fails on
        byte[] fromDisk = CffSubset.subset(ByteBuffer.wrap(disk), cff[0], cff[1], cids);
        assertArrayEquals(fromDisk, CffSubset.subset(font.file(), cff[0], cff[1], cids));
        assertTrue(fromDisk.length > 1000);
    }

    @Test
    void aTrueTypeCollectionIsReadAsItIs() throws IOException {
        FontFile font = FontFile.read(KAI);
        assertArrayEquals(Files.readAllBytes(KAI), font.bytes);
        assertNull(font.outlines(0));
        assertNull(font.file());
    }

    @Test
    void aCollectionWhoseFaceDirectoryLiesOutsideItIsNamedAsNotAFont() throws IOException {
        byte[] bad = Files.readAllBytes(SERIF_BOLD);
        bad[12] = 0x7f; // the first face's table directory sent past the file's end
        assertRefusedNamingTheFile(bad);
    }

    @Test
    void aFileWhoseTablesLieOutsideItIsNamedAsNotAFont() throws IOException {
        byte[] disk = Files.readAllBytes(SERIF_BOLD);
        byte[] bad = Arrays.copyOf(disk, disk.length);
        // the first face's 'CFF ' record kept, its first other table's offset sent past the file's end
        int dir = u32(bad, 12), record = dir + 12;
        if (u32(bad, record) == 0x43464620) record += 16;
        bad[record + 8] = 0x7f;
        assertRefusedNamingTheFile(bad);
    }

    /** {@code bad}, written to a file, is refused as no font file, in a message that starts with its path. */
    private static void assertRefusedNamingTheFile(byte[] bad) throws IOException {
        Path file = Files.createTempFile("paiban-font", ".ttc");
        try {
            Files.write(file, bad);
            var e = assertThrows(paiban.core.PaibanException.class, () -> FontFile.read(file));
            assertTrue(e.getMessage().startsWith(file + ": not a font file"), e.getMessage());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theFontBooksFacesSubsetFromTheMappedFile() throws IOException {
        FontBook book = FontBook.of(Path.of("fonts"));
        Face bold = book.role("bold");
        assertNotNull(bold);
        assertTrue(bold.embedsPlaceholders());
        byte[] cut = bold.outlines(List.of(0x571B));
        byte[] disk = Files.readAllBytes(SERIF_BOLD);
        FontFile font = FontFile.read(SERIF_BOLD);
        int[] cff = font.outlines(0);
        assertArrayEquals(CffSubset.subset(ByteBuffer.wrap(disk), cff[0], cff[1], List.of(0x571B)), cut);
        assertTrue(!book.role("kai").embedsPlaceholders(), "ukai is TrueType: OpenPDF cuts its own outlines");
    }

    @Test
    void aFontFileCutShortWhileInUseIsNamed() throws IOException {
        Path folder = Files.createTempDirectory("paiban-fonts");
        Path copy = folder.resolve("bold.ttc");
        try {
            Files.copy(SERIF_BOLD, copy);
            Files.writeString(folder.resolve("fonts.yaml"),
                    "roles:\n  bold: { file: bold.ttc, face: NotoSerifCJKsc-Bold }\nfallback: []\n");
            Face bold = FontBook.of(folder).role("bold");
            assertTrue(bold.embedsPlaceholders());
            // the file cut down to its directories, as an upgrade rewriting it in place might leave it
            try (var channel = java.nio.channels.FileChannel.open(copy, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(4096);
            }
            var e = assertThrows(paiban.core.PaibanException.class, () -> bold.outlines(List.of(0x571B)));
            assertTrue(e.getMessage().startsWith(copy + ": the font file changed on the disk"), e.getMessage());
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(folder.resolve("fonts.yaml"));
            Files.deleteIfExists(folder);
        }
    }
}
