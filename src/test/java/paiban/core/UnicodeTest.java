package paiban.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnicodeTest {

    @Test
    void charactersAreNamedAsUnicodeChartsNameThem() {
        assertEquals("U+000A", Unicode.notation('\n'));
        assertEquals("U+4E00", Unicode.notation('一'));
        assertEquals("U+1F600", Unicode.notation("😀".codePointAt(0)));
    }

    @Test
    void onlyLatinWordsAcrossALineGetASpace() {
        assertTrue(Unicode.spaceBetween('n', 'T'));      // "open" / "Type"
        assertTrue(Unicode.spaceBetween('5', 'G'));      // "5" / "G"
        assertTrue(Unicode.spaceBetween('é', 'a'));
        assertFalse(Unicode.spaceBetween('技', '术'));
        assertFalse(Unicode.spaceBetween('G', '网'));
        assertFalse(Unicode.spaceBetween('5', '月'));
        assertFalse(Unicode.spaceBetween('A', '，'));
        assertFalse(Unicode.spaceBetween(',', 'A'));
        assertFalse(Unicode.spaceBetween('Ａ', 'B'), "a full-width letter is set as Chinese");
    }

    @Test
    void sha256IsTheStandardOne() {
        // FIPS 180-2's example "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Digests.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(32, Digests.sha256(new byte[0]).length);
    }
}
