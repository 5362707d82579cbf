package paiban.model;

import java.util.Locale;
import java.util.Optional;

/**
 * An advertisement (广告) booked for a page, from issue.yaml's {@code ads:}. Ads are placed before the copy:
 * the stories fill the page around them.
 *
 * @param entry      its place in {@code ads:}, 1-based, for messages
 * @param line       the line of its entry in issue.yaml, for messages
 * @param advertiser who placed it: named in the PDF bookmarks and text.json
 * @param image      the artwork, inside the issue folder, read like a photo (no caption or credit)
 * @param page       the page (第N版) it was booked for
 * @param size       its size: one of the layout's named ad sizes, or columns × grid lines
 * @param position   where on the page it stands
 */
public record Ad(int entry, int line, String advertiser, Photo image, int page, Size size, Position position) {

    /**
     * An ad's size: a name from the layout's {@code ads.sizes} (通栏, 半通栏, 报眼…), or whole columns
     * by grid lines, its last line the air every module keeps.
     */
    public record Size(Optional<String> named, int columns, int lines) {

        public static Size named(String name) {
            return new Size(Optional.of(name), 0, 0);
        }

        public static Size of(int columns, int lines) {
            return new Size(Optional.empty(), columns, lines);
        }

        @Override
        public String toString() {
            return named.orElse(columns + "x" + lines);
        }
    }

    /** Where on its page an ad stands: across the foot or the top, or in a corner. */
    public enum Position {
        FOOT, TOP, TOP_LEFT, TOP_RIGHT, FOOT_LEFT, FOOT_RIGHT;

        /** As issue.yaml writes it: foot, top-left, … */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean atFoot() {
            return this == FOOT || this == FOOT_LEFT || this == FOOT_RIGHT;
        }

        /** Whether an ad narrower than the page stands at its right edge (else at its left). */
        public boolean right() {
            return this == TOP_RIGHT || this == FOOT_RIGHT;
        }

        public static Optional<Position> of(String word) {
            for (Position p : values()) if (p.word().equals(word)) return Optional.of(p);
            return Optional.empty();
        }
    }

    /** How messages name the ad: "issue.yaml:14: ads[2] (某某科技)". */
    public String where() {
        return "issue.yaml:" + line + ": ads[" + entry + "] (" + advertiser + ")";
    }
}
