package paiban.finish;

import paiban.core.Workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The photos' print and screen forms, started as soon as compose has placed the photos, so that the
 * workers prepare them while the renderer lays out the pages on the main thread. The finish stage takes
 * a prepared photo only if it still fits: the PDF embeds the file byte for byte, as a plain RGB or grey
 * JPEG, and at the size compose gave (within a pixel); anything else is prepared again from the PDF
 * ({@link PreparedPhotos}), so a head start can make a build faster but never different.
 */
public final class PhotoHeadStart {

    /** A photo as compose placed it: its file and its frame's size in points. */
    public record Use(Path file, double widthPt, double heightPt) {
    }

    /** One photo file's work under way. */
    private record Entry(byte[] jpeg, CompletableFuture<Early> work) {
    }

    /** What the workers made of a photo file, and for which sizes. */
    record Early(boolean grey, PreparedPhotos.Prepared prepared) {
    }

    private final Map<Integer, List<Entry>> byLength = new LinkedHashMap<>();

    private PhotoHeadStart() {
    }

    /** No head start: the finish stage prepares every photo itself. */
    public static PhotoHeadStart none() {
        return new PhotoHeadStart();
    }

    /**
     * Starts preparing every JPEG photo in {@code uses} for the editions in {@code opts}. A photo placed
     * twice is prepared for its largest placement, which needs the most pixels (as the finish stage does).
     */
    public static PhotoHeadStart start(List<Use> uses, EditionOptions opts) {
        PhotoHeadStart head = new PhotoHeadStart();
        boolean print = opts.editions().contains(Edition.PRINT);
        boolean screen = opts.editions().contains(Edition.EMAIL) || opts.editions().contains(Edition.PAGES)
                || opts.editions().contains(Edition.PREVIEWS);
        if (!print && !screen) {
            return head;
        }
        CompletableFuture<CmykTransform> transform = print
                ? Workers.start(() -> CmykTransform.of(CmykProfile.load(opts.cmykProfile()), new InkLimit(opts.inkLimit())))
                : CompletableFuture.completedFuture(null);
        Map<Path, Use> largest = new LinkedHashMap<>();
        for (Use u : uses) largest.merge(u.file(), u, (a, b) -> b.widthPt() > a.widthPt() ? b : a);
        for (Use u : largest.values()) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(u.file());
            } catch (IOException e) {
                continue; // the copy reader checked it; should it vanish now, the finish stage says so
            }
            if (!isJpeg(bytes)) continue;
            CompletableFuture<Early> work = Workers.then(transform, t -> prepare(bytes, u, t, screen));
            head.byLength.computeIfAbsent(bytes.length, k -> new ArrayList<>()).add(new Entry(bytes, work));
        }
        return head;
    }

    /** Stops work not yet begun, when the build has failed before its finish stage. */
    public void cancel() {
        byLength.values().forEach(list -> list.forEach(e -> e.work().cancel(false)));
    }

    /** The early work on the photo whose file is exactly {@code raw}, waited for; empty if there is none. */
    Optional<Early> find(byte[] raw) {
        for (Entry e : byLength.getOrDefault(raw.length, List.of())) {
            if (Arrays.equals(e.jpeg(), raw)) {
                try {
                    return Optional.of(Workers.join(e.work()));
                } catch (IOException | RuntimeException failed) {
                    return Optional.empty(); // prepared again from the PDF, where a real fault is reported
                }
            }
        }
        return Optional.empty();
    }

    private static Early prepare(byte[] jpeg, Use u, CmykTransform transform, boolean screen) throws IOException {
        Pixels.JpegFrame frame = Pixels.JpegFrame.of(jpeg);
        PlacedImages.Placement p = new PlacedImages.Placement(null, 0, u.file().getFileName().toString(),
                frame.width(), frame.height(), u.widthPt(), u.heightPt());
        PreparedPhotos.Source source = PreparedPhotos.Source.of(jpeg);
        boolean grey = frame.components() == 1;
        // a grey photo stays grey in print (DeviceGray is K only); an RGB one is separated
        PreparedPhotos.Prepared prepared = PreparedPhotos.prepare(source, true, p, grey ? null : transform, screen,
                jpeg.length);
        return new Early(grey, prepared);
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }
}
