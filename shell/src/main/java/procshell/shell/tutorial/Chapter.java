package procshell.shell.tutorial;

import java.nio.file.Path;
import java.util.List;

/**
 * A tutorial chapter: a plain text file under {@code tutorials/}, named {@code NN-slug.txt}.
 *
 * @param number  the chapter number (from the file name)
 * @param title   the first line, without its {@code #}
 * @param steps   the steps, in order
 * @param file    where it was read from
 * @param nodes   the named nodes the chapter runs on ({@code nodes: node1@localhost node2@localhost}):
 *                the first is the chapter's own shell, the others shells of their own; empty for a
 *                chapter on one unnamed node
 * @param closing the prose after the last session block (the chapter's closing paragraphs),
 *                stripped; empty when there is none
 */
public record Chapter(int number, String title, List<Step> steps, Path file, List<String> nodes, String closing) {
    /** A chapter on one unnamed node, without closing prose. */
    public Chapter(int number, String title, List<Step> steps, Path file) {
        this(number, title, steps, file, List.of(), "");
    }

    /** The steps the runner checks: all but the try-it-yourself ones. */
    public List<Step> checkedSteps() {
        return steps.stream().filter(Step::checked).toList();
    }
}
