package paiban.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample issue's web edition in Debian's chromium: clicking areas, following jumps, a phone's width. */
class WebBrowserTest {

    private static String fileUrl(Path p) {
        return p.toAbsolutePath().toUri().toString();
    }

    /** Clicks an area a few pixels inside its top-left corner, where no photo or jump line lies over it. */
    private static void clickCorner(Browser b, WebElement area) {
        var size = area.getSize();
        new Actions(b.driver).moveToElement(area, -size.getWidth() / 2 + 6, -size.getHeight() / 2 + 6).click().perform();
    }

    @Test
    void clickingAStoryAreaOnPageOneOpensThatStory() throws IOException {
        Path web = BuiltIssues.sample().resolve("web");
        JsonNode text = new ObjectMapper().readTree(BuiltIssues.sample().resolve("text.json").toFile());
        try (Browser b = Browser.open(1000, 1500)) {
            b.driver.get(fileUrl(web.resolve("01.html")));
            int stories = b.driver.findElements(By.cssSelector("a.area-story")).size();
            assertEquals(2, stories, "page 1 holds two stories");
            for (int i = 0; i < stories; i++) {
                b.driver.get(fileUrl(web.resolve("01.html")));
                WebElement area = b.driver.findElements(By.cssSelector("a.area-story")).get(i);
                String slug = area.getAttribute("data-slug");
                clickCorner(b, area);
                assertTrue(b.driver.getCurrentUrl().endsWith("/web/articles/" + slug + ".html"), b.driver.getCurrentUrl());
                String title = "";
                for (JsonNode a : text.path("articles")) if (a.path("slug").asText().equals(slug)) title = a.path("title").asText();
                assertEquals(title, b.driver.findElement(By.cssSelector("h1")).getText(), "the story's headline");
            }
            // and from the picture's photo: the photo's area leads to its story as well
            b.driver.get(fileUrl(web.resolve("01.html")));
            b.driver.findElement(By.cssSelector("a.area-photo")).click();
            assertTrue(b.driver.getCurrentUrl().endsWith("/articles/kexie-sharing.html"), b.driver.getCurrentUrl());
            assertEquals("省科协党史学习教育交流分享会在广东科学馆召开。",
                    b.driver.findElement(By.cssSelector("figure img")).getAttribute("alt"));
            if (Browser.screenshotFolder() != null) {
                b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(760, 1240));
                b.driver.get(fileUrl(web.resolve("01.html")));
                b.js("document.body.classList.add('show-areas')"); // the areas drawn, as they are on hover
                b.screenshot("web-page");
            }
        }
    }

    @Test
    void aJumpLeadsToTheContinuationAndTheArticleIsWhole() throws IOException {
        Path out = BuiltIssues.sample();
        try (StaticServer server = new StaticServer(out); Browser b = Browser.open(1000, 1500)) {
            b.driver.get(server.url("web/01.html"));
            b.driver.findElement(By.cssSelector("a.area-jump-on")).click();
            assertTrue(b.driver.getCurrentUrl().endsWith("/web/02.html"), "下转第2版 opens page 2: " + b.driver.getCurrentUrl());
            clickCorner(b, b.driver.findElement(By.cssSelector("a.area-continuation")));
            assertTrue(b.driver.getCurrentUrl().endsWith("/web/articles/jiangmen-service.html"), b.driver.getCurrentUrl());
            // the body is one text: both printed parts, joined where the jump cut a paragraph
            JsonNode text = new ObjectMapper().readTree(out.resolve("text.json").toFile());
            StringBuilder printed = new StringBuilder();
            for (JsonNode a : text.path("articles")) {
                if (!a.path("slug").asText().equals("jiangmen-service")) continue;
                for (JsonNode part : a.path("parts")) if (part.path("kind").asText().equals("body")) printed.append(part.path("text").asText());
            }
            List<String> paragraphs = new ArrayList<>();
            for (WebElement p : b.driver.findElements(By.cssSelector(".body p"))) paragraphs.add(p.getText());
            assertEquals(printed.toString().replaceAll("\\s", ""), String.join("", paragraphs).replaceAll("\\s", ""),
                    "the web article's body is the printed body of both pages");
            assertTrue(paragraphs.stream().anyMatch(p -> p.contains("3月开展的“大手拉小手”中科院老科学家宣讲活动")),
                    "the paragraph the jump cut is whole again");
            b.driver.findElement(By.linkText("第2版")).click();
            b.driver.findElement(By.cssSelector("a.area-jump-back")).click();
            assertTrue(b.driver.getCurrentUrl().endsWith("/web/01.html"), "上接第1版 leads back: " + b.driver.getCurrentUrl());
        }
    }

    @Test
    void onAPhoneNothingScrollsSidewaysAndBodyTextIsSixteenPixelsOrMore() throws IOException {
        Path web = BuiltIssues.sample().resolve("web");
        try (Browser b = Browser.open(375, 800)) {
            for (String page : List.of("index.html", "01.html", "02.html", "articles/jiangmen-service.html",
                    "articles/gz-gallery.html", "articles/kexie-sharing.html")) {
                b.driver.get(fileUrl(web.resolve(page)));
                long inner = (Long) b.js("return window.innerWidth");
                assertEquals(375, inner, "the viewport is a phone's");
                long scroll = (Long) b.js("return document.documentElement.scrollWidth");
                assertTrue(scroll <= inner, page + " scrolls sideways: " + scroll + " px wide in " + inner);
                for (WebElement p : b.driver.findElements(By.cssSelector(".body p, .page-articles li, .index li"))) {
                    double px = Double.parseDouble(p.getCssValue("font-size").replace("px", ""));
                    assertTrue(px >= 16, page + ": text at " + px + " px");
                }
            }
            b.driver.get(fileUrl(web.resolve("articles/gz-gallery.html")));
            b.screenshot("web-article");
        }
    }
}
