package paiban.finish;

import paiban.core.Digests;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import paiban.model.Article;
import paiban.model.Issue;
import paiban.model.Photo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells which of the issue's photos an image in the PDF is, so that messages name the file the editor
 * can replace. The renderer embeds JPEG photos byte for byte, so the image's raw stream matches the
 * file; failing that, a photo whose pixel size is unique in the issue is taken.
 */
final class PhotoNames {

    private record Source(Photo photo, Article article) {
        String label() {
            return "photo " + photo.name() + " (article " + article.slug() + ")";
        }
    }

    private final Issue issue;
    private Map<String, Source> byHash;

    PhotoNames(Issue issue) {
        this.issue = issue;
    }

    /** e.g. "photo photos/stamp.jpg (article sea)", or "an image of 200 × 150 px" when no photo matches. */
    String name(PDImageXObject image) throws IOException {
        if (byHash == null) {
            byHash = new HashMap<>();
            for (Article a : issue.articles()) {
                for (Photo p : a.photos()) {
                    if (Files.isRegularFile(p.file())) {
                        byHash.putIfAbsent(hash(Files.readAllBytes(p.file())), new Source(p, a));
                    }
                }
            }
        }
        if (image.getStream().getFilters().equals(List.of(COSName.DCT_DECODE))) {
            try (InputStream in = image.getCOSObject().createRawInputStream()) {
                Source s = byHash.get(hash(in.readAllBytes()));
                if (s != null) return s.label();
            }
        }
        List<Source> sameSize = issue.articles().stream()
                .flatMap(a -> a.photos().stream().map(p -> new Source(p, a)))
                .filter(s -> s.photo().width() == image.getWidth() && s.photo().height() == image.getHeight())
                .toList();
        if (sameSize.size() == 1) {
            return sameSize.get(0).label();
        }
        return "an image of " + image.getWidth() + " × " + image.getHeight() + " px";
    }

    private static String hash(byte[] data) {
        return Digests.sha256Hex(data);
    }
}
