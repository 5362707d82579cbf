package paiban.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static paiban.library.Bundles.ALTO;
import static paiban.library.Bundles.named;

/** The text in ALTO is text.json's: article by article, character for character, and spaces where it has them. */
class AltoTextTest {

    static List<Path> issues() {
        return Bundles.both();
    }

    /** text.json's parts of one article, on every page, in order. */
    private static String textJson(JsonNode article) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : article.get("parts")) sb.append(part.get("text").asText()).append('\n');
        return sb.toString();
    }

    @ParameterizedTest
    @MethodSource("issues")
    void eachArticlesBlocksHoldItsTextAsTextJsonHasIt(Path issue) {
        JsonNode json = Bundles.textJson(issue);
        List<MetsFileTest.Article> articles = MetsFileTest.articles(issue);
        int i = 0;
        for (JsonNode a : json.get("articles")) {
            if (a.get("slug").asText().isEmpty()) continue;
            MetsFileTest.Article alto = articles.get(i++);
            assertEquals(a.get("slug").asText(), alto.slug());
            StringBuilder sb = new StringBuilder();
            for (Element b : alto.blocks()) sb.append(Bundles.text(b)).append('\n');
            assertEquals(Bundles.squeeze(textJson(a)), Bundles.squeeze(sb.toString()), alto.slug());
            // and within each line a space stands where the copy has one (a word space, the dateline's 　)
            String spaced = spaces(textJson(a));
            for (Element b : alto.blocks()) {
                for (Element line : named(b, ALTO, "TextLine")) {
                    String t = Bundles.text(line);
                    assertTrue(spaced.contains(t), alto.slug() + ": the line '" + t + "' is not in text.json as it stands");
                }
            }
        }
        assertEquals(articles.size(), i);
    }

    @ParameterizedTest
    @MethodSource("issues")
    void theBlocksNoArticleClaimsAreThe导读AndEveryBlockIsTextJsons(Path issue) {
        Set<Element> claimed = new HashSet<>();
        MetsFileTest.articles(issue).forEach(a -> claimed.addAll(a.blocks()));
        StringBuilder rest = new StringBuilder();
        StringBuilder all = new StringBuilder();
        for (MetsFileTest.Article a : MetsFileTest.articles(issue)) {
            for (Element b : a.blocks()) all.append(Bundles.text(b));
        }
        int claimedBlocks = 0;
        for (Path f : Bundles.altos(issue)) {
            // the same elements as MetsFileTest.articles read: compare by ID within each page
            for (Element b : named(Bundles.xml(f).getDocumentElement(), ALTO, "TextBlock")) {
                boolean isClaimed = claimed.stream().anyMatch(c -> c.getAttribute("ID").equals(b.getAttribute("ID")));
                if (isClaimed) claimedBlocks++;
                else rest.append(Bundles.text(b)).append('\n');
            }
        }
        assertTrue(claimedBlocks > 0);
        StringBuilder everything = new StringBuilder();
        for (JsonNode a : Bundles.textJson(issue).get("articles")) {
            assertTrue(!a.get("slug").asText().isEmpty(), "text.json lists only articles, not the 导读 box");
            everything.append(textJson(a));
        }
        // the one block no article claims is page 1's 导读 box: its title and the titles it lists
        assertTrue(Bundles.squeeze(rest.toString()).startsWith("导读"), "the unclaimed block is the 导读 box: " + rest);
        assertEquals(Bundles.squeeze(everything.toString()).length(), Bundles.squeeze(all.toString()).length(),
                "every character of text.json is in one block, once");
    }

    /** Every run of white space as one space: ALTO's SP is a space of any kind. */
    private static String spaces(String s) {
        return s.replaceAll("[\\s\\u3000\\u00A0]+", " ");
    }
}
