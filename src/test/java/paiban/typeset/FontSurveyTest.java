package paiban.typeset;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code paiban fonts} reports, on the default font book. */
class FontSurveyTest {

    static final FontBook FONTS = FontBook.of(Path.of("fonts"));

    @Test
    void eachRoleWithItsFileFaceAndCountsInTheOrderOfFontsYaml() {
        List<FontSurvey.Role> roles = FontSurvey.roles(FONTS);
        assertEquals(List.of("body", "bold", "headline", "sans", "kai"), roles.stream().map(FontSurvey.Role::role).toList());
        FontSurvey.Role body = roles.get(0);
        assertEquals("NotoSerifCJKsc-Regular", body.face());
        assertEquals("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", body.file());
        assertEquals(65535, body.glyphs(), "a Noto CJK face fills the glyph space");
        FontSurvey.Role kai = roles.get(4);
        assertEquals("UKaiCN", kai.face());
        assertTrue(kai.glyphs() > 20_000 && kai.glyphs() < 65535, kai.glyphs() + " glyphs");
        // a face maps fewer characters than it has glyphs (variants, vertical forms), and more than GB 2312's 7,445
        for (FontSurvey.Role r : roles) assertTrue(r.characters() > 7445 && r.characters() < r.glyphs() + 1, r.toString());
    }

    @Test
    void theFacesOfEachCollectionAreListed() {
        Map<Path, List<String>> faces = new java.util.HashMap<>();
        for (FontSurvey.Collection c : FontSurvey.collections(FONTS)) faces.put(c.file(), c.faces());
        assertEquals(List.of("UKaiCN", "UKaiHK", "UKaiTW", "UKaiTWMBE"), faces.get(Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc")));
        assertTrue(faces.get(Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc")).contains("NotoSerifCJKtc-Bold"));
    }

    @Test
    void aCharacterTheKaiFontLacksIsNamedWithTheFallbackThatSetsIt() {
        Face kai = FONTS.role("kai"), sans = FONTS.role("sans");
        int lacking = -1;
        for (int cp = 0x4E00; cp <= 0x9FFF && lacking < 0; cp++) if (!kai.has(cp) && sans.has(cp)) lacking = cp;
        assertTrue(lacking > 0, "UKai lacks some ideograph that Noto Sans has");
        int nowhere = 0x20000; // CJK Extension B's first: in none of the default faces
        assertTrue(FONTS.roles().values().stream().noneMatch(f -> f.has(nowhere)));

        String text = "本报讯 " + Character.toString(lacking) + Character.toString(nowhere) + "\n";
        Map<String, List<FontSurvey.Gap>> gaps = FontSurvey.gaps(FONTS, text);
        assertEquals(List.of(new FontSurvey.Gap(lacking, "sans"), new FontSurvey.Gap(nowhere, null)), gaps.get("kai"));
        assertEquals(List.of(new FontSurvey.Gap(nowhere, null)), gaps.get("body"));
    }
}
