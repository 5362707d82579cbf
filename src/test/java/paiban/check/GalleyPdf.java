package paiban.check;

import org.openpdf.text.Document;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import paiban.typeset.Galley;
import paiban.typeset.SetLine;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only page maker: flows galleys down the columns of plain pages on a baseline grid and paints
 * every glyph with OpenPDF exactly as the renderer's galley element does. A paragraph runs on from the
 * foot of one column to the head of the next, and from page to page, with no space between paragraphs.
 * It records where every line went, so that a PDF reader's findings can be held against the truth.
 */
final class GalleyPdf {

    static final float MARGIN = 36;

    /** Galleys set at one measure, to be flowed through pages of their own. */
    record Section(float measure, List<Galley> paragraphs) {
    }

    /** A page's grid. Column c's left edge is {@code left + c × (measure + gutter)}. */
    record PageGrid(int page, float width, float height, float left, float top, float measure, float gutter,
                    int columns, int lines, float pitch) {
        float columnLeft(int c) {
            return left + c * (measure + gutter);
        }
    }

    /** Where a line went. */
    record Placed(PageGrid grid, int column, int row, float baseline, int paragraph, int index, SetLine line) {
    }

    static List<Placed> write(Path pdf, List<Section> sections, int columns, int rows, float size, float pitch,
                              float emTop) throws Exception {
        List<Placed> placed = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(pdf)) {
            Document doc = new Document();
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            int pageNo = 0;
            int paragraphNo = 0;
            boolean open = false;
            for (Section s : sections) {
                float gutter = size;
                float width = 2 * MARGIN + columns * s.measure() + (columns - 1) * gutter;
                float height = 2 * MARGIN + rows * pitch;
                PageGrid grid = null;
                int column = 0;
                int row = 0;
                for (Galley g : s.paragraphs()) {
                    for (int i = 0; i < g.lines().size(); i++) {
                        if (grid == null || row == rows) {
                            if (grid != null) column++;
                            row = 0;
                            if (grid == null || column == columns) {
                                pageNo++;
                                grid = new PageGrid(pageNo, width, height, MARGIN, MARGIN, s.measure(), gutter, columns,
                                        rows, pitch);
                                column = 0;
                                doc.setPageSize(new Rectangle(width, height));
                                if (!open) {
                                    doc.open();
                                    open = true;
                                } else {
                                    doc.newPage();
                                }
                            }
                        }
                        float baseline = grid.top() + row * pitch + (pitch - size) / 2 + emTop * size;
                        SetLine line = g.lines().get(i);
                        paint(writer.getDirectContent(), line, grid.columnLeft(column), height - baseline);
                        placed.add(new Placed(grid, column, row, baseline, paragraphNo, i, line));
                        row++;
                    }
                    paragraphNo++;
                }
            }
            doc.close();
        }
        return placed;
    }

    /** The renderer's own painter, in a text block of its own, with the faces' own outlines (no finish stage here). */
    private static void paint(PdfContentByte cb, SetLine line, float x0, float y) {
        cb.beginText();
        paiban.render.LinePainter.paint(cb, line, x0, y, paiban.typeset.Face::baseFont);
        cb.endText();
    }
}
