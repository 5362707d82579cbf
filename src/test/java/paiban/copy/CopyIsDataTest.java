package paiban.copy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.model.Article;
import paiban.model.Block;
import paiban.testing.TestIssues;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Copy is data: markup typed into a title, a body or a caption comes out of the reader as exactly the
 * characters typed, for the later stages to print literally. Only "## " and "**" mean something.
 */
class CopyIsDataTest {

    private static final String MARKUP = "<script>alert(\"x\")</script> & &amp; &lt;b&gt; <img src=x> \"quoted\" 'single'";

    @TempDir
    Path tmp;

    private Article read(String frontMatter, String body) {
        return TestIssues.minimal(tmp).article("data", frontMatter, body).jpeg("photos/a.jpg", 40, 30)
                .read().article("data").orElseThrow();
    }

    private Article readBody(String body) {
        return read("title: 标题", body);
    }

    private static List<String> texts(Article a) {
        return a.body().stream().map(b -> b instanceof Block.Paragraph p ? p.text() : ((Block.Subhead) b).text())
                .toList();
    }

    @Test
    void markupInTheHeadlineGroupIsText() {
        String quoted = "'" + MARKUP.replace("'", "''") + "'"; // a YAML single-quoted scalar
        Article a = read("title: " + quoted + "\nkicker: " + quoted + "\nsubtitle: " + quoted
                + "\ndateline: " + quoted + "\nsource: " + quoted, "正文。");
        assertEquals(MARKUP, a.title());
        assertEquals(MARKUP, a.kicker());
        assertEquals(MARKUP, a.subtitle());
        assertEquals(MARKUP, a.dateline());
        assertEquals(MARKUP, a.source());
    }

    @Test
    void markupInACaptionAndCreditIsText() {
        String quoted = "'" + MARKUP.replace("'", "''") + "'";
        Article a = read("title: 标题\nphotos:\n  - file: photos/a.jpg\n    caption: " + quoted
                + "\n    credit: " + quoted, "正文。");
        assertEquals(MARKUP, a.photos().getFirst().caption());
        assertEquals(MARKUP, a.photos().getFirst().credit());
    }

    @Test
    void inlineHtmlInTheBodyIsText() {
        assertEquals(List.of("正文 <img src=x onerror=\"alert(1)\"> 继续 <b>不加粗</b>"),
                texts(readBody("正文 <img src=x onerror=\"alert(1)\"> 继续 <b>不加粗</b>\n")));
    }

    @Test
    void aScriptBlockInTheBodyIsText() {
        assertEquals(List.of("第一段。", "<script>alert(\"x\")</script>", "第二段。"),
                texts(readBody("第一段。\n\n<script>\nalert(\"x\")\n</script>\n\n第二段。\n")));
    }

    @Test
    void theWholeMarkupLineSurvivesInTheBody() {
        assertEquals(List.of(MARKUP), texts(readBody(MARKUP + "\n")));
    }

    /**
     * The choice documented on {@link MarkdownBody}: an entity is copy, printed as typed, not decoded.
     * CommonMark alone would give "&", "<b>" and an emoji here.
     */
    @Test
    void htmlEntitiesArePrintedAsTypedNotDecoded() {
        assertEquals(List.of("AT&T 与 &amp; 与 &lt;b&gt; 与 &#x1F600; 与 &#0; 与 &nbsp;"),
                texts(readBody("AT&T 与 &amp; 与 &lt;b&gt; 与 &#x1F600; 与 &#0; 与 &nbsp;\n")));
    }

    @Test
    void entitiesInASubheadAndInBoldAreTextToo() {
        Article a = readBody("## 标题 &amp; <em>强调</em>\n\n**&quot;粗体&quot;** 其后\n");
        assertEquals(new Block.Subhead("标题 &amp; <em>强调</em>"), a.body().get(0));
        assertEquals(new Block.Paragraph(List.of(new Block.Run("&quot;粗体&quot;", true), new Block.Run(" 其后", false))),
                a.body().get(1));
    }

    @Test
    void aBackslashStillEscapesMarkdown() {
        assertEquals(List.of("**不是粗体** 与 &amp;"), texts(readBody("\\*\\*不是粗体\\*\\* 与 \\&amp;\n")));
    }

    @Test
    void codeSpansKeepTheirCharacters() {
        assertEquals(List.of("输入 &amp; <br> 即可"), texts(readBody("输入 `&amp; <br>` 即可\n")));
    }

    @Test
    void linkAndImageTargetsAreKeptAndAnAutolinkPrintsAsTyped() {
        assertEquals(List.of("详见 广东科协（https://gdsta.cn） 或 <https://gdstc.gd.gov.cn> 或 图（photos/a.jpg）"),
                texts(readBody("详见 [广东科协](https://gdsta.cn) 或 <https://gdstc.gd.gov.cn> 或 ![图](photos/a.jpg)\n")));
    }

    @Test
    void boldInsideALinkStaysBold() {
        assertEquals(new Block.Paragraph(List.of(new Block.Run("见", false), new Block.Run("科协", true),
                        new Block.Run("（https://gdsta.cn）", false))),
                readBody("见[**科协**](https://gdsta.cn)\n").body().getFirst());
    }

    @Test
    void punctuationAfterBoldSeesTheHanBeforeIt() {
        Article a = readBody("**江门市科协**,与会者(共30人)到场\n");
        assertEquals(new Block.Paragraph(List.of(new Block.Run("江门市科协", true), new Block.Run("，与会者（共30人）到场", false))),
                a.body().getFirst());
    }
}
