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

    record AnimationBlock(Animation animation, String caption) { }

    /**
     * The player of every animation on the page: shows one frame at a time; buttons, slider and arrow
     * keys step; play advances every 250 ms; {@code #frame=k} in the address opens frame k.
     */
    private static final String PLAYER = String.join("\n",
            "(function () {",
            "  var wanted = /(?:^#|&)frame=(\\d+)/.exec(location.hash);",
            "  var movies = document.querySelectorAll('.movie');",
            "  for (var m = 0; m < movies.length; m++) { setUp(movies[m]); }",
            "  function setUp(movie) {",
            "    var frames = movie.querySelectorAll('.frame'), n = frames.length, at = n - 1, timer = null;",
            "    var controls = movie.querySelector('.controls'), slider = movie.querySelector('input');",
            "    var label = movie.querySelector('.label'), play = movie.querySelector('.play');",
            "    function show(k) {",
            "      at = Math.max(0, Math.min(n - 1, k));",
            "      for (var j = 0; j < n; j++) { frames[j].hidden = j !== at; }",
            "      slider.value = at;",
            "      label.textContent = 'frame ' + (at + 1) + ' of ' + n + ': ' + frames[at].getAttribute('data-label');",
            "      movie.setAttribute('data-frame', at);",
            "    }",
            "    function stop() { if (timer) { clearInterval(timer); timer = null; } play.textContent = 'play'; }",
            "    function step(k) { stop(); show(k); }",
            "    movie.querySelector('.first').onclick = function () { step(0); };",
            "    movie.querySelector('.prev').onclick = function () { step(at - 1); };",
            "    movie.querySelector('.next').onclick = function () { step(at + 1); };",
            "    movie.querySelector('.last').onclick = function () { step(n - 1); };",
            "    slider.oninput = function () { step(+slider.value); };",
            "    play.onclick = function () {",
            "      if (timer) { stop(); return; }",
            "      if (at === n - 1) { show(0); }",
            "      play.textContent = 'pause';",
            "      timer = setInterval(function () { if (at >= n - 1) { stop(); } else { show(at + 1); } }, 250);",
            "    };",
            "    movie.onkeydown = function (e) {",
            "      if (e.key === 'ArrowLeft') { step(at - 1); } else if (e.key === 'ArrowRight') { step(at + 1); }",
            "    };",
            "    controls.hidden = false;",
            "    show(wanted ? +wanted[1] : n - 1);",
            "  }",
            "})();");

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
            "figcaption{color:#555;font-size:.92em;margin-top:.4em}",
            ".movie [hidden]{display:none!important}.movie .panels{display:flex;gap:.5em}.movie .panels svg{flex:1 1 0;min-width:0}",
            ".movie .controls{display:flex;align-items:center;gap:.4em;margin-top:.3em;font-size:.92em}",
            ".movie .controls input{flex:1}.movie .controls button{min-width:2.4em}");

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
        int movies = 0;
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
            } else if (b instanceof AnimationBlock a) {
                figures++;
                movies++;
                animation(sb, a, "fig" + figures, figures);
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
        if (movies > 0) {
            sb.append("<script>\n").append(PLAYER).append("\n</script>\n");
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    /** One animation: every frame's panels as inline SVG (all but the last hidden), then the controls. */
    private static void animation(StringBuilder sb, AnimationBlock block, String id, int number) {
        List<Animation.Frame> frames = block.animation().frames();
        sb.append("<figure class=\"movie\" id=\"").append(id).append("\" tabindex=\"0\">\n");
        for (int f = 0; f < frames.size(); f++) {
            Animation.Frame frame = frames.get(f);
            sb.append("<div class=\"frame panels\" data-label=\"").append(escape(frame.label())).append('"')
                    .append(f == frames.size() - 1 ? "" : " hidden").append(">\n");
            for (int p = 0; p < frame.panels().size(); p++) {
                sb.append(frame.panels().get(p).toSvg(id + "f" + f + "p" + p));
            }
            sb.append("</div>\n");
        }
        int last = frames.size() - 1;
        sb.append("<div class=\"controls\" hidden><button type=\"button\" class=\"first\" title=\"first frame\">")
                .append("|\u25c0</button><button type=\"button\" class=\"prev\" title=\"previous frame\">\u25c0</button>")
                .append("<button type=\"button\" class=\"play\" title=\"play or pause\">play</button>")
                .append("<button type=\"button\" class=\"next\" title=\"next frame\">\u25b6</button>")
                .append("<button type=\"button\" class=\"last\" title=\"last frame\">\u25b6|</button>")
                .append("<input type=\"range\" min=\"0\" max=\"").append(last).append("\" value=\"").append(last)
                .append("\" aria-label=\"frame\"><span class=\"label\">").append(escape(frames.get(last).label()))
                .append("</span></div>\n");
        sb.append("<figcaption>Figure ").append(number).append(". ").append(escape(block.animation().title()));
        if (block.caption() != null) {
            sb.append(": ").append(escape(block.caption()));
        }
        sb.append("</figcaption>\n</figure>\n");
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
