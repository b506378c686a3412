package procshell.shell.tutorial;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.jline.terminal.Terminal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import procshell.shell.console.Console;
import procshell.shell.console.Shell;

/** {@code procshell tutorial [list | N | run N]}: the chapters that retell the study notes. */
@Command(name = "tutorial", mixinStandardHelpOptions = true,
        description = {"The chapters, in the order of the study notes.",
                "  tutorial           list the chapters",
                "  tutorial N         walk chapter N interactively",
                "  tutorial run N     run chapter N and check every output (non-zero exit on a mismatch)"})
public final class TutorialCommand implements Callable<Integer> {
    @Parameters(arity = "0..2", paramLabel = "list | N | run N", completionCandidates = ChapterNumbers.class)
    List<String> args = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        Path dir = Tutorials.directory();
        if (dir == null) {
            System.err.println("procshell: no tutorials/ folder found (run bin/procshell from the repository)");
            return 2;
        }
        if (args.isEmpty() || args.get(0).equals("list")) {
            for (Path p : Tutorials.chapterFiles(dir)) {
                Chapter c = ChapterParser.parse(p);
                out.printf("%2d  %s%n", c.number(), c.title());
            }
            out.println("\nWalk one with: bin/procshell tutorial N    check one with: bin/procshell tutorial run N");
            return 0;
        }
        try {
            if (args.get(0).equals("run")) {
                if (args.size() < 2) throw new NumberFormatException("missing chapter number");
                return TutorialRunner.runAndReport(Tutorials.chapter(dir, Integer.parseInt(args.get(1))), out);
            }
            Chapter chapter = Tutorials.chapter(dir, Integer.parseInt(args.get(0)));
            Shell shell = chapter.nodes().isEmpty() ? new Shell("nonode@nohost")
                    : new Shell(chapter.nodes().get(0), procshell.runtime.node.AtomTable.DEFAULT_LIMIT,
                            procshell.runtime.dist.DistOptions.of(procshell.runtime.dist.Cookie.resolve(null)));
            try (Terminal terminal = procshell.shell.console.SystemTerminal.open()) {
                Console console = shell.interactive(terminal, null);
                if (Console.supportsColor(terminal)) console.enableColors();
                console.run(() -> TutorialWalker.walk(chapter, console, terminal.writer()));
            } finally {
                shell.shutdown();
            }
            return 0;
        } catch (NumberFormatException e) {
            System.err.println("procshell: expected a chapter number: tutorial N, or tutorial run N");
            return 2;
        } catch (IllegalArgumentException | TutorialException e) {
            System.err.println("procshell: " + e.getMessage());
            return 2;
        }
    }
}
