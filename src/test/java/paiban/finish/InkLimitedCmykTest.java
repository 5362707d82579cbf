package paiban.finish;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.InflaterInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agency's CMYK brought under the press's limit by re-separating in CMYK, not through a profile. */
class InkLimitedCmykTest {

    private static final InkLimit LIMIT = new InkLimit(240);

    private static InkLimitedCmyk.Inks flat(int w, int h, int c, int m, int y, int k) {
        byte[] s = new byte[w * h * 4];
        for (int i = 0; i < s.length; i += 4) {
            s[i] = (byte) c;
            s[i + 1] = (byte) m;
            s[i + 2] = (byte) y;
            s[i + 3] = (byte) k;
        }
        return new InkLimitedCmyk.Inks(s, w, h);
    }

    @Test
    void inksWithinTheLimitGoToPressAsTheyAre() throws IOException {
        assertNull(InkLimitedCmyk.limit(flat(16, 16, 153, 153, 153, 153), true, LIMIT, PrintPdf.JPEG_QUALITY));
    }

    /** 80 % of each ink (320 %): the grey C, M and Y share goes to black, evenly, so the hue stays neutral. */
    @Test
    void theGreyComponentGoesToBlack() throws IOException {
        Pixels.Encoded e = InkLimitedCmyk.limit(flat(16, 16, 204, 204, 204, 204), false, LIMIT, PrintPdf.JPEG_QUALITY);
        assertNotNull(e);
        byte[] s;
        try (var in = new InflaterInputStream(new ByteArrayInputStream(e.data()))) {
            s = in.readAllBytes();
        }
        assertEquals(16 * 16 * 4, s.length);
        int c = s[0] & 0xff, m = s[1] & 0xff, y = s[2] & 0xff, k = s[3] & 0xff;
        assertEquals(c, m);
        assertEquals(m, y);
        assertTrue(c < 204 && k > 204, c + "/" + m + "/" + y + "/" + k);
        assertTrue(c + m + y + k <= LIMIT.levels(), c + "/" + m + "/" + y + "/" + k);
        assertTrue(c + m + y + k >= LIMIT.levels() - 2, "limited, not flattened: " + (c + m + y + k));
    }

    /** A grainy 320 % shadow beside a light area: as decoded, the JPEG keeps to the limit; the light part keeps its inks. */
    @Test
    void theJpegKeepsToTheLimitAsDecoded() throws IOException {
        int w = 128, h = 64;
        byte[] s = new byte[w * h * 4];
        Random r = new Random(15);
        for (int i = 0, p = 0; p < w * h; p++, i += 4) {
            boolean shadow = p % w < w / 2;
            for (int c = 0; c < 4; c++) {
                int base = shadow ? 204 : 40;
                s[i + c] = (byte) Math.max(0, Math.min(255, base + (int) (r.nextGaussian() * 20)));
            }
        }
        Pixels.Encoded e = InkLimitedCmyk.limit(new InkLimitedCmyk.Inks(s, w, h), true, LIMIT, PrintPdf.JPEG_QUALITY);
        assertNotNull(e);
        assertTrue(e.jpeg());
        int most = 0;
        for (int b : InkLimitedJpeg.mostInkPerBlock(e.data(), w, h)) most = Math.max(most, b);
        assertTrue(most <= LIMIT.levels() - InkLimitedJpeg.DECODER_SLACK, most + " levels");
    }
}
