package paiban.compose;

/**
 * Where each column of a built page really ends: the grid line after the last thing printed in it, text
 * lines by their baselines and widths, photos by their frames, the 导读 box and fillers by their frames
 * (a tinted box is what the reader sees end); in columns an ad closes at the foot, by how near the copy
 * comes to the ad's top. The build names a page short by this, not by its plans.
 */
final class PageFeet {

    private PageFeet() {
    }

    static int[] of(Page page, Grid grid) {
        int[] feet = new int[grid.columns()];
        // an ad at the foot closes its columns there: the copy above it must reach its top
        int[] adTop = new int[grid.columns()];
        java.util.Arrays.fill(adTop, grid.lines());
        float step = grid.columnWidth() + grid.gutter();
        for (Module m : page.modules()) {
            if (m.kind() == ModuleKind.AD && m.bottom() == grid.lines()) {
                for (int c = m.column(); c < m.column() + m.span(); c++) adTop[c] = Math.min(adTop[c], m.line());
                continue;
            }
            if (m.kind() == ModuleKind.AD || m.kind() == ModuleKind.INDEX || m.kind() == ModuleKind.FILLER) {
                for (int c = m.column(); c < m.column() + m.span(); c++) feet[c] = Math.max(feet[c], m.bottom());
                continue;
            }
            for (PlacedLine l : m.text()) {
                // a vertical line (竖排标题) runs its width down the page and is its size across
                boolean v = l.line().vertical();
                float foot = v ? l.baseline() + l.line().width() - l.line().size() : l.baseline();
                float across = v ? l.line().size() : l.line().width();
                int line = (int) Math.floor(foot / grid.pitch());
                int from = (int) Math.floor((l.x() + 1) / step);
                int to = (int) Math.floor((l.x() + across - 1) / step);
                for (int c = Math.max(0, from); c <= Math.min(grid.columns() - 1, to); c++) feet[c] = Math.max(feet[c], line + 1);
            }
            for (PlacedPhoto p : m.photos()) {
                int line = (int) Math.ceil((p.y() + p.height()) / grid.pitch() - 1e-3);
                int from = (int) Math.floor((p.x() + 1) / step);
                int to = (int) Math.floor((p.x() + p.width() - 1) / step);
                for (int c = Math.max(0, from); c <= Math.min(grid.columns() - 1, to); c++) feet[c] = Math.max(feet[c], line);
            }
        }
        for (int c = 0; c < feet.length; c++) feet[c] += grid.lines() - adTop[c];
        return feet;
    }
}
