package procshell.shell.console;

import java.io.IOException;
import java.nio.charset.Charset;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The terminal procshell runs in: JLine's system terminal, with the terminal type's
 * capabilities from {@link TerminfoCache} (no {@code infocmp} process at each start) and in the
 * charset of {@link TerminalCharset}.
 */
public final class SystemTerminal {
    private SystemTerminal() {}

    /**
     * Opens the system terminal; a dumb one when stdin/stdout are not a terminal.
     *
     * @throws IOException when JLine cannot open any terminal
     */
    public static Terminal open() throws IOException {
        TerminfoCache.load();
        Terminal t = builder().build();
        Thread.ofVirtual().start(TerminfoCache::save);
        return t;
    }

    /** True for JLine's dumb terminals (output not a terminal, or no usable provider). */
    public static boolean isDumb(Terminal t) {
        return Terminal.TYPE_DUMB.equals(t.getType()) || Terminal.TYPE_DUMB_COLOR.equals(t.getType());
    }

    private static TerminalBuilder builder() {
        Charset cs = TerminalCharset.forTerminal();
        return TerminalBuilder.builder().system(true).encoding(cs).stdinEncoding(cs).stdoutEncoding(cs).stderrEncoding(cs);
    }
}
