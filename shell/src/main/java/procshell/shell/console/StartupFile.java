package procshell.shell.console;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The startup files the console evaluates before the first prompt ({@link Console#evalStartupFile}):
 * iex's own {@code .iex.exs}, found as iex finds it ({@link #dotIex}), then this shell's
 * {@code .procshell.groovy} from the current directory, or else the home directory.
 */
public final class StartupFile {
    /** The file name looked for. */
    public static final String NAME = ".procshell.groovy";
    /** iex's startup file. */
    public static final String DOT_IEX = ".iex.exs";

    private StartupFile() {}

    /**
     * The startup file to evaluate: the current directory's, else the home directory's.
     *
     * @param cwd  the current directory
     * @param home the home directory (may be null)
     * @return the file, or null when neither directory has one
     */
    public static Path find(Path cwd, Path home) {
        for (Path dir : new Path[] {cwd, home}) {
            if (dir == null) continue;
            Path f = dir.resolve(NAME);
            if (Files.isRegularFile(f)) return f;
        }
        return null;
    }

    /**
     * The {@code .iex.exs} to evaluate, as iex 1.14 chooses it: the file given with
     * {@code --dot-iex} (as given; an empty string means none), else {@code .iex.exs} in the current
     * directory, else in the home directory. A file that does not exist is skipped, as iex skips it.
     *
     * @param option the {@code --dot-iex} argument, or null when the option was not given
     * @return the file, or null for none
     */
    public static Path dotIex(Path cwd, Path home, String option) {
        if (option != null) {
            if (option.isEmpty()) return null;
            Path given = Path.of(option);
            return Files.isRegularFile(cwd.resolve(given)) ? given : null;
        }
        for (Path dir : new Path[] {cwd, home}) {
            if (dir == null) continue;
            Path f = dir.resolve(DOT_IEX);
            if (Files.isRegularFile(f)) return f;
        }
        return null;
    }
}
