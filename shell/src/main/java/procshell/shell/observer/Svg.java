package procshell.shell.observer;

import java.util.Locale;

/**
 * Writes the SVG of procshell's pictures ({@link SequenceSvg}, {@link TreeSvg}): a white canvas,
 * monospace text (so a label's width is known from its length), and the few elements they draw,
 * each escaped as XML. Self-contained: no font, stylesheet or script is fetched from anywhere.
 */
final class Svg {
    /** The font size of all text, in px. */
    static final double FONT = 13;
    /** The advance of one character of the monospace font at {@link #FONT}, in px (0.6 em, as DejaVu Sans Mono). */
    static final double CHAR = FONT * 0.61;

    private final StringBuilder sb = new StringBuilder();

    /**
     * Starts a picture of {@code width} by {@code height} px on a white background.
     *
     * @param cssClass the root element's class, e.g. {@code procshell-trace}
     * @param title    the picture's title (a browser shows it as the tooltip)
     */
    Svg(String cssClass, double width, double height, String title) {
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(cssClass).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"").append(n(FONT)).append("\">\n");
        sb.append("<title>").append(escape(title)).append("</title>\n");
        sb.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" fill=\"#ffffff\"/>\n");
    }

    /** The width of {@code text} drawn in the font, in px. */
    static double width(String text) {
        return text.codePointCount(0, text.length()) * CHAR;
    }

    /** Opens a group {@code <g class="...">} with extra attributes given as name, value pairs. */
    Svg group(String cssClass, String... attributes) {
        sb.append("<g class=\"").append(escape(cssClass)).append('"');
        for (int i = 0; i + 1 < attributes.length; i += 2) sb.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        sb.append(">\n");
        return this;
    }

    /** Closes the innermost group. */
    Svg end() {
        sb.append("</g>\n");
        return this;
    }

    /** A rectangle with rounded corners; {@code dash} is a stroke-dasharray, or null for solid. */
    Svg rect(double x, double y, double w, double h, String fill, String stroke, String dash) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h))
                .append("\" rx=\"4\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"");
        dash(dash);
        sb.append("/>\n");
        return this;
    }

    /** A straight line; {@code dash} is a stroke-dasharray, or null for solid. */
    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2))
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(width)).append('"');
        dash(dash);
        sb.append("/>\n");
        return this;
    }

    /** A path ({@code d} in SVG's path syntax), not filled. */
    Svg path(String d, String stroke, double width, String dash) {
        sb.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(width)).append('"');
        dash(dash);
        sb.append("/>\n");
        return this;
    }

    /**
     * An arrowhead whose tip is at ({@code x}, {@code y}), pointing right ({@code dir} 1) or left
     * (-1); filled, or drawn open as an async message's.
     */
    Svg arrowhead(double x, double y, int dir, String colour, boolean open) {
        double bx = x - dir * 9;
        String points = n(bx) + "," + n(y - 5) + " " + n(x) + "," + n(y) + " " + n(bx) + "," + n(y + 5);
        if (open) sb.append("<polyline points=\"").append(points).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"/>\n");
        else sb.append("<polygon points=\"").append(points).append("\" fill=\"").append(colour).append("\"/>\n");
        return this;
    }

    /**
     * Text whose baseline starts at ({@code x}, {@code y}); {@code anchor} is SVG's text-anchor
     * ({@code start}, {@code middle}, {@code end}).
     */
    Svg text(double x, double y, String text, String cssClass, String fill, String anchor, boolean bold) {
        // A white halo under the glyphs keeps a label readable where it crosses a line.
        sb.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" fill=\"").append(fill)
                .append("\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" text-anchor=\"").append(anchor).append('"');
        if (bold) sb.append(" font-weight=\"bold\"");
        sb.append(" xml:space=\"preserve\">").append(escape(text)).append("</text>\n");
        return this;
    }

    /** The finished SVG document's text. */
    String finish() {
        return sb + "</svg>\n";
    }

    private void dash(String dash) {
        if (dash != null) sb.append(" stroke-dasharray=\"").append(dash).append('"');
    }

    /** A coordinate as SVG reads it: at most one decimal, no exponent. */
    static String n(double v) {
        if (v == Math.rint(v)) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Text as XML character data or an attribute value. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') b.append(' ');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
