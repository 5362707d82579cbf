package paiban.web;

import org.w3c.dom.Element;
import paiban.compose.Module;
import paiban.compose.Page;
import paiban.compose.PlacedLine;
import paiban.core.PaibanException;
import paiban.core.Workers;
import paiban.model.Article;
import paiban.model.Block;
import paiban.model.Issue;
import paiban.model.Photo;
import paiban.render.Layout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Writes {@code out/<id>/web/}: index.html, NN.html per page, articles/&lt;slug&gt;.html, photos/ at
 * screen size and the layout's web.css. The page pictures are finish's previews/NN.png, linked as
 * {@code ../previews/NN.png}, so they are stored once.
 *
 * <p>The folder is made beside the old one under a temporary name and swapped in whole when done, so a
 * failed build leaves the old web edition, never half of a new one.
 */
public final class WebEdition {

    /** The folder name inside an issue's output folder. */
    public static final String FOLDER = "web";

    /** Photos on article pages are shrunk to at most this width: a desktop column, twice a phone's. */
    static final int PHOTO_WIDTH = 960;

    private final Issue issue;
    private final Layout layout;
    private final List<Page> pages;
    private final WebLayout look;
    private final List<Article> articles;

    private WebEdition(Issue issue, Layout layout, List<Page> pages) {
        this.issue = issue;
        this.layout = layout;
        this.pages = pages;
        this.look = WebLayout.load(layout.folder());
        this.articles = articlesInPaperOrder();
    }

    /**
     * Writes the web edition of one issue into {@code issueOut/web/}; {@code issueOut/previews/} must
     * already hold the page pictures.
     */
    public static void write(Issue issue, Layout layout, List<Page> pages, Path issueOut) {
        WebEdition edition = new WebEdition(issue, layout, pages);
        try {
            edition.writeArticles(issueOut);
        } catch (IOException e) {
            throw edition.failed(issueOut, e);
        }
        edition.writePages(issueOut);
    }

    /**
     * Starts the web edition on the workers while finish makes the other editions: its article pages and
     * photos need nothing from finish. {@link Draft#finish()} adds the issue and page views, which show
     * finish's previews, once they are written.
     */
    public static Draft start(Issue issue, Layout layout, List<Page> pages, Path issueOut) {
        WebEdition edition = new WebEdition(issue, layout, pages);
        return new Draft(edition, issueOut, Workers.start(() -> {
            edition.writeArticles(issueOut);
            return null;
        }));
    }

    /** A web edition whose article pages are under way; finished or cancelled by the thread that started it. */
    public static final class Draft {
        private final WebEdition edition;
        private final Path issueOut;
        private final CompletableFuture<Void> articles;

        private Draft(WebEdition edition, Path issueOut, CompletableFuture<Void> articles) {
            this.edition = edition;
            this.issueOut = issueOut;
            this.articles = articles;
        }

        /** Waits for the article pages, then writes the rest and puts the edition in place. */
        public void finish() {
            try {
                Workers.join(articles);
            } catch (IOException | RuntimeException e) {
                throw edition.failed(issueOut, e);
            }
            edition.writePages(issueOut);
        }

        /** Waits for the article pages and removes them: the build failed, and the old edition stays. */
        public void cancel() {
            articles.exceptionally(e -> null).join();
            try {
                deleteTree(issueOut.resolve(PART));
            } catch (IOException ignored) {
                // the temporary folder is named .paiban-*, never mistaken for the edition
            }
        }
    }

    /** The edition's folder while it is written. */
    private static final String PART = ".paiban-web.part";

    /** The style sheet, the article pages and their photos, into the temporary folder. */
    private void writeArticles(Path issueOut) throws IOException {
        Path temp = issueOut.resolve(PART);
        deleteTree(temp);
        Files.createDirectories(temp.resolve("articles"));
        Files.write(temp.resolve(WebLayout.CSS), look.css());
        ScreenPhotos photos = new ScreenPhotos(temp.resolve("photos"), PHOTO_WIDTH);
        for (int i = 0; i < articles.size(); i++) {
            save(temp.resolve("articles/" + articles.get(i).slug() + ".html"), articlePage(i, photos));
        }
    }

    private PaibanException failed(Path issueOut, Exception e) {
        try {
            deleteTree(issueOut.resolve(PART));
        } catch (IOException ignored) {
            // the temporary folder is named .paiban-*, never mistaken for the edition
        }
        if (e instanceof PaibanException p) return p;
        return new PaibanException(issueOut.resolve(FOLDER) + ": cannot write the web edition (" + e.getMessage() + ")", e);
    }

