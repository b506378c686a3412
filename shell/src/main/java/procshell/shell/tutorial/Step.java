package procshell.shell.tutorial;

import java.util.List;

/**
 * One step of a chapter: the prose that explains it, the inputs to type and the transcript
 * ({@code ps>} lines with their output) that they must produce.
 *
 * @param prose      the explanation, as written
 * @param inputs     the inputs, each possibly several lines (continuations joined with newlines);
 *                   an input that starts with {@code nc> } is typed into a client, not the shell
 * @param transcript the expected session lines: prompts with input, then output
 * @param line       the file line where the step's session block starts (for error messages)
 */
public record Step(String prose, List<String> inputs, List<String> transcript, int line) {}
