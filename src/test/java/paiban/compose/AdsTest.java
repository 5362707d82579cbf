package paiban.compose;

import org.apache.commons.io.FileUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import paiban.check.Preflight;
import paiban.check.PressReport;
import paiban.cli.Main;
import paiban.copy.IssueReader;
import paiban.core.PaibanException;
import paiban.finish.FullText;
import paiban.model.Issue;
import paiban.render.Layout;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ads (广告) booked in issue.yaml: their frames are kept free before the copy is placed, the pages keep
 * every composition rule around them, they are labelled, bookmarked and listed as ads, and what a layout
 * cannot serve is refused naming the file and the rule.
 */
class AdsTest {

    private static final Path DEMO = ComposedIssues.HOME.resolve("issues/2021-06-29");

    /** The demo issue (2021-06-29) copied under target/, set in {@code layout}. */
    static Path demo(String name, String layout) {
        Path dir = ComposedIssues.fresh(name);
        try {
            FileUtils.copyDirectory(DEMO.toFile(), dir.toFile());
            Path yaml = dir.resolve("issue.yaml");
            Files.writeString(yaml, Files.readString(yaml).replace("layout: tabloid", "layout: " + layout));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static List<Module> ads(Page p) {
        return p.modules().stream().filter(m -> m.kind() == ModuleKind.AD).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tabloid", "broadsheet"})
    void theDemoIssueKeepsEveryRuleAroundItsEarAndHalfBannerAds(String layoutName) {
        Issue issue = IssueReader.read(demo("ads-demo-" + layoutName, layoutName));
        Composer.Composition c = ComposedIssues.compose(issue);
        CompositionPropertiesTest.keepsEveryRule(layoutName + " demo with ads: ", issue, c);
        Layout layout = ComposedIssues.layout(layoutName);
        Grid grid = layout.grid();
        LayoutRules.Ads rules = layout.rules().ads();

        // the 报眼 in page 1's ear, right of the nameplate, within the masthead's lines
        List<Module> front = ads(c.pages().getFirst());
        assertEquals(1, front.size(), "page 1's ads");
        Module ear = front.getFirst();
        assertEquals("岭南种业", ear.title());
        assertEquals(rules.sizes().get("报眼").columns(), ear.span());
        assertEquals(grid.columns(), ear.column() + ear.span(), "the 报眼 stands at the right");
        assertTrue(ear.bottom() <= grid.mastheadLines(), "the 报眼 stays in the masthead: " + ear);

        // the 半通栏 across page 2's foot, the page's whole width
        List<Module> second = ads(c.pages().get(1));
        assertEquals(1, second.size(), "page 2's ads");
        Module banner = second.getFirst();
        assertEquals("粤科仪器", banner.title());
        assertEquals(0, banner.column());
        assertEquals(grid.columns(), banner.span());
        assertEquals(rules.sizes().get("半通栏").lines(), banner.lines());
        assertEquals(grid.lines(), banner.bottom(), "the 半通栏 stands at the foot");
        // half a 通栏's height, as the trade's names say
        assertEquals(rules.sizes().get("通栏").lines(), 2 * banner.lines());

        // the image fills its frame above the line of air, and never strays out of it
        for (Module m : List.of(ear, banner)) {
            PlacedPhoto ph = m.photos().getFirst();
            assertTrue(ph.x() >= grid.columnX(m.column()) - 0.01 && ph.x() + ph.width() <= grid.columnX(m.column()) + grid.spanWidth(m.span()) + 0.01
                    && ph.y() >= grid.lineTop(m.line()) - 0.01 && ph.y() + ph.height() <= grid.lineTop(m.bottom() - 1) + 0.01, m.toString());
            // as large as the frame holds at its own proportions: it meets the frame's sides or its top and foot
            assertTrue(Math.abs(ph.width() - grid.spanWidth(m.span())) < 0.01
                    || Math.abs(ph.height() - (m.lines() - 1) * grid.pitch()) < 0.01, "the ad's image takes its frame: " + ph);
        }

        // ads are no articles: never in the 导读, never counted as copy
        for (Page p : c.pages()) {
            for (Module m : p.modules()) {
                if (m.kind() != ModuleKind.INDEX) continue;
                String items = ComposedIssues.moduleText(m);
                assertFalse(items.contains("岭南种业") || items.contains("粤科仪器"), "an ad in the 导读: " + items);
            }
        }
        assertFalse(ModuleKind.AD.article());
    }

    /** A plain ad picture of {@code w} × {@code h} px, drawn here. */
    static void picture(Path file, int w, int h) throws IOException {
        picture(file, w, h, new Color(0x20, 0x40, 0x80));
    }

    /** An ad picture on a ground of {@code ground} with a white disc. */
    static void picture(Path file, int w, int h, Color ground) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(ground);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tabloid", "broadsheet"})
    void adsOnInnerPagesAreKeptFreeWhereBookedAndTheCopyFillsAroundThem(String layoutName) throws IOException {
        // no plan: which section's page is page 3 is known only once the pages are numbered
        Path dir = FixtureIssue.ofShape(1004L, new FixtureIssue.Shape(20_000, 3, 8)).layout(layoutName)
                .write(ComposedIssues.fresh("ads-inner-" + layoutName), "issue");
        picture(dir.resolve("ads/corner.png"), 1200, 1500);
        picture(dir.resolve("ads/banner.png"), 3000, 900);
        picture(dir.resolve("ads/top.png"), 3000, 500);
        ComposedIssues.appendToIssueYaml(dir, """
                ads:
                  - { advertiser: 角落商行, file: ads/corner.png, page: 2, size: 3x24, position: foot-right }
                  - { advertiser: 通栏公司, file: ads/banner.png, page: 3, size: 通栏 }
                  - { advertiser: 顶部公司, file: ads/top.png, page: 4, size: 半通栏, position: top }
                """);
        Issue issue = IssueReader.read(dir);
        Composer.Composition c = ComposedIssues.compose(issue);
        CompositionPropertiesTest.keepsEveryRule(layoutName + " with inner ads: ", issue, c);
        Grid grid = ComposedIssues.layout(layoutName).grid();
        LayoutRules.Ads rules = ComposedIssues.layout(layoutName).rules().ads();

        Module corner = ads(c.pages().get(1)).getFirst();
        assertEquals("角落商行", corner.title());
        assertEquals(grid.columns() - 3, corner.column(), "foot-right stands at the right");
        assertEquals(3, corner.span());
        assertEquals(24, corner.lines());
        assertEquals(grid.lines(), corner.bottom());

        Module banner = ads(c.pages().get(2)).getFirst();
        assertEquals("通栏公司", banner.title());
        assertEquals(grid.columns(), banner.span());
        assertEquals(rules.sizes().get("通栏").lines(), banner.lines());
        assertEquals(grid.lines(), banner.bottom(), "an ad's position is the foot unless it says otherwise");

        Module top = ads(c.pages().get(3)).getFirst();
        assertEquals("顶部公司", top.title());
        assertEquals(0, top.line(), "a top ad opens the page");
        assertEquals(grid.columns(), top.span());
        for (int i = 0; i < c.pages().size(); i++) {
            if (i < 1 || i > 3) assertTrue(ads(c.pages().get(i)).isEmpty(), "page " + (i + 1) + " has no ad booked");
        }
    }

    // ---- refusals ---------------------------------------------------------------------------------

    private static PaibanException refused(String layoutName, String ads) throws IOException {
        Path dir = demo("ads-refused", layoutName);
        picture(dir.resolve("ads/tiny.png"), 120, 20);
        String yaml = Files.readString(dir.resolve("issue.yaml"));
        Files.writeString(dir.resolve("issue.yaml"), yaml.substring(0, yaml.indexOf("ads:")) + ads);
        return assertThrows(PaibanException.class, () -> ComposedIssues.compose(IssueReader.read(dir)));
    }

    @Test
    void aSizeTheLayoutDoesNotNameIsRefusedNamingTheLayoutFileAndItsSizes() throws IOException {
        String m = refused("tabloid", "ads:\n  - { advertiser: 某公司, file: ads/lingnan-seeds.png, page: 2, size: 双通栏 }\n").getMessage();
        assertTrue(m.startsWith("issue.yaml:27: ads[1] (某公司): size '双通栏' is not one of layouts/tabloid/layout.yaml's ad sizes"), m);
        assertTrue(m.contains("通栏, 半通栏, 报眼"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tabloid", "a4"})
    void aFoldStripIsRefusedWhereTheLayoutDoesNotNameOneNamingItsFile(String layoutName) throws IOException {
        String m = refused(layoutName, "ads:\n  - { advertiser: 某公司, file: ads/lingnan-seeds.png, page: 2, size: 中缝 }\n").getMessage();
        assertTrue(m.startsWith("issue.yaml:27: ads[1] (某公司): size 中缝 (the strip in the inner margin, by the fold between"
                + " facing pages) is not one of layouts/" + layoutName + "/layout.yaml's ad sizes"), m);
        assertTrue(m.contains("it is a broadsheet's"), m);
    }

    @Test
    void aFoldStripHasNoCorners() throws IOException {
        String m = refused("broadsheet", "ads:\n  - { advertiser: 某公司, file: ads/lingnan-seeds.png, page: 2, size: 中缝,"
                + " position: top-right }\n").getMessage();
        assertTrue(m.startsWith("issue.yaml:27: ads[1] (某公司): size 中缝 stands in the inner margin by the fold"
                + " (layouts/broadsheet/layout.yaml: ads.sizes.中缝 has 'fold-width'), which has no corners"), m);
    }

    /**
     * 中缝 on a broadsheet: a strip in the inner margin, by the fold (page 1 stands right of the fold, so its
     * left margin; page 2 left of it, so its right margin), outside the type area and inside the trim, the
     * copy composed as without it; built, it is labelled, bookmarked and listed, and the press's preflight
     * and the furniture check find nothing.
     */
    @Test
    void aFoldStripStandsInTheInnerMarginOfABroadsheet() throws IOException {
        Path dir = demo("ads-fold", "broadsheet");
        picture(dir.resolve("ads/fold-1.png"), 100, 3600);
        picture(dir.resolve("ads/fold-2.png"), 100, 1800);
        ComposedIssues.appendToIssueYaml(dir, """
                  - { advertiser: 中缝书店, file: ads/fold-1.png, page: 1, size: 中缝, position: top }
                  - { advertiser: 中缝药房, file: ads/fold-2.png, page: 2, size: 中缝 }
                """);
        Issue issue = IssueReader.read(dir);
        Composer.Composition c = ComposedIssues.compose(issue);
        CompositionPropertiesTest.keepsEveryRule("broadsheet with 中缝: ", issue, c);
        Layout layout = ComposedIssues.layout("broadsheet");
        Grid grid = layout.grid();
        LayoutRules.AdSize fold = layout.rules().ads().sizes().get("中缝");
        float mm = 72 / 25.4f;
        for (int n = 1; n <= 2; n++) {
            Page page = c.pages().get(n - 1);
            Module m = ads(page).stream().filter(a -> a.span() == 0).findFirst().orElseThrow(() -> new AssertionError("no 中缝"));
            var p = m.photos().getFirst();
            assertTrue(p.width() <= fold.foldWidth() * mm + 0.01f, "the strip's width: " + p.width());
            if (n % 2 == 1) {
                // the left margin: clear of the type area by the gap, inside the trim
                assertTrue(p.x() + p.width() <= -fold.foldGap() * mm + 0.01f, "page 1's 中缝 enters the type area: " + p);
                assertTrue(layout.areaLeft() + p.x() >= 0, "page 1's 中缝 leaves the trim: " + p);
                assertEquals(0, m.line(), "at the top");
            } else {
                assertTrue(p.x() >= grid.width() + fold.foldGap() * mm - 0.01f, "page 2's 中缝 enters the type area: " + p);
                assertTrue(layout.areaLeft() + p.x() + p.width() <= layout.pageWidth(), "page 2's 中缝 leaves the trim: " + p);
                assertEquals(grid.lines(), m.bottom(), "at the foot");
            }
            assertEquals(fold.lines(), m.lines());
        }
        // the stories are composed as if the strips were not there
        Path plain = demo("ads-fold-none", "broadsheet");
        Composer.Composition without = ComposedIssues.compose(IssueReader.read(plain));
        java.util.function.Function<Module, String> shape = m -> m.kind() + " " + m.slug() + " " + m.column() + "+" + m.span()
                + " " + m.line() + "+" + m.lines() + " " + m.text().stream().map(l -> l.line().text() + "@" + l.x() + "," + l.baseline()).toList();
        for (int n = 0; n < 2; n++) {
            assertEquals(without.pages().get(n).modules().stream().map(shape).toList(), c.pages().get(n).modules().stream()
                    .filter(m -> !(m.kind() == ModuleKind.AD && m.span() == 0)).map(shape).toList(), "page " + (n + 1));
        }

        Path out = ComposedIssues.fresh("ads-fold-out");
        assertEquals(0, Main.run("build", dir.toString(), "--out", out.toString(), "--edition", "print,archive,email,text",
                "--marks"));
        out = out.resolve("ads-fold");
        FullText.Document text = FullText.read(out.resolve("text.json"));
        assertEquals(List.of("岭南种业", "中缝书店", "粤科仪器", "中缝药房"),
                text.ads().stream().map(FullText.AdEntry::advertiser).toList());
        PressReport press = Preflight.check(out.resolve("print.pdf"), 240);
        // the demo's photo stands at 186 dpi on a broadsheet: the one finding that is not the strip's
        assertEquals(List.of(), press.findings().stream().filter(f -> f.rule() != paiban.check.PressFinding.Rule.LOW_RESOLUTION)
                .toList(), "the press's preflight");
        paiban.check.FurnitureReport furniture = paiban.check.FurnitureCheck.check(out.resolve("print.pdf"));
        assertEquals(4, furniture.ads(), furniture.summary());
        assertTrue(furniture.clean(), furniture.summary());
        try (PDDocument doc = Loader.loadPDF(out.resolve("archive.pdf").toFile())) {
            List<PDOutlineItem> marks = new ArrayList<>();
            collect(doc.getDocumentCatalog().getDocumentOutline(), marks);
            assertEquals(List.of("广告：岭南种业", "广告：中缝书店", "广告：粤科仪器", "广告：中缝药房"),
                    marks.stream().map(PDOutlineItem::getTitle).toList());
        }
    }

    @Test
    void anEarAdOffPageOneIsRefused() throws IOException {
        String m = refused("tabloid", "ads:\n  - { advertiser: 某公司, file: ads/lingnan-seeds.png, page: 2, size: 报眼 }\n").getMessage();
        assertTrue(m.contains("ads[1] (某公司): size 报眼 stands beside the nameplate on page 1")
                && m.contains("layouts/tabloid/layout.yaml: ads.sizes.报眼 has 'ear: right'"), m);
    }

    @Test
    void anUnknownPositionIsRefusedWithTheLineAndTheWordsThatServe() throws IOException {
        String m = refused("tabloid", "ads:\n  - { advertiser: 某公司, file: ads/lingnan-seeds.png, page: 2, size: 半通栏,"
                + " position: middle }\n").getMessage();
        assertTrue(m.startsWith("issue.yaml:27: ads[1] (某公司): position 'middle' is not one of foot, top, top-left,"), m);
    }

    @Test
    void anAdOnAPageTheIssueLacksIsRefused() throws IOException {
        String m = refused("tabloid", "ads:\n  - { advertiser: 某公司, file: ads/lingnan-seeds.png, page: 5, size: 半通栏 }\n").getMessage();
        assertTrue(m.startsWith("issue.yaml:27: ads[1] (某公司): page 5, but the copy fills 2 pages"), m);
    }

    @Test
    void anAdTooBigForItsPageOrWiderThanItIsRefused() throws IOException {
        String big = refused("tabloid", "ads:\n  - { advertiser: 某公司, file: ads/lingnan-seeds.png, page: 2, size: 6x50 }\n").getMessage();
        assertTrue(big.contains("ads[1] (某公司): the ads booked for page 2 take 50 of its 73 grid lines; paiban leaves at"
                + " least half of a page to the copy"), big);
        String wide = refused("tabloid", "ads:\n  - { advertiser: 某公司, file: ads/lingnan-seeds.png, page: 2, size: 8x10 }\n").getMessage();
        assertTrue(wide.contains("takes 8 columns, but layouts/tabloid/layout.yaml's pages have 6"), wide);
    }

    @Test
    void aMissingFileAndAFarTooCoarseImageAreRefusedNamingTheFile() throws IOException {
        String missing = refused("tabloid", "ads:\n  - { advertiser: 某公司, file: ads/none.png, page: 2, size: 半通栏 }\n").getMessage();
        assertTrue(missing.contains("ads[1] (某公司)") && missing.contains("ads/none.png"), missing);
        String pdf = refused("tabloid", "ads:\n  - { advertiser: 某公司, file: ads/none.pdf, page: 2, size: 半通栏 }\n").getMessage();
        assertTrue(pdf.contains("ads[1] (某公司)") && pdf.contains("ads/none.pdf"), pdf);
        String coarse = refused("tabloid", "ads:\n  - { advertiser: 某公司, file: ads/tiny.png, page: 2, size: 半通栏 }\n").getMessage();
        assertTrue(coarse.startsWith("issue.yaml:27: ads[1] (某公司): ads/tiny.png is 13 dpi at its placed width of 229 mm,"
                + " far below the 200 dpi print needs (layouts/tabloid/layout.yaml: ads.refuse-dpi 100)"), coarse);
    }

    /**
     * A CMYK ad and a CMYK photo at 320 % of ink, as an agency separates for coated stock: print keeps
     * their inks but re-separates the pixels over the layout's limit (grey component to black), so the
     * press's raster (Ghostscript's tiff32nc) stays within it, and two builds write the same bytes.
     */
    @Test
    void cmykAdsAndPhotosAt320PercentPrintWithinTheInkLimit() throws Exception {
        paiban.check.GhostscriptInk.assumeInstalled();
        Path dir = demo("ads-cmyk", "tabloid");
        Files.write(dir.resolve("ads/cmyk.jpg"), cmyk320(2888, 450));
        Files.write(dir.resolve("photos/gz-gallery.jpg"), cmyk320(2400, 1470));
        Path yaml = dir.resolve("issue.yaml");
        // without the boxed 评论, whose red frame the black column rules overprint over a hair's width (the
        // press preflight lets such slivers pass; here every pixel is held to the limit)
        Files.delete(dir.resolve("articles/pinglun-kepu.md"));
        Files.writeString(yaml, Files.readString(yaml).replace("ads/yueke-instruments.png", "ads/cmyk.jpg")
                .replace("[gz-gallery, pinglun-kepu]", "[gz-gallery]"));
        Path out = ComposedIssues.fresh("ads-cmyk-out");
        assertEquals(0, Main.run("build", dir.toString(), "--out", out.toString(), "--edition", "print"));
        Path print = out.resolve("ads-cmyk/print.pdf");
        List<paiban.check.GhostscriptInk.Page> pages = paiban.check.GhostscriptInk.measure(print, 100, 240);
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).maxTac() <= 240, "page " + (i + 1) + " of print.pdf takes " + pages.get(i).maxTac() + " % of ink");
        }
        // the shadows are limited, not flattened: page 2 (the photo and the ad) still reaches the limit
        assertTrue(pages.get(1).maxTac() > 225, "page 2 reaches only " + pages.get(1).maxTac() + " %");
        byte[] first = Files.readAllBytes(print);
        Path again = ComposedIssues.fresh("ads-cmyk-again");
        assertEquals(0, Main.run("build", dir.toString(), "--out", again.toString(), "--edition", "print"));
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(again.resolve("ads-cmyk/print.pdf"))),
                "two builds of the CMYK ad and photo differ");
    }

    /**
     * A YCCK JPEG (TurboJPEG's four components, Adobe's inverted samples) of three fields at 320 %: C, M, Y
     * and K at 80 % each; C, M, Y full over 20 % K; and a ramp of full C and M over a rising Y and K.
     */
    static byte[] cmyk320(int w, int h) throws IOException {
        byte[] inverted = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] ink = x < w / 3 ? new int[] {204, 204, 204, 204}
                        : x < 2 * w / 3 ? new int[] {255, 255, 255, 51}
                        : new int[] {255, 255, 255 * y / h, 255 * (x - 2 * w / 3) / (w - 2 * w / 3)};
                for (int c = 0; c < 4; c++) inverted[(y * w + x) * 4 + c] = (byte) (255 - ink[c]);
            }
        }
        return paiban.testing.Turbo.required().cmyk(inverted, w, h, 92);
    }

    @Test
    void aSoftImageIsPrintedWithAWarningNamingItsFile() throws IOException {
        Path dir = demo("ads-soft", "tabloid");
        picture(dir.resolve("ads/soft.png"), 1500, 234);
        Path yaml = dir.resolve("issue.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("ads/yueke-instruments.png", "ads/soft.png"));
        Composer.Composition c = ComposedIssues.compose(IssueReader.read(dir));
        assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith("issue.yaml:31: ads[2] (粤科仪器): ads/soft.png is 156 dpi")
                && w.contains("below the 200 dpi print needs (layouts/tabloid/layout.yaml: ads.min-dpi)")), c.warnings().toString());
    }

    // ---- the built editions -------------------------------------------------------------------------

    @Test
    void theBuiltIssueLabelsBookmarksAndListsEveryAd() throws IOException {
        Path dir = demo("ads-built", "tabloid");
        // the 报眼 as an agency might send it: RGB black, which the profile separates to over 300 % of ink
        picture(dir.resolve("ads/lingnan-seeds.png"), 450, 450, Color.BLACK);
        Path out = ComposedIssues.fresh("ads-built-out");
        assertEquals(0, Main.run("build", dir.toString(), "--out", out.toString()));
        out = out.resolve("ads-built");
        FullText.Document text = FullText.read(out.resolve("text.json"));
        assertEquals(List.of("岭南种业", "粤科仪器"), text.ads().stream().map(FullText.AdEntry::advertiser).toList());
        assertEquals(List.of(1, 2), text.ads().stream().map(FullText.AdEntry::page).toList());
        assertTrue(text.ads().stream().allMatch(a -> a.kind().equals("ad")));
        assertTrue(text.articles().stream().noneMatch(a -> a.slug().isEmpty() || a.title().equals("岭南种业")),
                "an ad among the articles");
        try (PDDocument print = Loader.loadPDF(out.resolve("print.pdf").toFile())) {
            PressReport press = Preflight.check(print, "print.pdf", 240);
            for (PressReport.PageInk p : press.pages()) {
                assertTrue(p.maxTac() <= 240, "page " + p.page() + " of print.pdf takes " + p.maxTac() + " % of ink");
            }
        }
        for (String pdf : List.of("print.pdf", "archive.pdf", "email.pdf")) {
            try (PDDocument doc = Loader.loadPDF(out.resolve(pdf).toFile())) {
                List<PDOutlineItem> adMarks = new ArrayList<>();
                collect(doc.getDocumentCatalog().getDocumentOutline(), adMarks);
                assertEquals(List.of("广告：岭南种业", "广告：粤科仪器"), adMarks.stream().map(PDOutlineItem::getTitle).toList(), pdf);
                for (int i = 0; i < 2; i++) {
                    PDPageXYZDestination d = (PDPageXYZDestination) adMarks.get(i).getDestination();
                    FullText.AdEntry ad = text.ads().get(i);
                    int page = doc.getPages().indexOf(d.getPage());
                    assertEquals(ad.page() - 1, page, pdf + ": " + ad.advertiser() + "'s bookmark leads to its page");
                    // the page's content in print is moved into its trim box: measure from the trim box's corner
                    var trim = doc.getPage(page).getTrimBox();
                    assertEquals(trim.getLowerLeftX() + ad.x(), d.getLeft(), 1, pdf + ": the bookmark's left is the ad's");
                    assertEquals(trim.getUpperRightY() - ad.y(), d.getTop(), 1, pdf + ": the bookmark's top is the ad's");
                    // the label is printed at the ad's edge, inside its area
                    var crop = doc.getPage(page).getCropBox();
                    float ox = trim.getLowerLeftX() - crop.getLowerLeftX();
                    float oy = crop.getUpperRightY() - trim.getUpperRightY();
                    PDFTextStripperByArea strip = new PDFTextStripperByArea();
                    strip.addRegion("ad", new Rectangle2D.Float(ox + ad.x(), oy + ad.y(), ad.width(), ad.height()));
                    strip.extractRegions(doc.getPage(page));
                    assertTrue(strip.getTextForRegion("ad").contains("广告"), pdf + ": " + ad.advertiser() + " is labelled 广告: '"
                            + strip.getTextForRegion("ad") + "'");
                }
            }
        }
    }

    private static void collect(PDOutlineNode node, List<PDOutlineItem> out) {
        if (node == null) return;
        for (PDOutlineItem item : node.children()) {
            if (item.getTitle().startsWith("广告")) out.add(item);
            collect(item, out);
        }
    }
}
