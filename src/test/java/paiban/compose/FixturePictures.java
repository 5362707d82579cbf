package paiban.compose;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import paiban.cli.Main;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pictures in docs/: every page of the standard fixture at 50 dpi in eight greys (small enough to
 * keep in the repository), page 1 of the sample issue at 60 dpi in colour for the README, and its other
 * pages in greys. Not a test: run {@code bench/pictures}.
 */
public final class FixturePictures {

    public static void main(String[] args) throws IOException {
        Path docs = ComposedIssues.HOME.resolve("docs");
        Path out = ComposedIssues.fresh("pictures");
        build(ComposedIssues.standardFixture(), out);
        try (PDDocument pdf = Loader.loadPDF(out.resolve("fixture/print.pdf").toFile())) {
            PDFRenderer r = new PDFRenderer(pdf);
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                Path png = docs.resolve(String.format("fixture-p%02d.png", i + 1));
                ImageIO.write(greys(r.renderImageWithDPI(i, 50), 8), "png", png.toFile());
                System.out.println(png + " " + Files.size(png) + " bytes");
            }
        }
        build(ComposedIssues.HOME.resolve("issues/2021-06-22"), out);
        try (PDDocument pdf = Loader.loadPDF(out.resolve("2021-06-22/print.pdf").toFile())) {
            PDFRenderer r = new PDFRenderer(pdf);
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                Path png = docs.resolve(i == 0 ? "page1.png" : String.format("sample-p%02d.png", i + 1));
                BufferedImage page = i == 0 ? r.renderImageWithDPI(i, 60) : greys(r.renderImageWithDPI(i, 50), 8);
                ImageIO.write(page, "png", png.toFile());
                System.out.println(png + " " + Files.size(png) + " bytes");
            }
        }
    }

    private static void build(Path issue, Path out) {
        if (Main.run("build", issue.toString(), "--out", out.toString()) != 0) {
            throw new IllegalStateException("the build of " + issue + " failed");
        }
    }

    /** The page in {@code levels} evenly spaced greys: newsprint pictures of the layout, not of the photos. */
    private static BufferedImage greys(BufferedImage page, int levels) {
        byte[] v = new byte[levels];
        for (int k = 0; k < levels; k++) v[k] = (byte) (k * 255 / (levels - 1));
        IndexColorModel cm = new IndexColorModel(4, levels, v, v, v);
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_BINARY, cm);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                double lum = 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
                out.getRaster().setSample(x, y, 0, (int) Math.round(lum * (levels - 1) / 255));
            }
        }
        return out;
    }
}
