package paiban.finish;

import paiban.core.PaibanException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** One kind of output a build can make; {@code --edition} names them in lower case. */
public enum Edition {
    /** print.pdf for the printing plant. */
    PRINT,
    /** archive.pdf, PDF/A-2u. */
    ARCHIVE,
    /** email.pdf, small enough to mail. */
    EMAIL,
    /** pages/NN.pdf, one file per page for the web. */
    PAGES,
    /** previews/NN.png and previews/thumbs/NN.png. */
    PREVIEWS,
    /** text.json, the full text for search indexes and the email's 导读. */
    TEXT,
    /** archive/: METS for the issue and ALTO for each page, for libraries. */
    LIBRARY,
    /** web/: the 数字报, made after finish by paiban.web from the previews, which it brings with it. */
    WEB;

    /** True for the editions finish makes; the web edition comes after it. */
    public boolean finished() {
        return this != WEB;
    }

    /** The name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a comma-separated list such as "print,archive". */
    public static Set<Edition> parse(String list) {
        Set<Edition> out = EnumSet.noneOf(Edition.class);
        for (String part : list.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            Edition e = Arrays.stream(values()).filter(v -> v.label().equals(name)).findFirst()
                    .orElseThrow(() -> new PaibanException("--edition: '" + name + "' is not an edition; choose from "
                            + Arrays.stream(values()).map(Edition::label).collect(Collectors.joining(", "))));
            out.add(e);
        }
        if (out.isEmpty()) {
            throw new PaibanException("--edition: no edition named; give e.g. --edition print,archive");
        }
        return out;
    }
}
