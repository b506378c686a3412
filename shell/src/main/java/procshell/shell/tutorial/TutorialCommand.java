package procshell.shell.tutorial;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code procshell tutorial [list | N | run N]}: the chapters that retell the study notes. */
@Command(name = "tutorial", description = "List the chapters, walk one (N), or run one non-interactively (run N).")
public final class TutorialCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("tutorials: not yet available");
        return 1;
    }
}
