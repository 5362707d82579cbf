package paiban.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The email edition as finish left it in {@code <out>/<id>/}: the PDF, the page-1 preview, and what
 * the message says about the issue, taken from text.json so that sending never rereads the copy.
 *
 * @param stories the 导读: every titled article with the page it starts on, in page order
 */
public record EmailEdition(Path folder, String id, String paper, LocalDate date, int number,
                           List<Story> stories) {

    public static final String PDF = "email.pdf";
    public static final String PREVIEW = "previews/01.png";
    public static final String TEXT = "text.json";

    /** One line of the 导读. */
    public record Story(String title, int page) {
    }

    public EmailEdition {
        stories = List.copyOf(stories);
    }

    /** True when the folder holds everything a message needs; otherwise the caller builds it first. */
    public static boolean isComplete(Path folder) {
        return Files.isRegularFile(folder.resolve(PDF)) && Files.isRegularFile(folder.resolve(PREVIEW))
                && Files.isRegularFile(folder.resolve(TEXT));
    }

    public static EmailEdition open(Path folder) {
        for (String name : List.of(PDF, PREVIEW, TEXT)) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                throw new PaibanException(folder.resolve(name) + ": missing; build the issue first "
                        + "(paiban build ... --out " + folder.getParent() + ")");
            }
        }
        Path textFile = folder.resolve(TEXT);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(textFile.toFile());
        } catch (IOException e) {
            throw new PaibanException(textFile + ": not readable JSON (" + e.getMessage()
                    + "); rebuild the issue with paiban build");
        }
        String paper = text(root, "paper", textFile);
        LocalDate date;
        try {
            date = LocalDate.parse(text(root, "date", textFile));
        } catch (DateTimeParseException e) {
            throw new PaibanException(textFile + ": field 'date' is not YYYY-MM-DD; rebuild the issue");
        }
        JsonNode number = root.path("number");
        if (!number.canConvertToInt() || number.asInt() < 1) {
            throw new PaibanException(textFile + ": field 'number' is missing or not a positive integer; "
                    + "rebuild the issue");
        }
        List<Story> stories = new ArrayList<>();
        for (JsonNode article : root.path("articles")) {
            String title = article.path("title").asText("").strip();
            int page = Integer.MAX_VALUE;
            for (JsonNode p : article.path("pages")) {
                page = Math.min(page, p.asInt(Integer.MAX_VALUE));
            }
            if (!title.isEmpty() && page != Integer.MAX_VALUE) {
                stories.add(new Story(title, page));
            }
        }
        // text.json lists articles in page order already; the stable sort only guards that promise.
        stories.sort(Comparator.comparingInt(Story::page));
        Path absolute = folder.toAbsolutePath().normalize();
        return new EmailEdition(absolute, absolute.getFileName().toString(), paper, date, number.asInt(), stories);
    }

    private static String text(JsonNode root, String field, Path file) {
        String value = root.path(field).asText("").strip();
        if (value.isEmpty()) {
            throw new PaibanException(file + ": field '" + field + "' is missing; rebuild the issue");
        }
        return value;
    }

    public Path pdf() {
        return folder.resolve(PDF);
    }

    public Path preview() {
        return folder.resolve(PREVIEW);
    }

    /** "广东科技报 2021-06-22 总第1234期", the same title every edition carries. */
    public String subject() {
        return paper + " " + date + " 总第" + number + "期";
    }

    /** "广东科技报-2021-06-22.pdf": what the subscriber's mail program saves the attachment as. */
    public String attachmentName() {
        // Characters that are illegal in file names on Windows or macOS would make the save fail.
        return paper.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + "-" + date + ".pdf";
    }
}
