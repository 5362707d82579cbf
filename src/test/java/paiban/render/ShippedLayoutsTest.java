package paiban.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import paiban.compose.Grid;
import paiban.compose.Styles;
import paiban.typeset.FontBook;
import paiban.typeset.TextStyle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The designs shipped under layouts/ are what their headers say: the paper size, the grid (whole body
 * characters per column, a gutter of one character, a type area of whole columns and whole lines that
 * sits on the sheet), headline levels that step down, and every text class and module kind styled with
 * a font role and a line-height in points.
 */
class ShippedLayoutsTest {

    private static final Path LAYOUTS = Path.of("layouts");
    private static final float MM = 72f / 25.4f;

    /**
     * Text classes that compose sets besides {@link Styles#REQUIRED}: a brief's 引题 and 副题, the pull quote, the
     * 导读's 提要 (optional to a layout, but every shipped one styles it).
     */
    private static final List<String> MORE_CLASSES = List.of("brief-kicker", "brief-subtitle", "quote", "index-summary");
    /** Module kinds that need a look of their own on every layout. */
    private static final List<String> KINDS = List.of("index", "quote", "filler");

    static Stream<Arguments> shipped() {
        return Stream.of(
                Arguments.of("tabloid", 275, 390, 6, 12),
                Arguments.of("broadsheet", 350, 500, 8, 12),
                Arguments.of("a4", 210, 297, 4, 11));
    }

    private static Layout load(String name) {
        return LayoutLoader.load(LAYOUTS, name, FontBook.of(Path.of("fonts")));
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void theGridIsWhatTheDesignSays(String name, int widthMm, int heightMm, int columns, int chars) throws IOException {
        Layout layout = load(name);
        Grid g = layout.grid();
        assertEquals(widthMm * MM, layout.pageWidth(), 0.5, name + ": page width");
        assertEquals(heightMm * MM, layout.pageHeight(), 0.5, name + ": page height");
        assertEquals(columns, g.columns(), name + ": columns");
        assertEquals(chars, g.charsPerColumn(), name + ": characters per column");
        assertEquals(chars * g.bodySize(), g.columnWidth(), 0.01, name + ": a column is whole body characters");
        assertEquals(g.bodySize(), g.gutter(), 0.01, name + ": the gutter is one body character");
        assertEquals(columns * g.columnWidth() + (columns - 1) * g.gutter(), g.width(), 0.01, name + ": type area width");

        // the CSS's own type-area height holds whole lines, with nothing left over
        float cssHeight = points(rule(css(name), ".type-area"), "height", name + " .type-area");
        assertEquals(g.lines() * g.pitch(), cssHeight, 0.01, name + ": .type-area height is whole grid lines");

        assertTrue(layout.areaLeft() > 0 && layout.areaLeft() + g.width() < layout.pageWidth(),
                name + ": the type area sits inside the sheet's width");
        assertTrue(layout.areaTop() > 0 && layout.areaTop() + g.height() < layout.pageHeight(),
                name + ": the type area sits inside the sheet's height");
        // the sides are even: a press sheet is trimmed the same on both
        assertEquals(layout.areaLeft(), layout.pageWidth() - layout.areaLeft() - g.width(), 0.5, name + ": side margins");
        assertTrue(g.mastheadLines() >= 4 && g.mastheadLines() < g.lines() / 4,
                name + ": the masthead takes " + g.mastheadLines() + " of " + g.lines() + " lines");
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void headlineLevelsStepDownToTheBody(String name) {
        Styles s = load(name).styles();
        float[] sizes = {s.get("headline-1").size(), s.get("headline-2").size(), s.get("headline-3").size(),
                s.get("headline-4").size(), s.get("body").size()};
        for (int i = 1; i < sizes.length; i++) {
            assertTrue(sizes[i] < sizes[i - 1], name + ": level " + (i + 1) + " (" + sizes[i] + " pt) is smaller than level "
                    + i + " (" + sizes[i - 1] + " pt)");
        }
        for (String c : Styles.REQUIRED) {
            TextStyle t = s.get(c);
            assertTrue(t.pitch() >= t.size(), name + ": ." + c + " has a line-height (" + t.pitch() + ") below its size");
        }
        assertTrue(s.get("brief-title").size() < s.get("headline-4").size(), name + ": a brief's title is below every headline");
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyTextClassHasARoleAndALineHeightInPoints(String name) throws IOException {
        String css = css(name);
        var roles = FontBook.of(Path.of("fonts")).roles().keySet();
        List<String> classes = new ArrayList<>(Styles.REQUIRED);
        classes.addAll(MORE_CLASSES);
        for (String c : classes) {
            String rule = rule(css, "." + c);
            Matcher family = Pattern.compile("font-family:\\s*([\\w-]+)").matcher(rule);
            assertTrue(family.find() && roles.contains(family.group(1)),
                    name + ": ." + c + " names a font role from fonts/fonts.yaml " + roles + ": " + rule);
            float size = points(rule, "font-size", name + " ." + c);
            float pitch = points(rule, "line-height", name + " ." + c);
            assertTrue(pitch >= size, name + ": ." + c + " line-height " + pitch + " pt is below its size " + size + " pt");
        }
        for (String kind : KINDS) {
            assertTrue(Pattern.compile("\\.module\\." + kind + "\\b[^{]*\\{[^}]*border").matcher(css).find(),
                    name + ": .module." + kind + " draws a rule or frame of its own");
        }
    }

    private static String css(String name) throws IOException {
        return Files.readString(LAYOUTS.resolve(name).resolve("layout.css"));
    }

    /** The declarations of the rule whose selector list has {@code selector} on its own. */
    private static String rule(String css, String selector) {
        Matcher m = Pattern.compile("(?m)^([^{}/*]+)\\{([^}]*)\\}").matcher(css);
        while (m.find()) {
            for (String sel : m.group(1).split(",")) {
                if (sel.strip().equals(selector)) return m.group(2);
            }
        }
        throw new AssertionError("no rule for " + selector);
    }

    private static float points(String declarations, String property, String where) {
        Matcher m = Pattern.compile("(?<![\\w-])" + property + ":\\s*([0-9.]+)pt").matcher(declarations);
        assertTrue(m.find(), where + ": " + property + " is given in points: " + declarations);
        return Float.parseFloat(m.group(1));
    }

    /** Every box layout.yaml names (边框/底纹) is drawn by layout.css, with a rule, and 评论 takes one. */
    @ParameterizedTest
    @MethodSource("shipped")
    void everyBoxHasItsRuleInTheCss(String name) throws IOException {
        Layout layout = load(name);
        String css = css(name);
        assertTrue(layout.rules().boxes().forSection("评论").isPresent(), name + ": 评论 is not boxed");
        for (var b : layout.rules().boxes().styles()) {
            String rule = rule(css, ".box." + b.cssClass());
            assertTrue(rule.contains("border"), name + ": .box." + b.cssClass() + " draws no rule: " + rule);
        }
    }
}
