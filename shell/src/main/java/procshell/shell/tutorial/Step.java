package procshell.shell.tutorial;

import java.util.List;

/**
 * One step of a chapter: the prose that explains it, the inputs to type and the transcript
 * ({@code ps>} lines with their output) that they must produce.
 *
 * @param prose      the explanation, as written
 * @param inputs     the inputs, each possibly several lines (continuations joined with newlines);
 *                   an input that starts with {@code nc> } is typed into a client, not the shell
 * @param transcript the expected session lines: prompts with input, then output (for a
 *                   try-it-yourself step, its {@code try>} lines as written)
 * @param line       the file line where the step's session block starts (for error messages)
 * @param node       the node whose shell the inputs are typed into ({@code ps(node2@localhost)>}
 *                   blocks), or null for the chapter's own shell
 * @param checked    false for a try-it-yourself step ({@code try>} lines): the reader's own
 *                   experiment, which the walker does not run and {@code tutorial run} skips
 */
public record Step(String prose, List<String> inputs, List<String> transcript, int line, String node, boolean checked) {
    /** A checked step typed into the chapter's own shell. */
    public Step(String prose, List<String> inputs, List<String> transcript, int line) {
        this(prose, inputs, transcript, line, null, true);
    }

    /** A checked step typed into the given node's shell (null: the chapter's own). */
    public Step(String prose, List<String> inputs, List<String> transcript, int line, String node) {
        this(prose, inputs, transcript, line, node, true);
    }
}
