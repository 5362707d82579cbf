/**
 * Stage 5, finish: takes a {@link paiban.render.RenderedIssue} (Flying Saucer's RGB master PDF and what
 * stands on each page) and gives the editions in the output folder: print.pdf (PDF/X-4, CMYK,
 * pure-K text, boxes, optional crop marks), archive.pdf (PDF/A-2u with bookmarks and page labels),
 * email.pdf (photos at 150 dpi), pages/NN.pdf, previews/NN.png with thumbs, text.json, and the archive
 * bundle for libraries that {@link paiban.library} writes (METS and ALTO under archive/).
 * Every file is reproducible from the master and the timestamp, and appears only when the whole set
 * succeeded. It never lays anything out or changes what a page says: only colours, boxes, images,
 * metadata and navigation.
 */
package paiban.finish;
