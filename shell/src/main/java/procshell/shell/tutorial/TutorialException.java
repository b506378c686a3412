package procshell.shell.tutorial;

import java.nio.file.Path;

/** A malformed chapter file: the message names the file and line. */
public class TutorialException extends RuntimeException {
    /**
     * @param file    the chapter file
     * @param line    the 1-based line, 0 when not about a line
     * @param message what is wrong
     */
    public TutorialException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
