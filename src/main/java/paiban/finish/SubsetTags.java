package paiban.finish;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces the random six-letter subset tags OpenPDF gives embedded fonts ("KEIBKD+NotoSans…") with tags
 * derived from the embedded font program, so that the same glyphs always get the same name and two
 * builds stay byte-identical. Tags stay distinct per font program, as the PDF spec asks.
 */
final class SubsetTags {

    private static final Pattern TAGGED = Pattern.compile("[A-Z]{6}\\+.+");
    private static final COSName[] FONT_FILES = {COSName.FONT_FILE, COSName.FONT_FILE2, COSName.FONT_FILE3};

    private SubsetTags() {
    }

    static void normalise(PDDocument doc) {
        List<COSDictionary> fonts = new ArrayList<>();
        Map<String, String> newTags = new HashMap<>();
        CosWalk.dictionaries(doc.getDocument().getTrailer(), d -> {
            if (COSName.FONT_DESC.equals(d.getCOSName(COSName.TYPE))) {
                String name = d.getNameAsString(COSName.FONT_NAME);
                COSStream program = program(d);
                if (name != null && TAGGED.matcher(name).matches() && program != null) {
                    newTags.put(name.substring(0, 6), tag(program));
                    d.setName(COSName.FONT_NAME, newTags.get(name.substring(0, 6)) + name.substring(6));
                }
            } else if (COSName.FONT.equals(d.getCOSName(COSName.TYPE))) {
                fonts.add(d);
            }
        });
        for (COSDictionary font : fonts) {
            String base = font.getNameAsString(COSName.BASE_FONT);
            if (base != null && TAGGED.matcher(base).matches() && newTags.containsKey(base.substring(0, 6))) {
                font.setName(COSName.BASE_FONT, newTags.get(base.substring(0, 6)) + base.substring(6));
            }
        }
    }

    private static COSStream program(COSDictionary descriptor) {
        for (COSName key : FONT_FILES) {
            if (descriptor.getDictionaryObject(key) instanceof COSStream s) return s;
        }
        return null;
    }

    private static String tag(COSStream program) {
        try (InputStream in = program.createRawInputStream()) {
            byte[] hash = StableSave.sha256(in.readAllBytes());
            StringBuilder tag = new StringBuilder();
            for (int i = 0; i < 6; i++) tag.append((char) ('A' + (hash[i] & 0xff) % 26));
            return tag.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
