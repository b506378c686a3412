package procshell.shell.tutorial;

import java.io.PrintWriter;

import procshell.shell.console.Console;

/**
 * Walks a chapter with a person ({@code procshell tutorial N}): shows each step's prose and the
 * lines to type; Enter runs them, anything else typed is evaluated as usual; {@code /next} skips
 * to the next step and {@code /quit} leaves. Lines for a client ({@code nc> text}) are the
 * person's to type into {@code nc 127.0.0.1 PORT} in another terminal; the walker says so.
 */
public final class TutorialWalker {
    private TutorialWalker() {}

    /** Walks the chapter on an interactive console. */
    public static void walk(Chapter chapter, Console console, PrintWriter out) {
        out.println("Chapter " + chapter.number() + ": " + chapter.title());
        if (chapter.nodes().size() > 1) {
            out.println();
            out.println("This chapter needs " + chapter.nodes().size() + " shells. This one is " + chapter.nodes().get(0)
                    + "; open another terminal for each of the others and start it there:");
            for (String node : chapter.nodes().subList(1, chapter.nodes().size())) out.println("    bin/procshell --sname " + node);
            out.println("(Both use the cookie in ~/.erlang.cookie, as iex does.)");
        }
        int n = chapter.steps().size();
        for (int k = 0; k < n; k++) {
            Step step = chapter.steps().get(k);
            out.println();
            out.println("— step " + (k + 1) + " of " + n + " —");
            if (!step.prose().isEmpty()) out.println(step.prose());
            out.println();
            if (step.node() != null) {
                // Another node's shell: the person types there, in the second terminal.
                out.println("Type these lines in the terminal of " + step.node() + " (bin/procshell --sname " + step.node()
                        + "), then press Enter here (/quit leaves):");
                for (String in : step.inputs()) out.println("    " + in.replace("\n", "\n    "));
                out.flush();
                String line = console.readInput();
                if (line == null || line.strip().equals("/quit")) return;
                continue;
            }
            out.println("Type these lines, or press Enter to run them (/next skips, /quit leaves):");
            for (String in : step.inputs()) out.println("    " + in.replace("\n", "\n    "));
            out.flush();
            boolean ran = false;
            while (true) {
                String line = console.readInput();
                if (line == null || line.strip().equals("/quit")) return;
                if (line.strip().equals("/next")) break;
                if (line.isBlank()) {
                    if (ran) break;
                    for (String in : step.inputs()) {
                        if (NetcatClient.isClientLine(in)) {
                            out.println("(in the terminal where nc runs, type: " + in.substring(NetcatClient.PREFIX.length()) + ")");
                            out.flush();
                            continue;
                        }
                        console.echo(in);
                        console.evalAndPrint(in);
                    }
                    ran = true;
                    out.println("(Enter: next step)");
                    out.flush();
                    continue;
                }
                console.evalAndPrint(line);
            }
        }
        out.println();
        out.println("End of chapter " + chapter.number() + ". The shell is yours: keep typing, or Ctrl-D to leave.");
        out.flush();
    }
}
