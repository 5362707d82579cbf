package paiban.compose;

import java.util.List;

/** One composed page: its number (第N版), section and modules. Page 1 carries the masthead. */
public record Page(int number, String section, List<Module> modules) {

    public Page {
        modules = List.copyOf(modules);
    }

    public boolean front() {
        return number == 1;
    }
}
