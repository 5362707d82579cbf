/**
 * Stage 4, render: takes composed pages and a layout (XHTML template + CSS) and gives one PDF through
 * Flying Saucer, with each page's set text painted by a replaced element at the composer's positions.
 * It reads only the layout, issue and font folders, parses templates with DTDs and external entities
 * off, and opens no connection. It never decides where anything goes: compose did.
 */
package paiban.render;
