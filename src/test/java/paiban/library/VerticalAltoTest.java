package paiban.library;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import paiban.typeset.CharClass;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static paiban.library.Bundles.ALTO;
import static paiban.library.Bundles.named;
import static paiban.library.Bundles.number;

/**
 * A vertical headline (竖排标题) in ALTO: its columns are TextLines read top to bottom (BASEDIRECTION ttb),
 * each as tall as its characters and an em wide, and every String's box holds the character the page PDF
 * prints there. The demo issue's 江门 story carries one on page 1.
 */
class VerticalAltoTest {

    private static Path demo;

    private static synchronized Path demo() {
        if (demo == null) demo = Bundles.build(Path.of("issues/2021-06-29").toAbsolutePath(), "demo");
        return demo;
    }

    @Test
    void aVerticalHeadlinesColumnsAreTopToBottomLinesWithTheirTrueBoxes() throws IOException {
        Path out = demo();
        String title = Bundles.issue(out).article("jiangmen-service").orElseThrow().title().replaceAll("\\s", "");
        Map<Integer, List<AltoPositionsTest.Printed>> pdf = AltoPositionsTest.printed(out.resolve("pages/01.pdf"));
        Element alto = Bundles.xml(Bundles.altos(out).getFirst()).getDocumentElement();
        StringBuilder read = new StringBuilder();
        List<String> misplaced = new ArrayList<>();
        int checked = 0;
        for (Element line : named(alto, ALTO, "TextLine")) {
            if (!"ttb".equals(line.getAttribute("BASEDIRECTION"))) continue;
            int w = number(line, "WIDTH");
            int h = number(line, "HEIGHT");
            assertTrue(h > 3 * w, line.getAttribute("ID") + ": a vertical line " + w + " wide and " + h + " tall");
            String[] base = line.getAttribute("BASELINE").split("[ ,]");
            assertEquals(base[0], base[2], "a vertical line's baseline runs straight down");
            int lastFoot = -1;
            for (Element s : named(line, ALTO, "String")) {
                String content = s.getAttribute("CONTENT");
                if ("KIND_title".equals(line.getAttribute("TAGREFS"))) read.append(content);
                assertEquals(number(line, "HPOS"), number(s, "HPOS"), content + ": a String stands in its column");
                assertTrue(number(s, "VPOS") >= lastFoot, content + ": Strings run down the column");
                lastFoot = number(s, "VPOS") + number(s, "HEIGHT");
                int cp = content.codePointAt(0);
                if (CharClass.of(cp) != CharClass.HAN) continue;
                double x0 = number(s, "HPOS") / AltoPage.PER_POINT, x1 = x0 + number(s, "WIDTH") / AltoPage.PER_POINT;
                double y0 = number(s, "VPOS") / AltoPage.PER_POINT, y1 = y0 + number(s, "HEIGHT") / AltoPage.PER_POINT;
                // the printed glyph's origin: the left of its advance, on its baseline, inside the String's em box
                boolean found = pdf.getOrDefault(cp, List.of()).stream().anyMatch(p -> Math.abs(p.x() - x0) <= AltoPositionsTest.TOLERANCE
                        && p.baseline() > y0 && p.baseline() <= y1 + AltoPositionsTest.TOLERANCE);
                if (!found) misplaced.add(line.getAttribute("ID") + " '" + content + "' at " + x0 + ", " + y0);
                checked++;
            }
        }
        assertEquals(title, read.toString(), "the vertical title's Strings, column by column");
        assertTrue(checked >= 10, checked + " Han characters in vertical lines");
        assertEquals(List.of(), misplaced);
    }

    /**
     * The web edition's page map links a story's module, not its lines: the vertical headline's columns, by
     * their ALTO boxes, lie inside the area that leads to the story's article, so a click on them does.
     */
    @Test
    void theWebPageMapsStoryAreaHoldsTheVerticalHeadline() throws IOException {
        Path out = demo();
        Element alto = Bundles.xml(Bundles.altos(out).getFirst()).getDocumentElement();
        Element page = named(alto, ALTO, "Page").getFirst();
        double pw = number(page, "WIDTH"), ph = number(page, "HEIGHT");
        String html = java.nio.file.Files.readString(out.resolve("web/01.html"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("class=\"area area-story\" data-slug=\"jiangmen-service\""
                + "[^>]*style=\"left:([0-9.]+)%;top:([0-9.]+)%;width:([0-9.]+)%;height:([0-9.]+)%\"").matcher(html);
        assertTrue(m.find(), "the story's area on web/01.html");
        double left = Double.parseDouble(m.group(1)), top = Double.parseDouble(m.group(2));
        double right = left + Double.parseDouble(m.group(3)), bottom = top + Double.parseDouble(m.group(4));
        int lines = 0;
        for (Element line : named(alto, ALTO, "TextLine")) {
            if (!"ttb".equals(line.getAttribute("BASEDIRECTION"))) continue;
            double x0 = 100 * number(line, "HPOS") / pw, y0 = 100 * number(line, "VPOS") / ph;
            double x1 = x0 + 100 * number(line, "WIDTH") / pw, y1 = y0 + 100 * number(line, "HEIGHT") / ph;
            assertTrue(x0 >= left && x1 <= right + 0.01 && y0 >= top && y1 <= bottom + 0.01, line.getAttribute("ID")
                    + " at " + x0 + "–" + x1 + " %, " + y0 + "–" + y1 + " % lies outside the story's area " + left + "–" + right
                    + " %, " + top + "–" + bottom + " %");
            lines++;
        }
        assertTrue(lines > 0, "vertical lines on page 1");
    }
}
