/**
 * Stage 2, typeset: takes paragraphs (runs of text), a {@link paiban.typeset.TextStyle} and a measure,
 * and gives {@link paiban.typeset.Galley}s of lines with every glyph placed, following clreq's basic
 * level: prohibitions at line start and end, punctuation squeezing, inter-character justification,
 * a quarter em between Han and Western text. It measures with the fonts that will be embedded.
 * It never decides where a line goes on a page: that is compose's job.
 */
package paiban.typeset;
