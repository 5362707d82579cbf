package paiban.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import paiban.copy.IssueReader;
import paiban.core.PaibanException;
import paiban.model.Issue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boxed stories (边框/底纹): a commentary of the section 评论 takes the layout's commentary box by default, a
 * story with {@code box: sidebar} the sidebar box; both compose with the others, their text inside the box
 * and their body on the baseline grid.
 */
class BoxedStoryTest {

    static final String COMMENTARY = """
            ---
            title: 让科普真正走进群众心里
            kicker: 本报评论员
            section: 评论
            priority: 3
            ---

            科普工作做得好不好，群众最有发言权。近年来，各地科协组织专家深入乡村、社区和学校，开展形式多样的科普活动，受到群众普遍欢迎。

            但也要看到，一些科普活动还停留在发传单、挂横幅的层面，讲的内容与群众的需要对不上号，活动一结束就没了下文。科普要接地气，就要先弄清群众想知道什么、需要什么，再请对的专家讲对的内容。

            科普也要讲方法。用群众听得懂的话讲科学，用身边的事例讲道理，才能让科学知识真正入脑入心。各级科协要把科普工作当作长期任务来抓，久久为功，让科学精神在基层生根发芽。
            """;

    static final String SIDEBAR = """
            ---
            title: 链接：什么是科普开放日
            section: %s
            priority: 4
            box: sidebar
            ---

            科普开放日是科研院所、高校和企业定期向公众开放实验室、展馆和生产线的活动。公众可以走进平时难得一见的科研现场，听科研人员讲解最新成果，亲手体验科学实验。

            我省自2015年起每年举办科普开放日活动，已累计接待公众超过百万人次。
            """;

    /** A story with a pull quote (引语), a sentence of its second paragraph. */
    static final String QUOTED = """
            ---
            title: 科技特派员扎根乡村十年
            section: %s
            priority: 2
            quote: 只要农民需要，我就一直干下去。
            ---

            本报讯　十年来，省农业科学院研究员陈明作为科技特派员，每年有一半以上的时间住在村里，帮助农户解决种植中的技术难题，带动当地水果产业从无到有、从小到大。

            “只要农民需要，我就一直干下去。”陈明说。刚到村里时，村民对新品种心存疑虑，他就先在自家承包的两亩地里试种，手把手教村民嫁接、修剪和防治病虫害。第一年试种成功后，村民们纷纷上门求教。

            如今，全村种植面积已超过三千亩，年产值近五千万元，村民人均收入翻了两番。陈明还牵头成立了专业合作社，统一品种、统一技术、统一销售，让小农户对接上了大市场。

            谈起下一步打算，陈明表示，将继续推广绿色防控技术，帮助村里打造区域公共品牌，让更多群众分享科技带来的红利。
            """;

    static List<String> layouts() {
        return ComposedIssues.layouts();
    }

    /** A fixture issue on {@code layout} with a commentary in 评论 and a boxed sidebar in its first section. */
    static Path issue(String layout) throws IOException {
        Path dir = FixtureIssue.ofShape(1011L, new FixtureIssue.Shape(7_000, 2, 1)).layout(layout)
                .write(ComposedIssues.fresh("boxed-" + layout), "issue");
        Files.writeString(dir.resolve("articles/zz-commentary.md"), COMMENTARY);
        Files.writeString(dir.resolve("articles/zz-sidebar.md"), SIDEBAR.formatted(firstSection(dir)));
        Files.writeString(dir.resolve("articles/zz-quoted.md"), QUOTED.formatted(firstSection(dir)));
        return dir;
    }