    /** The issue and page views, which show the previews; then the edition replaces the old one. */
    private void writePages(Path issueOut) {
        Path target = issueOut.resolve(FOLDER);
        Path temp = issueOut.resolve(PART);
        Path old = issueOut.resolve(".paiban-web.old");
        try {
            deleteTree(old);
            save(temp.resolve("index.html"), issuePage(issueOut));
            for (Page p : pages) {
                save(temp.resolve(pageFile(p.number())), pagePage(p, picture(issueOut, p.number())));
            }
            if (Files.exists(target)) Files.move(target, old);
            Files.move(temp, target);
            deleteTree(old);
        } catch (IOException | RuntimeException e) {
            throw failed(issueOut, e);
        }
    }

    static String pageFile(int number) {
        return String.format(Locale.ROOT, "%02d.html", number);
    }

    static String previewFile(int number) {
        return String.format(Locale.ROOT, "previews/%02d.png", number);
    }

    static String thumbFile(int number) {
        return String.format(Locale.ROOT, "previews/thumbs/%02d.png", number);
    }

    private Map<String, String> fields(String title) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("paper", issue.paper());
        f.put("date", issue.date().getYear() + "年" + issue.date().getMonthValue() + "月" + issue.date().getDayOfMonth() + "日");
        f.put("weekday", issue.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA));
        f.put("number", "总第" + issue.number() + "期");
        f.put("publisher", issue.publisher());
        f.put("serial", issue.serial());
        f.put("editor", issue.editor().isEmpty() ? "" : "责任编辑：" + issue.editor());
        return f;
    }

    private String pageTitle(Page p) {
        return "第" + p.number() + "版 " + p.section();
    }

    /** index.html: the pages as thumbnails, and page 1's 导读 as links. */
    private String issuePage(Path issueOut) {
        WebLayout.Sheet s = look.sheet(fields(issue.title()), "");
        Element main = s.content();
        s.add(main, "h1", "issue-title", issue.paper() + " " + fields("").get("date") + " " + fields("").get("number"));
        Element pagesNav = s.add(main, "nav", "pages");
        pagesNav.setAttribute("aria-label", "版面");
        s.add(pagesNav, "h2", null, "版面");
        Element list = s.add(pagesNav, "ul", "page-list");
        for (Page p : pages) {
            Element li = s.add(list, "li", null);
            Element a = s.link(li, pageFile(p.number()), "page-thumb", null);
            Element img = s.add(a, "img", null);
            img.setAttribute("src", "../" + thumbFile(p.number()));
            img.setAttribute("alt", pageTitle(p) + "版面缩略图");
            PageMap.Picture t = picture(issueOut.resolve(thumbFile(p.number())));
            img.setAttribute("width", String.valueOf(t.width()));
            img.setAttribute("height", String.valueOf(t.height()));
            s.add(a, "span", "page-name", pageTitle(p));
        }
        List<Article> index = leadsOnFront();
        if (!index.isEmpty()) {
            Element box = s.add(main, "section", "index");
            box.setAttribute("id", "daodu");
            s.add(box, "h2", null, "导读");
            Element ul = s.add(box, "ul", null);
            for (Article a : index) {
                Element li = s.add(ul, "li", null);
                s.link(li, "articles/" + a.slug() + ".html", null, a.title());
                List<Integer> on = PageMap.pagesOf(pages, a.slug());
                li.appendChild(s.doc().createTextNode(" "));
                s.link(li, pageFile(on.getFirst()), "on-page", "第" + on.getFirst() + "版");
            }
        }
        return s.text();
    }

    /**
     * The stories page 1's 导读 box lists: those that start on another page and whose titles the box
     * printed (the box drops the least important items when it is short of room).
     */
    private List<Article> leadsOnFront() {
        Page front = pages.getFirst();
        StringBuilder box = new StringBuilder();
        for (Module m : front.modules()) {
            if (PageMap.kindOf(m) != PageMap.AreaKind.INDEX) continue;
            // the titles, not the 提要 under them, which may quote another story's title
            for (PlacedLine l : m.text()) if (!l.cssClass().equals("index-summary")) box.append(l.line().text());
        }
        String printed = box.toString().replaceAll("\\s", "");
        List<Article> out = new ArrayList<>();
        if (printed.isEmpty()) return out;
        for (Article a : articles) {
            if (PageMap.pagesOf(pages, a.slug()).getFirst() > 1 && printed.contains(a.title().replaceAll("\\s", ""))) {
                out.add(a);
            }
        }
        return out;
    }

    /** NN.html: the page picture with a link over every story part, photo and jump line. */
    private String pagePage(Page p, PageMap.Picture picture) {
        WebLayout.Sheet s = look.sheet(fields(pageTitle(p) + " · " + issue.title()), "");
        Element main = s.content();
        s.add(main, "h1", "page-title", pageTitle(p));
        pager(s, main, p.number());
        Element figure = s.add(main, "div", "page-picture");
        Element img = s.add(figure, "img", null);
        img.setAttribute("src", "../" + previewFile(p.number()));
        img.setAttribute("alt", pageTitle(p) + "版面");
        img.setAttribute("width", String.valueOf(picture.width()));
        img.setAttribute("height", String.valueOf(picture.height()));
        for (PageMap.Area a : PageMap.areas(layout, pages, p, picture)) {
            String href = switch (a.kind()) {
                case JUMP_ON, JUMP_BACK -> pageFile(a.page());
                case INDEX -> "index.html#daodu";
                default -> "articles/" + a.slug() + ".html";
            };
            String label = switch (a.kind()) {
                case JUMP_ON -> a.title() + "（下转第" + a.page() + "版）";
                case JUMP_BACK -> a.title() + "（上接第" + a.page() + "版）";
                case INDEX -> "导读";
                case PHOTO -> a.title() + "（图片）";
                default -> a.title();
            };
            Element link = s.link(figure, href, "area " + a.kind().css(), null);
            link.setAttribute("title", label);
            link.setAttribute("data-slug", a.slug());
            link.setAttribute("style", String.format(Locale.ROOT, "left:%.3f%%;top:%.3f%%;width:%.3f%%;height:%.3f%%",
                    100.0 * a.left() / picture.width(), 100.0 * a.top() / picture.height(),
                    100.0 * a.width() / picture.width(), 100.0 * a.height() / picture.height()));
            s.add(link, "span", "label", label);
        }
        Element list = s.add(main, "section", "page-articles");
        s.add(list, "h2", null, "本版文章");
        Element ul = s.add(list, "ul", null);
        List<String> seen = new ArrayList<>();
        for (Module m : p.modules()) {
            if (m.slug().isEmpty() || seen.contains(m.slug())) continue;
            seen.add(m.slug());
            s.link(s.add(ul, "li", null), "articles/" + m.slug() + ".html", null, m.title());
        }
        return s.text();
    }

    private void pager(WebLayout.Sheet s, Element parent, int number) {
        Element nav = s.add(parent, "nav", "pager");
        nav.setAttribute("aria-label", "翻版");
        if (number > 1) s.link(nav, pageFile(number - 1), "prev", "上一版").setAttribute("rel", "prev");
        s.link(nav, "index.html", "up", "本期目录");
        if (number < pages.size()) s.link(nav, pageFile(number + 1), "next", "下一版").setAttribute("rel", "next");
    }

    /** articles/&lt;slug&gt;.html: the article whole, as the copy has it, with where it stands in the paper. */
    private String articlePage(int index, ScreenPhotos photos) throws IOException {
        Article a = articles.get(index);
        WebLayout.Sheet s = look.sheet(fields(a.title() + " · " + issue.title()), "../");
        Element art = s.add(s.content(), "article", "story");
        searchable(s, art, a);
        Element head = s.add(art, "header", "headline");
        if (!a.kicker().isEmpty()) s.add(head, "p", "kicker", a.kicker());
        s.add(head, "h1", "title", a.title());
        if (!a.subtitle().isEmpty()) s.add(head, "p", "subtitle", a.subtitle());
        int n = 0;
        for (Photo ph : a.photos()) {
            n++;
            ScreenPhotos.Saved saved;
            try {
                saved = photos.save(ph, a.slug() + "-" + n);
            } catch (IOException | RuntimeException e) {
                throw new PaibanException(a.file() + ": photo " + ph.name() + ": cannot be made ready for the web ("
                        + e.getMessage() + ")", e);
            }
            Element fig = s.add(art, "figure", "photo");
            Element img = s.add(fig, "img", null);
            img.setAttribute("src", "../photos/" + saved.name());
            img.setAttribute("alt", ph.caption().isEmpty() ? a.title() : ph.caption());
            img.setAttribute("width", String.valueOf(saved.width()));
            img.setAttribute("height", String.valueOf(saved.height()));
            if (!ph.caption().isEmpty() || !ph.credit().isEmpty()) {
                Element cap = s.add(fig, "figcaption", null);
                if (!ph.caption().isEmpty()) s.add(cap, "span", "caption", ph.caption());
                if (!ph.credit().isEmpty()) s.add(cap, "span", "credit", ph.credit());
            }
        }
        body(s, s.add(art, "div", "body"), a);
        Element where = s.add(art, "p", "on-pages");
        where.setAttribute("data-pagefind-ignore", "");
        where.appendChild(s.doc().createTextNode("刊于"));
        List<Integer> on = PageMap.pagesOf(pages, a.slug());
        for (int i = 0; i < on.size(); i++) {
            if (i > 0) where.appendChild(s.doc().createTextNode("、"));
            s.link(where, "../" + pageFile(on.get(i)), null, "第" + on.get(i) + "版");
        }
        Element nav = s.add(s.content(), "nav", "pager");
        nav.setAttribute("aria-label", "上下篇");
        if (index > 0) {
            Article prev = articles.get(index - 1);
            s.link(nav, prev.slug() + ".html", "prev", "上一篇：" + prev.title()).setAttribute("rel", "prev");
        }
        s.link(nav, "../index.html", "up", "本期目录");
        if (index + 1 < articles.size()) {
            Article next = articles.get(index + 1);
            s.link(nav, next.slug() + ".html", "next", "下一篇：" + next.title()).setAttribute("rel", "next");
        }
        return s.text();
    }

    /**
     * Marks the article for the back catalogue's search (Pagefind reads these attributes; a browser ignores
     * them): the article is what is indexed, and the date, issue and pages come with each result.
     */
    private void searchable(WebLayout.Sheet s, Element art, Article a) {
        art.setAttribute("data-pagefind-body", "");
        Element head = (Element) s.html().getElementsByTagNameNS(WebLayout.XHTML, "head").item(0);
        if (head == null) return;
        List<Integer> on = PageMap.pagesOf(pages, a.slug());
        StringBuilder where = new StringBuilder("第");
        for (int i = 0; i < on.size(); i++) where.append(i > 0 ? "、" : "").append(on.get(i));
        where.append("版");
        for (String[] meta : new String[][] {{"title", a.title()}, {"date", issue.date().toString()},
                {"issue", issue.paper() + " 总第" + issue.number() + "期"}, {"page", where.toString()},
                {"first_page", String.valueOf(on.getFirst())}}) {
            Element m = s.add(head, "meta", null);
            m.setAttribute("data-pagefind-meta", meta[0] + "[content]");
            m.setAttribute("content", meta[1]);
        }
    }

    /**
     * The body as print sets it (see compose's Story): the dateline in bold before the first paragraph, the
     * source in parentheses after the last, subheads as headings.
     */
    private static void body(WebLayout.Sheet s, Element div, Article a) {
        List<Block> blocks = new ArrayList<>(a.body());
        int lastParagraph = -1;
        for (int i = 0; i < blocks.size(); i++) if (blocks.get(i) instanceof Block.Paragraph) lastParagraph = i;
        if (lastParagraph < 0 && (!a.dateline().isEmpty() || !a.source().isEmpty())) {
            blocks.add(new Block.Paragraph(List.of()));
            lastParagraph = blocks.size() - 1;
        }
        boolean first = true;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Block.Subhead h) {
                s.add(div, "h2", "subhead", h.text());
                continue;
            }
            Element p = s.add(div, "p", null);
            if (first && !a.dateline().isEmpty()) {
                String d = a.dateline();
                boolean closes = d.endsWith("）") || d.endsWith(")") || d.endsWith("】");
                s.add(p, "strong", "dateline", closes ? d : d + "\u3000");
            }
            first = false;
            for (Block.Run r : ((Block.Paragraph) blocks.get(i)).runs()) {
                if (r.bold()) s.add(p, "strong", null, r.text());
                else p.appendChild(s.doc().createTextNode(r.text()));
            }
            if (i == lastParagraph && !a.source().isEmpty()) {
                String src = a.source();
                s.add(p, "span", "source", src.startsWith("（") ? src : "（" + src + "）");
            }
        }
    }

    /** The articles in the order they first appear in the paper, page by page. */
    private List<Article> articlesInPaperOrder() {
        List<Article> out = new ArrayList<>();
        for (Page p : pages) {
            for (Module m : p.modules()) {
                if (m.slug().isEmpty()) continue;
                Article a = issue.article(m.slug()).orElseThrow(() ->
                        new IllegalStateException("compose placed \"" + m.slug() + "\", which the issue does not have"));
                if (!out.contains(a)) out.add(a);
            }
        }
        return out;
    }

    private static void save(Path file, String html) throws IOException {
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private PageMap.Picture picture(Path issueOut, int number) {
        return picture(issueOut.resolve(previewFile(number)));
    }

    /** A PNG's size from its IHDR chunk, without decoding it. */
    static PageMap.Picture picture(Path png) {
        if (!Files.isRegularFile(png)) {
            throw new PaibanException(png + ": missing; the web edition shows finish's previews (build with the previews edition)");
        }
        try (InputStream in = Files.newInputStream(png)) {
            byte[] head = in.readNBytes(24);
            if (head.length < 24 || head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') {
                throw new PaibanException(png + ": not a PNG");
            }
            return new PageMap.Picture(int32(head, 16), int32(head, 20));
        } catch (IOException e) {
            throw new PaibanException(png + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
