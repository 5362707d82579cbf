package paiban.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The publication data the rules for newspapers (《报纸出版管理规定》) require on the page, as issue.yaml
 * gives it: page 1's nameplate (报头) carries the registration numbers and the bodies behind the paper,
 * the last page's foot (报尾) where to reach it, who printed it and what it costs. A field issue.yaml
 * lacks is empty; {@link #missing()} names it.
 *
 * @param cn         the 国内统一连续出版物号, "CN 44-0012/N" (checked by the reader)
 * @param postalCode the 邮发代号 the post office sells the paper under, "45-29"
 * @param supervisor the 主管单位, the body answerable for the paper
 * @param sponsor    the 主办单位, the body that runs it
 * @param lunarDate  whether the nameplate prints the 农历 date beside the date
 * @param address    the paper's address, for the 报尾
 * @param telephone  the paper's telephone, for the 报尾
 * @param printer    the 印刷单位, for the 报尾
 * @param price      the 定价, as printed ("每份1.00元", or "免费赠阅")
 */
public record Furniture(String cn, String postalCode, String supervisor, String sponsor, boolean lunarDate,
                        String address, String telephone, String printer, String price) {

    /** Nothing given: what an issue built by a test, or read from an old issue.yaml, has. */
    public static final Furniture NONE = new Furniture("", "", "", "", false, "", "", "", "");

    /** The fields the rules require, each with its issue.yaml key and what it is. */
    public enum Required {
        CN("cn", "国内统一连续出版物号", "CN 44-0012/N"),
        POSTAL_CODE("postal-code", "邮发代号", "45-29"),
        SUPERVISOR("supervisor", "主管单位", "广东省科学技术协会"),
        SPONSOR("sponsor", "主办单位", "广东省科学技术协会"),
        ADDRESS("address", "报社地址 (报尾)", "广州市连新路171号"),
        TELEPHONE("telephone", "电话 (报尾)", "020-83549500"),
        PRINTER("printer", "印刷单位 (报尾)", "广东南方报业传媒印务有限公司"),
        PRICE("price", "定价 (报尾)", "每份1.00元");

        /** The issue.yaml key. */
        public final String key;
        /** What the field is, in the trade's words. */
        public final String what;
        /** A value to show in the message that asks for it. */
        public final String example;

        Required(String key, String what, String example) {
            this.key = key;
            this.what = what;
            this.example = example;
        }
    }

    /** The value of a required field, empty when issue.yaml lacks it. */
    public String value(Required field) {
        return switch (field) {
            case CN -> cn;
            case POSTAL_CODE -> postalCode;
            case SUPERVISOR -> supervisor;
            case SPONSOR -> sponsor;
            case ADDRESS -> address;
            case TELEPHONE -> telephone;
            case PRINTER -> printer;
            case PRICE -> price;
        };
    }

    /** The required fields issue.yaml lacks, in the order of {@link Required}. */
    public List<Required> missing() {
        List<Required> out = new ArrayList<>();
        for (Required r : Required.values()) if (value(r).isBlank()) out.add(r);
        return out;
    }
}
