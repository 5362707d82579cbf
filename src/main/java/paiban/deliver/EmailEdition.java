package paiban.deliver;

import paiban.core.PaibanException;
import paiban.finish.FullText;
import paiban.finish.OutputFiles;
import paiban.model.Issue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The email edition as finish left it in {@code <out>/<id>/}: the PDF, the page-1 preview, and what
 * the message says about the issue, taken from text.json so that sending never rereads the copy.
 *
 * @param headlines the 导读: the title of every article with the page it starts on, in page order
 */
public record EmailEdition(Path folder, String id, String paper, LocalDate date, int number,
                           List<Headline> headlines) {

    /** One line of the 导读. */
    public record Headline(String title, int page) {
    }

    public EmailEdition {
        headlines = List.copyOf(headlines);
    }

    /** True when the folder holds everything a message needs; otherwise the caller builds it first. */
    public static boolean isComplete(Path folder) {
        return NEEDED.stream().allMatch(name -> Files.isRegularFile(folder.resolve(name)));
    }

    /** The files a message is made from: the attachment, the picture of page 1, and the full text. */
    private static final List<String> NEEDED = List.of(OutputFiles.EMAIL, OutputFiles.preview(1), OutputFiles.TEXT);

    public static EmailEdition open(Path folder) {
        for (String name : NEEDED) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                throw new PaibanException(folder.resolve(name) + ": missing; build the issue first "
                        + "(paiban build ... --out " + folder.getParent() + ")");
            }
        }
        Path textFile = folder.resolve(OutputFiles.TEXT);
        FullText.Document text;
        try {
            text = FullText.read(textFile);
        } catch (IOException e) {
            throw new PaibanException(textFile + ": not readable JSON (" + e.getMessage()
                    + "); rebuild the issue with paiban build");
        }
        String paper = required(text.paper(), "paper", textFile);
        LocalDate date;
        try {
            date = LocalDate.parse(required(text.date(), "date", textFile));
        } catch (DateTimeParseException e) {
            throw new PaibanException(textFile + ": field 'date' is not YYYY-MM-DD; rebuild the issue");
        }
        if (text.number() < 1) {
            throw new PaibanException(textFile + ": field 'number' is missing or not a positive integer; "
                    + "rebuild the issue");
        }
        List<Headline> headlines = new ArrayList<>();
        for (FullText.ArticleEntry article : text.articles()) {
            String title = article.title() == null ? "" : article.title().strip();
            int page = article.pages().stream().filter(Objects::nonNull).mapToInt(Integer::intValue).min()
                    .orElse(Integer.MAX_VALUE);
            if (!title.isEmpty() && page != Integer.MAX_VALUE) {
                headlines.add(new Headline(title, page));
            }
        }
        // text.json lists articles in page order already; the stable sort only guards that promise.
        headlines.sort(Comparator.comparingInt(Headline::page));
        Path absolute = folder.toAbsolutePath().normalize();
        return new EmailEdition(absolute, absolute.getFileName().toString(), paper, date, text.number(), headlines);
    }

    private static String required(String value, String field, Path file) {
        if (value == null || value.isBlank()) {
            throw new PaibanException(file + ": field '" + field + "' is missing; rebuild the issue");
        }
        return value.strip();
    }

    public Path pdf() {
        return folder.resolve(OutputFiles.EMAIL);
    }

    public Path preview() {
        return folder.resolve(OutputFiles.preview(1));
    }

    /** "广东科技报 2021-06-22 总第1234期", the same title every edition carries. */
    public String subject() {
        return Issue.title(paper, date, number);
    }

    /** "广东科技报-2021-06-22.pdf": what the subscriber's mail program saves the attachment as. */
    public String attachmentName() {
        // Characters that are illegal in file names on Windows or macOS would make the save fail.
        return paper.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + "-" + date + ".pdf";
    }
}
