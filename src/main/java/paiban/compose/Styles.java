package paiban.compose;

import paiban.core.PaibanException;
import paiban.typeset.TextStyle;

import java.util.Map;

/**
 * The text styles a layout defines in its CSS, by class name: body, headline-1 … headline-4 (by weight),
 * kicker, subtitle, subhead, caption, credit, jump, jump-head, index-title, index-item (the 导读 box), brief-title (a 简讯's title).
 */
public record Styles(Map<String, TextStyle> byClass) {

    public static final java.util.List<String> REQUIRED = java.util.List.of("body", "headline-1", "headline-2",
            "headline-3", "headline-4", "kicker", "subtitle", "subhead", "caption", "credit", "jump", "jump-head",
            "index-title", "index-item", "brief-title");

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
