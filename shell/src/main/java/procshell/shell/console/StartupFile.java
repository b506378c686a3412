package procshell.shell.console;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The startup file, as iex's {@code .iex.exs}: {@code .procshell.groovy} in the current
 * directory, or else in the home directory; the console evaluates it before the first prompt
 * ({@link Console#evalStartupFile}).
 */
public final class StartupFile {
    /** The file name looked for. */
    public static final String NAME = ".procshell.groovy";

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
}
