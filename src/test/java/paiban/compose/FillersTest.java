package paiban.compose;

import org.junit.jupiter.api.Test;
import paiban.copy.FillerReader;
import paiban.copy.IssueReader;
import paiban.core.PaibanException;
import paiban.model.Filler;
import paiban.model.Issue;
import paiban.render.Layout;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fillers (补白) from an issue's fillers/ folder close the white that short copy leaves, and only that. */
class FillersTest {

    /** Writes fillers of assorted sizes, as an ad department would supply house notices. */
    static void writeFillers(Path issue, int[][] sizes) throws IOException {
        Path dir = Files.createDirectories(issue.resolve("fillers"));
        StringBuilder yaml = new StringBuilder("fillers:\n");
        for (int i = 0; i < sizes.length; i++) {
            String name = "house-" + sizes[i][0] + "x" + sizes[i][1] + ".png";
            BufferedImage img = new BufferedImage(sizes[i][0] * 120, sizes[i][1] * 14, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.getHSBColor(i / 9f, 0.4f, 0.9f));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.dispose();
            ImageIO.write(img, "png", dir.resolve(name).toFile());
            yaml.append("  - file: ").append(name).append("\n    columns: ").append(sizes[i][0])
                    .append("\n    lines: ").append(sizes[i][1]).append("\n");
        }
        Files.writeString(dir.resolve("fillers.yaml"), yaml.toString());
    }

    private static int shortLines(Composer.Composition c, Grid grid) {
        int n = 0;
        for (Page p : c.pages()) for (int f : ComposedIssues.feet(p, grid)) n += Math.max(0, grid.lines() - f - 3);
        return n;
    }

    @Test
    void fillersCloseTheWhiteThatShortCopyLeavesAndThePagesKeepEveryRule() throws IOException {
        Path dir = FixtureIssue.ofShape(1003L, new FixtureIssue.Shape(12_000, 4, 0)).write(ComposedIssues.fresh("fillers"), "issue");
        Issue issue = IssueReader.read(dir);
        Layout layout = ComposedIssues.layout("tabloid");
        Composer.Composition without = ComposedIssues.compose(issue);
        writeFillers(dir, new int[][] {{2, 10}, {2, 16}, {2, 24}, {3, 12}, {3, 20}, {4, 18}, {6, 12}, {6, 20}, {2, 12}, {3, 16}});
        List<Filler> fillers = FillerReader.read(dir, "");
        assertEquals(10, fillers.size());
        Composer.Composition with = new Composer(layout.grid(), layout.styles(), layout.rules()).compose(issue, fillers);
        CompositionPropertiesTest.keepsEveryRule("with fillers: ", issue, with);
        long used = with.pages().stream().flatMap(p -> p.modules().stream()).filter(m -> m.kind() == ModuleKind.FILLER).count();
        int before = shortLines(without, layout.grid());
        int after = shortLines(with, layout.grid());
        assertTrue(before > 0, "the copy should leave a page short without fillers");
        assertTrue(used > 0 && after < before, "fillers used: " + used + "; short column lines " + before + " -> " + after);
        for (Page p : with.pages()) {
            for (Module m : p.modules()) {
                if (m.kind() != ModuleKind.FILLER) continue;
                PlacedPhoto ph = m.photos().getFirst();
                Grid g = layout.grid();
                assertTrue(ph.x() >= g.columnX(m.column()) - 0.01 && ph.x() + ph.width() <= g.columnX(m.column()) + g.spanWidth(m.span()) + 0.01
                        && ph.y() >= g.lineTop(m.line()) - 0.01 && ph.y() + ph.height() <= g.lineTop(m.bottom()) + 0.01,
                        "page " + p.number() + ": the filler stays inside its module");
            }
        }
    }

    @Test
    void aFillerWiderThanThePageIsRefusedNamingIt() throws IOException {
        Path dir = FixtureIssue.ofShape(5L, new FixtureIssue.Shape(3_000, 1, 0)).write(ComposedIssues.fresh("fillers-wide"), "issue");
        writeFillers(dir, new int[][] {{9, 10}});
        Layout layout = ComposedIssues.layout("tabloid");
        PaibanException e = assertThrows(PaibanException.class, () -> new Composer(layout.grid(), layout.styles(), layout.rules())
                .compose(IssueReader.read(dir), FillerReader.read(dir, "")));
        assertTrue(e.getMessage().contains("house-9x10.png takes 9 columns, but the layout's pages have 6"), e.getMessage());
    }

    @Test
    void aFillersFileWithAMissingSizeNamesTheLineAndTheField() throws IOException {
        Path dir = FixtureIssue.ofShape(5L, new FixtureIssue.Shape(3_000, 1, 0)).write(ComposedIssues.fresh("fillers-bad"), "issue");
        writeFillers(dir, new int[][] {{2, 10}});
        Files.writeString(dir.resolve("fillers/fillers.yaml"), "fillers:\n  - file: house-2x10.png\n    columns: 2\n");
        PaibanException e = assertThrows(PaibanException.class, () -> FillerReader.read(dir, ""));
        assertTrue(e.getMessage().contains("fillers/fillers.yaml") && e.getMessage().contains("'lines'"), e.getMessage());
    }
}
