package procshell.shell.iex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Erlang's {@code :os}: the operating system as the BEAM sees it. Names and values are charlists
 * (a binary is OTP's {@code not a list}); {@code putenv/2} and {@code unsetenv/1} change the
 * environment this node reports and passes to {@code cmd/1} (the JVM cannot change its own).
 */
@Doc("""
    The :os module: type/0, getenv/0,1,2, putenv/2, unsetenv/1, cmd/1,
    system_time/0,1, timestamp/0, perf_counter/0,1, version/0, find_executable/1.
    """)
@ElixirName(":os")
public final class ErlangOs {
    /** Variables set (a value) or unset (null) at the prompt, over the JVM's environment. */
    private static final Map<String, java.util.Optional<String>> CHANGES = new ConcurrentHashMap<>();

    private ErlangOs() {}

    /** {@code os:type/0}: {@code {:unix, :linux}}, {@code {:unix, :darwin}} or {@code {:win32, :nt}}. */
    @Doc("""
        Returns the OS family and name: {:unix, :linux}, {:unix, :darwin}, {:win32, :nt}.
        """)
    public static Tuple type() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) return Tuple.of(Atom.of("win32"), Atom.of("nt"));
        if (os.contains("mac")) return Tuple.of(Atom.of("unix"), Atom.of("darwin"));
        return Tuple.of(Atom.of("unix"), Atom.of(os.replace(' ', '_')));
    }

    /** The environment with the prompt's changes, sorted by name. */
    private static Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>(System.getenv());
        CHANGES.forEach((k, v) -> {
            if (v.isPresent()) env.put(k, v.get());
            else env.remove(k);
        });
        return env;
    }

    private static String name(Object chars, String call, Object... args) {
        String s = Erlang.charlistText(chars);
        if (s == null) throw new BifErrors(call, args).fail(1, "not a list");
        return s;
    }

    /** {@code os:getenv/0}: every variable as a {@code 'NAME=value'} charlist. */
    @Doc("""
        Returns the environment: a list of 'NAME=value' charlists; with a name, its
        value as a charlist, or false (or the default).
        """)
    public static List<Object> getenv() {
        List<Object> out = new ArrayList<>();
        environment().forEach((k, v) -> out.add(ErlangLists.chars(k + "=" + v)));
        return out;
    }

    /** {@code os:getenv/1}: the value as a charlist, or false. */
    public static Object getenv(Object name) {
        String v = environment().get(name(name, ":os.getenv", name));
        return v == null ? Boolean.FALSE : ErlangLists.chars(v);
    }

    /** {@code os:getenv/2}: the value, or the default. */
    public static Object getenv(Object name, Object defaultValue) {
        Object v = getenv(name);
        return Boolean.FALSE.equals(v) ? defaultValue : v;
    }

    /** {@code os:putenv/2}: true. */
    @Doc("""
        Sets an environment variable (charlists) for this node and the commands it runs; true.
        """)
    public static boolean putenv(Object name, Object value) {
        String n = Erlang.charlistText(name), v = Erlang.charlistText(value);
        new BifErrors(":os.putenv", name, value).check(n == null, 1, "not a list").check(v == null, 2, "not a list").raise();
        CHANGES.put(n, java.util.Optional.of(v));
        return true;
    }

    /** {@code os:unsetenv/1}: true. */
    @Doc("""
        Removes an environment variable; true.
        """)
    public static boolean unsetenv(Object name) {
        CHANGES.put(name(name, ":os.unsetenv", name), java.util.Optional.empty());
        return true;
    }

    /** {@code os:system_time/0}: OS time in native units (ns). */
    @Doc("""
        Returns the OS system time in native units (or in the given unit).
        """)
    public static long system_time() {
        return TimeUnits.systemNanos();
    }

    /** {@code os:system_time/1}. */
    public static long system_time(Object unit) {
        return TimeUnits.convert(TimeUnits.systemNanos(), TimeUnits.NATIVE, unit, new BifErrors(":os.system_time", unit), 1);
    }

    /** {@code os:timestamp/0}: {@code {megaseconds, seconds, microseconds}}. */
    @Doc("""
        Returns the OS time as {megaseconds, seconds, microseconds}.
        """)
    public static Tuple timestamp() {
        return Erlang.timestamp();
    }

    /** {@code os:perf_counter/0}: a high-resolution counter in native units. */
    @Doc("""
        Returns the performance counter in native units (or in the given unit).
        """)
    public static long perf_counter() {
        return System.nanoTime();
    }

    /** {@code os:perf_counter/1}. */
    public static long perf_counter(Object unit) {
        return TimeUnits.convert(System.nanoTime(), TimeUnits.NATIVE, unit, new BifErrors(":os.perf_counter", unit), 1);
    }

    /** {@code os:version/0}: the kernel version as {@code {major, minor, release}}. */
    @Doc("""
        Returns the OS version as {major, minor, release}.
        """)
    public static Tuple version() {
        String v = System.getProperty("os.version", "0.0.0");
        int[] parts = new int[3];
        String[] nums = v.split("[^0-9]+");
        for (int i = 0, j = 0; i < nums.length && j < 3; i++) {
            if (!nums[i].isEmpty()) parts[j++] = Integer.parseInt(nums[i]);
        }
        return Tuple.of(parts[0], parts[1], parts[2]);
    }

    /** {@code os:find_executable/1}: the path on {@code PATH} as a charlist, or false. */
    @Doc("""
        Returns the absolute path of the executable on PATH, or false.
        """)
    public static Object find_executable(Object name) {
        String n = Erlang.charlistText(name);
        if (n == null) throw ArgumentError.badarg();
        String path = environment().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, n);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return ErlangLists.chars(p.toAbsolutePath().toString());
        }
        return Boolean.FALSE;
    }

    /**
     * {@code os:cmd/1}: runs a command in {@code /bin/sh} and returns what it wrote (standard output
     * and error) as a charlist of its bytes; an atom is taken as the command's text.
     *
     * @throws ArgumentError {@code not a list of characters} for a binary
     */
    @Doc("""
        Runs the command in a shell and returns its output as a charlist.

        ## Examples

            ps> :os.cmd('echo hello')
            'hello\\n'
        """)
    public static List<Object> cmd(Object command) throws IOException, InterruptedException {
        String text = command instanceof Atom a ? a.name() : Erlang.charlistText(command);
        if (text == null) throw new BifErrors(":os.cmd", command).fail(1, "not a list of characters");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", text).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(environment());
        java.lang.Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        p.waitFor();
        List<Object> chars = new ArrayList<>();
        // os:cmd returns the bytes as they came, one integer each, as a charlist of a UTF-8 text would not
        for (byte b : out.toByteArray()) chars.add(b & 0xFF);
        return chars;
    }
}
