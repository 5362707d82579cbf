package paiban.check;

import java.util.List;
import java.util.Locale;

/**
 * What {@code paiban check --print} found in one PDF: each page's ink figures and boxes, each image's
 * resolution, and the findings.
 */
public record PressReport(String file, int inkLimit, List<PageInk> pages, List<String> images,
                          List<PressFinding> findings) {

    public PressReport {
        pages = List.copyOf(pages);
        images = List.copyOf(images);
        findings = List.copyOf(findings);
    }

    /**
     * One page's total area coverage, measured on its separations at {@link Preflight#DPI}.
     *
     * @param maxTac     the most ink at any spot, C + M + Y + K in percent
     * @param shareOver  the share of the page's area above the limit, in percent
     * @param trim       the TrimBox as "x y w h" in points, or null when the page has none
     * @param bleed      the BleedBox likewise
     */
    public record PageInk(int page, double maxTac, double shareOver, String trim, String bleed) {
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    public boolean breaksInkLimit() {
        return findings.stream().anyMatch(f -> f.rule() == PressFinding.Rule.INK_LIMIT);
    }

    /** The per-page lines the command prints before the findings. */
    public List<String> pageLines() {
        return pages.stream().map(p -> String.format(Locale.ROOT,
                "  p%d: ink max %.1f%%, %.3f%% of the area over %d%%; TrimBox %s; BleedBox %s",
                p.page(), p.maxTac(), p.shareOver(), inkLimit, p.trim() == null ? "none" : "[" + p.trim() + "]",
                p.bleed() == null ? "none" : "[" + p.bleed() + "]")).toList();
    }

    /** The one line the command prints last. */
    public String summary() {
        double max = pages.stream().mapToDouble(PageInk::maxTac).max().orElse(0);
        return String.format(Locale.ROOT, "%s: %d pages for the press, ink max %.1f%% (limit %d%%), %d images — %s",
                file, pages.size(), max, inkLimit, images.size(),
                clean() ? "clean" : findings.size() + " finding" + (findings.size() == 1 ? "" : "s"));
    }
}
