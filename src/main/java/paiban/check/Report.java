package paiban.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code paiban check} found in one PDF, and the figures it inferred to find it.
 *
 * @param bodyLines lines set in the body size and face
 * @param onGrid    body lines whose baseline is the page's first baseline plus a whole number of pitches
 * @param columns   columns found, summed over pages
 * @param offPage   glyphs drawn outside their page's crop box: they print nowhere, so they are not
 *                  proofread, but they do reach extracted text
 * @param verticalLines vertical lines found (a vertical headline's columns), proofread for their ends
 */
public record Report(String file, int pages, float bodySize, String bodyFont, float pitch, int columns,
                     int bodyLines, int paragraphs, int onGrid, int offPage, List<Finding> findings,
                     int verticalLines) {

    public Report {
        findings = List.copyOf(findings);
    }

    Report withOffPage(int n) {
        return new Report(file, pages, bodySize, bodyFont, pitch, columns, bodyLines, paragraphs, onGrid, n, findings,
                verticalLines);
    }

    public int count(Finding.Kind kind) {
        return (int) findings.stream().filter(f -> f.kind() == kind).count();
    }

    public Map<Finding.Kind, Integer> counts() {
        Map<Finding.Kind, Integer> m = new EnumMap<>(Finding.Kind.class);
        for (Finding.Kind k : Finding.Kind.values()) m.put(k, count(k));
        return m;
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    public double onGridPercent() {
        return bodyLines == 0 ? 100 : 100.0 * onGrid / bodyLines;
    }

    /** The one line the command prints last. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%s: %d pages, %d body lines (%s %.1f pt, pitch %.2f pt) in %d columns, %d paragraph ends — "
                        + "line-start/end %d, split pairs %d, ragged %d, on grid %.1f%%, lone %d, missing glyphs %d%s",
                file, pages, bodyLines, bodyFont, bodySize, pitch, columns, paragraphs,
                count(Finding.Kind.LINE_START) + count(Finding.Kind.LINE_END), count(Finding.Kind.SPLIT),
                count(Finding.Kind.RAGGED), onGridPercent(), count(Finding.Kind.LONE),
                count(Finding.Kind.MISSING_GLYPH), clean() ? " — clean" : "")
                + (verticalLines > 0 ? " (" + verticalLines + " vertical lines read too)" : "")
                + (offPage > 0 ? " (" + offPage + " glyphs drawn off their page ignored)" : "");
    }
}
