package paiban.typeset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated copy that is hard to set: seeded random paragraphs rich in punctuation clusters (”。 ）， 」。
 * …… ——), numbers with units, Latin words and long runs with no break opportunity. Each paragraph
 * knows its protected spans, the pieces no line break may fall inside, so that any line breaking of
 * it can be audited without trusting the typesetter's own rules.
 */
public final class StressCopy {

    private static final String HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
            + "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义"
            + "事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料"
            + "象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南"
            + "给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目"
            + "科协报讯记者江门市群众实事活动党史学习教育推进";
    private static final String[] STOPS = {"，", "。", "、", "；", "：", "！", "？"};
    private static final String[] NUMBERS = {"3.6%", "0.25μg/mL", "±0.3μm", "12～13级", "2021年", "98.6%", "35.7℃",
            "1,250万", "10:30", "3～5年", "0.5mm", "4.2kg", "−12.5%", "5 km", "0.3 μm", "2.5‰", "100%"};
    private static final String[] UNITS = {"%", "μg/mL", "mm", "kg", "km", "℃", "级", "年", "万", "MHz", "‰", "倍", "μm"};
    private static final String[] WORDS = {"DNA", "RNA", "PDF", "OpenType", "Internationalization", "typography", "Noto",
            "CJK", "OpenPDF", "PDFBox", "clreq", "JavaScript", "COVID-19", "e-mail", "W3C", "GB/T", "ISO", "newspaper",
            "microelectronics", "Flying Saucer", "Noto Serif CJK", "open source software", "New York Times", "iPhone"};
    private static final String[] LONG_RUNS = {"www.example.org/2021/0622", "13800138000",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "——……——", "」）。", "supercalifragilisticexpialidocious",
            "0.000000000000125μg/mL"};

    /** A paragraph and the spans of its text, spaces removed, that must stay on one line. */
    public record Paragraph(String text, List<int[]> spans) {
        /** The text without spaces, as a PDF's text layer gives it back. */
        public String bare() {
            return text.replace(" ", "");
        }
    }

    private final Random random;
    private final StringBuilder text = new StringBuilder();
    private final List<int[]> spans = new ArrayList<>();
    private int bare;

    private StressCopy(long seed) {
        this.random = new Random(seed);
    }

    public static List<Paragraph> generate(long seed, int paragraphs) {
        StressCopy g = new StressCopy(seed);
        List<Paragraph> out = new ArrayList<>();
        for (int i = 0; i < paragraphs; i++) out.add(g.paragraph());
        return out;
    }

    private Paragraph paragraph() {
        text.setLength(0);
        spans.clear();
        bare = 0;
        int target = 15 + random.nextInt(random.nextInt(5) == 0 ? 40 : 260);
        if (random.nextInt(4) == 0) add("“");
        while (bare < target) piece();
        // endings that tempt a lone last character
        switch (random.nextInt(6)) {
            case 0 -> add("好。");
            case 1 -> add(han(1) + "。”");
            case 2 -> protect("……");
            case 3 -> {
                add(han(1 + random.nextInt(2)));
                word();
                add("。");
            }
            default -> add(han(1 + random.nextInt(3)) + "。");
        }
        return new Paragraph(text.toString(), List.copyOf(spans));
    }

    private void piece() {
        int r = random.nextInt(100);
        if (r < 30) {
            add(han(1 + random.nextInt(8)));
            if (random.nextBoolean()) add(STOPS[random.nextInt(STOPS.length)]);
        } else if (r < 40) {
            add("“" + han(1 + random.nextInt(6)) + "”" + pick("。", "，", "", "！", "？"));
        } else if (r < 47) {
            add("（" + han(1 + random.nextInt(6)) + "）" + pick("，", "。", "", "、"));
        } else if (r < 52) {
            add("「" + han(1 + random.nextInt(5)) + "」" + pick("。", "，", ""));
        } else if (r < 56) {
            add("《" + han(2 + random.nextInt(6)) + "》" + pick("，", "", "、"));
        } else if (r < 59) {
            boolean quote = random.nextBoolean();
            add((quote ? "“「" : "（“") + han(1 + random.nextInt(4)) + (quote ? "」”" : "”）") + pick("。", "，"));
        } else if (r < 65) {
            add(han(1 + random.nextInt(3)));
            protect("……");
            add(pick("", "”", "。", "，"));
        } else if (r < 70) {
            add(han(1 + random.nextInt(3)));
            protect("——");
            add(han(1 + random.nextInt(4)));
        } else if (r < 82) {
            add(han(1 + random.nextInt(3)));
            number();
        } else if (r < 93) {
            add(han(1 + random.nextInt(3)));
            if (random.nextInt(3) == 0) add(" ");
            word();
            if (random.nextInt(3) == 0) add(" ");
        } else {
            add(han(1 + random.nextInt(2)));
            String run = LONG_RUNS[random.nextInt(LONG_RUNS.length)];
            if (run.startsWith("——")) {
                // three marks: a break may fall after the ellipsis, never inside a mark
                protect("——");
                protect("……");
                protect("——");
            } else {
                protect(run);
            }
        }
    }

    private void number() {
        if (random.nextBoolean()) {
            protect(NUMBERS[random.nextInt(NUMBERS.length)]);
            return;
        }
        StringBuilder n = new StringBuilder();
        n.append(1 + random.nextInt(random.nextBoolean() ? 9 : 9999));
        if (random.nextBoolean()) n.append('.').append(random.nextInt(100));
        String unit = UNITS[random.nextInt(UNITS.length)];
        protect(n + unit);
    }

    private void word() {
        String w = WORDS[random.nextInt(WORDS.length)];
        String[] parts = w.split(" ");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) add(" ");
            protect(parts[i]);
        }
    }

    private String han(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(HAN.charAt(random.nextInt(HAN.length())));
        return sb.toString();
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private void add(String s) {
        text.append(s);
        bare += s.replace(" ", "").length();
    }

    private void protect(String s) {
        int from = bare;
        add(s);
        spans.add(new int[] {from, bare});
    }
}
