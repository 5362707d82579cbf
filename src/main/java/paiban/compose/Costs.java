package paiban.compose;

/**
 * What the page filler counts against a page, in points of badness, in one place. The costs are per
 * column line or per occurrence, so they hold for any column count and page height; relative sizes
 * (a fifth of the page, two thirds of the columns) are fractions, never column numbers.
 *
 * @param whiteMid        per column line of white above another module: a hole in the page
 * @param whiteFoot       per column line of white at the page foot, up to {@code footAllowance} lines
 * @param whiteHole       per column line of white at the foot beyond the allowance
 * @param footAllowance   lines a column may end short of the foot
 * @param air             per column line of headline air
 * @param airIndex        per column line the 导读 box spreads its items: almost free
 * @param cut             a jump (下转/上接)
 * @param frontStory      each story that starts on page 1 besides the lead (negative: page 1 wants many)
 * @param order           per more important story left waiting behind a placed one
 * @param sectionOrder    per piece of an earlier section left waiting behind a placed piece of a later one
 * @param photo           per column a photo is off the preferred size
 * @param narrowStory     a story in a single column
 * @param wideBrief       a brief wider than the layout's brief width
 * @param shortBand       a band shorter than {@code minBand} lines above the foot
 * @param unplacedContinuation a continuation the page could not take
 * @param overflow        per row of copy a run's last page leaves out
 * @param stuck           per column line left empty while copy waits
 * @param strip           per column and line a story's body is under {@code minColumnLines}
 * @param wideAgain       a full-width band under another one
 * @param big             per column line a module is over two fifths of the page
 * @param indexPending    page 1 without its 导读 box yet
 * @param filler          a filler set: worth it only where it closes more than a few lines of white
 * @param fillerShare     fillers take at most this share of a page's area
 * @param minBand         bands shorter than this look like strips, except at the page foot
 * @param minColumnLines  body lines under a headline below which a module looks like a strip
 * @param quoteLeftOut    a page that carries a story without the pull quote (引语) its editor chose for it
 * @param openUnderPhoto  a story whose body opens under its photo, away from its headline, where an L-shaped
 *                        module (photo at the top right, body beside it and then under it) could open it there
 */
record Costs(double whiteMid, double whiteFoot, double whiteHole, int footAllowance, double air, double airIndex,
             double cut, double frontStory, double order, double sectionOrder, double photo, double narrowStory,
             double wideBrief, double shortBand, double unplacedContinuation, double overflow, double stuck,
             double strip, double wideAgain, double big, double indexPending, double filler, double fillerShare, int minBand,
             int minColumnLines, double quoteLeftOut, double openUnderPhoto) {

    static final Costs DEFAULT = new Costs(6, 0.5, 40, 3, 1.2, 0.1, 20, -15, 9, 60, 12, 40, 15, 60, 400, 200, 30,
            1.5, 25, 0.3, 300, 10, 0.25, 8, 10, 40, 6);

    /** A column ending {@code f} lines short of the page foot: the allowance is cheap, more is a hole. */
    double foot(int f) {
        return f <= footAllowance ? f * whiteFoot : footAllowance * whiteFoot + (f - footAllowance) * whiteHole;
    }
}
