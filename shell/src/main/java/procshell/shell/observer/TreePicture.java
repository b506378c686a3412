package procshell.shell.observer;

import java.util.List;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * {@code tree(sup, to: "file.svg")}: one walk of the tree ({@link SupervisionModel}), printed as
 * the terminal shows it ({@link SupervisionTree}) and written as a picture ({@link TreeSvg}), or
 * as a page holding both ({@link HtmlPage}).
 */
final class TreePicture {
    private TreePicture() {}

    /**
     * Reads {@code tree}'s options: {@code to: "file.svg"} or {@code to: "file.html"}.
     *
     * @return the file to write, or null
     * @throws IllegalArgumentException for an unknown option or another extension
     */
    static String to(Object options) {
        String to = null;
        if (!(options instanceof List<?> list)) throw new IllegalArgumentException("tree options must be a keyword list, got: " + Inspect.inspect(options, InspectOptions.DEFAULT));
        for (Object o : list) {
            if (o instanceof Tuple t && t.size() == 2 && Atom.of("to").equals(t.get(0)) && t.get(1) instanceof String s) to = s;
            else throw new IllegalArgumentException("unknown tree option: " + Inspect.inspect(o, InspectOptions.DEFAULT) + " (tree takes to: \"file.svg\")");
        }
        PictureFile.Format f = to == null ? null : PictureFile.format(to);
        if (to != null && f != PictureFile.Format.SVG && f != PictureFile.Format.HTML) {
            throw new IllegalArgumentException("tree writes .svg or .html files, got: \"" + to + "\"");
        }
        return to;
    }

    /**
     * Walks the tree of {@code sup} once, writes its picture to {@code to} (when not null) and
     * returns its terminal text.
     *
     * @throws IllegalArgumentException when {@code sup} is no live supervisor or the file cannot be written
     */
    static String draw(Node node, Pid sup, RestartLog restarts, InspectOptions options, String to) {
        SupervisionModel model = SupervisionModel.of(node, sup, restarts, options, Integer.MAX_VALUE, to != null);
        String text = SupervisionTree.text(SupervisionTree.lines(model));
        if (to != null) {
            String title = "procshell tree: " + model.entries().get(0).label();
            String svg = TreeSvg.svg(model, title);
            PictureFile.write(to, PictureFile.format(to) == PictureFile.Format.HTML ? HtmlPage.of(title, svg, text) : svg);
        }
        return text;
    }
}
