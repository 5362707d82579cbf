package paiban.finish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FullTextTest {

    static JsonNode json;

    @BeforeAll
    static void read() throws IOException {
        json = new ObjectMapper().readTree(FinishedFixture.shared().file("text.json").toFile());
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theHeaderNamesTheIssue() {
        assertEquals(List.of("paper", "date", "number", "title", "pages", "articles", "ads"), names(json));
        assertEquals(0, json.get("ads").size(), "an issue without ads lists none");
        assertEquals("广东科技报", json.get("paper").asText());
        assertEquals("2021-06-22", json.get("date").asText());
        assertEquals(1234, json.get("number").asInt());
        assertEquals("广东科技报 2021-06-22 总第1234期", json.get("title").asText());
    }

    @Test
    void pagesListTheirSectionAndArticlesInReadingOrder() {
        JsonNode pages = json.get("pages");
        assertEquals(2, pages.size());
        assertEquals(List.of("page", "section", "articles"), names(pages.get(0)));
        assertEquals("要闻", pages.get(0).get("section").asText());
        assertEquals("[\"lead\"]", pages.get(0).get("articles").toString());
        assertEquals("[\"sea\",\"lead\"]", pages.get(1).get("articles").toString());
    }

    @Test
    void articlesCarryEveryPartWithThePageItStandsOn() {
        JsonNode articles = json.get("articles");
        assertEquals(2, articles.size());
        JsonNode lead = articles.get(0);
        assertEquals(List.of("slug", "title", "section", "pages", "parts"), names(lead));
        assertEquals("lead", lead.get("slug").asText());
        assertEquals(RenderedFixture.LEAD_TITLE, lead.get("title").asText());
        assertEquals("要闻", lead.get("section").asText());
        assertEquals("[1,2]", lead.get("pages").toString());
        JsonNode parts = lead.get("parts");
        assertEquals(List.of("kind", "text", "page"), names(parts.get(0)));
        assertEquals("title", parts.get(0).get("kind").asText());
        assertEquals(RenderedFixture.LEAD_BODY_1, parts.get(1).get("text").asText());
        assertEquals("caption", parts.get(2).get("kind").asText());
        JsonNode last = parts.get(parts.size() - 1);
        assertEquals(RenderedFixture.LEAD_BODY_3, last.get("text").asText());
        assertEquals(2, last.get("page").asInt());
        JsonNode sea = articles.get(1);
        assertEquals("科普", sea.get("section").asText());
        assertEquals("[2]", sea.get("pages").toString());
    }
}
