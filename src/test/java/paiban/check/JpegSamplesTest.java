package paiban.check;

import org.junit.jupiter.api.Test;
import paiban.codec.TurboJpeg;
import paiban.testing.Turbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A print JPEG's samples come out the same whichever decoder reads them: the check must not see ink that the
 * file does not hold on a machine without libjpeg-turbo. Print's photos are Adobe CMYK JPEGs that
 * libjpeg-turbo stores as YCCK.
 */
class JpegSamplesTest {

    @Test
    void imageIoReadsAYcckJpegAsLibjpegTurboDoes() throws Exception {
        TurboJpeg turbo = Turbo.required();
        int w = 64, h = 48;
        byte[] samples = new byte[w * h * 4];
        // smooth ramps of each ink, K lighter than the rest, so that no JPEG error clips at either end
        for (int y = 0, o = 0; y < h; y++) {
            for (int x = 0; x < w; x++, o += 4) {
                samples[o] = (byte) (40 + x * 2);
                samples[o + 1] = (byte) (200 - y * 2);
                samples[o + 2] = (byte) (60 + (x + y));
                samples[o + 3] = (byte) (230 - x / 2);
            }
        }
        byte[] jpeg = turbo.cmyk(samples, w, h, 92);
        assertEquals(2, JpegSamples.adobeTransform(jpeg), "libjpeg-turbo stores CMYK as YCCK");
        byte[] viaTurbo = JpegSamples.cmyk(jpeg, w, h);
        byte[] viaImageIo = JpegSamples.imageIo(jpeg, w, h);
        assertNotNull(viaImageIo);
        int worst = 0, worstFromSource = 0;
        for (int i = 0; i < samples.length; i++) {
            worst = Math.max(worst, Math.abs((viaTurbo[i] & 0xff) - (viaImageIo[i] & 0xff)));
            worstFromSource = Math.max(worstFromSource, Math.abs((samples[i] & 0xff) - (viaImageIo[i] & 0xff)));
        }
        // the two decoders' inverse transforms and colour conversions round apart by a level or two
        assertTrue(worst <= 3, "ImageIO and libjpeg-turbo differ by up to " + worst + " levels");
        assertTrue(worstFromSource <= 8, "ImageIO's samples are up to " + worstFromSource + " from what was encoded");
    }
}
