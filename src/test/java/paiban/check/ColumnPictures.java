package paiban.check;

import paiban.finish.Edition;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextRenderer;
import paiban.Pipeline;
import paiban.copy.IssueReader;
import paiban.model.Article;
import paiban.model.Block;
import paiban.typeset.Face;
import paiban.typeset.FontBook;
import paiban.typeset.StressCopy;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes docs/typeset-column.png (one column of the sample issue as paiban sets it, cropped from
 * print.pdf at 300 dpi) and docs/typeset-column-fs.png (the same copy in a plain Flying Saucer page
 * with its own {@code text-align: justify}, same font, size, pitch and width), and proofreads Flying
 * Saucer's setting with {@code paiban check} for comparison.
 *
 * <pre>bench/column-pictures</pre>
 */
public final class ColumnPictures {

    static final float SIZE = 9;
    static final float PITCH = 13.5f;
    static final float WIDTH = 12 * SIZE;
    static final float MARGIN = 9;
    static final int DPI = 300;
    static final String SLUG = "jiangmen-service";

    public static void main(String[] args) throws Exception {
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(docs);
        Path work = Files.createTempDirectory("paiban-columns");
        Path issue = Path.of("issues", "2021-06-22");
        Path print = Pipeline.run(issue, work, Set.of(Edition.PRINT), w -> { }).folder().resolve("print.pdf");
        Article article = IssueReader.read(issue).articles().stream().filter(a -> a.slug().equals(SLUG)).findFirst()
                .orElseThrow();

        int lines = cropPaiban(print, docs.resolve("typeset-column.png"));
        Path fs = work.resolve("fs-column.pdf");
        fs(paragraphsOf(article), fs);
        crop(fs, 0, MARGIN, MARGIN, lines, docs.resolve("typeset-column-fs.png"));
        System.out.println("wrote " + docs.resolve("typeset-column.png") + " and typeset-column-fs.png, " + lines + " lines each");

        // Flying Saucer on the whole sample issue body and on the stress copy, proofread the same way
        List<String> all = new ArrayList<>();
        for (Article a : IssueReader.read(issue).articles()) all.addAll(paragraphsOf(a));
        Path fsSample = work.resolve("fs-sample.pdf");
        fs(all, fsSample);
        Report fsReport = Proofreader.check(fsSample, PITCH);
        fsReport.findings().stream().filter(x -> x.kind() != Finding.Kind.RAGGED).forEach(x -> System.out.println("  " + x));
        System.out.println("Flying Saucer, sample issue bodies at 12 em: " + fsReport.summary());
        List<String> stress = new ArrayList<>();
        for (StressCopy.Paragraph p : StressCopy.generate(20210622L + 12, 40)) stress.add(escape(p.text()));
        Path fsStress = work.resolve("fs-stress.pdf");
        fs(stress, fsStress);
        System.out.println("Flying Saucer, stress copy at 12 em: " + Proofreader.check(fsStress, PITCH).summary());
        System.out.println("paiban, sample issue: " + Proofreader.check(print, null).summary());
    }

    /** The article's paragraphs as the body is set: the dateline in bold first, the source last. */
    static List<String> paragraphsOf(Article a) {
        List<String> out = new ArrayList<>();
        for (Block b : a.body()) if (b instanceof Block.Paragraph p) out.add(escape(p.text()));
        out.set(0, "<span class=\"d\">" + escape(a.dateline()) + "</span>\u3000" + out.getFirst());
        if (!a.source().isEmpty()) out.set(out.size() - 1, out.getLast() + "（" + escape(a.source()) + "）");
        return out;
    }

    /** Crops page 1's column that begins with the article's dateline, down to the foot of that column. */
    static int cropPaiban(Path print, Path png) throws Exception {
        try (PDDocument doc = Loader.loadPDF(print.toFile())) {
            List<PrintedGlyph> glyphs = GlyphReader.read(doc).pages().getFirst();
            // the article's first line: 本报讯　近日，江门市科协…
            String opening = "近日，江门";
            PrintedGlyph found = null;
            for (int i = 0; i + opening.length() <= glyphs.size() && found == null; i++) {
                boolean match = true;
                for (int k = 0; k < opening.length() && match; k++) {
                    match = glyphs.get(i + k).text().equals(opening.substring(k, k + 1));
                }
                if (match) found = glyphs.get(i);
            }
            if (found == null) throw new IllegalStateException("no 「" + opening + "」 on page 1");
            PrintedGlyph anchor = found;
            PrintedGlyph start = glyphs.stream().filter(g -> Math.abs(g.baseline() - anchor.baseline()) < 0.5f
                    && g.x() <= anchor.x() && anchor.x() - g.x() < 6 * SIZE && !g.blank())
                    .min(java.util.Comparator.comparingDouble(PrintedGlyph::x)).orElseThrow();
            float left = start.x() - 2 * SIZE;
            float y = start.baseline();
            int n = 1;
            while (true) {
                float next = y + n * PITCH;
                boolean any = glyphs.stream().anyMatch(g -> Math.abs(g.baseline() - next) < 0.5f && Math.abs(g.size() - SIZE) < 0.05f
                        && g.x() >= left - 1 && g.x() < left + WIDTH);
                if (!any) break;
                n++;
            }
            float top = y - (PITCH - SIZE) / 2 - 0.88f * SIZE;
            crop(print, 0, left, top, n, png);
            return n;
        }
    }

    /** Writes {@code lines} grid lines of a column whose first line's top is at (left, top) as a 300 dpi PNG. */
    static void crop(Path pdf, int page, float left, float top, int lines, Path png) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(page, DPI);
            float k = DPI / 72f;
            // half a gutter either side; above and below, less than the half-leading, so no neighbour shows
            int x = Math.round((left - MARGIN / 2) * k);
            int y = Math.round((top - 2) * k);
            int w = Math.round((WIDTH + MARGIN) * k);
            int h = Math.round((lines * PITCH + 4) * k);
            ImageIO.write(img.getSubimage(x, y, w, Math.min(h, img.getHeight() - y)), "png", png.toFile());
        }
    }

    /** A plain Flying Saucer page: one 12-em column of 9 pt Noto Serif CJK SC on a 13.5 pt pitch, justified. */
    static void fs(List<String> paragraphs, Path pdf) throws Exception {
        StringBuilder html = new StringBuilder("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>"
                + "@page { size: " + (WIDTH + 2 * MARGIN) + "pt 2400pt; margin: " + MARGIN + "pt; }"
                + "body { margin: 0; } .col { width: " + WIDTH + "pt; font-family: body; font-size: 9pt; "
                + "line-height: 13.5pt; text-align: justify; } p { margin: 0; text-indent: 2em; } .d { font-family: bold; }"
                + "</style></head><body><div class=\"col\">");
        for (String p : paragraphs) html.append("<p>").append(p).append("</p>");
        html.append("</div></body></html>");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.toString().getBytes(StandardCharsets.UTF_8)));
        ITextRenderer r = new ITextRenderer();
        ITextFontResolver fonts = r.getFontResolver();
        FontBook book = FontBook.of(Path.of("fonts"));
        for (String role : List.of("body", "bold")) {
            Face face = book.role(role);
            fonts.addFont(face.baseFont(), face.file(), role);
        }
        r.setDocument(doc, Path.of(".").toUri().toString());
        r.layout();
        try (OutputStream out = Files.newOutputStream(pdf)) {
            r.createPDF(out);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
