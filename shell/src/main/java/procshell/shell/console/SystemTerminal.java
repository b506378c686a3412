package procshell.shell.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;

import org.jline.nativ.JLineNativeLoader;
import org.jline.nativ.OSInfo;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The terminal procshell runs in: JLine's system terminal, with the terminal type's
 * capabilities from {@link TerminfoCache} (no {@code infocmp} process at each start), through the
 * JNI provider (JLine's default providers also run {@code test -t 1} as a process), in the
 * charset of {@link TerminalCharset}, and JLine's native library loaded from procshell's cache
 * folder (JLine otherwise copies it out of its jar into a new temporary file at every start).
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
        useKeptNativeLibrary();
        // Without JLine's exec provider, which runs "test -t 1" as a process to ask whether
        // stdout is a terminal even when the JNI provider answers; it is the fallback below.
        Terminal t;
        try {
            t = builder().exec(false).build();
        } catch (IOException | RuntimeException | LinkageError e) {
            t = null;
        }
        if (t == null || isDumb(t)) {
            if (t != null) t.close();
            t = builder().build();
        }
        t = forTheConsole(t);
        Thread.ofVirtual().start(() -> {
            TerminfoCache.save();
            keepNativeLibrary();
        });
        return t;
    }

    /**
     * Starts {@link #open()} on a thread of its own, so that the caller can start its node
     * meanwhile; {@link #await} takes the terminal, {@link #close(CompletableFuture)} drops it.
     */
    public static CompletableFuture<Terminal> openAsync() {
        return Background.start("procshell-terminal", SystemTerminal::open);
    }

    /**
     * The terminal {@link #openAsync} opened.
     *
     * @throws IOException when JLine could not open any terminal
     */
    public static Terminal await(CompletableFuture<Terminal> opening) throws IOException {
        try {
            return Background.join(opening);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Closes the terminal {@link #openAsync} opens (once it is open), restoring its settings. */
    public static void close(CompletableFuture<Terminal> opening) {
        try {
            await(opening).close();
        } catch (IOException | RuntimeException e) {
            // nothing to restore
        }
    }

    private static final String NATIVE_LIBRARY = System.mapLibraryName("jlinenative");

    /** Where JLine's native library for this platform and JLine version is kept, or null. */
    private static Path nativeDir() {
        Path base = TerminfoCache.cacheDir();
        try {
            return base == null ? null : base.resolve("native").resolve(JLineNativeLoader.getVersion())
                    .resolve(OSInfo.getNativeLibFolderPathForCurrentOS());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static void useKeptNativeLibrary() {
        if (System.getProperty("library.jline.path") != null) return;
        Path dir = nativeDir();
        if (dir != null && Files.isRegularFile(dir.resolve(NATIVE_LIBRARY))) System.setProperty("library.jline.path", dir.toString());
    }

    private static void keepNativeLibrary() {
        Path dir = nativeDir();
        if (dir == null || Files.exists(dir.resolve(NATIVE_LIBRARY))) return;
        String resource = "/org/jline/nativ/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + NATIVE_LIBRARY;
        try (InputStream in = JLineNativeLoader.class.getResourceAsStream(resource)) {
            if (in == null) return;
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "lib", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, dir.resolve(NATIVE_LIBRARY), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // not kept: JLine extracts it again at the next start
        }
    }

    /**
     * {@code t} as the console reads it ({@link ConsoleTerminal}) when it is the system terminal
     * on a terminal JLine's native library can poll; {@code t} itself otherwise (a dumb terminal,
     * another platform).
     */
    private static Terminal forTheConsole(Terminal t) {
        if (isDumb(t) || !(t instanceof org.jline.terminal.impl.AbstractUnixSysTerminal)) return t;
        try {
            return new ConsoleTerminal(t);
        } catch (IOException | RuntimeException | LinkageError e) {
            return t;
        }
    }

    /** True for JLine's dumb terminals (output not a terminal, or no usable provider). */
    public static boolean isDumb(Terminal t) {
        return Terminal.TYPE_DUMB.equals(t.getType()) || Terminal.TYPE_DUMB_COLOR.equals(t.getType());
    }

    private static TerminalBuilder builder() {
        Charset cs = TerminalCharset.forTerminal();
        // graphemeCluster(false): JLine would otherwise ask the terminal whether it supports
        // grapheme clusters (mode 2027) and wait up to 200 ms for an answer that tmux and many
        // other terminals never send, on the way to every first prompt.
        return TerminalBuilder.builder().system(true).graphemeCluster(false).encoding(cs).stdinEncoding(cs).stdoutEncoding(cs).stderrEncoding(cs);
    }
}
