package paiban.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.typeset.FontBook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A style a layout may leave out (the 导读's {@code .index-summary}) is taken only where its CSS writes it. */
class OptionalStyleTest {

    @Test
    void aLayoutWithoutTheSummaryStyleFallsBackAndOneWithItHasIt(@TempDir Path root) throws IOException {
        Path src = Path.of("layouts/tabloid");
        Path dir = root.resolve("plain");
        org.apache.commons.io.FileUtils.copyDirectory(src.toFile(), dir.toFile());
        FontBook fonts = FontBook.of(Path.of("fonts"));
        var shipped = LayoutLoader.load(Path.of("layouts"), "tabloid", fonts).styles();
        assertTrue(shipped.has("index-summary"), "the tabloid styles .index-summary");
        assertTrue(shipped.get("index-summary").size() < shipped.get("index-item").size(), "the 提要 is set smaller than the titles");
        Path css = dir.resolve("layout.css");
        String text = Files.readString(css);
        String without = text.replaceAll("(?m)^\\.index-summary[^\\n]*\\n", "");
        assertNotEquals(text, without, "layouts/tabloid/layout.css has an .index-summary rule");
        Files.writeString(css, without);
        var plain = LayoutLoader.load(root, "plain", fonts).styles();
        assertFalse(plain.has("index-summary"), "a layout without .index-summary has no such style");
        assertTrue(plain.getOr("index-summary", "index-item") == plain.get("index-item"), "it falls back to .index-item");
    }
}
