package paiban.deliver;

import paiban.model.Issue;

/**
 * The words of the message, as plain text and as HTML. Every string that comes from the copy or the
 * subscriber list goes through {@link #escape} before it reaches the HTML.
 */
final class LetterBody {

    private LetterBody() {
    }

    static String greeting(Subscriber s) {
        return s.name().isEmpty() ? "您好：" : s.name() + "，您好：";
    }

    static String announcement(EmailEdition e) {
        return announcementBefore(e) + e.attachmentName() + "。";
    }

    private static String announcementBefore(EmailEdition e) {
        return "《" + e.paper() + "》" + e.date() + " " + Issue.numbered(e.number()) + "已出版，全部版面见附件 ";
    }

    static String footer(EmailEdition e) {
        return "您收到这封邮件，是因为您订阅了《" + e.paper() + "》电子版。";
    }

    static String text(EmailEdition e, Subscriber s) {
        StringBuilder t = new StringBuilder();
        t.append(greeting(s)).append("\n\n").append(announcement(e)).append("\n\n");
        if (!e.headlines().isEmpty()) {
            t.append("导读\n");
            for (EmailEdition.Headline headline : e.headlines()) {
                t.append("  · ").append(headline.title()).append("（第").append(headline.page()).append("版）\n");
            }
            t.append('\n');
        }
        t.append("-- \n").append(footer(e)).append('\n');
        return t.toString();
    }

    /** A single column of at most 640 px with inline styles only, which is what mail programs honour. */
    static String html(EmailEdition e, Subscriber s, String previewCid) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\"><title>")
                .append(escape(e.subject())).append("</title></head>\n")
                .append("<body style=\"margin:0;padding:0;background:#efebe3\">\n")
                .append("<div style=\"max-width:640px;margin:0 auto;padding:24px 24px 16px;background:#ffffff;")
                .append("color:#222222;font-family:'Noto Serif CJK SC','Source Han Serif SC','Songti SC',SimSun,serif;")
                .append("font-size:16px;line-height:1.7\">\n")
                .append("<div style=\"border-bottom:3px double #9b1c1c;padding-bottom:6px;margin-bottom:16px\">")
                .append("<div style=\"font-size:30px;font-weight:bold;letter-spacing:4px;color:#9b1c1c\">")
                .append(escape(e.paper())).append("</div>")
                .append("<div style=\"font-size:13px;color:#555555\">").append(escape(e.date().toString()))
                .append(" · ").append(Issue.numbered(e.number())).append("</div></div>\n")
                .append("<p style=\"margin:0 0 8px\">").append(escape(greeting(s))).append("</p>\n")
                .append("<p style=\"margin:0 0 16px;text-indent:2em\">").append(escape(announcementBefore(e)))
                .append("<span style=\"white-space:nowrap\">").append(escape(e.attachmentName())).append("</span>。</p>\n")
                .append("<img src=\"cid:").append(escape(previewCid)).append("\" alt=\"")
                .append(escape(e.paper() + " 第1版")).append("\" width=\"640\" ")
                .append("style=\"display:block;box-sizing:border-box;width:100%;max-width:640px;height:auto;")
                .append("border:1px solid #cccccc\">\n");
        if (!e.headlines().isEmpty()) {
            h.append("<h2 style=\"font-size:18px;margin:20px 0 6px;padding-left:8px;border-left:4px solid #9b1c1c\">导读</h2>\n")
                    .append("<ul style=\"margin:0;padding:0;list-style:none\">\n");
            for (EmailEdition.Headline headline : e.headlines()) {
                h.append("<li style=\"padding:6px 0;border-bottom:1px dotted #cccccc\">")
                        .append(escape(headline.title()))
                        .append(" <span style=\"color:#9b1c1c;font-size:13px;white-space:nowrap\">第")
                        .append(headline.page()).append("版</span></li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<p style=\"margin:20px 0 0;font-size:12px;color:#777777\">").append(escape(footer(e)))
                .append("</p>\n</div>\n</body></html>\n");
        return h.toString();
    }

    /** HTML-escapes text for element content and double- or single-quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
