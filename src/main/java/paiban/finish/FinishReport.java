package paiban.finish;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a finish run wrote and how long its parts took, for {@code --timings}.
 *
 * @param folder        the output folder
 * @param files         every file written, relative to the folder, in the order they were moved into place
 * @param masterMillis  preparing the master all editions start from (reading it, cutting its fonts down)
 * @param photosMillis  wall time to prepare every photo for print and screens, on all workers
 * @param editionsMillis wall time from the master to the last file, photos included
 * @param earlyPhotos   photos that came ready from the {@link PhotoHeadStart}
 * @param millis        per edition, the time its tasks ran, summed over the workers they ran on (editions
 *                      run side by side, so these add up to more than {@code editionsMillis}); the first
 *                      screen edition includes making the screen copy the others reuse
 */
public record FinishReport(Path folder, List<Path> files, long masterMillis, long photosMillis, long editionsMillis,
                           int earlyPhotos, Map<Edition, Long> millis) {

    public FinishReport {
        files = List.copyOf(files);
        EnumMap<Edition, Long> ordered = new EnumMap<>(Edition.class);
        ordered.putAll(millis);
        millis = Collections.unmodifiableMap(ordered);
    }

    /** "master 480 ms, photos 900 ms, editions 1900 ms (print 2310 ms, archive 180 ms, …)" in edition order. */
    public String timings() {
        return "master " + masterMillis + " ms, photos " + photosMillis + " ms, editions " + editionsMillis + " ms ("
                + millis.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue() + " ms")
                .collect(Collectors.joining(", ")) + ")";
    }
}
