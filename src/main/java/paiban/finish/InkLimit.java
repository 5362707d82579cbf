package paiban.finish;

import paiban.render.PrintSettings;

/**
 * The most ink the press may lay down at one spot (total area coverage, TAC: C + M + Y + K in percent),
 * enforced on a separation's C, M, Y, K. Coldset newsprint takes 220–240 % at most (ISO 12647-3); the
 * coated-stock profiles a plant may hand over (SWOP: about 300 %) put far more in the shadows, and more
 * ink than newsprint can hold sets off and smears.
 *
 * <p>The rule, applied only where a colour exceeds the limit, so that a profile already made for
 * newsprint (ISOnewspaper26v4 separates to 220 %) is left exactly as its maker wanted:
 * <ol>
 *   <li><b>Grey component replacement.</b> The part C, M and Y share, g = min(C, M, Y), is the grey
 *       that all three print together; as much of it as the limit needs (never more) is taken out of
 *       all three alike and given to black, combined with the black already there as two ink films
 *       combine: K' = K + r(1 − K). Taking the same r from each of C, M and Y leaves their differences,
 *       which carry the hue and the grey balance, as they were; each unit of r lowers the total by
 *       2 + K.</li>
 *   <li><b>Chromatic reduction.</b> What still exceeds the limit has no shared grey left (one of C, M,
 *       Y is 0) or K near 100 %. Then K is kept, since it carries the detail and the density, and C, M
 *       and Y are scaled down by one factor, which keeps their ratios and so the hue: the rule of
 *       Little CMS's ink-limiting device link (cmsCreateInkLimitingDeviceLink).</li>
 * </ol>
 */
record InkLimit(int percent) {

    /** ISO 12647-3 accepts 240 % at most on coldset newsprint; the layout may set less. */
    static final int DEFAULT_PERCENT = PrintSettings.DEFAULT_INK_LIMIT;
    static final int LOWEST_PERCENT = PrintSettings.LOWEST_INK_LIMIT;
    static final int HIGHEST_PERCENT = PrintSettings.HIGHEST_INK_LIMIT;

    InkLimit {
        if (percent < LOWEST_PERCENT || percent > HIGHEST_PERCENT) {
            throw new IllegalArgumentException("ink limit " + percent + " % is outside " + LOWEST_PERCENT + "–"
                    + HIGHEST_PERCENT + " %");
        }
    }

    /** The limit as a sum of 8-bit samples (255 per ink at 100 %), rounded down. */
    int levels() {
        return percent * 255 / 100;
    }

    /**
     * Brings {@code cmyk} (fractions 0–1, changed in place) within {@code limit}, a sum of fractions
     * (2.4 for 240 %), by the rule above; a colour already within it is not touched.
     */
    static void apply(double[] cmyk, double limit) {
        double c = cmyk[0], m = cmyk[1], y = cmyk[2], k = cmyk[3];
        double total = c + m + y + k;
        if (total <= limit) {
            return;
        }
        double r = Math.min(Math.min(c, Math.min(m, y)), (total - limit) / (2 + k));
        c -= r;
        m -= r;
        y -= r;
        k += r * (1 - k);
        double chromatic = c + m + y;
        if (chromatic + k > limit && chromatic > 0) {
            double s = Math.max(0, limit - k) / chromatic;
            c *= s;
            m *= s;
            y *= s;
        }
        cmyk[0] = c;
        cmyk[1] = m;
        cmyk[2] = y;
        cmyk[3] = k;
    }

    /**
     * As {@link #apply(double[], double)} on 8-bit samples, exactly: afterwards their sum is at most
     * {@link #levels()}. Rounding could otherwise add up to two levels back.
     */
    void apply8(int[] cmyk) {
        int limit = levels();
        if (cmyk[0] + cmyk[1] + cmyk[2] + cmyk[3] <= limit) {
            return;
        }
        double[] f = {cmyk[0] / 255d, cmyk[1] / 255d, cmyk[2] / 255d, cmyk[3] / 255d};
        apply(f, limit / 255d);
        cmyk[3] = Math.min(255, (int) Math.round(f[3] * 255));
        for (int i = 0; i < 3; i++) cmyk[i] = (int) Math.floor(f[i] * 255 + 1e-9);
        // the rounding of K can leave a level or two too many: take them from the largest of C, M, Y
        while (cmyk[0] + cmyk[1] + cmyk[2] + cmyk[3] > limit) {
            int most = cmyk[0] >= cmyk[1] ? (cmyk[0] >= cmyk[2] ? 0 : 2) : (cmyk[1] >= cmyk[2] ? 1 : 2);
            if (cmyk[most] == 0) {
                cmyk[3]--;
            } else {
                cmyk[most]--;
            }
        }
    }
}
