package procshell.shell.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

import org.jline.utils.InfoCmp;

/**
 * The terminal's capabilities, kept between starts. JLine knows a few terminal types by heart
 * (xterm, screen, ...); for any other ({@code tmux-256color}, {@code xterm-kitty},
 * {@code alacritty}) it runs {@code infocmp -x TERM}, a process on the way to every first prompt.
 * Its answer is kept in {@code ${XDG_CACHE_HOME:-~/.cache}/procshell/terminfo/TERM.caps} and
 * handed to JLine at the next start.
 */
public final class TerminfoCache {
    private static final Pattern TERM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    private TerminfoCache() {}

    /** procshell's cache folder: {@code ${XDG_CACHE_HOME:-~/.cache}/procshell}, or null. */
    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home != null ? Path.of(home, ".cache") : null;
        return base == null ? null : base.resolve("procshell");
    }

    private static Path file() {
        String term = System.getenv("TERM");
        if (term == null || !TERM_NAME.matcher(term).matches()) return null;
        Path base = cacheDir();
        return base == null ? null : base.resolve("terminfo").resolve(term + ".caps");
    }

    /** Before building the terminal: gives JLine the kept capabilities of {@code $TERM}, if any. */
    public static void load() {
        Path f = file();
        if (f == null || !Files.isRegularFile(f)) return;
        try {
            String caps = Files.readString(f);
            if (!caps.isBlank()) InfoCmp.setLoadedInfoCmp(System.getenv("TERM"), caps);
        } catch (IOException | RuntimeException e) {
            // unreadable: JLine asks infocmp, as without the cache
        }
    }

    /** After building the terminal: keeps what infocmp said about {@code $TERM}, the first time. */
    public static void save() {
        Path f = file();
        if (f == null || Files.exists(f)) return;
        String caps = InfoCmp.getLoadedInfoCmp(System.getenv("TERM"));
        if (caps == null || caps.isBlank()) return;
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), "caps", ".tmp");
            Files.writeString(tmp, caps);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no cache: the next start asks infocmp again
        }
    }
}
