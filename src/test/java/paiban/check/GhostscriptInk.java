package paiban.check;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.Raster;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Total area coverage as Ghostscript's CMYK raster device measures it, the plant's way and independent of
 * paiban: {@code gs -sDEVICE=tiff32nc}, one 8-bit C, M, Y, K pixel per spot, ImageIO's TIFF reader giving
 * the samples unconverted. The by-hand equivalent is {@code scripts/ink-coverage}.
 */
public final class GhostscriptInk {

    /** One page: the most ink at any pixel and the share of pixels over the limit, both in percent. */
    public record Page(double maxTac, double shareOver) {
    }

    private GhostscriptInk() {
    }

    /** Skips the calling test where Ghostscript is not installed, unless CI said it must be. */
    public static void assumeInstalled() {
        boolean here = Files.isExecutable(Path.of("/usr/bin/gs"));
        if (!here && "1".equals(System.getenv("CI_REQUIRE_GHOSTSCRIPT"))) {
            fail("CI installed ghostscript, but /usr/bin/gs is not there");
        }
        assumeTrue(here, "Ghostscript (gs) is not installed");
    }

    public static List<Page> measure(Path pdf, int dpi, int limitPercent) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("paiban-gs");
        try {
            Process p = new ProcessBuilder("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiff32nc",
                    "-r" + dpi, "-sOutputFile=" + dir.resolve("p%03d.tif"), pdf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("gs.log").toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                fail("gs failed on " + pdf + ": " + Files.readString(dir.resolve("gs.log")));
            }
            List<Page> pages = new ArrayList<>();
            for (int n = 1; Files.exists(dir.resolve(String.format("p%03d.tif", n))); n++) {
                pages.add(page(dir.resolve(String.format("p%03d.tif", n)).toFile(), limitPercent));
            }
            return pages;
        } finally {
            try (var s = Files.list(dir)) {
                for (Path f : s.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }

    private static Page page(File tiff, int limitPercent) throws IOException {
        ImageReader r = ImageIO.getImageReadersByFormatName("tiff").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(tiff)) {
            r.setInput(in);
            Raster ras = r.read(0).getRaster();
            int w = ras.getWidth(), h = ras.getHeight(), limit = limitPercent * 255 / 100, most = 0;
            long over = 0;
            int[] px = new int[w * 4];
            for (int y = 0; y < h; y++) {
                ras.getPixels(0, y, w, 1, px);
                for (int x = 0; x < w; x++) {
                    int s = px[4 * x] + px[4 * x + 1] + px[4 * x + 2] + px[4 * x + 3];
                    most = Math.max(most, s);
                    if (s > limit) over++;
                }
            }
            return new Page(most * 100.0 / 255, 100.0 * over / ((long) w * h));
        } finally {
            r.dispose();
        }
    }
}
