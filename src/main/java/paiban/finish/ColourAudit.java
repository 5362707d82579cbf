package paiban.finish;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks for RGB anywhere in a document: RGB colour spaces named by images, resources, transparency
 * groups and shadings; ICC profiles with three components; RGB colour operators and inline images in
 * any content stream; annotation colours. Print runs it on its own result and refuses to write a file
 * that still has RGB, and the tests run it on print.pdf as read back.
 */
final class ColourAudit {

    private static final COSName CAL_RGB = COSName.getPDFName("CalRGB");
    private static final COSName RGB_SHORT = COSName.getPDFName("RGB");

    private ColourAudit() {
    }

    /** Where RGB remains, one line each, in document order; empty when the document is clean. */
    static List<String> rgbUses(PDDocument doc) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        List<COSStream> contentStreams = new ArrayList<>();
        CosWalk.dictionaries(doc.getDocument().getTrailer(), d -> {
            for (COSName key : d.keySet()) {
                if (mentionsRgb(d.getItem(key), key)) {
                    found.add(describe(d) + ": /" + key.getName() + " is RGB");
                }
            }
            if (d instanceof COSStream s && (COSName.FORM.equals(d.getCOSName(COSName.SUBTYPE))
                    || d.getInt(COSName.PATTERN_TYPE) == 1)) {
                contentStreams.add(s);
            }
            boolean annotation = d.containsKey(COSName.RECT) && d.containsKey(COSName.SUBTYPE)
                    && !COSName.PAGE.equals(d.getCOSName(COSName.TYPE));
            if (annotation) {
                for (COSName key : new COSName[]{COSName.C, COSName.IC}) {
                    if (d.getDictionaryObject(key) instanceof COSArray a && a.size() == 3) {
                        found.add(describe(d) + ": annotation colour /" + key.getName() + " is RGB");
                    }
                }
            }
        });
        int n = 0;
        for (PDPage page : doc.getPages()) {
            n++;
            List<Object> tokens = new PDFStreamParser(page).parse();
            check(tokens, "page " + n + " content", found);
        }
        for (COSStream s : contentStreams) {
            byte[] data;
            try (var in = s.createInputStream()) {
                data = in.readAllBytes();
            }
            check(new PDFStreamParser(data).parse(), describe(s) + " content", found);
        }
        return List.copyOf(found);
    }

    private static void check(List<Object> tokens, String where, Set<String> found) {
        for (Object t : tokens) {
            if (t instanceof Operator op) {
                if (op.getName().equals("rg") || op.getName().equals("RG")) {
                    found.add(where + ": sets an RGB colour (" + op.getName() + ")");
                }
                if (op.getImageParameters() != null) {
                    for (COSName k : List.of(COSName.CS, COSName.COLORSPACE)) {
                        if (mentionsRgb(op.getImageParameters().getItem(k), k)) {
                            found.add(where + ": an inline image is RGB");
                        }
                    }
                }
            } else if (t instanceof COSName name && isRgbName(name)) {
                found.add(where + ": names /" + name.getName());
            }
        }
    }

    private static boolean mentionsRgb(COSBase value, COSName key) {
        COSBase v = value instanceof COSObject o ? o.getObject() : value;
        if (v instanceof COSName name) {
            // "/RGB" is only the inline-image abbreviation; elsewhere it could be a resource's own name.
            return isRgbName(name) && !name.equals(RGB_SHORT)
                    || name.equals(RGB_SHORT) && (COSName.CS.equals(key) || COSName.COLORSPACE.equals(key));
        }
        if (v instanceof COSArray a && a.size() > 0) {
            if (a.getObject(0) instanceof COSName first && first.equals(COSName.ICCBASED) && a.size() > 1
                    && a.getObject(1) instanceof COSStream profile) {
                return profile.getInt(COSName.N) == 3;
            }
            for (int i = 0; i < a.size(); i++) {
                COSBase e = a.get(i) instanceof COSObject o ? o.getObject() : a.get(i);
                if (e instanceof COSName || e instanceof COSArray) {
                    if (mentionsRgb(e, key)) return true;
                }
            }
        }
        return false;
    }

    private static boolean isRgbName(COSName name) {
        return name.equals(COSName.DEVICERGB) || name.equals(CAL_RGB) || name.equals(RGB_SHORT);
    }

    private static String describe(COSDictionary d) {
        String what = d.getNameAsString(COSName.SUBTYPE) != null ? d.getNameAsString(COSName.SUBTYPE)
                : d.getNameAsString(COSName.TYPE) != null ? d.getNameAsString(COSName.TYPE) : "dictionary";
        return d.getKey() != null ? "object " + d.getKey().getNumber() + " (" + what + ")" : what;
    }
}
