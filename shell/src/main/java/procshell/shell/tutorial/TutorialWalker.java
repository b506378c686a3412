package procshell.shell.tutorial;

import java.io.PrintWriter;
import java.util.List;

import procshell.shell.console.Console;

/**
 * Walks a chapter with a person ({@code procshell tutorial N}): shows each step's prose and the
 * lines to type, then the chapter's closing prose. Enter runs the lines of the step the person
 * has not typed yet; lines they type are evaluated as usual, and when one is a line of the step
 * it counts as done, so that a step typed by hand is never run again. {@code /next} skips to the
 * next step and {@code /quit} leaves the walk (the shell stays).
 *
 * <p>Lines for a client ({@code nc> text}) are the person's to type into
 * {@code nc 127.0.0.1 PORT} in another terminal: Enter stops at them, says what to type there,
 * and runs the rest of the step on the next Enter. A try-it-yourself step ({@code try>}) shows
 * its lines as suggestions and runs nothing.
 */
public final class TutorialWalker {
    private static final String INDENT = "    ";

    private TutorialWalker() {}

    /**
     * Walks the chapter on an interactive console, printing to {@code out} (the console's
     * terminal).
     *
     * @return false when the person left with {@code /quit} or end of input, true when the
     *         chapter was walked to its end
     */
    public static boolean walk(Chapter chapter, Console console, PrintWriter out) {
        out.println("Chapter " + chapter.number() + ": " + chapter.title());
        if (chapter.nodes().size() > 1) {
            out.println();
            out.println("This chapter needs " + chapter.nodes().size() + " shells. This one is " + chapter.nodes().get(0)
                    + "; open another terminal for each of the others and start it there:");
            for (String node : chapter.nodes().subList(1, chapter.nodes().size())) out.println(INDENT + "bin/procshell --sname " + node);
            out.println("(Both use the cookie in ~/.erlang.cookie, as iex does.)");
        }
        List<Step> steps = chapter.steps();
        int n = chapter.checkedSteps().size();
        int number = 0;
        for (int k = 0; k < steps.size(); k++) {
            Step step = steps.get(k);
            boolean last = k == steps.size() - 1;
            out.println();
            out.println(step.checked() ? "— step " + (++number) + " of " + n + " —" : "— try it yourself —");
            if (!step.prose().isEmpty()) out.println(step.prose());
            out.println();
            boolean going = !step.checked() ? suggest(step, last, console, out)
                    : step.node() != null ? elsewhere(step, console, out)
                    : here(step, console, out);
            if (!going) return false;
        }
        if (!chapter.closing().isEmpty()) {
            out.println();
            out.println(chapter.closing());
        }
        out.println();
        out.println("End of chapter " + chapter.number() + ". The shell is yours: keep typing, or Ctrl-D to leave.");
        out.flush();
        return true;
    }

    private static void show(List<String> inputs, PrintWriter out) {
        for (String in : inputs) out.println(INDENT + in.replace("\n", "\n" + INDENT));
        out.flush();
    }

    /** A step typed into this shell: Enter runs what is not done, typed lines count. */
    private static boolean here(Step step, Console console, PrintWriter out) {
        out.println("Type these lines, or press Enter to run them (/next skips, /quit leaves):");
        show(step.inputs(), out);
        StepProgress progress = new StepProgress(step.inputs());
        while (true) {
            String line = console.readInput();
            if (line == null || line.strip().equals("/quit")) return false;
            if (line.strip().equals("/next")) return true;
            if (!line.isBlank()) {
                boolean ours = progress.typed(line);
                console.evalAndPrint(line);
                if (ours && progress.finished()) {
                    out.println("(You typed every line of this step. Enter: next step)");
                    out.flush();
                }
                continue;
            }
            if (progress.finished()) return true;
            List<String> clientLines = run(progress.nextBatch(), console);
            if (!clientLines.isEmpty()) {
                out.println("(In the terminal where nc runs, type:");
                show(clientLines.stream().map(TutorialWalker::keys).toList(), out);
                out.println(progress.finished() ? "then press Enter here for the next step.)" : "then press Enter here for the rest of the step.)");
            } else {
                out.println("(Enter: next step)");
            }
            out.flush();
        }
    }

    /** What to type for a client line: its text, or the key that leaves nc ({@code ^C} is Ctrl-C). */
    private static String keys(String clientLine) {
        String text = clientLine.substring(NetcatClient.PREFIX.length());
        return text.equals("^C") ? "Ctrl-C (leaves nc)" : text.equals("^D") ? "Ctrl-D (leaves nc -N)" : text;
    }

    /** Echoes and evaluates a batch's shell inputs; returns its client lines, the person's to type. */
    private static List<String> run(List<String> batch, Console console) {
        for (String in : batch) {
            if (NetcatClient.isClientLine(in)) continue;
            console.echo(in);
            console.evalAndPrint(in);
        }
        return batch.stream().filter(NetcatClient::isClientLine).toList();
    }

    /** A step for another node's shell: the person types there, in another terminal. */
    private static boolean elsewhere(Step step, Console console, PrintWriter out) {
        out.println("Type these lines in the terminal of " + step.node() + " (bin/procshell --sname " + step.node()
                + "), then press Enter here (/quit leaves):");
        show(step.inputs(), out);
        String line = console.readInput();
        return line != null && !line.strip().equals("/quit");
    }

    /**
     * A try-it-yourself step: suggestions, nothing run or checked. The last step of a chapter
     * hands the shell over at once; one in the middle waits for an empty line.
     */
    private static boolean suggest(Step step, boolean last, Console console, PrintWriter out) {
        out.println(last ? "Some lines to start from (nothing here is checked):"
                : "Some lines to start from (nothing here is checked; Enter on an empty line goes on):");
        show(step.inputs(), out);
        if (last) return true;
        while (true) {
            String line = console.readInput();
            if (line == null || line.strip().equals("/quit")) return false;
            if (line.isBlank() || line.strip().equals("/next")) return true;
            console.evalAndPrint(line);
        }
    }
}
