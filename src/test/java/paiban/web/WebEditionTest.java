package paiban.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.testing.PrintedGlyphs;
import paiban.Pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web edition's files, read as text: what is there, where the areas are, escaping, reproducibility. */
class WebEditionTest {

    private static final Pattern AREA = Pattern.compile(
            "<a class=\"area (area-[a-z-]+)\" data-slug=\"([^\"]*)\" href=\"([^\"]+)\" style=\"left:([0-9.]+)%;top:([0-9.]+)%;"
                    + "width:([0-9.]+)%;height:([0-9.]+)%\"");

    record Area(String kind, String slug, String href, double left, double top, double width, double height) {
        boolean contains(double x, double y) {
            return x >= left && x <= left + width && y >= top && y <= top + height;
        }
    }

    static List<Area> areas(String html) {
        List<Area> out = new ArrayList<>();
        Matcher m = AREA.matcher(html);
        while (m.find()) {
            out.add(new Area(m.group(1), m.group(2), m.group(3), Double.parseDouble(m.group(4)),
                    Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)), Double.parseDouble(m.group(7))));
        }
        return out;
    }

    @Test
    void everyPageAndArticleHasItsFileWithLanguageTitleAndOneTopHeading() throws IOException {
        Path out = BuiltIssues.sample();
        JsonNode text = new ObjectMapper().readTree(out.resolve("text.json").toFile());
        Path web = out.resolve("web");
        List<Path> files = new ArrayList<>(List.of(web.resolve("index.html")));
        for (JsonNode p : text.path("pages")) files.add(web.resolve(WebEdition.pageFile(p.path("page").asInt())));
        for (JsonNode a : text.path("articles")) {
            if (!a.path("slug").asText().isEmpty()) files.add(web.resolve("articles/" + a.path("slug").asText() + ".html"));
        }
        assertEquals(1 + 2 + 3, files.size(), "the sample has 2 pages and 3 articles");
        Set<String> titles = new HashSet<>();
        for (Path f : files) {
            String html = BuiltIssues.read(f);
            assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), f + " declares HTML and zh-CN");
            Matcher t = Pattern.compile("<title>([^<]+)</title>").matcher(html);
            assertTrue(t.find(), f + " has a title");
            assertTrue(titles.add(t.group(1)), f + ": its title is its own: " + t.group(1));
            assertEquals(1, count(html, "<h1"), f + " has one h1");
            assertFalse(html.contains("<h3"), f + ": headings go h1, h2 only");
            assertFalse(html.contains("data-field") || html.contains("data-slot") || html.contains("xmlns"),
                    f + ": the template's instructions stay behind");
        }
        String gallery = BuiltIssues.read(web.resolve("articles/gz-gallery.html"));
        assertTrue(gallery.contains("alt=\"广州科普长廊。\""), "the photo's alt text is its caption");
        assertTrue(Files.size(web.resolve("photos/gz-gallery-1.jpg")) > 1000, "the photo is there at screen size");
        assertTrue(gallery.contains("<span class=\"credit\">图源广州市科协</span>"), "the credit is shown");
        String jump = BuiltIssues.read(web.resolve("articles/jiangmen-service.html"));
        assertTrue(jump.contains("刊于<a href=\"../01.html\">第1版</a>、<a href=\"../02.html\">第2版</a>"),
                "a jumped story says both pages it stands on");
    }

    @Test
    void storyAreasStandWhereTheirHeadlinesArePrintedAndJumpsLeadToTheOtherPart() throws IOException {
        Path out = BuiltIssues.sample();
        for (int page = 1; page <= 2; page++) {
            List<Area> areas = areas(BuiltIssues.read(out.resolve("web/" + WebEdition.pageFile(page))));
            try (PDDocument pdf = Loader.loadPDF(out.resolve(String.format("pages/%02d.pdf", page)).toFile())) {
                float w = pdf.getPage(0).getCropBox().getWidth(), h = pdf.getPage(0).getCropBox().getHeight();
                List<TextPosition> glyphs = PrintedGlyphs.of(pdf);
                for (Area a : areas) {
                    assertTrue(a.left >= 0 && a.top >= 0 && a.left + a.width <= 100.001 && a.top + a.height <= 100.001,
                            a + " lies on the picture");
                    if (!a.kind.equals("area-story") && !a.kind.equals("area-continuation")) continue;
                    String title = a.slug.equals("jiangmen-service") && page == 2 ? "江门市科协扎实开展" : titleOf(out, a.slug);
                    List<TextPosition> printed = find(glyphs, title);
                    assertFalse(printed.isEmpty(), "page " + page + " prints " + title);
                    for (TextPosition g : printed) {
                        double x = 100 * (g.getXDirAdj() + g.getWidthDirAdj() / 2) / w;
                        double y = 100 * (g.getYDirAdj() - g.getHeightDir() / 2) / h;
                        assertTrue(a.contains(x, y), "page " + page + ": '" + g.getUnicode() + "' of " + a.slug
                                + " at " + x + "%, " + y + "% lies in its area " + a);
                    }
                }
            }
        }
        List<Area> front = areas(BuiltIssues.read(out.resolve("web/01.html")));
        assertTrue(front.stream().anyMatch(a -> a.kind.equals("area-jump-on") && a.href.equals("02.html")
                && a.slug.equals("jiangmen-service")), "下转第2版 leads to page 2");
        assertTrue(front.stream().anyMatch(a -> a.kind.equals("area-photo") && a.slug.equals("kexie-sharing")),
                "the photo is an area of its own");
        List<Area> second = areas(BuiltIssues.read(out.resolve("web/02.html")));
        assertTrue(second.stream().anyMatch(a -> a.kind.equals("area-continuation") && a.slug.equals("jiangmen-service")
                && a.href.equals("articles/jiangmen-service.html")), "the continuation is an area leading to the whole story");
        assertTrue(second.stream().anyMatch(a -> a.kind.equals("area-jump-back") && a.href.equals("01.html")),
                "上接第1版 leads back to page 1");
    }

    @Test
    void copyIsEscapedAndTheBuildIsByteIdentical(@TempDir Path tmp) throws IOException {
        Path issue = BuiltIssues.smallIssue(tmp.resolve("issues"), "2021-07-06", 2550, "'<script>alert(1)</script> & 科技'",
                "本报讯　<script>alert(2)</script> 与 <img src=x onerror=alert(3)> 都是文字。\n\n## <b>小标题</b>\n\n第二段。\n");
        Path a = Pipeline.build(issue, tmp.resolve("a"), java.util.EnumSet.of(paiban.finish.Edition.WEB, paiban.finish.Edition.TEXT));
        Path b = Pipeline.build(issue, tmp.resolve("b"), java.util.EnumSet.of(paiban.finish.Edition.WEB, paiban.finish.Edition.TEXT));
        String html = BuiltIssues.read(a.resolve("web/articles/lead.html"));
        assertFalse(html.contains("<script") || html.contains("<img src=x") || html.contains("<b>"), html);
        assertTrue(html.contains("<h1 class=\"title\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; 科技</h1>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(2)&lt;/script&gt; 与 &lt;img src=x onerror=alert(3)&gt; 都是文字。"), html);
        assertTrue(html.contains("<h2 class=\"subhead\">&lt;b&gt;小标题&lt;/b&gt;</h2>"), html);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(a.resolve("web"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() >= 5, files.toString());
        for (Path f : files) {
            Path other = b.resolve(a.relativize(f));
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), a.relativize(f) + " is the same in both builds");
        }
    }

    private static String titleOf(Path out, String slug) throws IOException {
        for (JsonNode a : new ObjectMapper().readTree(out.resolve("text.json").toFile()).path("articles")) {
            if (a.path("slug").asText().equals(slug)) return a.path("title").asText();
        }
        throw new AssertionError(slug);
    }


    /** The glyphs of {@code text}'s first printing, spaces and line breaks in between ignored. */
    private static List<TextPosition> find(List<TextPosition> glyphs, String text) {
        StringBuilder sb = new StringBuilder();
        List<TextPosition> at = new ArrayList<>();
        for (TextPosition g : glyphs) {
            String u = g.getUnicode();
            if (u == null || u.isBlank()) continue;
            sb.append(u);
            for (int i = 0; i < u.length(); i++) at.add(g);
        }
        int k = sb.indexOf(text.replaceAll("\\s", ""));
        return k < 0 ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(at.subList(k, k + text.replaceAll("\\s", "").length())));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
