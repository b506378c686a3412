package procshell.shell.iex;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operating-system environment as the shell sees it ({@code System.get_env/put_env},
 * {@code :os.getenv/putenv}): the JVM's environment at start-up, with the changes made at the
 * prompt laid over it. A JVM cannot change its own environment, so a change is visible to the
 * shell's functions and to the commands {@code System.cmd/3} runs, not to the JVM itself.
 */
final class OsEnvironment {
    /** Variables set (a string) or deleted (the empty marker) since start-up. */
    private static final Map<String, String> CHANGES = new ConcurrentHashMap<>();
    private static final String DELETED = new String("");

    private OsEnvironment() {}

    /** The variable's value, or null when it is not set. */
    public static String get(String name) {
        String v = CHANGES.get(name);
        if (v == DELETED) return null;
        return v != null ? v : System.getenv(name);
    }

    /** Sets a variable. */
    public static void put(String name, String value) {
        CHANGES.put(name, value);
    }

    /** Removes a variable. */
    public static void delete(String name) {
        CHANGES.put(name, DELETED);
    }

    /** Every variable, by name. */
    public static Map<String, String> all() {
        Map<String, String> out = new TreeMap<>(System.getenv());
        CHANGES.forEach((k, v) -> {
            if (v == DELETED) out.remove(k);
            else out.put(k, v);
        });
        return out;
    }
}
