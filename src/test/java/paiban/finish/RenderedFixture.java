package paiban.finish;

import org.openpdf.text.pdf.BaseFont;
import org.xhtmlrenderer.pdf.ITextRenderer;
import paiban.model.Article;
import paiban.model.Block;
import paiban.model.Issue;
import paiban.model.Photo;
import paiban.render.RenderedIssue;
import paiban.render.RenderedIssue.PageInfo;
import paiban.render.RenderedIssue.PlacedText;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A rendered two-page issue made without the typeset and compose stages, so that finish is tested alone:
 * Flying Saucer sets a small A3 XHTML with Chinese text in Noto CJK, a black rule, grey text, a red
 * masthead, a blue band with white text, a large photo (1600×1000 px, about 226 dpi as placed) and a
 * small one (200×150 px, about 85 dpi) that print must warn about. The PageInfo texts say exactly
 * what the XHTML prints.
 */
public final class RenderedFixture {

    public static final String PAPER = "广东科技报";
    public static final LocalDate DATE = LocalDate.of(2021, 6, 22);
    public static final int NUMBER = 1234;
    public static final String LARGE_PHOTO = "photos/lab.jpg";
    public static final String SMALL_PHOTO = "photos/stamp.jpg";

    static final String LEAD_TITLE = "粤港澳大湾区科技创新走廊建设提速";
    static final String LEAD_BODY_1 = "本报讯　记者从省科技厅获悉，广深港澳科技创新走廊建设全面提速，"
            + "今年上半年新增国家级研发平台十二个，高新技术企业数量继续保持全国首位。";
    static final String LEAD_BODY_2 = "据介绍，走廊沿线城市将共建共享大型科学装置，推动实验室、"
            + "高校与企业之间的人才双向流动，并为青年科学家提供长期稳定的经费支持。";
    static final String LEAD_JUMP = "（下转第2版）";
    static final String LEAD_BODY_3 = "（上接第1版）专家认为，创新走廊的关键在于打通从基础研究到产业应用的全链条，"
            + "让更多科研成果在本地转化落地。";
    static final String SEA_TITLE = "深海探测器“海斗”完成万米下潜";
    static final String SEA_BODY = "我国自主研制的深海探测器近日在马里亚纳海沟完成万米下潜，"
            + "获取了大量珍贵的海底影像和沉积物样品，为深海科学研究提供了第一手资料。";
    static final String CAPTION_LARGE = "实验室里，研究人员正在调试新型传感器。";
    static final String CAPTION_SMALL = "纪念邮票图样。";

    /** A3 with 15 mm margins, as the XHTML's @page says; Flying Saucer, not composition, placed the text. */
    static final RenderedIssue.Trim TRIM = new RenderedIssue.Trim(mm(297), mm(420), mm(15), mm(15), mm(267), mm(390));

    private static RenderedIssue shared;

    private static float mm(float mm) {
        return mm * 72 / 25.4f;
    }

    private RenderedFixture() {
    }

    /**
     * One rendering per test run, shared by the test classes (Flying Saucer needs seconds to load and
     * subset the CJK fonts). Callers must not change its files.
     */
    public static synchronized RenderedIssue shared() throws IOException {
        if (shared == null) {
            shared = render(TempFolders.create("paiban-rendered"));
        }
        return shared;
    }

