package paiban.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;
import paiban.typeset.FontBook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A layout's 中缝 is a strip in the inner margin: it must fit there, and it is read as the layout writes it. */
class FoldAdSizeTest {

    private static Path broadsheet(Path root, String from, String to) throws IOException {
        Path src = Path.of("layouts/broadsheet");
        Path dir = root.resolve("wide-fold");
        org.apache.commons.io.FileUtils.copyDirectory(src.toFile(), dir.toFile());
        Path yaml = dir.resolve("layout.yaml");
        String text = Files.readString(yaml);
        assertTrue(text.contains(from), "layouts/broadsheet/layout.yaml has no " + from);
        Files.writeString(yaml, text.replace(from, to));
        return root;
    }

    @Test
    void theBroadsheetNamesItsFoldStrip() {
        var fold = LayoutLoader.load(Path.of("layouts"), "broadsheet", FontBook.of(Path.of("fonts"))).rules().ads().sizes().get("中缝");
        assertEquals(8, fold.foldWidth());
        assertEquals(2, fold.foldGap());
        assertTrue(fold.foldSize() && !fold.earSize() && fold.columns() == 0, fold.toString());
    }

    @Test
    void aStripWiderThanTheInnerMarginIsRefusedNamingTheFiles(@TempDir Path root) throws IOException {
        Path layouts = broadsheet(root, "fold-width: 8,", "fold-width: 12,");
        String m = assertThrows(PaibanException.class, () -> LayoutLoader.load(layouts, "wide-fold",
                FontBook.of(Path.of("fonts")))).getMessage();
        // named by the line of its entry in layout.yaml, as the loader names every other error
        int line = lineOf(layouts.resolve("wide-fold/layout.yaml"), "中缝:");
        assertTrue(m.startsWith("layouts/wide-fold/layout.yaml:" + line + ": ads.sizes.中缝 (fold-width 12 mm and fold-gap 2 mm)"
                + " does not fit the inner margin of 11.5 mm beside layouts/wide-fold/layout.css: .type-area"), m);
    }

    private static int lineOf(Path file, String start) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).strip().startsWith(start)) return i + 1;
        throw new AssertionError(file + " has no line starting " + start);
    }

    @Test
    void aStripInTheMastheadsEarIsRefused(@TempDir Path root) throws IOException {
        Path layouts = broadsheet(root, "fold-width: 8,", "columns: 1, fold-width: 8,");
        String m = assertThrows(PaibanException.class, () -> LayoutLoader.load(layouts, "wide-fold",
                FontBook.of(Path.of("fonts")))).getMessage();
        assertTrue(m.contains("ads.sizes.中缝 stands in the inner margin by the fold ('fold-width'), off the grid: it takes"
                + " no 'columns'"), m);
    }
}
