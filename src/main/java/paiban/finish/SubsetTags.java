package paiban.finish;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Replaces the random six-letter subset tags OpenPDF gives embedded fonts ("KEIBKD+NotoSans…") with tags
 * derived from the embedded font program (its CRC-32), so that the same glyphs always get the same name and two
 * builds stay byte-identical. Different subsets get different programs, hence (almost surely) different
 * tags, as the PDF spec asks.
 */
final class SubsetTags {

    private static final Pattern TAGGED = Pattern.compile("[A-Z]{6}\\+.+");
    private static final COSName[] FONT_FILES = {COSName.FONT_FILE, COSName.FONT_FILE2, COSName.FONT_FILE3};

    private SubsetTags() {
    }

    static void normalise(PDDocument doc) {
        List<COSDictionary> fonts = new ArrayList<>();
        CosWalk.dictionaries(doc.getDocument().getTrailer(), d -> {
            if (COSName.FONT.equals(d.getCOSName(COSName.TYPE))) fonts.add(d);
        });
        for (COSDictionary font : fonts) {
            // A composite (Type0) font keeps its descriptor in its descendant CIDFont.
            COSDictionary descendant = font.getDictionaryObject(COSName.DESCENDANT_FONTS) instanceof COSArray a
                    && a.size() > 0 && a.getObject(0) instanceof COSDictionary d ? d : font;
            if (!(descendant.getDictionaryObject(COSName.FONT_DESC) instanceof COSDictionary descriptor)) {
                continue;
            }
            COSStream program = program(descriptor);
            if (program == null) {
                continue;
            }
            String tag = tag(program);
            retag(font, COSName.BASE_FONT, tag);
            retag(descendant, COSName.BASE_FONT, tag);
            retag(descriptor, COSName.FONT_NAME, tag);
        }
    }

    private static void retag(COSDictionary d, COSName key, String tag) {
        String name = d.getNameAsString(key);
        if (name != null && TAGGED.matcher(name).matches()) {
            d.setName(key, tag + name.substring(6));
        }
    }

    private static COSStream program(COSDictionary descriptor) {
        for (COSName key : FONT_FILES) {
            if (descriptor.getDictionaryObject(key) instanceof COSStream s) return s;
        }
        return null;
    }

    /**
     * Six letters from the CRC-32 of the program as stored. A tag holds under 29 bits, so a longer hash
     * would not make two subsets' tags less likely to meet; and CRC-32 runs in zlib's native code, where
     * SHA-256 runs as Java in the quick-compiled JVM the launcher starts: every page file and every edition
     * tags its fonts, a few megabytes each time.
     */
    private static String tag(COSStream program) {
        try (InputStream in = program.createRawInputStream()) {
            CRC32 crc = new CRC32();
            crc.update(in.readAllBytes());
            long v = crc.getValue();
            StringBuilder tag = new StringBuilder();
            for (int i = 0; i < 6; i++, v /= 26) tag.append((char) ('A' + v % 26));
            return tag.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
