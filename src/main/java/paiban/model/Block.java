package paiban.model;

import java.util.List;

/** A piece of an article's body: a paragraph of text runs, or a subhead (小标题) set on whole lines. */
public sealed interface Block {

    int length();

    /** A paragraph; its runs are plain or bold text, never markup. */
    record Paragraph(List<Run> runs) implements Block {
        public Paragraph {
            runs = List.copyOf(runs);
        }

        public String text() {
            StringBuilder sb = new StringBuilder();
            runs.forEach(r -> sb.append(r.text()));
            return sb.toString();
        }

        @Override
        public int length() {
            return text().codePointCount(0, text().length());
        }
    }

    /** A subhead from a "## " line. */
    record Subhead(String text) implements Block {
        @Override
        public int length() {
            return text.codePointCount(0, text.length());
        }
    }

    /** A run of characters in one weight. */
    record Run(String text, boolean bold) {
    }
}
