package paiban.testing;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every glyph a PDF shows, as PDFBox's text stripper meets it in the content stream (not sorted by
 * position), with its place, size and font: what tests that measure the printed page read.
 */
public final class PrintedGlyphs {

    private PrintedGlyphs() {
    }

    /** The glyphs of every page, page by page. */
    public static List<TextPosition> of(PDDocument pdf) throws IOException {
        return of(pdf, 1, Integer.MAX_VALUE);
    }

    /** The glyphs of page {@code page}, counted from 1. */
    public static List<TextPosition> of(PDDocument pdf, int page) throws IOException {
        return of(pdf, page, page);
    }

    private static List<TextPosition> of(PDDocument pdf, int first, int last) throws IOException {
        List<TextPosition> out = new ArrayList<>();
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
                out.add(t);
            }
        };
        s.setStartPage(first);
        s.setEndPage(last);
        s.getText(pdf);
        return out;
    }
}
