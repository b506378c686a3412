package procshell.shell.observer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An SVG picture of procshell's read back as a browser would parse it (as XML), by the classes its
 * groups carry: lifelines and rows of a trace, processes, tables and edges of a tree.
 */
final class SvgPicture {
    private final List<Element> groups = new ArrayList<>();

    private SvgPicture(Document doc) {
        NodeList all = doc.getElementsByTagName("g");
        for (int i = 0; i < all.getLength(); i++) groups.add((Element) all.item(i));
    }

    /** Parses the document; fails when it is not well-formed XML with an {@code <svg>} root. */
    static SvgPicture read(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            if (!doc.getDocumentElement().getLocalName().equals("svg")) throw new AssertionError("not an SVG: " + svg);
            return new SvgPicture(doc);
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + svg, e);
        }
    }

    private List<Element> groups(String cls) {
        List<Element> out = new ArrayList<>();
        for (Element g : groups) if (List.of(g.getAttribute("class").split(" ")).get(0).equals(cls)) out.add(g);
        return out;
    }

    /** The texts of class {@code textClass} inside the groups of class {@code cls}, in document order. */
    List<String> texts(String cls, String textClass) {
        List<String> out = new ArrayList<>();
        for (Element g : groups(cls)) {
            NodeList texts = g.getElementsByTagName("text");
            for (int i = 0; i < texts.getLength(); i++) {
                Element t = (Element) texts.item(i);
                if (t.getAttribute("class").equals(textClass)) out.add(t.getTextContent());
            }
        }
        return out;
    }

    /** The full class attributes of the groups of class {@code cls}. */
    List<String> classes(String cls) {
        List<String> out = new ArrayList<>();
        for (Element g : groups(cls)) out.add(g.getAttribute("class"));
        return out;
    }

    /** An attribute of each group of class {@code cls}. */
    List<String> attributes(String cls, String attribute) {
        List<String> out = new ArrayList<>();
        for (Element g : groups(cls)) out.add(g.getAttribute(attribute));
        return out;
    }

    /** A trace's rows, top to bottom, each as {@code "KIND label"}. */
    List<String> rows() {
        List<String> out = new ArrayList<>();
        List<String> labels = texts("row", "label");
        List<String> classes = classes("row");
        for (int i = 0; i < classes.size(); i++) out.add(classes.get(i).substring("row ".length()) + " " + labels.get(i));
        return out;
    }

    /** A tree's dotted edges, each as {@code "edge KIND from->to"}. */
    List<String> edges() {
        List<String> out = new ArrayList<>();
        for (Element g : groups("edge")) out.add(g.getAttribute("class") + " " + g.getAttribute("data-from") + "->" + g.getAttribute("data-to"));
        return out;
    }
}
