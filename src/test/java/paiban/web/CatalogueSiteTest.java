package paiban.web;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import paiban.Pipeline;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** paiban site: the catalogue of several built issues, made again incrementally, searched in chromium. */
class CatalogueSiteTest {

    /** Issues of two years; the phrase 量子通信 stands in two of them, in the middle of their sentences. */
    private static Path autumn, spring, winter, sample;

    @BeforeAll
    static void build() {
        Path issues = BuiltIssues.root().resolve("catalogue-issues");
        Path out = BuiltIssues.root().resolve("catalogue-out");
        sample = BuiltIssues.sample();
        spring = Pipeline.build(BuiltIssues.smallIssue(issues, "2020-03-10", 2400, "广州建成新一代量子通信试验网",
                "本报讯　广州新一代量子通信试验网日前建成，覆盖全市主要科研机构。\n"), out, BuiltIssues.EDITIONS);
        autumn = Pipeline.build(BuiltIssues.smallIssue(issues, "2021-09-14", 2560, "科普进校园活动启动",
                "本报讯　活动期间，专家为学生讲解了量子通信的基本原理和应用前景。\n"), out, BuiltIssues.EDITIONS);
        winter = Pipeline.build(BuiltIssues.smallIssue(issues, "2021-11-02", 2570, "冬季农业技术培训班开班",
                "本报讯　培训班围绕设施农业和病虫害防治展开，量子和通信两个词都在这里，但并不相连。\n"), out, BuiltIssues.EDITIONS);
    }

    private static Path pagefind() {
        try {
            return CatalogueSite.pagefind(Pipeline.home());
        } catch (PaibanException e) {
            assertTrue(!"true".equalsIgnoreCase(System.getenv("CI")), "CI installs Pagefind, yet: " + e.getMessage());
            Assumptions.abort(e.getMessage());
            return null;
        }
    }

    private static CatalogueSite site(Path folder) {
        return new CatalogueSite(folder, Pipeline.home().resolve("layouts/tabloid"), pagefind(), m -> { });
    }

    @Test
    void addingAnIssueCopiesItAloneAndIndexesOnlyItsYear() throws IOException {
        Path folder = BuiltIssues.root().resolve("site-incremental");
        CatalogueSite.Report first = site(folder).build(List.of(spring, sample, autumn));
        assertEquals(3, first.copied());
        assertEquals(List.of(2020, 2021), first.yearsIndexed());
        Path meta2020 = pfMeta(folder, 2020);
        FileTime copiedAt = Files.getLastModifiedTime(folder.resolve("2021/2021-06-22/web/index.html"));

        CatalogueSite.Report again = site(folder).build(List.of(spring, sample, autumn));
        assertEquals(0, again.copied(), "nothing changed, nothing copied");
        assertEquals(List.of(), again.yearsIndexed(), "nothing changed, nothing indexed");

        CatalogueSite.Report added = site(folder).build(List.of(winter));
        assertEquals(1, added.copied());
        assertEquals(List.of(2021), added.yearsIndexed(), "only the new issue's year is indexed again");
        assertEquals(4, added.issues(), "the site keeps the issues it had");
        assertEquals(meta2020, pfMeta(folder, 2020), "2020's index was left alone");
        assertEquals(copiedAt, Files.getLastModifiedTime(folder.resolve("2021/2021-06-22/web/index.html")),
                "an unchanged issue is not copied again");
        String year = BuiltIssues.read(folder.resolve("2021/index.html"));
        for (String id : List.of("2021-06-22", "2021-09-14", "2021-11-02")) {
            assertTrue(year.contains("<a class=\"issue-thumb\" href=\"" + id + "/web/index.html\"><img alt=\"" + id + " 第1版\""),
                    "2021's page shows " + id + " with its page 1");
            assertTrue(Files.isRegularFile(folder.resolve("2021/" + id + "/previews/thumbs/01.png")));
        }
        String home = BuiltIssues.read(folder.resolve("index.html"));
        assertTrue(home.contains("href=\"2021/index.html#m11\">11月（1期）</a>") && home.contains("2020年"), home);
    }

