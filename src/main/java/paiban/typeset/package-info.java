/**
 * Stage 2, typeset: takes paragraphs (runs of text), a {@link paiban.typeset.TextStyle} and a measure,
 * and gives {@link paiban.typeset.Galley}s of lines with every glyph placed, following clreq's basic
 * level: prohibitions at line start and end, nothing split that must stay whole (—— …… numbers with
 * their units, Latin words), punctuation squeezed before anything is pulled back or pushed down,
 * breaks chosen by total fit, inter-character justification, a quarter em between Han and Western
 * text, no lone character on a paragraph's last line. It measures with the fonts that will be embedded
 * (and reads their ink to know which half of a mark is blank). It never decides where a line goes on a
 * page: that is compose's job. docs/typesetting.md describes the rules and the figures.
 */
package paiban.typeset;
