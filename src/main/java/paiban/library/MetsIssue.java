package paiban.library;

import paiban.core.Digests;
import paiban.model.Article;
import paiban.model.Issue;
import paiban.render.RenderedIssue;
import paiban.render.RenderedIssue.PageInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The issue as METS 1.12.1 (archive/mets.xml), the wrapper libraries ingest newspapers in: MODS for the
 * issue and for each article; the files of each page (its ALTO, its PDF, its preview) with their sizes
 * and SHA-256 sums; a physical map of the pages; and a logical map of the articles, each article's parts
 * pointing at their ALTO TextBlocks (and photos' Illustrations) in reading order, across 下转/上接 to the
 * page where the story continues. The 导读 box and other page furniture are no article and are not
 * listed there.
 *
 * <p>Files are named relative to this file ({@code ../pages/01.pdf}): the bundle is the issue's output
 * folder as a whole.
 */
public final class MetsIssue {

    public static final String FILE = "archive/mets.xml";
    static final String METS = "http://www.loc.gov/METS/";
    static final String MODS = "http://www.loc.gov/mods/v3";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String SCHEMAS = METS + " http://www.loc.gov/standards/mets/mets.xsd "
            + MODS + " http://www.loc.gov/standards/mods/v3/mods-3-8.xsd";

    /**
     * A page's files, named relative to the issue's output folder; {@code pdf} and {@code preview} are null
     * when the build did not make them.
     */
    public record PageFiles(int number, String alto, String pdf, String preview) {
    }

    /**
     * What the bundle lists besides this file.
     *
     * @param pages    one entry a page, in page order
     * @param issuePdf the archive PDF of the whole issue, or null when not made
     * @param staged   where each named file's bytes are now (the build writes under temporary names)
     */
    public record Listing(List<PageFiles> pages, String issuePdf, Function<String, Path> staged) {
    }

    private MetsIssue() {
    }

    public static void write(RenderedIssue r, ZonedDateTime made, Listing files, Path file) throws IOException {
        Files.writeString(file, of(r, made, files), StandardCharsets.UTF_8);
    }

    /** An article of the logical map: its parts, page by page, in reading order. */
    private record Story(String slug, String title, List<AltoPage.Part> parts, List<Integer> pages) {
    }

    static String of(RenderedIssue r, ZonedDateTime made, Listing files) throws IOException {
        Issue issue = r.issue();
        List<Story> stories = stories(r);
        XmlWriter x = new XmlWriter();
        x.start("mets:mets", "xmlns:mets", METS, "xmlns:mods", MODS, "xmlns:xlink", XLINK,
                "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation", SCHEMAS,
                "OBJID", issue.id(), "LABEL", issue.title(), "TYPE", "Newspaper");
        x.start("mets:metsHdr", "CREATEDATE", AltoPage.timestamp(made));
        x.start("mets:agent", "ROLE", "CREATOR", "TYPE", "OTHER", "OTHERTYPE", "SOFTWARE");
        x.text("mets:name", "paiban");
        x.end();
        if (!issue.publisher().isEmpty()) {
            x.start("mets:agent", "ROLE", "IPOWNER", "TYPE", "ORGANIZATION");
            x.text("mets:name", issue.publisher());
            x.end();
        }
        x.end();

        issueMods(x, issue, r.pages().size());
        for (int i = 0; i < stories.size(); i++) articleMods(x, i + 1, stories.get(i), issue);

        x.start("mets:fileSec");
        fileGroup(x, "alto", "text/xml", "ALTO", files, PageFiles::alto);
        fileGroup(x, "pdf", "application/pdf", "PDF", files, PageFiles::pdf);
        fileGroup(x, "preview", "image/png", "IMG", files, PageFiles::preview);
        if (files.issuePdf() != null) {
            x.start("mets:fileGrp", "ID", "FG_ISSUE", "USE", "archive");
            file(x, "ISSUE_PDF", null, "application/pdf", files.issuePdf(), files);
            x.end();
        }
        x.end();

        x.start("mets:structMap", "ID", "SM_PHYSICAL", "TYPE", "PHYSICAL", "LABEL", "pages");
        x.start("mets:div", "ID", "PHYS_ISSUE", "TYPE", "issue", "LABEL", issue.title(), "DMDID", "DMD_ISSUE");
        if (files.issuePdf() != null) x.empty("mets:fptr", "FILEID", "ISSUE_PDF");
        for (int i = 0; i < r.pages().size(); i++) {
            PageInfo page = r.pages().get(i);
            PageFiles f = files.pages().get(i);
            String n = String.valueOf(page.number());
            x.start("mets:div", "ID", "PHYS_" + n, "TYPE", "page", "ORDER", String.valueOf(i + 1),
                    "ORDERLABEL", "第" + n + "版", "LABEL", "第" + n + "版 · " + page.section());
            x.empty("mets:fptr", "FILEID", "ALTO" + n);
            if (f.pdf() != null) x.empty("mets:fptr", "FILEID", "PDF" + n);
            if (f.preview() != null) x.empty("mets:fptr", "FILEID", "IMG" + n);
            x.end();
        }
        x.end();
        x.end();

        x.start("mets:structMap", "ID", "SM_LOGICAL", "TYPE", "LOGICAL", "LABEL", "articles");
        x.start("mets:div", "ID", "LOG_ISSUE", "TYPE", "issue", "LABEL", issue.title(), "DMDID", "DMD_ISSUE");
        for (int i = 0; i < stories.size(); i++) {
            Story s = stories.get(i);
            x.start("mets:div", "ID", "LOG_ART" + (i + 1), "TYPE", "article", "ORDER", String.valueOf(i + 1),
                    "LABEL", s.title(), "DMDID", "DMD_ART" + (i + 1));
            x.start("mets:fptr");
            x.start("mets:seq");
            for (AltoPage.Part p : s.parts()) {
                String alto = "ALTO" + p.page();
                x.empty("mets:area", "FILEID", alto, "BEGIN", p.block(), "BETYPE", "IDREF");
                for (String ill : p.illustrations()) x.empty("mets:area", "FILEID", alto, "BEGIN", ill, "BETYPE", "IDREF");
            }
            x.end();
            x.end();
            x.end();
        }
        x.end();
        x.end();
        x.end();
        return x.finish();
    }

    /** The articles in the order they first appear in the paper, as text.json lists them. */
    private static List<Story> stories(RenderedIssue r) {
        Map<String, Story> bySlug = new LinkedHashMap<>();
        for (PageInfo page : r.pages()) {
            for (AltoPage.Part p : AltoPage.parts(page)) {
                String slug = p.module().slug();
                // page furniture: the 导读 box, pull quotes and fillers are no article's parts
                if (!p.module().kind().article()) continue;
                String title = r.issue().article(slug).map(Article::title).orElse(p.module().title());
                Story s = bySlug.computeIfAbsent(slug, k -> new Story(k, title, new ArrayList<>(), new ArrayList<>()));
                s.parts().add(p);
                if (!s.pages().contains(page.number())) s.pages().add(page.number());
            }
        }
        return List.copyOf(bySlug.values());
    }

    private static void issueMods(XmlWriter x, Issue issue, int pages) {
        x.start("mets:dmdSec", "ID", "DMD_ISSUE");
        x.start("mets:mdWrap", "MDTYPE", "MODS", "MDTYPEVERSION", "3.8", "LABEL", issue.title());
        x.start("mets:xmlData");
        x.start("mods:mods");
        x.start("mods:titleInfo");
        x.text("mods:title", issue.paper());
        x.text("mods:partNumber", "总第" + issue.number() + "期");
        x.end();
        x.text("mods:typeOfResource", "text");
        x.text("mods:genre", "newspaper", "authority", "marcgt");
        x.start("mods:originInfo");
        if (!issue.publisher().isEmpty()) x.text("mods:publisher", issue.publisher());
        x.text("mods:dateIssued", issue.date().toString(), "encoding", "w3cdtf", "keyDate", "yes");
        x.text("mods:issuance", "serial");
        x.end();
        language(x);
        x.start("mods:physicalDescription");
        x.text("mods:extent", String.valueOf(pages), "unit", "pages");
        x.end();
        // the 国内统一连续出版物号 has its own key now; 'serial' is another registration (a bulletin's 准印证号)
        if (!issue.furniture().cn().isEmpty()) x.text("mods:identifier", issue.furniture().cn(), "type", "CN");
        if (!issue.serial().isEmpty()) x.text("mods:identifier", issue.serial(), "type", "serial");
        x.text("mods:identifier", issue.id(), "type", "local");
        x.start("mods:part");
        x.start("mods:detail", "type", "issue");
        x.text("mods:number", String.valueOf(issue.number()));
        x.end();
        x.start("mods:extent", "unit", "pages");
        x.text("mods:total", String.valueOf(pages));
        x.end();
        x.text("mods:date", issue.date().toString(), "encoding", "w3cdtf");
        x.end();
        x.end();
        x.end();
        x.end();
        x.end();
    }

    private static void articleMods(XmlWriter x, int n, Story s, Issue issue) {
        Optional<Article> a = issue.article(s.slug());
        x.start("mets:dmdSec", "ID", "DMD_ART" + n);
        x.start("mets:mdWrap", "MDTYPE", "MODS", "MDTYPEVERSION", "3.8", "LABEL", s.title());
        x.start("mets:xmlData");
        x.start("mods:mods");
        x.start("mods:titleInfo");
        x.text("mods:title", s.title());
        if (a.isPresent() && !a.get().subtitle().isEmpty()) x.text("mods:subTitle", a.get().subtitle());
        x.end();
        if (a.isPresent() && !a.get().kicker().isEmpty()) {
            x.start("mods:titleInfo", "type", "alternative", "displayLabel", "引题");
            x.text("mods:title", a.get().kicker());
            x.end();
        }
        x.text("mods:typeOfResource", "text");
        x.text("mods:genre", "article");
        language(x);
        x.text("mods:identifier", s.slug(), "type", "local");
        x.start("mods:part");
        if (a.isPresent()) {
            x.start("mods:detail", "type", "section");
            x.text("mods:caption", a.get().section());
            x.end();
        }
        TreeSet<Integer> pages = new TreeSet<>(s.pages());
        x.start("mods:extent", "unit", "pages");
        x.text("mods:start", String.valueOf(pages.first()));
        x.text("mods:end", String.valueOf(pages.last()));
        x.end();
        x.end();
        x.end();
        x.end();
        x.end();
        x.end();
    }

    private static void language(XmlWriter x) {
        x.start("mods:language");
        x.text("mods:languageTerm", "chi", "type", "code", "authority", "iso639-2b");
        x.end();
    }

    private static void fileGroup(XmlWriter x, String use, String mime, String prefix, Listing files,
                                  Function<PageFiles, String> name) throws IOException {
        if (files.pages().stream().map(name).allMatch(java.util.Objects::isNull)) return;
        x.start("mets:fileGrp", "ID", "FG_" + prefix, "USE", use);
        for (int i = 0; i < files.pages().size(); i++) {
            String f = name.apply(files.pages().get(i));
            if (f == null) continue;
            file(x, prefix + files.pages().get(i).number(), String.valueOf(i + 1), mime, f, files);
        }
        x.end();
    }

    private static void file(XmlWriter x, String id, String seq, String mime, String name, Listing files)
            throws IOException {
        Path p = files.staged().apply(name);
        x.start("mets:file", "ID", id, "SEQ", seq, "MIMETYPE", mime, "SIZE", String.valueOf(Files.size(p)),
                "CHECKSUM", Digests.sha256Hex(p), "CHECKSUMTYPE", "SHA-256");
        x.empty("mets:FLocat", "LOCTYPE", "URL", "xlink:type", "simple", "xlink:href", href(name));
        x.end();
    }

    /** {@code name}, relative to the issue's output folder, as seen from archive/mets.xml. */
    static String href(String name) {
        return Path.of(FILE).getParent().relativize(Path.of(name)).toString().replace('\\', '/');
    }
}
