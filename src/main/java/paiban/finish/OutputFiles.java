package paiban.finish;

import java.util.Locale;

/**
 * The names of the files a build writes in {@code <out>/<id>/}, relative to that folder: finish
 * writes them, deliver (and anything else that reads a build) finds them by these names alone.
 */
public final class OutputFiles {

    public static final String PRINT = "print.pdf";
    public static final String ARCHIVE = "archive.pdf";
    public static final String EMAIL = "email.pdf";
    /** The full text, shaped as {@link FullText.Document}. */
    public static final String TEXT = "text.json";

    private OutputFiles() {
    }

    /** "pages/01.pdf": page {@code number} alone. */
    public static String page(int number) {
        return String.format(Locale.ROOT, "pages/%02d.pdf", number);
    }

    /** "previews/01.png": page {@code number} as a picture. */
    public static String preview(int number) {
        return String.format(Locale.ROOT, "previews/%02d.png", number);
    }

    /** "previews/thumbs/01.png": page {@code number} as a small picture. */
    public static String thumb(int number) {
        return String.format(Locale.ROOT, "previews/thumbs/%02d.png", number);
    }
}
