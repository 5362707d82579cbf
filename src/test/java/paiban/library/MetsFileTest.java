package paiban.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import paiban.model.Issue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static paiban.library.Bundles.ALTO;
import static paiban.library.Bundles.METS;
import static paiban.library.Bundles.MODS;
import static paiban.library.Bundles.XLINK;
import static paiban.library.Bundles.all;
import static paiban.library.Bundles.children;
import static paiban.library.Bundles.named;

/**
 * What mets.xsd (1.12.1) and the LoC XLink schema require of archive/mets.xml, checked without the schemas,
 * and what a library relies on beyond them: the files are there with the sizes and sums given, the areas
 * point at real ALTO blocks, and each article's parts follow its jumps from page to page.
 */
class MetsFileTest {

    static List<Path> issues() {
        return Bundles.both();
    }

    private static Element mets(Path issue) {
        return Bundles.xml(issue.resolve("archive/mets.xml")).getDocumentElement();
    }

    @ParameterizedTest
    @MethodSource("issues")
    void sectionsComeInTheSchemasOrder(Path issue) {
        Element mets = mets(issue);
        assertEquals(METS, mets.getNamespaceURI());
        assertEquals("mets", mets.getLocalName());
        // metsType: metsHdr?, dmdSec*, amdSec*, fileSec?, structMap+, structLink?, behaviorSec*
        List<String> order = List.of("metsHdr", "dmdSec", "amdSec", "fileSec", "structMap", "structLink", "behaviorSec");
        int at = 0;
        int structMaps = 0;
        for (Element e : children(mets)) {
            assertEquals(METS, e.getNamespaceURI());
            int k = order.indexOf(e.getLocalName());
            assertTrue(k >= at, e.getLocalName() + " out of order");
            at = k;
            if (e.getLocalName().equals("structMap")) structMaps++;
        }
        assertEquals(2, structMaps, "a physical and a logical map");
        for (Element agent : named(mets, METS, "agent")) {
            assertTrue(Set.of("CREATOR", "EDITOR", "ARCHIVIST", "PRESERVATION", "DISSEMINATOR", "CUSTODIAN", "IPOWNER",
                    "OTHER").contains(agent.getAttribute("ROLE")), "agent ROLE is required, from the list");
            assertEquals("name", children(agent).getFirst().getLocalName());
        }
        assertTrue(named(mets, METS, "metsHdr").getFirst().getAttribute("CREATEDATE")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"), "CREATEDATE is an xsd:dateTime");
        for (Element dmd : named(mets, METS, "dmdSec")) {
            assertFalse(dmd.getAttribute("ID").isEmpty(), "dmdSec needs an ID");
            Element wrap = children(dmd).getFirst();
            assertEquals("mdWrap", wrap.getLocalName());
            assertEquals("MODS", wrap.getAttribute("MDTYPE"), "MDTYPE is required");
            Element data = children(wrap).getFirst();
            assertEquals("xmlData", data.getLocalName());
            assertEquals(List.of("mods"), children(data).stream().map(Element::getLocalName).toList());
            assertEquals(MODS, children(data).getFirst().getNamespaceURI());
        }
        for (Element grp : named(mets, METS, "fileGrp")) {
            for (Element file : children(grp)) {
                assertEquals("file", file.getLocalName());
                assertFalse(file.getAttribute("ID").isEmpty(), "file needs an ID");
                Element loc = children(file).getFirst();
                assertEquals("FLocat", loc.getLocalName());
                assertTrue(Set.of("ARK", "URN", "URL", "PURL", "HANDLE", "DOI", "OTHER").contains(loc.getAttribute("LOCTYPE")));
                assertEquals("simple", loc.getAttributeNS(XLINK, "type"), "xlink:type is fixed to simple");
                assertFalse(loc.getAttributeNS(XLINK, "href").isEmpty());
            }
        }
        for (Element map : named(mets, METS, "structMap")) assertEquals(1, children(map).size(), "one root div a map");
        for (Element area : named(mets, METS, "area")) {
            assertFalse(area.getAttribute("FILEID").isEmpty(), "area needs a FILEID");
            assertEquals("IDREF", area.getAttribute("BETYPE"));
        }
    }

    @ParameterizedTest
    @MethodSource("issues")
    void idsAreUniqueAndReferencesLeadToTheirKind(Path issue) {
        Element mets = mets(issue);
        Map<String, String> ids = new HashMap<>();
        for (Element e : all(mets)) {
            if (!e.hasAttribute("ID")) continue;
            String id = e.getAttribute("ID");
            assertTrue(id.matches("[A-Za-z_][A-Za-z0-9._-]*"), id + " is no xsd:ID");
            assertEquals(null, ids.put(id, e.getLocalName()), "ID " + id + " twice");
        }
        int links = 0;
        for (Element e : all(mets)) {
            if (e.hasAttribute("FILEID")) {
                assertEquals("file", ids.get(e.getAttribute("FILEID")), e.getLocalName() + " FILEID " + e.getAttribute("FILEID"));
                links++;
            }
            for (String id : e.getAttribute("DMDID").split(" ")) {
                if (!id.isEmpty()) assertEquals("dmdSec", ids.get(id), "DMDID " + id);
            }
        }
        assertTrue(links > 0);
    }

    @ParameterizedTest
    @MethodSource("issues")
    void everyFileIsThereWithItsSizeAndSum(Path issue) throws IOException {
        Element mets = mets(issue);
        Path base = issue.resolve("archive");
        List<Element> files = named(mets, METS, "file");
        int pages = Bundles.textJson(issue).get("pages").size();
        assertEquals(3 * pages + 1, files.size(), "ALTO, PDF and preview of each page, and the issue's archive PDF");
        for (Element f : files) {
            Path p = base.resolve(children(f).getFirst().getAttributeNS(XLINK, "href")).normalize();
            assertTrue(Files.isRegularFile(p), p + " is listed but missing");
            assertEquals(Files.size(p), Long.parseLong(f.getAttribute("SIZE")), p.toString());
            assertEquals("SHA-256", f.getAttribute("CHECKSUMTYPE"));
            assertEquals(sha256(p), f.getAttribute("CHECKSUM"), p + " is not the file whose sum is given");
        }
    }

    private static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("issues")
    void thePhysicalMapHasEachPageWithItsThreeFiles(Path issue) {
        Element mets = mets(issue);
        Element physical = named(mets, METS, "structMap").stream().filter(m -> m.getAttribute("TYPE").equals("PHYSICAL"))
                .findFirst().orElseThrow();
        List<Element> pages = children(children(physical).getFirst()).stream().filter(e -> e.getLocalName().equals("div")).toList();
        JsonNode text = Bundles.textJson(issue);
        assertEquals(text.get("pages").size(), pages.size());
        for (int i = 0; i < pages.size(); i++) {
            Element div = pages.get(i);
            assertEquals(String.valueOf(i + 1), div.getAttribute("ORDER"));
            assertEquals("第" + (i + 1) + "版", div.getAttribute("ORDERLABEL"));
            assertTrue(div.getAttribute("LABEL").endsWith(text.get("pages").get(i).get("section").asText()));
            List<String> hrefs = new ArrayList<>();
            for (Element fptr : children(div)) hrefs.add(href(mets, fptr.getAttribute("FILEID")));
            assertEquals(List.of(String.format("alto/%02d.xml", i + 1), String.format("../pages/%02d.pdf", i + 1),
                    String.format("../previews/%02d.png", i + 1)), hrefs);
        }
    }

    private static String href(Element mets, String fileId) {
        Element file = named(mets, METS, "file").stream().filter(f -> f.getAttribute("ID").equals(fileId)).findFirst().orElseThrow();
        return children(file).getFirst().getAttributeNS(XLINK, "href");
    }

    /** Article by article: its slug (from MODS), its title (LABEL) and its areas as (ALTO file, block element). */
    record Article(String slug, String title, List<Element> blocks, List<Integer> pages) {
    }

    static List<Article> articles(Path issue) {
        Element mets = mets(issue);
        Map<String, Element> dmd = new HashMap<>();
        for (Element d : named(mets, METS, "dmdSec")) dmd.put(d.getAttribute("ID"), d);
        Map<String, Map<String, Element>> byFile = new HashMap<>();
        Element logical = named(mets, METS, "structMap").stream().filter(m -> m.getAttribute("TYPE").equals("LOGICAL"))
                .findFirst().orElseThrow();
        List<Article> out = new ArrayList<>();
        for (Element div : children(children(logical).getFirst())) {
            assertEquals("article", div.getAttribute("TYPE"));
            Element mods = named(dmd.get(div.getAttribute("DMDID")), MODS, "mods").getFirst();
            String slug = named(mods, MODS, "identifier").getFirst().getTextContent();
            List<Element> blocks = new ArrayList<>();
            List<Integer> pages = new ArrayList<>();
            for (Element area : named(div, METS, "area")) {
                String fileId = area.getAttribute("FILEID");
                Map<String, Element> ids = byFile.computeIfAbsent(fileId, k -> {
                    Map<String, Element> m = new HashMap<>();
                    Element alto = Bundles.xml(issue.resolve("archive").resolve(href(mets, fileId))).getDocumentElement();
                    for (Element e : all(alto)) if (e.hasAttribute("ID")) m.put(e.getAttribute("ID"), e);
                    return m;
                });
                Element target = ids.get(area.getAttribute("BEGIN"));
                assertTrue(target != null, area.getAttribute("BEGIN") + " is not in " + fileId);
                assertTrue(Set.of("TextBlock", "Illustration").contains(target.getLocalName()));
                assertEquals(ALTO, target.getNamespaceURI());
                blocks.add(target);
                int page = Integer.parseInt(named(target.getOwnerDocument().getDocumentElement(), ALTO, "Page")
                        .getFirst().getAttribute("PRINTED_IMG_NR"));
                pages.add(page);
            }
            out.add(new Article(slug, div.getAttribute("LABEL"), blocks, pages));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("issues")
    void theLogicalMapListsTheArticlesOfTextJsonButNotThe导读(Path issue) {
        List<Article> articles = articles(issue);
        List<String> expected = new ArrayList<>();
        for (JsonNode a : Bundles.textJson(issue).get("articles")) {
            if (!a.get("slug").asText().isEmpty()) expected.add(a.get("slug").asText() + " " + a.get("title").asText());
        }
        assertEquals(expected, articles.stream().map(a -> a.slug() + " " + a.title()).toList());
    }

    @ParameterizedTest
    @MethodSource("issues")
    void eachArticlesPartsFollowItsJumpsFromPageToPage(Path issue) {
        int jumps = 0;
        for (Article a : articles(issue)) {
            List<Element> text = a.blocks().stream().filter(b -> b.getLocalName().equals("TextBlock")).toList();
            List<Integer> pages = new ArrayList<>();
            for (int i = 0; i < a.blocks().size(); i++) {
                if (a.blocks().get(i).getLocalName().equals("TextBlock")) pages.add(a.pages().get(i));
            }
            for (int i = 0; i + 1 < text.size(); i++) {
                int from = pages.get(i), to = pages.get(i + 1);
                assertTrue(to > from, a.slug() + ": a later part on an earlier page");
                String here = Bundles.squeeze(Bundles.text(text.get(i))), there = Bundles.squeeze(Bundles.text(text.get(i + 1)));
                assertTrue(here.contains("下转第" + to + "版"), a.slug() + " on page " + from + " does not jump to " + to);
                assertTrue(there.contains("上接第" + from + "版"), a.slug() + " on page " + to + " does not come from " + from);
                jumps++;
            }
        }
        assertTrue(jumps > 0, "the issue has jumps");
    }

    @Test
    void descriptiveMetadataComesFromIssueYaml() {
        Path out = Bundles.sample();
        Issue issue = Bundles.issue(out);
        Element mods = named(mets(out), MODS, "mods").getFirst();
        assertEquals(issue.paper(), named(mods, MODS, "title").getFirst().getTextContent());
        assertEquals(issue.date().toString(), named(mods, MODS, "dateIssued").getFirst().getTextContent());
        assertEquals(String.valueOf(issue.number()), named(mods, MODS, "number").getFirst().getTextContent());
        assertEquals("2", named(mods, MODS, "total").getFirst().getTextContent());
        assertEquals(issue.publisher(), named(mods, MODS, "publisher").getFirst().getTextContent());
    }
}
