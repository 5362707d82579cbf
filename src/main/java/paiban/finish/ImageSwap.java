package paiban.finish;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts new images in place of old ones in every page's and form's resources. An image used on several
 * pages is converted once and the pages share the result, as they shared the original.
 */
final class ImageSwap {

    /** Gives the replacement for an image, or empty to keep it. */
    interface Replacer {
        Optional<PDImageXObject> replace(PDImageXObject image) throws IOException;
    }

    private final Replacer replacer;
    private final Map<COSStream, Optional<PDImageXObject>> done = new IdentityHashMap<>();
    private final Set<COSStream> forms = Collections.newSetFromMap(new IdentityHashMap<>());

    private ImageSwap(Replacer replacer) {
        this.replacer = replacer;
    }

    static void replaceAll(PDDocument doc, Replacer replacer) throws IOException {
        ImageSwap swap = new ImageSwap(replacer);
        for (PDPage page : doc.getPages()) {
            swap.replaceIn(page.getResources());
        }
    }

    private void replaceIn(PDResources resources) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image) {
                Optional<PDImageXObject> now = done.get(image.getCOSObject());
                if (now == null) {
                    now = replacer.replace(image);
                    done.put(image.getCOSObject(), now);
                }
                if (now.isPresent()) resources.put(name, now.get());
            } else if (x instanceof PDFormXObject form && forms.add(form.getCOSObject())) {
                replaceIn(form.getResources());
            }
        }
    }
}
