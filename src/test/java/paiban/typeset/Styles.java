package paiban.typeset;

import java.nio.file.Path;

/** Text styles for tests, with the project's own fonts (fonts/fonts.yaml): the sample layout's body. */
public final class Styles {

    public static final float SIZE = 9f;
    public static final float PITCH = 13.5f;

    private Styles() {
    }

    public static FontBook fonts() {
        return FontBook.of(Path.of("fonts"));
    }

    /** 9 pt Noto Serif CJK SC, justified, with the given first-line indent in em. */
    public static TextStyle body(float indent) {
        FontBook f = fonts();
        return new TextStyle(f.chain(f.role("body")), f.chain(f.role("bold")), SIZE, PITCH, TextStyle.Align.JUSTIFY,
                indent, 0);
    }

    public static TextStyle body() {
        return body(2);
    }

    public static TextStyle kai() {
        FontBook f = fonts();
        return new TextStyle(f.chain(f.role("kai")), f.chain(f.role("kai")), SIZE, PITCH, TextStyle.Align.JUSTIFY, 0, 0);
    }
}
