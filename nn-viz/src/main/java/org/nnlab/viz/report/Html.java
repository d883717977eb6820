package org.nnlab.viz.report;

import com.google.common.base.CharMatcher;
import com.google.common.html.HtmlEscapers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.viz.plot.Figure;

/**
 * The HTML5 of a {@link Report}: the page skeleton with its inline style sheet, the block types,
 * escaping and number formatting.
 */
final class Html {
    /** The control characters HTML forbids in text: all below U+0020 but tab, line feed and carriage return. */
    private static final CharMatcher CONTROL = CharMatcher.inRange('\u0000', '\u001f').and(CharMatcher.noneOf("\t\n\r"));
    record Heading(String text) { }

    record Paragraph(String text) { }

    record Code(String text) { }

    record Table(List<String> header, List<List<Object>> rows) { }

    record Numbers(Map<String, Object> values) { }

    record FigureBlock(Figure figure, String caption) { }

    private static final String STYLE = String.join("\n",
            "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;color:#222;max-width:1080px;margin:2em auto;"
                    + "padding:0 1.5em;line-height:1.45}",
            "h1{font-size:1.7em;margin-bottom:.3em}h2{font-size:1.3em;margin-top:1.8em;border-bottom:1px solid #ddd;"
                    + "padding-bottom:.2em}",
            "pre{background:#f6f8fa;border:1px solid #e1e4e8;border-radius:4px;padding:.8em;overflow:auto;"
                    + "font-size:.88em;line-height:1.3}",
            "table{border-collapse:collapse;margin:1em 0;font-size:.92em}",
            "th,td{border:1px solid #d0d7de;padding:.3em .7em;text-align:left}th{background:#f6f8fa}",
            "td.num{text-align:right;font-variant-numeric:tabular-nums}",
            "dl.numbers{display:grid;grid-template-columns:max-content max-content;gap:.2em 1.2em;margin:1em 0}",
            "dl.numbers dt{color:#555}dl.numbers dd{margin:0;text-align:right;font-variant-numeric:tabular-nums;"
                    + "font-weight:bold}",
            "figure{margin:1.2em 0}figure svg{max-width:100%;height:auto;display:block}",
            "figcaption{color:#555;font-size:.92em;margin-top:.4em}");

    private Html() {
    }

    static String page(String title, List<Object> blocks) {
        StringBuilder sb = new StringBuilder(65_536);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
        int figures = 0;
        int sections = 0;
        for (Object b : blocks) {
            if (b instanceof Heading) {
                sb.append("<h2 id=\"s").append(++sections).append("\">").append(escape(((Heading) b).text())).append("</h2>\n");
            } else if (b instanceof Paragraph) {
                sb.append("<p>").append(escape(((Paragraph) b).text())).append("</p>\n");
            } else if (b instanceof Code) {
                sb.append("<pre><code>").append(escape(((Code) b).text())).append("</code></pre>\n");
            } else if (b instanceof Table) {
                table(sb, (Table) b);
            } else if (b instanceof Numbers) {
                sb.append("<dl class=\"numbers\">\n");
                for (Map.Entry<String, Object> e : ((Numbers) b).values().entrySet()) {
                    sb.append("<dt>").append(escape(e.getKey())).append("</dt><dd>").append(escape(cell(e.getValue())))
                            .append("</dd>\n");
                }
                sb.append("</dl>\n");
            } else {
                FigureBlock f = (FigureBlock) b;
                figures++;
                sb.append("<figure id=\"fig").append(figures).append("\">\n").append(f.figure().toSvg("fig" + figures));
                if (f.caption() != null) {
                    sb.append("<figcaption>Figure ").append(figures).append(". ").append(escape(f.caption()))
                            .append("</figcaption>\n");
                }
                sb.append("</figure>\n");
            }
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder sb, Table t) {
        sb.append("<table>\n<thead><tr>");
        for (String h : t.header()) {
            sb.append("<th>").append(escape(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : t.rows()) {
            sb.append("<tr>");
            for (Object c : row) {
                String text = cell(c);
                sb.append(isNumeric(c, text) ? "<td class=\"num\">" : "<td>").append(escape(text)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    /** A cell's text: doubles with up to 4 decimals, or scientific notation when tiny or huge. */
    static String cell(Object c) {
        if (c == null) {
            return "";
        }
        if (c instanceof Double || c instanceof Float) {
            double v = ((Number) c).doubleValue();
            if (!Double.isFinite(v)) {
                return Double.toString(v);
            }
            double a = Math.abs(v);
            if (a != 0 && (a < 1e-3 || a >= 1e7)) {
                return String.format(Locale.ROOT, "%.3e", v);
            }
            String s = new BigDecimal(String.format(Locale.ROOT, "%.4f", v)).stripTrailingZeros().toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        return String.valueOf(c);
    }

    private static boolean isNumeric(Object c, String text) {
        return c instanceof Number || text.matches("[-+−]?\\d[\\d,]*(\\.\\d+)?([eE][-+]?\\d+)?%?");
    }

    /** Escapes {@code & < > " '} (Guava's HTML escaper) and drops control characters, which HTML forbids. */
    static String escape(String s) {
        return HtmlEscapers.htmlEscaper().escape(CONTROL.removeFrom(s));
    }
}
