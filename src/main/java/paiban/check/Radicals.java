package paiban.check;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Radicals and compatibility ideographs read back as the ideographs they look like. A font that maps a
 * radical and an ideograph to one glyph (Noto CJK maps ⼴ U+2F34 and 广 U+5E7F to one outline) lets a PDF
 * writer's ToUnicode map name the radical: Chromium's does, wrapping the glyph in an ActualText span that
 * names 广. Where no ActualText says otherwise, such text is unified here before it is judged: a radical is
 * a symbol, not a letter, so read as drawn it would count short in a last line and spell words wrongly.
 */
final class Radicals {

    /**
     * CJK Radicals Supplement (U+2E80–U+2EFF), which NFKC leaves alone but for two, and the unified
     * ideograph each stands for: Unicode's EquivalentUnifiedIdeograph.txt for this block, in order.
     */
    private static final String SUPPLEMENT = ""
            + "⺁⺂⺃⺄⺅⺆⺇⺈⺉⺊⺋⺌⺍⺎⺏⺐⺑⺒⺓"
            + "⺔⺕⺖⺗⺘⺙⺛⺜⺝⺞⺟⺠⺡⺢⺣⺤⺥⺦⺧"
            + "⺨⺩⺪⺫⺬⺭⺮⺯⺰⺱⺲⺳⺴⺵⺶⺷⺸⺹⺺"
            + "⺻⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍"
            + "⻎⻏⻐⻑⻒⻓⻔⻕⻖⻗⻘⻙⻚⻛⻜⻝⻞⻟⻠"
            + "⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳";
    private static final String SUPPLEMENT_IDEOGRAPHS = ""
            + "厂 乛 乚 乙 亻 冂 𠘨 刀 刂 卜 㔾 小 小 兀 尣 尢 𡯂 巳 幺 "
            + "彑 𫜹 忄 心 扌 攵 旡 日 月 歺 母 民 氵 氺 灬 爫 爫 丬 牛 "
            + "犭 王 𤴔 目 示 礻 𥫗 糹 纟 罓 罒 㓁 冗 𦉫 羊 𦍌 𦍋 耂 肀 "
            + "聿 肉 𦥑 艹 艹 艹 虎 衤 覀 西 见 角 𧢲 讠 贝 𧾷 车 辶 辶 "
            + "辶 邑 钅 長 镸 长 门 𨸏 阝 雨 青 韦 页 风 飞 食 𩙿 飠 饣 "
            + "𩠐 马 骨 鬼 鱼 鸟 卤 麦 黄 黾 斉 齐 歯 齿 竜 龙 龜 亀 龟 ";
    private static final Map<Integer, String> EQUIVALENT = new HashMap<>();

    static {
        String[] ideographs = SUPPLEMENT_IDEOGRAPHS.trim().split(" ");
        int[] radicals = SUPPLEMENT.codePoints().toArray();
        if (radicals.length != ideographs.length) throw new IllegalStateException("radical table out of step");
        for (int i = 0; i < radicals.length; i++) EQUIVALENT.put(radicals[i], ideographs[i]);
    }

    private Radicals() {
    }

    /**
     * {@code text} with each Kangxi radical (U+2F00–U+2FDF) and CJK compatibility ideograph (U+F900–U+FAFF)
     * replaced by its NFKC form and each supplementary radical by its equivalent ideograph. Everything else
     * stays as it is: NFKC over the whole text would turn full-width ！ and ％ into ASCII, which the line
     * rules tell apart.
     */
    static String unify(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            String u = unify(cp);
            if (u != null && sb == null) sb = new StringBuilder(text.substring(0, i));
            if (sb != null) sb.append(u != null ? u : text.substring(i, i + n));
            i += n;
        }
        return sb == null ? text : sb.toString();
    }

    private static String unify(int cp) {
        if (cp >= 0x2E80 && cp <= 0x2EFF) return EQUIVALENT.get(cp);
        if (cp >= 0x2F00 && cp <= 0x2FDF || cp >= 0xF900 && cp <= 0xFAFF) {
            String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
            return s.codePointAt(0) == cp ? null : s;
        }
        return null;
    }
}
