package paiban.compose;

import paiban.core.PaibanException;
import paiban.typeset.TextStyle;

import java.util.Map;

/**
 * The text styles a layout defines in its CSS, by class name: the ones every layout has ({@link #REQUIRED}),
 * and the headline levels and brief styles its {@link LayoutRules} name.
 */
public record Styles(Map<String, TextStyle> byClass) {

    public static final java.util.List<String> REQUIRED = java.util.List.of("body", "kicker", "subtitle", "subhead",
            "caption", "credit", "jump", "jump-head", "index-title", "index-item", "quote");

    /** Styles a layout may leave out; the code that uses one names the style that stands in for it. */
    public static final java.util.List<String> OPTIONAL = java.util.List.of("index-summary");

    public Styles {
        byClass = Map.copyOf(byClass);
    }

    /** The layout's style for {@code cssClass}, or for {@code otherwise} if its CSS leaves that one out. */
    public TextStyle getOr(String cssClass, String otherwise) {
        TextStyle s = byClass.get(cssClass);
        return s != null ? s : get(otherwise);
    }

    public boolean has(String cssClass) {
        return byClass.containsKey(cssClass);
    }

    public TextStyle get(String cssClass) {
        TextStyle s = byClass.get(cssClass);
        if (s == null) {
            throw new PaibanException("layout CSS: no style for '." + cssClass + "'; the layout must define it");
        }
        return s;
    }
}