    /** Writes photos and the rendered PDF under {@code dir} and describes them as the render stage would. */
    public static RenderedIssue render(Path dir) throws IOException {
        Path folder = dir.resolve("2021-06-22");
        Files.createDirectories(folder.resolve("photos"));
        Files.createDirectories(folder.resolve("articles"));
        Path large = folder.resolve(LARGE_PHOTO);
        Path small = folder.resolve(SMALL_PHOTO);
        writeJpeg(photo(1600, 1000, 7), large);
        writeJpeg(photo(200, 150, 11), small);

        Photo largePhoto = new Photo(LARGE_PHOTO, large, CAPTION_LARGE, "李婉欣 摄", 1600, 1000);
        Photo smallPhoto = new Photo(SMALL_PHOTO, small, CAPTION_SMALL, "", 200, 150);
        Article lead = article(folder, "lead", LEAD_TITLE, "要闻", List.of(largePhoto),
                LEAD_BODY_1, LEAD_BODY_2, LEAD_BODY_3);
        Article sea = article(folder, "sea", SEA_TITLE, "科普", List.of(smallPhoto), SEA_BODY);
        Issue issue = new Issue(folder, "2021-06-22", PAPER, DATE, NUMBER, "tabloid", Optional.of(2),
                "广东省科学技术协会", "CN44-0032", "王编辑", List.of(), List.of(lead, sea));

        Path pdf = dir.resolve("rendered.pdf");
        ITextRenderer renderer = new ITextRenderer();
        try {
            for (String font : List.of("NotoSerifCJK-Regular.ttc", "NotoSansCJK-Bold.ttc")) {
                renderer.getFontResolver().addFont("/usr/share/fonts/opentype/noto/" + font,
                        BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
            renderer.setDocumentFromString(xhtml(), folder.toUri().toString());
            renderer.setPDFVersion("1.7");
            renderer.layout();
            try (OutputStream out = Files.newOutputStream(pdf)) {
                renderer.createPDF(out);
            }
        } catch (org.openpdf.text.DocumentException e) {
            throw new IOException(e);
        }

        List<PageInfo> pages = List.of(
                new PageInfo(1, "要闻", List.of(
                        new PlacedText("lead", LEAD_TITLE, "title", LEAD_TITLE),
                        new PlacedText("lead", LEAD_TITLE, "body", LEAD_BODY_1),
                        new PlacedText("lead", LEAD_TITLE, "caption", CAPTION_LARGE),
                        new PlacedText("lead", LEAD_TITLE, "body", LEAD_BODY_2),
                        new PlacedText("lead", LEAD_TITLE, "jump", LEAD_JUMP)), List.of()),
                new PageInfo(2, "科普", List.of(
                        new PlacedText("sea", SEA_TITLE, "title", SEA_TITLE),
                        new PlacedText("sea", SEA_TITLE, "body", SEA_BODY),
                        new PlacedText("sea", SEA_TITLE, "caption", CAPTION_SMALL),
                        new PlacedText("lead", LEAD_TITLE, "body", LEAD_BODY_3)), List.of()));
        double mm = 72 / 25.4;
        return new RenderedIssue(issue, pdf, pages, TRIM, null, List.of(
                new RenderedIssue.PhotoPlacement(largePhoto, 1, 0, 0, (float) (180 * mm), (float) (112.5 * mm)),
                new RenderedIssue.PhotoPlacement(smallPhoto, 2, 0, 0, (float) (60 * mm), (float) (45 * mm))),
                photoImages(pdf, largePhoto, smallPhoto));
    }

    /**
     * Which photo each image of the PDF is, by resource name, as paiban's render stage reports it
     * ({@link RenderedIssue#photoImages}): this fixture renders with plain Flying Saucer, and the photos'
     * pixel sizes tell them apart.
     */
    private static java.util.Map<String, String> photoImages(Path pdf, Photo... photos) throws IOException {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(pdf))) {
            for (var page : doc.getPages()) {
                var resources = page.getResources();
                for (var name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
                        for (Photo p : photos) {
                            if (p.width() == image.getWidth() && p.height() == image.getHeight()) out.put(name.getName(), p.id());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Article article(Path folder, String slug, String title, String section, List<Photo> photos,
                                   String... paragraphs) throws IOException {
        Path file = folder.resolve("articles/" + slug + ".md");
        Files.writeString(file, "---\ntitle: " + title + "\n---\n" + String.join("\n\n", paragraphs) + "\n",
                StandardCharsets.UTF_8);
        List<Block> body = java.util.Arrays.stream(paragraphs)
                .<Block>map(p -> new Block.Paragraph(List.of(new Block.Run(p, false)))).toList();
        return new Article(slug, file, title, "", "", "", "", section, 1, photos, body);
    }

    private static String xhtml() {
        return """
                <html xmlns="http://www.w3.org/1999/xhtml"><head><style>
                @page { size: 297mm 420mm; margin: 15mm; }
                body { font-family: 'Noto Serif CJK SC'; font-size: 11pt; line-height: 1.5; color: #000000; }
                .masthead { font-family: 'Noto Sans CJK SC'; font-weight: bold; font-size: 60pt; line-height: 1.2;
                            color: #c00000; }
                .band { background-color: #1f4e79; color: #ffffff; font-size: 14pt; line-height: 1.6; padding: 2mm; }
                .rule { border-top: 1pt solid #000000; margin: 3mm 0; height: 0; }
                h1 { font-family: 'Noto Sans CJK SC'; font-weight: bold; font-size: 30pt; line-height: 1.3; margin: 0; }
                .caption { color: #555555; font-size: 9pt; line-height: 1.4; }
                .next { page-break-before: always; }
                </style></head><body>
                <div class="masthead">%s</div>
                <div class="band">2021年6月22日　星期二　总第%d期</div>
                <div class="rule"></div>
                <h1>%s</h1>
                <p>%s</p>
                <img src="%s" style="width: 180mm; height: 112.5mm;" />
                <p class="caption">%s</p>
                <p>%s</p>
                <p>%s</p>
                <div class="next"></div>
                <h1>%s</h1>
                <p>%s</p>
                <img src="%s" style="width: 60mm; height: 45mm;" />
                <p class="caption">%s</p>
                <div class="rule"></div>
                <p>%s</p>
                </body></html>
                """.formatted(PAPER, NUMBER, LEAD_TITLE, LEAD_BODY_1, LARGE_PHOTO, CAPTION_LARGE, LEAD_BODY_2,
                LEAD_JUMP, SEA_TITLE, SEA_BODY, SMALL_PHOTO, CAPTION_SMALL, LEAD_BODY_3);
    }

    /**
     * A photo-like picture that shows at once whether colours survive: blue sky above, green ground below,
     * a red sun at the top left and a white frame, with grain so that JPEG sizes resemble real photos.
     */
    static BufferedImage photo(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x3a78c8), 0, h * 0.6f, new Color(0xbcd8f2)));
        g.fillRect(0, 0, w, (int) (h * 0.6));
        g.setPaint(new GradientPaint(0, h * 0.6f, new Color(0x3c8c3c), 0, h, new Color(0x1e501e)));
        g.fillRect(0, (int) (h * 0.6), w, h - (int) (h * 0.6));
        g.setColor(new Color(0xd62828));
        g.fillOval(w / 10, h / 10, w / 6, w / 6);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(Math.max(2, w / 100f)));
        g.drawRect(w / 20, h / 20, w - w / 10, h - h / 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, h / 8)));
        g.drawString("PHOTO", w / 2, h / 2);
        g.dispose();
        Random random = new Random(seed);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int n = (int) (random.nextGaussian() * 10);
                int r = clamp(((row[x] >> 16) & 0xff) + n), gr = clamp(((row[x] >> 8) & 0xff) + n),
                        b = clamp((row[x] & 0xff) + n);
                row[x] = r << 16 | gr << 8 | b;
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static void writeJpeg(BufferedImage img, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        try (OutputStream os = Files.newOutputStream(file); ImageOutputStream out = ImageIO.createImageOutputStream(os)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
