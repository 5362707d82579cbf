/**
 * The archive bundle for libraries, {@code archive/} in an issue's output folder: ALTO 4.4 for each page
 * ({@link paiban.library.AltoPage}) and one METS 1.12.1 file for the issue ({@link paiban.library.MetsIssue}),
 * the form in which national libraries ingest newspapers.
 *
 * <p>It is a package of its own, called by finish like any edition, because its work is of another kind:
 * finish turns the rendered master PDF into other PDFs and pictures and never looks at composition,
 * while ALTO is written from composition alone, line by line and glyph by glyph, with no PDF in sight. It
 * reads only what the render stage hands on ({@link paiban.render.RenderedIssue}: the issue, the trim and
 * type area, each page's modules) and writes plain XML, so that it depends on no stage after render and
 * finish stays the one place that stages and commits files.
 */
package paiban.library;
