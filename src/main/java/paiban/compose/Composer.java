package paiban.compose;

import paiban.PaibanException;
import paiban.model.Article;
import paiban.model.Issue;
import paiban.typeset.SetLine;
import paiban.typeset.TextStyle;
import paiban.typeset.Typesetter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page builder: places the issue's stories as modules on pages.
 * Stories go by section, then priority; each page carries one section. A story that does not fit
 * where it stands continues on a later page with 下转/上接 jump lines.
 */
public final class Composer {

    /** The composed issue and anything the editor should hear about. */
    public record Composition(List<Page> pages, List<String> warnings) {
    }

    private final Grid grid;
    private final Styles styles;
    private final ModuleBuilder builder;

    public Composer(Grid grid, Styles styles) {
        this.grid = grid;
        this.styles = styles;
        this.builder = new ModuleBuilder(grid, styles);
    }

    /** A jump line waiting for the page number of its continuation. */
    private record PendingJump(int page, int module, float x, float baseline, String slug) {
    }

    public Composition compose(Issue issue) {
        List<String> warnings = new ArrayList<>();
        List<Story> stories = new ArrayList<>();
        for (Article a : order(issue.articles())) {
            Story s = new Story(a, grid, styles);
            if (!s.fallbacks().isEmpty()) {
                warnings.add("articles/" + a.file().getFileName() + " (article '" + a.slug() + "'): "
                        + describe(s.fallbacks()) + " set in a fallback font; add a font with "
                        + (s.fallbacks().size() == 1 ? "it" : "them") + " to the role's font to match");
            }
            stories.add(s);
        }

        List<List<Module>> pages = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        List<PendingJump> jumps = new ArrayList<>();
        Map<String, Integer> continuedFrom = new LinkedHashMap<>();

        int pageIndex = -1;
        int line = grid.lines();
        String section = null;
        List<Story> queue = new ArrayList<>(stories);
        Map<Story, Integer> progress = new LinkedHashMap<>();
        boolean firstOnPage1 = true;
        while (!queue.isEmpty()) {
            Story story = queue.getFirst();
            String storySection = story.article().section();
            int from = progress.getOrDefault(story, 0);
            boolean continuation = from > 0;
            if (pageIndex < 0 || (!storySection.equals(section) && !continuation && line > top(pageIndex))
                    || grid.lines() - line < 8) {
                pageIndex++;
                pages.add(new ArrayList<>());
                sections.add(storySection);
                section = storySection;
                line = top(pageIndex);
            }
            boolean lead = pageIndex == 0 && firstOnPage1 && !continuation;
            String level = ModuleBuilder.headlineLevel(story.article().priority(), grid.columns(), lead);
            int room = grid.lines() - line;
            ModuleBuilder.Built built = builder.build(story, from, 0, grid.columns(), line, room, level, continuation,
                    continuation ? continuedFrom.get(story.article().slug()) : 0, !continuation);
            firstOnPage1 = firstOnPage1 && pageIndex != 0;
            pages.get(pageIndex).add(built.module());
            if (built.jumped()) {
                jumps.add(new PendingJump(pageIndex, pages.get(pageIndex).size() - 1, built.jumpX(),
                        built.jumpBaseline(), story.article().slug()));
                progress.put(story, built.nextRow());
                continuedFrom.put(story.article().slug(), pageIndex + 1);
                // the continuation goes to the next page: start it there
                line = grid.lines();
            } else {
                queue.removeFirst();
                line = built.module().bottom() + 1;
            }
        }
        resolveJumps(pages, jumps);
        List<Page> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) out.add(new Page(i + 1, sections.get(i), pages.get(i)));
        if (issue.pages().isPresent() && out.size() > issue.pages().get()) {
            throw new PaibanException("issue.yaml: 'pages: " + issue.pages().get() + "' is too few: the copy needs "
                    + out.size() + " pages");
        }
        return new Composition(out, warnings);
    }

    private int top(int pageIndex) {
        return pageIndex == 0 ? grid.mastheadLines() : 0;
    }

    /** Writes every （下转第N版） now that the page of each continuation is known. */
    private void resolveJumps(List<List<Module>> pages, List<PendingJump> jumps) {
        TextStyle jump = styles.get("jump").withAlign(TextStyle.Align.RIGHT).withIndent(0);
        for (PendingJump j : jumps) {
            int target = -1;
            for (int p = j.page() + 1; p < pages.size() && target < 0; p++) {
                for (Module m : pages.get(p)) {
                    if (m.slug().equals(j.slug()) && m.kind().equals("continuation")) target = p + 1;
                }
            }
            SetLine l = Typesetter.set("（下转第" + target + "版）", jump, grid.columnWidth()).lines().getFirst();
            Module m = pages.get(j.page()).get(j.module());
            List<PlacedLine> text = new ArrayList<>(m.text());
            text.add(new PlacedLine(l, j.x(), j.baseline(), "jump", "jump", jump.color(), 999, false));
            pages.get(j.page()).set(j.module(), new Module(m.slug(), m.title(), m.kind(), m.column(), m.span(),
                    m.line(), m.lines(), text, m.photos()));
        }
    }

    /** Sections in the order of their most important story; within a section by priority, then name. */
    static List<Article> order(List<Article> articles) {
        Map<String, Integer> sectionRank = new LinkedHashMap<>();
        articles.stream().sorted(Comparator.comparingInt(Article::priority).thenComparing(Article::slug))
                .forEach(a -> sectionRank.putIfAbsent(a.section(), sectionRank.size()));
        return articles.stream().sorted(Comparator.<Article>comparingInt(a -> sectionRank.get(a.section()))
                .thenComparingInt(Article::priority).thenComparing(Article::slug)).toList();
    }

    private static String describe(java.util.Set<Integer> cps) {
        StringBuilder sb = new StringBuilder();
        for (int cp : cps) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append('\'').appendCodePoint(cp).append("' (").append(String.format("U+%04X", cp)).append(')');
        }
        return sb.toString();
    }
}
