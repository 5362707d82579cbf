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

    public Styles {
        byClass = Map.copyOf(byClass);
    }

    public TextStyle get(String cssClass) {
        TextStyle s = byClass.get(cssClass);
        if (s == null) {
            throw new PaibanException("layout CSS: no style for '." + cssClass + "'; the layout must define it");
        }
        return s;
    }
}
