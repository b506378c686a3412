package procshell.shell.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the command line and the files the shell reads must be before a node starts: each check
 * gives null when all is well, else the one line to print (the caller exits with code 2).
 * Mirrors what {@code erl} refuses: {@code +t} outside 8192..2^31-1 ("bad atom table size"),
 * an invalid node name, a cookie file that others may read.
 */
final class StartChecks {
    /** The smallest atom table the BEAM accepts ({@code erl +t}). */
    static final int MIN_ATOM_LIMIT = 8192;

    /** The name part of a node name: what {@code erl -sname} accepts. */
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9_-]+(@[A-Za-z0-9_.-]+)?");

    private StartChecks() {}

    /** The user's home as the BEAM finds it: {@code $HOME}, else Java's {@code user.home}. */
    static Path home() {
        String home = System.getenv("HOME");
        if (home == null || home.isBlank()) home = System.getProperty("user.home");
        return Path.of(home);
    }

    /** {@code --atom-limit N}: 8192 to 2147483647, as {@code erl +t}. */
    static String atomLimit(int n) {
        if (n >= MIN_ATOM_LIMIT) return null;
        return "procshell: bad atom table size " + n + " (--atom-limit takes " + MIN_ATOM_LIMIT + " to " + Integer.MAX_VALUE
                + ", as the BEAM's +t)";
    }

    /** {@code --sname}/{@code --name}: letters, digits, {@code _} and {@code -}, then an optional {@code @host}. */
    static String nodeName(String option, String value) {
        if (value == null || NODE_NAME.matcher(value).matches()) return null;
        return "procshell: invalid node name '" + value + "' for " + option
                + " (letters, digits, _ and -, then an optional @host, as in node1 or node1@localhost)";
    }

    /** {@code --sname} and {@code --name} exclude each other, as in {@code erl}. */
    static String oneName(String sname, String name) {
        return sname != null && name != null ? "procshell: give --sname or --name, not both" : null;
    }

    /** {@code --cookie}: not empty. */
    static String cookie(String value) {
        return value != null && value.isEmpty() ? "procshell: --cookie needs a cookie (got an empty one)" : null;
    }

    /** {@code --net-ticktime}: a positive number of seconds. */
    static String netTickTime(int seconds) {
        return seconds >= 1 ? null : "procshell: --net-ticktime must be a positive number of seconds (got " + seconds + ")";
    }

    /** {@code --script FILE}: a readable regular file. */
    static String script(Path file) {
        if (file == null) return null;
        if (!Files.exists(file)) return "procshell: --script " + file + ": no such file";
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) return "procshell: --script " + file + ": not a readable file";
        return null;
    }

    /**
     * {@code ~/.erlang.cookie}, when it exists and no {@code --cookie} is given: as the BEAM's
     * {@code auth} checks it, a regular file that only its owner may access (mode {@code & 077 == 0}).
     */
    static String cookieFile(Path home) {
        Path file = home.resolve(".erlang.cookie");
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return null;
        if (!Files.isRegularFile(file)) return "procshell: Cookie file " + file + " is not a regular file";
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            for (PosixFilePermission p : mode) {
                if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                    return "procshell: Cookie file " + file + " must be accessible by owner only (chmod 400 " + file + ")";
                }
            }
        } catch (UnsupportedOperationException | IOException e) {
            return null; // not a POSIX file system: the BEAM does not check there either
        }
        return null;
    }

    /**
     * The history file, usable: one that is not valid UTF-8 (a character cut off at its end by a
     * crash) is moved aside to {@code .bad}, and the shell starts with an empty history, as a
     * startup file that fails gives a warning and a fresh start.
     *
     * @return the warning to print, or null when the file was fine or missing
     */
    static String history(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            byte[] bytes = Files.readAllBytes(file);
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return null;
        } catch (CharacterCodingException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".bad");
            try {
                Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return "procshell: warning: " + file + " is not valid UTF-8; it was moved to " + aside + " and the history starts empty";
            } catch (IOException moveFailed) {
                return "procshell: warning: " + file + " is not valid UTF-8 and cannot be moved aside; the history is not saved";
            }
        } catch (IOException e) {
            return "procshell: warning: cannot read " + file + "; the history is not saved";
        }
    }
}
