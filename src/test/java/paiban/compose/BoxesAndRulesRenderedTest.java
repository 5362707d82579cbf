package paiban.compose;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import paiban.cli.Main;
import paiban.copy.IssueReader;
import paiban.model.Issue;
import paiban.render.Layout;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The boxed-story issue built to print.pdf and rasterised with PDFBox: each box's rule and tint are drawn
 * where compose put the box; column rules (栏线) run in the gutter between two modules side by side, and no
 * rule runs down a gutter inside one story's columns.
 */
class BoxesAndRulesRenderedTest {

    private static final float SCALE = 2; // pixels per point

    static List<String> layouts() {
        return ComposedIssues.layouts();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void boxesTintsAndColumnRulesAreDrawnWhereTheyBelong(String layout) throws IOException {
        Path folder = BoxedStoryTest.issue(layout);
        Path out = ComposedIssues.fresh("boxed-out-" + layout);
        assertEquals(0, Main.run("build", folder.toString(), "--out", out.toString(), "--edition", "print"));
        Issue issue = IssueReader.read(folder);
        List<Page> pages = ComposedIssues.compose(issue).pages();
        Layout l = ComposedIssues.layout(layout);
        Grid grid = l.grid();
        int boxes = 0;
        int rules = 0;
        try (PDDocument pdf = Loader.loadPDF(out.resolve("issue/print.pdf").toFile())) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (Page p : pages) {
                BufferedImage img = renderer.renderImage(p.number() - 1, SCALE, ImageType.RGB);
                // print.pdf carries a bleed: the page as designed is its trim box, inside the rendered crop box
                var crop = pdf.getPage(p.number() - 1).getCropBox();
                var trim = pdf.getPage(p.number() - 1).getTrimBox();
                Raster r = new Raster(img, trim.getLowerLeftX() - crop.getLowerLeftX() + l.areaLeft(),
                        crop.getUpperRightY() - trim.getUpperRightY() + l.areaTop());
                String where = layout + " page " + p.number();
                for (Module m : p.modules()) {
                    if (m.box().isPresent()) {
                        boxes++;
                        PlacedBox b = m.box().get();
                        // the rule along the box's top edge, across its width
                        assertTrue(r.inkedAlong(b.x() + 6, b.x() + b.width() - 6, b.y(), true) > 0.9, where + ": " + m.slug() + "'s box has no top rule");
                        assertTrue(r.inkedAlong(b.y() + 6, b.y() + b.height() - 6, b.x(), false) > 0.9, where + ": " + m.slug() + "'s box has no left rule");
                        // the tint: between the rule and the headline, inside the box, not white
                        int[] tint = r.rgb(b.x() + grid.bodySize() / 4 + 2, b.y() + grid.pitch() / 3);
                        assertTrue(tint[0] + tint[1] + tint[2] < 3 * 253 && Math.min(tint[0], Math.min(tint[1], tint[2])) > 150,
                                where + ": " + m.slug() + "'s box has no light tint: " + java.util.Arrays.toString(tint));
                    } else if (m.column() > 0) {
                        rules++;
                        // the column rule: in the middle of the gutter to the module's left, down its height
                        float x = grid.columnX(m.column()) - grid.gutter() / 2;
                        assertTrue(r.inkedAlong(grid.lineTop(m.line()) + grid.pitch(), grid.lineTop(m.bottom()) - grid.pitch(), x, false) > 0.9,
                                where + ": no column rule left of " + m.slug() + " at " + x);
                    }
                    // no rule inside the story: down each inner gutter the ink never runs longer than two lines
                    for (int k = 1; k < m.span(); k++) {
                        float x = grid.columnX(m.column() + k) - grid.gutter() / 2;
                        float run = r.longestInkedRun(grid.lineTop(m.line()), grid.lineTop(m.bottom()), x, m);
                        assertTrue(run < 2 * grid.pitch(), where + ": a rule runs " + run + " pt down the gutter inside " + m.slug());
                    }
                }
            }
        }
        assertTrue(boxes >= 2, layout + ": boxes " + boxes);
        assertTrue(rules >= 2, layout + ": column rules " + rules);
    }

    /** A page's pixels, addressed in points from the type area's top-left. */
    private record Raster(BufferedImage img, float left, float top) {

        int[] rgb(float x, float y) {
            int v = img.getRGB(Math.round((left + x) * SCALE), Math.round((top + y) * SCALE));
            return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
        }

        /** Ink within a point of the point: a hairline (a4's grey 0.25 pt) anti-aliases to a light grey. */
        boolean inked(float x, float y) {
            int px = Math.round((left + x) * SCALE);
            int py = Math.round((top + y) * SCALE);
            for (int dx = -2; dx <= 2; dx++) {
                for (int dy = -2; dy <= 2; dy++) {
                    int v = img.getRGB(px + dx, py + dy);
                    int lum = (((v >> 16) & 0xff) + ((v >> 8) & 0xff) + (v & 0xff)) / 3;
                    if (lum < 225) return true;
                }
            }
            return false;
        }

        /** The share of points inked along a line from {@code from} to {@code to}: across at y = at, or down at x = at. */
        double inkedAlong(float from, float to, float at, boolean across) {
            int n = 0;
            int inked = 0;
            for (float t = from; t <= to; t += 1) {
                n++;
                if (across ? inked(t, at) : inked(at, t)) inked++;
            }
            return n == 0 ? 0 : inked / (double) n;
        }

        /** The longest inked run down x from {@code from} to {@code to}, leaving out the module's photos and their captions. */
        float longestInkedRun(float from, float to, float x, Module m) {
            float best = 0;
            float run = 0;
            for (float y = from; y <= to; y += 1) {
                boolean skip = false;
                for (PlacedPhoto ph : m.photos()) skip |= x > ph.x() && x < ph.x() + ph.width() && y > ph.y() - 2 && y < ph.y() + ph.height() + 2;
                for (PlacedLine l : m.text()) {
                    // headlines, captions and the pull quote span gutters by design
                    boolean spans = l.kind().headline() || l.kind() == LineKind.CAPTION || l.kind() == LineKind.CREDIT
                            || l.kind() == LineKind.QUOTE;
                    skip |= spans && y > l.baseline() - l.line().size() - 2 && y < l.baseline() + l.line().size() / 3;
                }
                int px = Math.round((left + x) * SCALE);
                int py = Math.round((top + y) * SCALE);
                int v = img.getRGB(px, py);
                boolean ink = !skip && (((v >> 16) & 0xff) + ((v >> 8) & 0xff) + (v & 0xff)) / 3 < 150;
                run = ink ? run + 1 : 0;
                best = Math.max(best, run);
            }
            return best;
        }
    }
}
