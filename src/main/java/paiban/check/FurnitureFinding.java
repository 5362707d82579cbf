package paiban.check;

/**
 * One thing the furniture check found wanting: which page, which item of the furniture, and what.
 *
 * @param page 1-based, or 0 for a fault of the PDF's outline rather than of a page
 * @param item the furniture's item in the trade's words: 报名, 国内统一连续出版物号, 第N版, 广告 …
 */
public record FurnitureFinding(int page, String item, String detail) {

    @Override
    public String toString() {
        return (page > 0 ? "p" + page : "outline") + ": " + item + ": " + detail;
    }
}