    @Test
    void aFolderWithoutBuiltIssuesIsNamed() throws IOException {
        Path empty = Files.createDirectories(BuiltIssues.root().resolve("nothing-built/2021-06-22"));
        Files.writeString(empty.resolve("text.json"), "{}"); // text.json alone: built without the web edition
        PaibanException e = org.junit.jupiter.api.Assertions.assertThrows(PaibanException.class, () ->
                new CatalogueSite(BuiltIssues.root().resolve("site-none"), Pipeline.home().resolve("layouts/tabloid"),
                        Path.of("/nonexistent/pagefind"), m -> { }).build(List.of(empty.getParent())));
        assertTrue(e.getMessage().contains("nothing-built") && e.getMessage().contains("no built issue found")
                && e.getMessage().contains("web edition"), e.getMessage());
    }

    private static Path pfMeta(Path site, int year) throws IOException {
        try (Stream<Path> files = Files.list(site.resolve("pagefind/" + year))) {
            return site.relativize(files.filter(f -> f.toString().endsWith(".pf_meta")).findFirst().orElseThrow());
        }
    }

    @Test
    void searchingForAPhraseFindsTheIssuesThatHoldIt() throws IOException {
        Path folder = BuiltIssues.root().resolve("site-search");
        site(folder).build(List.of(spring, sample, autumn, winter));
        try (StaticServer server = new StaticServer(folder); Browser b = Browser.open(900, 1100)) {
            assertEquals(List.of("2020/2020-03-10/web/articles/lead.html", "2021/2021-09-14/web/articles/lead.html"),
                    search(b, server, "量子通信"), "量子通信 stands in two issues; the third has 量子 and 通信 apart");
            b.screenshot("web-search");
            assertEquals(List.of("2021/2021-06-22/web/articles/gz-gallery.html"), search(b, server, "科普长廊"));
            // across the words the segmenter sees: 协扎 is the end of 科协 and the start of 扎实
            assertEquals(List.of("2021/2021-06-22/web/articles/jiangmen-service.html"), search(b, server, "协扎"));
            WebElement first = b.driver.findElement(By.cssSelector("#results li"));
            assertEquals("协扎", first.findElement(By.cssSelector("mark")).getText(), "the match is marked");
            assertTrue(first.findElement(By.cssSelector(".result-where")).getText().contains("2021-06-22"));
            assertTrue(first.findElement(By.cssSelector(".result-where")).getText().contains("第1、2版"));
            first.findElement(By.cssSelector("a")).click();
            assertEquals("江门市科协扎实开展“我为群众办实事”实践活动", b.driver.findElement(By.cssSelector("h1")).getText());
        }
    }

    /** The results' addresses, relative to the site, once the search has gone through every candidate. */
    private static List<String> search(Browser b, StaticServer server, String phrase) {
        b.driver.get(server.url("index.html"));
        b.driver.findElement(By.cssSelector("input[name=q]")).sendKeys(phrase);
        b.driver.findElement(By.cssSelector("form.search button")).click();
        WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(60));
        wait.until(d -> "true".equals(d.findElement(By.id("search-status")).getAttribute("data-done")));
        while (b.driver.findElement(By.id("more")).isDisplayed()) {
            b.driver.findElement(By.id("more")).click();
            wait.until(d -> "true".equals(d.findElement(By.id("search-status")).getAttribute("data-done"))
                    || d.findElement(By.id("more")).isDisplayed());
        }
        Set<String> found = new TreeSet<>();
        for (WebElement a : b.driver.findElements(By.cssSelector("#results li a.result-title"))) {
            found.add(a.getAttribute("href").replace(server.url(""), ""));
        }
        return new ArrayList<>(found);
    }
}
