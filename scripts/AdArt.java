// Draws the demo issue's placeholder ads (issues/2021-06-29/ads/): honest stand-ins marked 示例 that we
// make ourselves, at 300 dpi for the tabloid's sizes. Run from the repository:
//   java scripts/AdArt.java issues/2021-06-29/ads
// Needs a CJK font Java can find (Debian: fonts-noto-cjk). Same fonts, same pixels: the files are reproducible.
import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

public class AdArt {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "issues/2021-06-29/ads");
        Files.createDirectories(dir);
        // 报眼: one tabloid column square, 108 pt = 1.5 in: 450 px at 300 dpi
        ImageIO.write(ear(450, 450), "png", dir.resolve("lingnan-seeds.png").toFile());
        // 半通栏: the tabloid's width by eight lines, 693 x 108 pt: 2888 x 450 px at 300 dpi
        ImageIO.write(banner(2888, 450), "png", dir.resolve("yueke-instruments.png").toFile());
    }

    private static Graphics2D canvas(BufferedImage img, Color ground) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(ground);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    private static void centred(Graphics2D g, String text, Font f, int cx, int baseline) {
        g.setFont(f);
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, cx - w / 2, baseline);
    }

    /** A seed company's 报眼: green ground, a drawn sprout, the name and a line of promise. */
    private static BufferedImage ear(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, new Color(0x1f, 0x6b, 0x3a));
        g.setColor(new Color(0xf4, 0xe7, 0xb0));
        g.setStroke(new BasicStroke(10));
        g.drawRect(14, 14, w - 28, h - 28);
        // a sprout: a stem and two leaves
        g.setColor(new Color(0x9b, 0xd7, 0x6a));
        g.fillOval(w / 2 - 70, 60, 70, 40);
        g.fillOval(w / 2, 50, 80, 44);
        g.setStroke(new BasicStroke(8));
        g.drawLine(w / 2, 150, w / 2, 80);
        g.setColor(Color.WHITE);
        centred(g, "岭南种业", new Font("Noto Sans CJK SC", Font.BOLD, 84), w / 2, 250);
        g.setColor(new Color(0xf4, 0xe7, 0xb0));
        centred(g, "良种良法  助农增收", new Font("Noto Sans CJK SC", Font.PLAIN, 38), w / 2, 320);
        centred(g, "示例广告 · 虚构单位", new Font("Noto Sans CJK SC", Font.PLAIN, 30), w / 2, 395);
        g.dispose();
        return img;
    }

    /** An instrument maker's 半通栏: a dark band with the name, a show's dates and a drawn flask. */
    private static BufferedImage banner(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, new Color(0x0e, 0x2a, 0x4f));
        g.setColor(new Color(0xd9, 0x3a, 0x2b));
        g.fillRect(0, 0, 60, h);
        g.fillRect(w - 60, 0, 60, h);
        // a flask
        g.setColor(new Color(0x8f, 0xc9, 0xf0));
        g.fillPolygon(new int[] {200, 260, 360, 100}, new int[] {90, 90, 380, 380}, 4);
        g.fillRect(200, 50, 60, 60);
        g.setColor(Color.WHITE);
        g.setFont(new Font("Noto Sans CJK SC", Font.BOLD, 150));
        g.drawString("粤科仪器", 460, 230);
        g.setFont(new Font("Noto Sans CJK SC", Font.PLAIN, 80));
        g.drawString("实验室设备开放日  7月10日—11日  广州", 460, 360);
        g.setColor(new Color(0xf4, 0xe7, 0xb0));
        g.setFont(new Font("Noto Sans CJK SC", Font.PLAIN, 60));
        g.drawString("示例广告", w - 420, 130);
        g.drawString("虚构单位", w - 420, 220);
        g.dispose();
        return img;
    }
}
