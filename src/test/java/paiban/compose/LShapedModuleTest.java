package paiban.compose;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import paiban.copy.IssueReader;
import paiban.model.Issue;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * L-shaped modules: a story's headline spans the module, its photo stands at the top right of the body, and
 * the body opens at the top left beside the photo and ends in the columns under it.
 */
class LShapedModuleTest {

    static List<String> layouts() {
        return ComposedIssues.layouts();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void storiesWithPhotosTakeLShapesWhoseBodyNeverOverlapsThePhoto(String layout) {
        Path dir = FixtureIssue.ofShape(1013L, new FixtureIssue.Shape(20_000, 3, 8)).layout(layout)
                .write(ComposedIssues.fresh("lshape-" + layout), "issue");
        Issue issue = IssueReader.read(dir);
        Composer.Composition c = ComposedIssues.compose(issue);
        CompositionPropertiesTest.keepsEveryRule(layout + " L-shapes: ", issue, c);
        Grid grid = ComposedIssues.layout(layout).grid();
        int lShapes = 0;
        for (Page p : c.pages()) {
            for (Module m : p.modules()) {
                for (PlacedPhoto ph : m.photos()) {
                    for (PlacedLine l : m.text()) {
                        boolean across = l.x() < ph.x() + ph.width() - 0.5 && l.x() + l.line().width() > ph.x() + 0.5;
                        boolean down = l.baseline() > ph.y() + 0.5 && l.baseline() - l.line().size() < ph.y() + ph.height() - 0.5;
                        if (across && down) {
                            fail(layout + " page " + p.number() + " " + m.slug() + ": '" + l.line().text() + "' overlaps its photo");
                        }
                    }
                }
                if (isL(m, grid)) lShapes++;
            }
        }
        assertTrue(lShapes > 0, layout + ": no L-shaped module among the stories with photos");
    }

    /**
     * The photos stand at the module's right edge and leave its first column free; the body opens in the first
     * column above the photos' foot (beside them) and also runs under them.
     */
    private static boolean isL(Module m, Grid grid) {
        if (m.photos().isEmpty() || !m.kind().article()) return false;
        // a story stands in from its columns' edges by the layout's space between stories (0 when it is the gutter)
        float right = grid.columnX(m.column()) + grid.spanWidth(m.span()) - grid.storyInset();
        float photoLeft = Float.MAX_VALUE;
        float photoFoot = 0;
        boolean atRight = false;
        for (PlacedPhoto ph : m.photos()) {
            photoLeft = Math.min(photoLeft, ph.x());
            photoFoot = Math.max(photoFoot, ph.y() + ph.height());
            atRight |= Math.abs(ph.x() + ph.width() - right) < 1;
        }
        if (!atRight || photoLeft <= grid.columnX(m.column()) + grid.storyInset() + 1) return false;
        boolean beside = false;
        boolean under = false;
        for (PlacedLine l : m.text()) {
            if (!l.onGrid()) continue;
            if (l.x() + l.line().width() <= photoLeft && l.baseline() < photoFoot) beside = true;
            if (l.x() >= photoLeft - 1 && l.baseline() > photoFoot) under = true;
        }
        return beside && under;
    }
}
