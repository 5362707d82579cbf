package paiban.render;

import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.cff.CFFParser;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType0;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.testing.PrintedGlyphs;
import paiban.finish.Edition;
import paiban.finish.EditionOptions;
import paiban.finish.Editions;
import paiban.model.Issue;
import paiban.typeset.Face;
import paiban.typeset.FontBook;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every character that a role's font maps, set in that role, comes through every PDF edition: the text
 * extracted is the text set (or a character the font draws with the very same glyph), each in the role's
 * font, and every glyph embedded draws the outline of the font file. Slow (the five default faces hold
 * some 150,000 characters between them), and run by CI with the rest.
 */
class WholeCmapTest {

    private static final List<Edition> PDF_EDITIONS = List.of(Edition.PRINT, Edition.ARCHIVE, Edition.EMAIL, Edition.PAGES);

    @TempDir
    static Path dir;

    static FontBook fonts;
    /** Role → the characters set in it, one page each, in the order of fontBook.roles(). */
    static final Map<String, List<Integer>> set = new LinkedHashMap<>();
    /** Role → the face's own font, read by FontBox from the font file, to compare with what is embedded. */
    static final Map<String, TrueTypeFont> originals = new HashMap<>();
    static Path out;

    @BeforeAll
    static void renderAndFinish() throws IOException {
        fonts = FontBook.of(Path.of("fonts"));
        StringBuilder body = new StringBuilder();
        List<RenderedIssue.PageInfo> pages = new ArrayList<>();
        for (var e : fonts.roles().entrySet()) {
            String role = e.getKey();
            Face face = e.getValue();
            originals.put(role, original(face));
            List<Integer> chars = new ArrayList<>();
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (settable(cp) && face.has(cp)) chars.add(cp);
            }
            set.put(role, chars);
            StringBuilder text = new StringBuilder();
            body.append("<div class='page' style='font-family: ").append(role).append("'>");
            for (int i = 0; i < chars.size(); i++) {
                int cp = chars.get(i);
                String c = cp == '<' ? "&lt;" : cp == '&' ? "&amp;" : cp == '>' ? "&gt;" : Character.toString(cp);
                body.append(c).append(' ');
                text.appendCodePoint(cp);
            }
            body.append("</div>");
            pages.add(new RenderedIssue.PageInfo(pages.size() + 1, role, List.of(
                    new RenderedIssue.PlacedText(role, role, "body", text.toString())), List.of()));
        }
        String xhtml = "<html xmlns='http://www.w3.org/1999/xhtml'><head><style>"
                + "@page { size: 2000pt 2800pt; margin: 20pt }"
                // (a line right at a page's top edge would also be painted, clipped, at the foot of the page before)
                + ".page { font-size: 5pt; line-height: 6pt; padding-top: 12pt }"
                + ".page + .page { page-break-before: always }"
                + "</style></head><body>" + body + "</body></html>";

