package paiban.model;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One issue of the paper as read from {@code issues/<id>/}: the header fields of issue.yaml and its articles.
 *
 * @param folder   the issue folder; every photo path is resolved inside it
 * @param id       the folder's name, which also names the output folder
 * @param pages    a fixed page count, or empty to let composition decide
 * @param furniture the publication data the rules require in the nameplate and the 报尾
 * @param plan     the editor's manual page plan (may be empty)
 * @param articles in file-name order; composition decides the printed order
 * @param ads      the advertisements booked for its pages, placed before the copy
 */
public record Issue(Path folder, String id, String paper, LocalDate date, int number, String layout,
                    Optional<Integer> pages, String publisher, String serial, String editor, Furniture furniture,
                    List<PlanPage> plan, List<Article> articles, List<Ad> ads) {

    public Issue {
        plan = List.copyOf(plan);
        articles = List.copyOf(articles);
        ads = List.copyOf(ads);
    }

    /** An issue without the publication data and without advertisements, as tests make them. */
    public Issue(Path folder, String id, String paper, LocalDate date, int number, String layout,
                 Optional<Integer> pages, String publisher, String serial, String editor,
                 List<PlanPage> plan, List<Article> articles) {
        this(folder, id, paper, date, number, layout, pages, publisher, serial, editor, Furniture.NONE, plan, articles,
                List.of());
    }

    /** "广东科技报 2021-06-22 总第N期": the title of every edition and of the email. */
    public String title() {
        return title(paper, date, number);
    }

    /** The issue's title from its parts, for those that hold the parts and not an Issue (a mail read from text.json). */
    public static String title(String paper, LocalDate date, int number) {
        return paper + " " + date + " " + numbered(number);
    }

    /** "总第1234期": the running number as the paper prints it. */
    public static String numbered(int number) {
        return "总第" + number + "期";
    }

    public Optional<Article> article(String slug) {
        return articles.stream().filter(a -> a.slug().equals(slug)).findFirst();
    }
}
