package paiban.render;

import paiban.core.Unicode;
import org.w3c.dom.Document;
import paiban.core.PaibanException;
import paiban.compose.Grid;
import paiban.compose.Module;
import paiban.compose.Page;
import paiban.compose.PlacedLine;
import paiban.model.Issue;
import paiban.model.Photo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 4: turns composed pages into one PDF through the layout's template and Flying Saucer,
 * with the set text painted by {@link GalleyElement}s.
 */
public final class Renderer {

    private Renderer() {
    }

    /** Renders the pages into {@code pdf} (the caller names a temporary file) and says what stands where. */
    public static RenderedIssue render(Layout layout, Issue issue, List<Page> pages, Path pdf) {
        Document doc = PageDocument.build(layout, issue, pages);
        Map<Integer, List<PlacedLine>> text = new HashMap<>();
        for (Page p : pages) {
            List<PlacedLine> lines = new ArrayList<>();
            for (Module m : p.modules()) lines.addAll(m.text());
            text.put(p.number(), lines);
        }
        Map<String, Photo> photos = new HashMap<>();
        for (RenderedIssue.PhotoPlacement p : RenderedIssue.placements(pages)) photos.put(p.photo().id(), p.photo());
        // PDF ads, placed as drawn
        Map<String, Photo> drawn = new HashMap<>();
        for (Page p : pages) {
            for (Module m : p.modules()) {
                for (var ph : m.photos()) if (ph.photo().vector()) drawn.put(ph.photo().id(), ph.photo());
            }
        }
        // how a message names each ad: its issue.yaml line and advertiser
        Map<String, String> adNames = new HashMap<>();
        for (var ad : issue.ads()) adNames.putIfAbsent(ad.image().id(), ad.where());
        GalleyElements[] elements = new GalleyElements[1];
        Engines.Engine engine = Engines.create(layout.fonts(), List.of(layout.folder(), issue.folder()),
                standard -> elements[0] = new GalleyElements(standard, text, photos, drawn, adNames));
        var r = engine.renderer();
        r.setDocument(doc, layout.folder().toUri().toString());
        r.setPDFVersion("1.7");
        r.setPDFCreator("paiban");
        r.setPDFProducer("paiban (Flying Saucer, OpenPDF)");
        r.layout();
        var missing = TemplateGlyphs.missing(r.getRootBox(),
                r.getSharedContext().newLayoutContextInstance(new org.xhtmlrenderer.pdf.ITextFontContext()));
        if (!missing.isEmpty()) {
            throw new PaibanException("layouts/" + layout.name() + "/page.xhtml: the page furniture has characters "
                    + "its font lacks (issue.yaml fields such as paper, publisher, editor, or an article's section): "
                    + String.join("; ", missing) + ". Change the text, or give that CSS class a font role that has them");
        }
        try (OutputStream out = Files.newOutputStream(pdf)) {
            r.createPDF(out);
        } catch (IOException | org.openpdf.text.DocumentException e) {
            throw new PaibanException(pdf + ": cannot write the rendered PDF (" + e.getMessage() + ")", e);
        }
        if (!engine.agent().refused().isEmpty()) {
            throw new PaibanException("the layout or the copy refers to " + engine.agent().refused()
                    + "; paiban reads only files inside the layout and issue folders and opens no connections");
        }
        return new RenderedIssue(issue, pdf, describe(issue, pages, layout.grid(), layout.rules().words().separator()),
                new RenderedIssue.Trim(layout.pageWidth(), layout.pageHeight(), layout.areaLeft(), layout.areaTop(),
                layout.grid().width(), layout.grid().height()), layout.fonts(), RenderedIssue.placements(pages),
                elements[0].photoImages());
    }

    /** Rebuilds each page's copy, paragraph by paragraph, from the lines that were placed. */
    static List<RenderedIssue.PageInfo> describe(Issue issue, List<Page> pages, Grid grid, String separator) {
        List<RenderedIssue.PageInfo> out = new ArrayList<>();
        for (Page p : pages) {
            List<RenderedIssue.PlacedText> texts = new ArrayList<>();
            List<RenderedIssue.ModuleArea> areas = new ArrayList<>();
            for (Module m : p.modules()) {
                areas.add(new RenderedIssue.ModuleArea(m, grid.columnX(m.column()), grid.lineTop(m.line()),
                        grid.spanWidth(m.span()), m.lines() * grid.pitch()));
                // the 导读 box, quotes and fillers are page furniture, not an article's copy
                if (!m.kind().article()) continue;
                Map<String, StringBuilder> parts = new LinkedHashMap<>();
                Map<String, String> kinds = new HashMap<>();
                for (PlacedLine l : m.text()) {
                    String key = l.kind() + "#" + l.part();
                    kinds.put(key, l.kind().word());
                    StringBuilder sb = parts.computeIfAbsent(key, k -> new StringBuilder());
                    String t = l.line().text();
                    // the copy reader joined these lines by the same rule
                    if (!sb.isEmpty() && !t.isEmpty() && Unicode.spaceBetween(sb.charAt(sb.length() - 1), t.charAt(0))) {
                        sb.append(' ');
                    }
                    sb.append(t);
                }
                for (var e : parts.entrySet()) {
                    texts.add(new RenderedIssue.PlacedText(m.slug(), m.title(), kinds.get(e.getKey()), e.getValue().toString()));
                }
            }
            out.add(new RenderedIssue.PageInfo(p.number(), p.section(separator), texts, areas));
        }
        return out;
    }
}