        Path folder = Files.createDirectories(dir.resolve("2021-06-22"));
        Issue issue = new Issue(folder, "2021-06-22", "广东科技报", LocalDate.of(2021, 6, 22), 1, "tabloid",
                Optional.of(pages.size()), "广东省科学技术协会", "CN44-0032", "王编辑", List.of(), List.of());
        Path pdf = dir.resolve("rendered.pdf");
        Engines.Engine engine = Engines.create(fonts, List.of(folder), standard -> standard);
        var r = engine.renderer();
        r.setDocumentFromString(xhtml, folder.toUri().toString());
        r.layout();
        try (OutputStream os = Files.newOutputStream(pdf)) {
            r.createPDF(os);
        } catch (org.openpdf.text.DocumentException e) {
            throw new IOException(e);
        }
        out = Files.createDirectories(dir.resolve("out"));
        EditionOptions options = EditionOptions.defaults(issue).withEditions(EnumSet.copyOf(PDF_EDITIONS));
        Editions.write(new RenderedIssue(issue, pdf, pages, null, fonts, List.of(), java.util.Map.of()), out, options);
    }

    /** Characters a line of copy can hold: no controls, spaces, format characters, marks or non-characters. */
    private static boolean settable(int cp) {
        int type = Character.getType(cp);
        return cp > ' ' && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                && type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
                && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                && type != Character.COMBINING_SPACING_MARK && (cp & 0xfffe) != 0xfffe;
    }

    private static TrueTypeFont original(Face face) throws IOException {
        File file = new File(face.file());
        if (face.file().toLowerCase().endsWith(".ttc")) {
            TrueTypeFont[] found = new TrueTypeFont[1];
            TrueTypeCollection ttc = new TrueTypeCollection(file);
            ttc.processAllFonts(f -> {
                if (f.getName().equals(face.postscript())) found[0] = f;
            });
            return found[0];
        }
        return new OTFParser().parse(new RandomAccessReadBufferedFile(file));
    }

    @Test
    void everyCharacterOfEveryRoleComesBackFromEveryEdition() throws IOException {
        for (Edition edition : PDF_EDITIONS) {
            List<Path> files = new ArrayList<>();
            if (edition == Edition.PAGES) {
                for (int n = 1; n <= set.size(); n++) files.add(out.resolve(String.format("pages/%02d.pdf", n)));
            } else {
                files.add(out.resolve(edition.label() + ".pdf"));
            }
            int page = 0;
            for (var e : set.entrySet()) {
                Path file = edition == Edition.PAGES ? files.get(page) : files.get(0);
                int pageInFile = edition == Edition.PAGES ? 1 : page + 1;
                checkPage(edition.label() + " page " + (page + 1) + " (" + e.getKey() + ")", file, pageInFile,
                        e.getKey(), e.getValue());
                page++;
            }
        }
    }

    private static void checkPage(String what, Path file, int page, String role, List<Integer> expected)
            throws IOException {
        Face face = fonts.role(role);
        TrueTypeFont original = originals.get(role);
        var cmap = original.getUnicodeCmapLookup();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            List<TextPosition> shown = PrintedGlyphs.of(doc, page).stream().filter(t -> !t.getUnicode().isBlank())
                    .toList();

            List<String> wrong = new ArrayList<>();
            Map<PDFont, CFFCIDFont> embedded = new HashMap<>();
            int n = Math.min(shown.size(), expected.size());
            for (int i = 0; i < n && wrong.size() < 20; i++) {
                int want = expected.get(i);
                TextPosition t = shown.get(i);
                String got = t.getUnicode();
                int gid = cmap.getGlyphId(want);
                boolean same = got.codePointCount(0, got.length()) == 1
                        && (got.codePointAt(0) == want || cmap.getGlyphId(got.codePointAt(0)) == gid);
                if (!same) {
                    wrong.add(String.format("U+%04X came back as %s", want, got));
                    continue;
                }
                PDFont font = t.getFont();
                if (!font.getName().contains(face.postscript())) {
                    wrong.add(String.format("U+%04X set in %s, not %s", want, font.getName(), face.postscript()));
                    continue;
                }
                int code = t.getCharacterCodes()[0];
                PDCIDFont cidFont = ((PDType0Font) font).getDescendantFont();
                int cid = cidFont.codeToCID(code);
                if (cid != gid) {
                    wrong.add(String.format("U+%04X drawn with glyph %d, not %d", want, cid, gid));
                } else if (!sameOutline(cidFont, embedded, original, gid)) {
                    wrong.add(String.format("U+%04X: the embedded outline of glyph %d is not the font's", want, gid));
                }
            }
            assertTrue(wrong.isEmpty(), what + ": " + wrong);
            StringBuilder extra = new StringBuilder();
            for (int i = expected.size(); i < Math.min(shown.size(), expected.size() + 10); i++) {
                extra.append(shown.get(i).getUnicode()).append(" in ").append(shown.get(i).getFont().getName()).append("; ");
            }
            assertEquals(expected.size(), shown.size(), what + ": characters set against characters shown; "
                    + "the first ones too many: " + extra);
        }
    }

    /** Whether the glyph embedded for {@code gid} draws the same path as the font file's. */
    private static boolean sameOutline(PDCIDFont cidFont, Map<PDFont, CFFCIDFont> cache, TrueTypeFont original, int gid)
            throws IOException {
        if (cidFont instanceof PDCIDFontType0 type0) {
            CFFCIDFont mine = cache.computeIfAbsent(type0.getParent(), k -> {
                try {
                    byte[] program = type0.getFontDescriptor().getFontFile3().toByteArray();
                    return (CFFCIDFont) new CFFParser().parse(new RandomAccessReadBuffer(program)).get(0);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            CFFCIDFont theirs = (CFFCIDFont) ((OpenTypeFont) original).getCFF().getFont();
            return coordinates(mine.getType2CharString(gid).getPath()).equals(coordinates(theirs.getType2CharString(gid).getPath()));
        }
        var mine = ((PDCIDFontType2) cidFont).getTrueTypeFont().getGlyph().getGlyph(gid);
        var theirs = original.getGlyph().getGlyph(gid);
        return theirs == null ? mine == null || mine.getPath().getPathIterator(null).isDone()
                : mine != null && coordinates(mine.getPath()).equals(coordinates(theirs.getPath()));
    }

    private static List<Double> coordinates(GeneralPath path) {
        List<Double> out = new ArrayList<>();
        double[] seg = new double[6];
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(seg);
            out.add((double) type);
            for (double v : seg) out.add(v);
        }
        return out;
    }
}
