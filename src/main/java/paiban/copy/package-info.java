/**
 * Stage 1, read copy: takes an issue folder (issue.yaml, articles/*.md, photos) and gives an
 * {@link paiban.model.Issue}. It checks everything it reads and names the file, line and field of
 * any fault. It never reads outside the issue folder and never interprets copy as markup.
 */
package paiban.copy;
