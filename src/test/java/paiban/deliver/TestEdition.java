package paiban.deliver;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output folder as finish leaves it, made by hand so that deliver is tested without the
 * pipeline: a one-page PDF, a page-1 preview and a text.json whose titles need HTML escaping.
 */
public final class TestEdition {

    public static final String ID = "2021-06-22";
    public static final String SUBJECT = "广东科技报 2021-06-22 总第1234期";
    public static final String ATTACHMENT = "广东科技报-2021-06-22.pdf";

    private TestEdition() {
    }

    /** Writes {@code outRoot/2021-06-22/} and returns it. */
    public static Path write(Path outRoot) throws IOException {
        Path folder = outRoot.resolve(ID);
        Files.createDirectories(folder.resolve("previews"));
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A3);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD), 48);
                cs.newLineAtOffset(72, 1100);
                cs.showText("Guangdong Science and Technology News, No. 1234");
                cs.endText();
            }
            doc.save(folder.resolve("email.pdf").toFile());
        }
        BufferedImage preview = new BufferedImage(300, 424, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = preview.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 424);
        g.setColor(new Color(0x9b1c1c));
        g.fillRect(20, 20, 260, 40);
        g.setColor(Color.GRAY);
        for (int y = 80; y < 400; y += 12) {
            g.fillRect(20, y, 125, 6);
            g.fillRect(155, y, 125, 6);
        }
        g.dispose();
        ImageIO.write(preview, "png", folder.resolve("previews/01.png").toFile());
        Files.writeString(folder.resolve("text.json"), """
                {"paper":"广东科技报","date":"2021-06-22","number":1234,"title":"广东科技报 2021-06-22 总第1234期",
                 "pages":[{"page":1,"section":"要闻","articles":["lead","chips"]},
                          {"page":2,"section":"科普","articles":["sea"]}],
                 "articles":[
                  {"slug":"lead","title":"粤港澳大湾区科技创新走廊建设提速","section":"要闻","pages":[1],
                   "parts":[{"kind":"title","text":"粤港澳大湾区科技创新走廊建设提速","page":1}]},
                  {"slug":"sea","title":"深海探测器“海斗”完成万米下潜","section":"科普","pages":[2,3],
                   "parts":[{"kind":"title","text":"深海探测器“海斗”完成万米下潜","page":2}]},
                  {"slug":"chips","title":"<芯片> & \\"算力\\"：广州新建智算中心","section":"要闻","pages":[1,4],
                   "parts":[{"kind":"title","text":"<芯片> & \\"算力\\"：广州新建智算中心","page":1}]}]}
                """, StandardCharsets.UTF_8);
        return folder;
    }
}
