package paiban.model;

/**
 * A filler (补白): a house notice or a 公益广告 picture that the make-up may set where the copy leaves a page
 * short, at its own size on the grid. Fillers come from a {@code fillers/} folder of the issue or of the layout.
 *
 * @param name    the file as written in fillers.yaml, for messages
 * @param picture the image, checked like a photo
 * @param columns the columns it takes
 * @param lines   the grid lines it takes, its last one the air every module keeps
 */
public record Filler(String name, Photo picture, int columns, int lines) {
}
