package paiban.model;

import java.nio.file.Path;

/**
 * A photo with its caption and credit.
 *
 * @param name        the path as written in the front matter, for messages
 * @param file        the resolved file, inside the issue folder
 * @param width       pixel width as the photo stands, its orientation applied (the stored height for
 *                    orientations 5 to 8), read from the file's headers before any decoding
 * @param height      pixel height as the photo stands
 * @param orientation the EXIF orientation, 1 to 8 (1: stored upright; 6: turn a quarter clockwise to stand)
 * @param vector      whether the file is a PDF, placed as drawn (an ad's first page), not pixels; its width and
 *                    height are then the page's, in points
 */
public record Photo(String name, Path file, String caption, String credit, int width, int height, int orientation,
                    boolean vector) {

    public Photo {
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation is 1 to 8, not " + orientation);
        }
    }

    /** A photo of pixels. */
    public Photo(String name, Path file, String caption, String credit, int width, int height, int orientation) {
        this(name, file, caption, credit, width, height, orientation, false);
    }

    /** A photo stored upright (orientation 1). */
    public Photo(String name, Path file, String caption, String credit, int width, int height) {
        this(name, file, caption, credit, width, height, 1);
    }

    /** Height over width; modules size a photo to whole columns and keep this ratio. */
    public double aspect() {
        return (double) height / width;
    }

    /** Whether the stored pixels lie across the photo as it stands (orientations 5 to 8 swap the sides). */
    public boolean turned() {
        return orientation >= 5;
    }

    /** Width of the pixels as stored in the file. */
    public int storedWidth() {
        return turned() ? height : width;
    }

    /** Height of the pixels as stored in the file. */
    public int storedHeight() {
        return turned() ? width : height;
    }

    /**
     * What render and finish look the photo up by: its file, normalised, so that a photo placed twice
     * (or named twice in the copy) is one photo, decoded once.
     */
    public String id() {
        return file.toAbsolutePath().normalize().toString();
    }
}
