package paiban.model;

import java.nio.file.Path;

/**
 * A photo with its caption and credit.
 *
 * @param name    the path as written in the front matter, for messages
 * @param file    the resolved file, inside the issue folder
 * @param width   pixel width, read from the image header before any decoding
 * @param height  pixel height
 */
public record Photo(String name, Path file, String caption, String credit, int width, int height) {

    /** Height over width; modules size a photo to whole columns and keep this ratio. */
    public double aspect() {
        return (double) height / width;
    }
}
