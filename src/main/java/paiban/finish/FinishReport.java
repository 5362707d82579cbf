package paiban.finish;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a finish run wrote and how long each edition took, for {@code --timings}.
 *
 * @param folder the output folder
 * @param files        every file written, relative to the folder, in the order they were moved into place
 * @param masterMillis preparing the master all editions start from (reading it, cutting its fonts down)
 * @param millis       wall time per edition in milliseconds, in edition order; email includes the photo
 *                     shrinking that pages then reuse
 */
public record FinishReport(Path folder, List<Path> files, long masterMillis, Map<Edition, Long> millis) {

    public FinishReport {
        files = List.copyOf(files);
        EnumMap<Edition, Long> ordered = new EnumMap<>(Edition.class);
        ordered.putAll(millis);
        millis = Collections.unmodifiableMap(ordered);
    }

    /** "master 480 ms, print 2310 ms, archive 180 ms, …" in edition order. */
    public String timings() {
        return "master " + masterMillis + " ms" + millis.entrySet().stream()
                .map(e -> ", " + e.getKey().label() + " " + e.getValue() + " ms").collect(Collectors.joining());
    }
}