    private static String firstSection(Path dir) throws IOException {
        try (var files = Files.list(dir.resolve("articles"))) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) if (line.startsWith("section: ")) return line.substring(9).strip();
            }
        }
        throw new AssertionError("no section in the fixture");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void boxedStoriesComposeWithTheirTextInsideTheBoxAndOnTheGrid(String layout) throws IOException {
        Issue issue = IssueReader.read(issue(layout));
        Composer.Composition c = ComposedIssues.compose(issue);
        CompositionPropertiesTest.keepsEveryRule(layout + " with boxes: ", issue, c);
        Grid grid = ComposedIssues.layout(layout).grid();
        float onGrid = gridOffset(c.pages(), grid);
        int boxed = 0;
        for (Page p : c.pages()) {
            for (Module m : p.modules()) {
                boolean shouldBe = m.kind().article() && (m.slug().equals("zz-commentary") || m.slug().equals("zz-sidebar"));
                assertEquals(shouldBe, m.box().isPresent(), layout + " page " + p.number() + ": " + m.slug() + "'s box");
                if (!shouldBe) continue;
                boxed++;
                PlacedBox b = m.box().get();
                assertEquals(m.slug().equals("zz-commentary") ? "box-commentary" : "box-sidebar", b.cssClass());
                // the box stays inside its module: its rule never crosses a neighbour
                assertEquals(grid.columnX(m.column()), b.x(), 0.01);
                assertEquals(grid.spanWidth(m.span()), b.width(), 0.01);
                assertTrue(b.y() > grid.lineTop(m.line()) && b.y() + b.height() < grid.lineTop(m.bottom()), "box inside the module");
                // the box closes below the text: white the module has to spare stays outside it
                assertTrue(b.y() + b.height() - grid.pitch() < lowestBaseline(m), "box reaches below its text");
                for (PlacedLine l : m.text()) {
                    String what = layout + " page " + p.number() + " " + m.slug() + " line '" + l.line().text() + "'";
                    // inside the box, clear of its rule by the inset
                    assertTrue(l.x() + l.line().inkStart() >= b.x() + grid.bodySize() / 2 - 0.01, what + " starts outside the box");
                    assertTrue(l.x() + l.line().width() <= b.x() + b.width() - grid.bodySize() / 2 + 0.01, what + " ends outside the box");
                    assertTrue(l.baseline() - l.line().size() > b.y() && l.baseline() < b.y() + b.height(), what + " is above or below the box");
                    if (l.onGrid()) {
                        assertEquals(onGrid, l.baseline() % grid.pitch(), 0.01, what + " is off the baseline grid");
                    }
                }
            }
        }
        assertTrue(boxed >= 2, layout + ": boxed modules " + boxed);
        assertEquals(ComposedIssues.squeeze(ComposedIssues.expectedText(article(issue, "zz-commentary"))),
                ComposedIssues.squeeze(ComposedIssues.printedText(c.pages(), "zz-commentary")));
    }

    private static float lowestBaseline(Module m) {
        float low = 0;
        for (PlacedLine l : m.text()) low = Math.max(low, l.baseline());
        return low;
    }

    /** Where an unboxed story's body lines sit on a grid line: every body line must sit the same way. */
    private static float gridOffset(List<Page> pages, Grid grid) {
        for (Page p : pages) {
            for (Module m : p.modules()) {
                if (m.box().isPresent()) continue;
                for (PlacedLine l : m.text()) if (l.onGrid()) return l.baseline() % grid.pitch();
            }
        }
        throw new AssertionError("no body line");
    }

    private static paiban.model.Article article(Issue issue, String slug) {
        return issue.articles().stream().filter(a -> a.slug().equals(slug)).findFirst().orElseThrow();
    }

    @Test
    void anUnknownBoxIsRefusedNamingTheFileLineFieldAndTheLayoutsBoxes() throws IOException {
        Path dir = issue("tabloid");
        Files.writeString(dir.resolve("articles/zz-sidebar.md"), SIDEBAR.formatted("科普").replace("box: sidebar", "box: sidbar"));
        Issue issue = IssueReader.read(dir);
        PaibanException e = assertThrows(PaibanException.class, () -> ComposedIssues.compose(issue));
        assertEquals("articles/zz-sidebar.md:5: article 'zz-sidebar': the field 'box' names 'sidbar', which the layout does "
                + "not have; its boxes: commentary, sidebar (layout.yaml, 'boxes')", e.getMessage());
        assertFalse(e.getMessage().contains("null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aStorysPullQuoteStandsOnItsPage(String layout) throws IOException {
        Issue issue = IssueReader.read(issue(layout));
        Composer.Composition c = ComposedIssues.compose(issue);
        List<Page> withQuote = c.pages().stream()
                .filter(p -> p.modules().stream().anyMatch(m -> m.kind() == ModuleKind.QUOTE)).toList();
        assertEquals(1, withQuote.size(), layout + ": pages with the quote");
        Page p = withQuote.getFirst();
        Module q = p.modules().stream().filter(m -> m.kind() == ModuleKind.QUOTE).findFirst().orElseThrow();
        assertEquals("zz-quoted", q.slug());
        assertEquals(ComposedIssues.squeeze("只要农民需要，我就一直干下去。"), ComposedIssues.moduleText(q));
        assertTrue(p.modules().stream().anyMatch(m -> m.kind().article() && m.slug().equals("zz-quoted")),
                layout + ": the quote stands on page " + p.number() + " without its story");
    }
}
