package paiban.compose;

import java.util.List;

/**
 * One composed page: its number (第N版), the sections it carries in order (sections short of a page share
 * one), and its modules. Page 1 carries the masthead.
 */
public record Page(int number, List<String> sections, List<Module> modules) {

    public Page {
        sections = List.copyOf(sections);
        modules = List.copyOf(modules);
    }

    public boolean front() {
        return number == 1;
    }

    /** The running head's section line: the page's sections joined as the layout says. */
    public String section(String separator) {
        return String.join(separator, sections);
    }

    /** The page's first section, the one it is filed under. */
    public String section() {
        return sections.getFirst();
    }
}
