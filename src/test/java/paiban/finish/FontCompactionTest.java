package paiban.finish;

import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.cff.CFFParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import paiban.typeset.CffSubset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FontCompactionTest {

    static FinishedFixture built;

    @BeforeAll
    static void build() throws IOException {
        built = FinishedFixture.shared();
    }

    /** The CFF programs embedded in a PDF, in object order. */
    private static List<byte[]> cffPrograms(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return cffPrograms(doc);
        }
    }

    private static CFFCIDFont parse(byte[] cff) throws IOException {
        return (CFFCIDFont) new CFFParser().parse(new RandomAccessReadBuffer(cff)).get(0);
    }

    private static List<Double> outline(CFFCIDFont font, int cid) throws IOException {
        List<Double> coords = new ArrayList<>();
        double[] seg = new double[6];
        for (PathIterator it = font.getType2CharString(cid).getPath().getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(seg);
            coords.add((double) type);
            for (double v : seg) coords.add(v);
        }
        return coords;
    }

    @Test
    void aSubsetKeepsTheChosenGlyphsOutlinesUnderTheirCids() throws IOException {
        byte[] original = cffPrograms(built.rendered().pdf()).get(0);
        CFFCIDFont before = parse(original);
        List<Integer> drawn = new ArrayList<>();
        for (int gid = 1; gid < before.getCharStringBytes().size() && drawn.size() < 6; gid++) {
            if (before.getCharStringBytes().get(gid).length > 1) drawn.add(gid); // CIDs are glyph ids here
        }
        byte[] smaller = CffSubset.subset(original, drawn);
        CFFCIDFont after = parse(smaller);
        assertEquals(drawn.size() + 1, after.getCharStringBytes().size(), ".notdef and the chosen glyphs");
        for (int cid : drawn) {
            List<Double> want = outline(before, cid);
            assertTrue(want.size() > 10, "CID " + cid + " has an outline");
            assertEquals(want, outline(after, cid), "CID " + cid);
            assertEquals(before.getType2CharString(cid).getWidth(), after.getType2CharString(cid).getWidth());
        }
        assertTrue(smaller.length * 3 < original.length, original.length + " → " + smaller.length);
    }

    @Test
    void somethingThatIsNotACidFontIsRefused() {
        assertThrows(IOException.class, () -> CffSubset.subset(new byte[]{1, 0, 4, 4, 0, 0}, List.of(1)));
        assertThrows(IOException.class, () -> CffSubset.subset("%PDF-1.7".getBytes(), List.of(1)));
    }

    @Test
    void everyEditionCarriesSmallerFontsThanTheRenderer() throws IOException {
        int rendered = cffPrograms(built.rendered().pdf()).stream().mapToInt(b -> b.length).sum();
        for (String edition : List.of("print.pdf", "archive.pdf", "email.pdf", "pages/02.pdf")) {
            int now = cffPrograms(built.file(edition)).stream().mapToInt(b -> b.length).sum();
            assertTrue(now * 2 < rendered, edition + ": " + now + " bytes of CFF against " + rendered);
        }
    }

    @Test
    void compactedFontsDrawExactlyWhatTheRendererDrew() throws IOException {
        try (PDDocument master = Loader.loadPDF(built.rendered().pdf().toFile());
             PDDocument archive = Loader.loadPDF(built.file("archive.pdf").toFile());
             PDDocument email = Loader.loadPDF(built.file("email.pdf").toFile());
             PDDocument page2 = Loader.loadPDF(built.file("pages/02.pdf").toFile())) {
            for (int i = 0; i < 2; i++) {
                assertTrue(samePixels(render(master, i), render(archive, i)), "archive page " + (i + 1));
            }
            assertTrue(samePixels(render(email, 1), render(page2, 0)), "pages/02.pdf");
        }
    }

    private static BufferedImage render(PDDocument doc, int page) throws IOException {
        return new PDFRenderer(doc).renderImageWithDPI(page, 72);
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return false;
        int[] pa = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
        int[] pb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        return Arrays.equals(pa, pb);
    }

    /** The CFF programs of a document's fonts, in the order the document's objects are walked. */
    private static List<byte[]> cffPrograms(PDDocument doc) throws IOException {
        List<byte[]> out = new ArrayList<>();
        List<COSStream> streams = new ArrayList<>();
        CosWalk.dictionaries(doc.getDocument().getTrailer(), d -> {
            if (COSName.FONT_DESC.equals(d.getCOSName(COSName.TYPE))
                    && d.getDictionaryObject(COSName.FONT_FILE3) instanceof COSStream s) streams.add(s);
        });
        for (COSStream s : streams) {
            try (InputStream in = s.createInputStream()) {
                out.add(in.readAllBytes());
            }
        }
        return out;
    }

    /** One page of {@code pdf} alone, as PagePdfs cuts it. */
    private static PDDocument onePage(byte[] pdf, int index) throws IOException {
        PDDocument one = Loader.loadPDF(pdf);
        for (int j = one.getNumberOfPages() - 1; j >= 0; j--) {
            if (j != index) one.removePage(j);
        }
        one.getPage(0).getCOSObject().removeItem(COSName.ANNOTS);
        return one;
    }

    @Test
    void aPageCutFromTheCensusKeepsWhatRunningThePageKeeps() throws IOException {
        byte[] screen = java.nio.file.Files.readAllBytes(built.file("email.pdf"));
        List<java.util.Map<org.apache.pdfbox.cos.COSObjectKey, java.util.TreeSet<Integer>>> census;
        try (PDDocument doc = Loader.loadPDF(screen)) {
            census = FontCompaction.shownByPage(doc);
            assertEquals(doc.getNumberOfPages(), census.size());
        }
        for (int i = 0; i < census.size(); i++) {
            assertTrue(!census.get(i).isEmpty(), "page " + (i + 1) + " shows glyphs");
            try (PDDocument ran = onePage(screen, i); PDDocument counted = onePage(screen, i)) {
                List<byte[]> before = cffPrograms(ran);
                FontCompaction.compact(ran);
                FontCompaction.compactTo(counted, census.get(i));
                List<byte[]> expected = cffPrograms(ran), actual = cffPrograms(counted);
                assertEquals(expected.size(), actual.size());
                boolean smaller = false;
                for (int f = 0; f < expected.size(); f++) {
                    assertTrue(Arrays.equals(expected.get(f), actual.get(f)), "page " + (i + 1) + ", font " + f);
                    smaller |= actual.get(f).length < before.get(f).length;
                }
                assertTrue(smaller, "page " + (i + 1) + "'s fonts were cut");
            }
        }
    }

    /**
     * The glyphs counted while the master's fonts are cut, looked up by name in the master saved again,
     * are what running each page of that copy finds, font for font and in the same order (the order in
     * which the page files make their fonts' new programs, and so their bytes).
     */
    @Test
    void theCountsTakenWhileCuttingAreWhatRunningEachPageOfTheCopyFinds() throws IOException {
        byte[] screen = java.nio.file.Files.readAllBytes(built.file("email.pdf"));
        PageGlyphs glyphs;
        byte[] saved;
        try (PDDocument master = Loader.loadPDF(screen)) {
            var counted = FontCompaction.compactCounting(master, null);
            SubsetTags.normalise(master);
            glyphs = PageGlyphs.of(counted);
            saved = StableSave.internal(master);
        }
        org.junit.jupiter.api.Assertions.assertNotNull(glyphs, "each font of the issue has a name of its own");
        try (PDDocument copy = Loader.loadPDF(saved)) {
            var keyed = glyphs.keyed(copy);
            var run = FontCompaction.shownByPage(copy);
            org.junit.jupiter.api.Assertions.assertNotNull(keyed, "every font counted is found in the copy by its name");
            assertEquals(run.size(), keyed.size());
            for (int i = 0; i < run.size(); i++) {
                assertTrue(!run.get(i).isEmpty(), "page " + (i + 1) + " shows glyphs");
                assertEquals(List.copyOf(run.get(i).entrySet()), List.copyOf(keyed.get(i).entrySet()), "page " + (i + 1));
            }
        }
        // a copy with a page fewer is not the master's: its pages must be run
        try (PDDocument fewer = Loader.loadPDF(saved)) {
            fewer.removePage(fewer.getNumberOfPages() - 1);
            org.junit.jupiter.api.Assertions.assertNull(glyphs.keyed(fewer));
        }
    }
}
