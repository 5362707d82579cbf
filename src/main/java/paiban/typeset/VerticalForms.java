package paiban.typeset;

import java.util.Map;

/**
 * The vertical forms of the marks a vertical line sets upright (clreq §3.3; Unicode's vertical presentation
 * forms, U+FE10–FE19 and U+FE30–FE48). In the Noto CJK faces these code points map to the very glyphs the
 * fonts' OpenType {@code vert} feature substitutes for the marks (read with fontbox, see
 * {@code VerticalFormsTest}), so painting them draws the font's own vertical glyphs through the cmap, and
 * subsetting and the text layer need nothing new. Quotation marks become corner brackets, as GB/T 15834
 * has them in vertical text: “” as ﹃﹄ and ‘’ as ﹁﹂.
 */
public final class VerticalForms {

    private static final Map<Integer, Integer> FORMS = Map.ofEntries(
            Map.entry(0xFF0C, 0xFE10), // ，
            Map.entry(0x3001, 0xFE11), // 、
            Map.entry(0x3002, 0xFE12), // 。
            Map.entry(0xFF1A, 0xFE13), // ：
            Map.entry(0xFF1B, 0xFE14), // ；
            Map.entry(0xFF01, 0xFE15), // ！
            Map.entry(0xFF1F, 0xFE16), // ？
            Map.entry(0x3016, 0xFE17), // 〖
            Map.entry(0x3017, 0xFE18), // 〗
            Map.entry(0x2026, 0xFE19), // …
            Map.entry(0x2025, 0xFE30), // ‥
            Map.entry(0x2014, 0xFE31), // —
            Map.entry(0x2013, 0xFE32), // –
            Map.entry(0xFF08, 0xFE35), // （
            Map.entry(0xFF09, 0xFE36), // ）
            Map.entry(0xFF5B, 0xFE37), // ｛
            Map.entry(0xFF5D, 0xFE38), // ｝
            Map.entry(0x3014, 0xFE39), // 〔
            Map.entry(0x3015, 0xFE3A), // 〕
            Map.entry(0x3010, 0xFE3B), // 【
            Map.entry(0x3011, 0xFE3C), // 】
            Map.entry(0x300A, 0xFE3D), // 《
            Map.entry(0x300B, 0xFE3E), // 》
            Map.entry(0x3008, 0xFE3F), // 〈
            Map.entry(0x3009, 0xFE40), // 〉
            Map.entry(0x300C, 0xFE41), // 「
            Map.entry(0x300D, 0xFE42), // 」
            Map.entry(0x300E, 0xFE43), // 『
            Map.entry(0x300F, 0xFE44), // 』
            Map.entry(0x2018, 0xFE41), // ‘ as ﹁
            Map.entry(0x2019, 0xFE42), // ’ as ﹂
            Map.entry(0x201C, 0xFE43), // “ as ﹃
            Map.entry(0x201D, 0xFE44), // ” as ﹄
            Map.entry(0xFF3B, 0xFE47), // ［
            Map.entry(0xFF3D, 0xFE48)); // ］

    private VerticalForms() {
    }

    /** The vertical form of {@code cp}, or {@code cp} itself when it has none. */
    public static int of(int cp) {
        return FORMS.getOrDefault(cp, cp);
    }

    public static boolean has(int cp) {
        return FORMS.containsKey(cp);
    }

    /** The marks that have a vertical form, for tests. */
    static java.util.Set<Integer> marks() {
        return FORMS.keySet();
    }
}
