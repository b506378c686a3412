package procshell.shell.observer;

/**
 * A self-contained HTML page around one of procshell's SVG pictures: the picture inline, then the
 * same facts as the terminal prints them in a {@code <pre>}, with a small stylesheet of its own.
 * It loads nothing (no script, font or stylesheet from a network), so it opens offline.
 */
final class HtmlPage {
    private HtmlPage() {}

    /**
     * The page's text.
     *
     * @param title    the page's title and heading
     * @param svg      the picture, a complete {@code <svg>} element
     * @param terminal the terminal drawing of the same picture, shown below it
     */
    static String of(String title, String svg, String terminal) {
        String t = Svg.escape(title);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + t + "</title>\n"
                + "<style>\n"
                + "body { margin: 24px; background: #ffffff; color: #1f2328; font-family: system-ui, sans-serif; }\n"
                + "h1 { font-size: 18px; font-weight: 600; margin: 0 0 16px; }\n"
                + ".picture { overflow-x: auto; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px; display: inline-block; max-width: 100%; }\n"
                + "pre { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 13px; line-height: 1.2; background: #f6f8fa; padding: 12px; border-radius: 6px; overflow-x: auto; }\n"
                + "</style>\n</head>\n<body>\n<h1>" + t + "</h1>\n<div class=\"picture\">\n" + svg + "</div>\n"
                + "<h2 style=\"font-size:14px;font-weight:600\">As the shell prints it</h2>\n<pre>" + Svg.escape(terminal) + "</pre>\n"
                + "</body>\n</html>\n";
    }
}
