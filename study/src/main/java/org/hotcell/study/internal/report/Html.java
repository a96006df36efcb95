package org.hotcell.study.internal.report;

import java.util.Base64;
import java.util.List;

/** A tiny HTML writer: everything escaped, styles inline. */
final class Html {
    private final StringBuilder text = new StringBuilder();

    void head(String title) {
        text.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;font-size:0.9em;margin:1em 0}\n")
                .append("td,th{border:1px solid #ccc;padding:0.25em 0.6em;text-align:left}\n")
                .append("th{background:#f3f3f3}\nfigure{margin:1em 0}\nimg{max-width:100%}\n")
                .append("figcaption{font-size:0.9em;color:#555}\n</style></head><body>\n");
    }

    void raw(String html) {
        text.append(html);
    }

    void list(String heading, List<String> items) {
        text.append("<h2>").append(escape(heading)).append("</h2>\n<ul>\n");
        for (String item : items) {
            text.append("<li>").append(escape(item)).append("</li>\n");
        }
        text.append("</ul>\n");
    }

    void image(String caption, String file, byte[] png) {
        text.append("<figure><img alt=\"").append(escape(caption)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(escape(caption))
                .append(" (<a href=\"").append(escape(file)).append("\">").append(escape(file))
                .append("</a>)</figcaption></figure>\n");
    }

    void table(List<List<String>> rows) {
        text.append("<table>\n");
        for (int i = 0; i < rows.size(); i++) {
            String cell = i == 0 ? "th" : "td";
            text.append("<tr>");
            for (String value : rows.get(i)) {
                text.append('<').append(cell).append('>').append(escape(value)).append("</").append(cell)
                        .append('>');
            }
            text.append("</tr>\n");
        }
        text.append("</table>\n");
    }

    String text() {
        return text.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
