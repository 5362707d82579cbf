package paiban.check;

import java.util.List;

/**
 * What {@code paiban check --furniture} found in one PDF.
 *
 * @param ads      the ads the PDF marks (outline items titled 广告…), each checked for its label
 * @param notes    what is worth saying but is no fault, e.g. that no ads are marked
 * @param findings each item missing or wrong, by page
 */
public record FurnitureReport(String file, int pages, int ads, List<String> notes, List<FurnitureFinding> findings) {

    public FurnitureReport {
        notes = List.copyOf(notes);
        findings = List.copyOf(findings);
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    /** The one line the command prints last. */
    public String summary() {
        return file + ": " + pages + " page" + (pages == 1 ? "" : "s") + ", " + ads + " ad" + (ads == 1 ? "" : "s")
                + " marked — " + (clean() ? "the furniture the rules require is all there"
                : findings.size() + " item" + (findings.size() == 1 ? "" : "s") + " missing or wrong");
    }
}
