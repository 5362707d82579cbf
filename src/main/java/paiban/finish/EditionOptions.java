package paiban.finish;

import paiban.core.PaibanException;
import paiban.model.Issue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the finish stage is asked to make.
 *
 * @param editions    the editions to write
 * @param marks       draw crop marks outside the bleed of print.pdf (the plant asked for them)
 * @param cmykProfile the output profile photos and colours are converted through for print.pdf
 * @param timestamp   the moment every edition records as created and modified; from SOURCE_DATE_EPOCH so
 *                    that two builds of the same issue are byte-identical
 * @param warnings    where problems the editor should hear about go (a low-resolution photo, a large email)
 * @param inkLimit    the most ink print.pdf may put at one spot, C + M + Y + K in percent: the layout's
 *                    {@code print.ink-limit}, {@value #DEFAULT_INK_LIMIT} unless it says otherwise
 */
public record EditionOptions(Set<Edition> editions, boolean marks, Path cmykProfile, Instant timestamp,
                             Consumer<String> warnings, int inkLimit) {

    /** ISO 12647-3's most for coldset newsprint. */
    public static final int DEFAULT_INK_LIMIT = InkLimit.DEFAULT_PERCENT;

    /** SWOP coated, from Debian's libgs-common; a plant's own profile replaces it with --cmyk-profile. */
    public static final Path DEFAULT_CMYK_PROFILE = Path.of("/usr/share/color/icc/ghostscript/default_cmyk.icc");

    /** The newsroom's time zone: dates in the editions are shown in it. */
    public static final ZoneId NEWSROOM = ZoneId.of("Asia/Shanghai");

    public EditionOptions {
        editions = editions.isEmpty() ? EnumSet.noneOf(Edition.class) : EnumSet.copyOf(editions);
        Objects.requireNonNull(cmykProfile, "cmykProfile");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(warnings, "warnings");
        new InkLimit(inkLimit); // in range
    }

    /** Every edition, no marks, the default profile, the timestamp from SOURCE_DATE_EPOCH, warnings to stderr. */
    public static EditionOptions defaults(Issue issue) {
        return new EditionOptions(EnumSet.allOf(Edition.class), false, DEFAULT_CMYK_PROFILE,
                timestamp(issue, System.getenv("SOURCE_DATE_EPOCH")), w -> System.err.println("warning: " + w),
                DEFAULT_INK_LIMIT);
    }

    /**
     * The editions' timestamp: SOURCE_DATE_EPOCH (seconds since 1970) when set, else the issue's date at
     * midnight in Asia/Shanghai, so that a build never records the wall clock.
     */
    public static Instant timestamp(Issue issue, String sourceDateEpoch) {
        if (sourceDateEpoch == null || sourceDateEpoch.isBlank()) {
            return issue.date().atStartOfDay(NEWSROOM).toInstant();
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.strip()));
        } catch (NumberFormatException e) {
            throw new PaibanException("SOURCE_DATE_EPOCH: '" + sourceDateEpoch + "' is not a number of seconds "
                    + "since 1970-01-01; set it to e.g. $(git log -1 --format=%ct) or unset it");
        }
    }

    public EditionOptions withEditions(Set<Edition> e) {
        return new EditionOptions(e, marks, cmykProfile, timestamp, warnings, inkLimit);
    }

    public EditionOptions withMarks(boolean m) {
        return new EditionOptions(editions, m, cmykProfile, timestamp, warnings, inkLimit);
    }

    public EditionOptions withCmykProfile(Path p) {
        return new EditionOptions(editions, marks, p, timestamp, warnings, inkLimit);
    }

    public EditionOptions withTimestamp(Instant t) {
        return new EditionOptions(editions, marks, cmykProfile, t, warnings, inkLimit);
    }

    public EditionOptions withWarnings(Consumer<String> w) {
        return new EditionOptions(editions, marks, cmykProfile, timestamp, w, inkLimit);
    }

    public EditionOptions withInkLimit(int percent) {
        return new EditionOptions(editions, marks, cmykProfile, timestamp, warnings, percent);
    }
}
