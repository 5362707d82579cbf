package paiban.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One story: its headline group, its copy and its photos.
 *
 * @param slug     the Markdown file name without ".md"; plans and jump lines refer to it
 * @param file     the Markdown file, for error messages
 * @param kicker   引题, printed above the title (empty if none)
 * @param subtitle 副题, printed below the title (empty if none)
 * @param dateline 电头, printed bold at the start of the first paragraph, e.g. 本报讯（记者李婉欣）
 * @param source   printed in parentheses after the last paragraph, e.g. 江门市科协
 * @param priority 1 is the most important
 * @param quote    a sentence of the body the editor chose to set large as a pull quote (引语), or empty
 * @param headline how the editor wants the headline set: across the top, or as a vertical column (竖排)
 * @param box      the box style (边框/底纹) the article asks for with {@code box:}; {@link BoxChoice#NONE} without
 */
public record Article(String slug, Path file, String title, String kicker, String subtitle, String dateline,
                      String source, String section, int priority, List<Photo> photos, List<Block> body, String quote,
                      HeadlineShape headline, BoxChoice box) {

    /**
     * A box named in the front matter, with its line there: the layout's box styles are known only when
     * the issue is composed, which checks the name against them.
     */
    public record BoxChoice(String name, int line) {
        public static final BoxChoice NONE = new BoxChoice("", 0);

        public boolean given() {
            return !name.isEmpty();
        }
    }

    /** An article that names no box. */
    public Article(String slug, Path file, String title, String kicker, String subtitle, String dateline,
                   String source, String section, int priority, List<Photo> photos, List<Block> body, String quote,
                   HeadlineShape headline) {
        this(slug, file, title, kicker, subtitle, dateline, source, section, priority, photos, body, quote, headline,
                BoxChoice.NONE);
    }

    /** An article whose headline goes across the top, in the box it names. */
    public Article(String slug, Path file, String title, String kicker, String subtitle, String dateline,
                   String source, String section, int priority, List<Photo> photos, List<Block> body, String quote,
                   BoxChoice box) {
        this(slug, file, title, kicker, subtitle, dateline, source, section, priority, photos, body, quote,
                HeadlineShape.HORIZONTAL, box);
    }

    public Article {
        photos = List.copyOf(photos);
        body = List.copyOf(body);
        java.util.Objects.requireNonNull(headline, "headline");
        java.util.Objects.requireNonNull(box, "box");
    }

    /** An article whose headline goes across the top, as most do. */
    public Article(String slug, Path file, String title, String kicker, String subtitle, String dateline,
                   String source, String section, int priority, List<Photo> photos, List<Block> body, String quote) {
        this(slug, file, title, kicker, subtitle, dateline, source, section, priority, photos, body, quote,
                HeadlineShape.HORIZONTAL);
    }

    /** An article without a pull quote. */
    public Article(String slug, Path file, String title, String kicker, String subtitle, String dateline,
                   String source, String section, int priority, List<Photo> photos, List<Block> body) {
        this(slug, file, title, kicker, subtitle, dateline, source, section, priority, photos, body, "");
    }

    /** The number of characters of body copy, a cheap measure of length before typesetting. */
    public int bodyLength() {
        return body.stream().mapToInt(Block::length).sum();
    }
}
