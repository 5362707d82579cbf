package paiban.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.model.Photo;
import paiban.testing.DeskPhotos;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web edition's photos stand as the camera said, whichever way it stored them. */
class ScreenPhotosTest {

    @TempDir
    Path dir;

    @Test
    void aPhotoStandsAsItsExifOrientationSays() throws Exception {
        BufferedImage standing = DeskPhotos.quadrants(400, 300);
        for (int o = 1; o <= 8; o++) {
            Path file = dir.resolve("o" + o + ".jpg");
            Files.write(file, DeskPhotos.withOrientation(DeskPhotos.jpeg(DeskPhotos.stored(standing, o)), o));
            Photo photo = new Photo("o" + o + ".jpg", file, "", "", 400, 300, o);
            ScreenPhotos.Saved saved = new ScreenPhotos(dir.resolve("web"), 200).save(photo, "o" + o);
            BufferedImage shown = ImageIO.read(dir.resolve("web").resolve(saved.name()).toFile());
            assertEquals(200, shown.getWidth(), "orientation " + o);
            assertEquals(150, shown.getHeight(), "orientation " + o);
            near(DeskPhotos.TOP_LEFT, shown.getRGB(40, 30), o, "top left");
            near(DeskPhotos.TOP_RIGHT, shown.getRGB(160, 30), o, "top right");
            near(DeskPhotos.BOTTOM_RIGHT, shown.getRGB(160, 120), o, "bottom right");
        }
    }

    private static void near(Color want, int rgb, int o, String where) {
        Color got = new Color(rgb);
        int off = Math.abs(got.getRed() - want.getRed()) + Math.abs(got.getGreen() - want.getGreen())
                + Math.abs(got.getBlue() - want.getBlue());
        assertTrue(off < 60, "orientation " + o + ", " + where + ": " + got + " where " + want + " stands");
    }
}
