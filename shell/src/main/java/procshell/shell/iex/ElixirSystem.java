package procshell.shell.iex;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ErlangError;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code System} module at the prompt: the clocks and time units, the runtime's version
 * (Elixir 1.14.0 on OTP 25, the figures procshell imitates), schedulers (the JVM's processors),
 * unique integers, the environment ({@link OsEnvironment}) and {@code System.cmd/3}.
 */
@ElixirName("System")
@Doc("""
    The System module provides functions that interact directly with the VM or
    the host system: time, the environment, the runtime's version, commands.

    The :native time unit is the nanosecond, as on a 64-bit Linux BEAM.
    """)
public final class ElixirSystem {
    private static final String VERSION = "1.14.0";
    private static volatile Object argv = List.of();
    /** Stands for a nil value in {@link #put_env(Object)}: the variable is deleted. */
    private static final Object DELETE = new Object();

    private ElixirSystem() {}

    // --- versions and the runtime ---------------------------------------------------------

    /** {@code System.version/0}: {@code "1.14.0"}. */
    @Doc("Elixir version information, as a string: \"1.14.0\".")
    public static String version() {
        return VERSION;
    }

    /** {@code System.otp_release/0}: {@code "25"}. */
    @Doc("Returns the Erlang/OTP release number: \"25\".")
    public static String otp_release() {
        return "25";
    }

    /** {@code System.build_info/0}: the map of the Elixir 1.14.0 build procshell imitates. */
    @Doc("""
        Elixir build information: a map with :build, :date, :otp_release, :revision
        and :version (those of the Elixir 1.14.0 that procshell imitates).
        """)
    public static MapTerm build_info() {
        MapTerm m = new MapTerm();
        m.put(Atom.of("build"), VERSION + " (compiled with Erlang/OTP 24)");
        m.put(Atom.of("date"), "2022-10-08T16:54:46Z");
        m.put(Atom.of("otp_release"), "24");
        m.put(Atom.of("revision"), "");
        m.put(Atom.of("version"), VERSION);
        return m;
    }

    /** {@code System.schedulers/0}: the JVM's available processors (the BEAM starts one scheduler per core). */
    @Doc("Returns the number of schedulers in the VM (here: the processors the JVM sees).")
    public static int schedulers() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@code System.schedulers_online/0}: as {@link #schedulers()}. */
    @Doc("Returns the number of schedulers online in the VM.")
    public static int schedulers_online() {
        return schedulers();
    }

    /** {@code System.endianness/0}: {@code :little} (the JVM runs on x86-64 or arm64). */
    @Doc("Returns the endianness: :little or :big.")
    public static Atom endianness() {
        return Atom.of(java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? "little" : "big");
    }

    /** {@code System.compiled_endianness/0}. */
    @Doc("Returns the endianness the system was compiled with.")
    public static Atom compiled_endianness() {
        return endianness();
    }

    /** {@code System.pid/0}: the OS process id of the JVM, as a string. */
    @Doc("Returns the operating system PID for the current VM, as a string.")
    public static String pid() {
        return Long.toString(ProcessHandle.current().pid());
    }

    /** {@code System.get_pid/0} (deprecated in Elixir): as {@link #pid()}. */
    @Doc("Deprecated: use System.pid/0.")
    public static String get_pid() {
        return pid();
    }

    /** {@code System.halt/0}: ends the node (and procshell) with exit status 0, at once, as iex ends. */
    @Doc("Halts the node at once with status 0 (procshell exits, as iex does).")
    public static Object halt() {
        return halt(0);
    }

    /**
     * {@code System.halt/1}: ends the node with this status: an integer 0..255, {@code :abort}
     * (134) or a string (1, the BEAM's crash-dump slogan). Does not return.
     */
    @Doc("""
        Halts the node at once with the status (an integer 0..255, :abort, or a string):
        procshell exits, as iex does.
        """)
    public static Object halt(Object status) {
        procshell.shell.eval.NodeHalt.halt(procshell.shell.eval.NodeHalt.status(Values.normalize(status)));
        return null;
    }

    /** {@code System.stop/0}: stops the node with status 0 (procshell has no applications to stop first). */
    @Doc("Stops the node with status 0: procshell exits.")
    public static Object stop() {
        return halt(0);
    }

    /** {@code System.stop/1}: stops the node with this status, as {@link #halt(Object)}. */
    @Doc("Stops the node with the status: procshell exits.")
    public static Object stop(Object status) {
        return halt(status);
    }

    /** {@code System.stacktrace/0} (deprecated): always {@code []}. */
    @Doc("Deprecated: always returns [].")
    public static List<Object> stacktrace() {
        return List.of();
    }

    /** {@code System.argv/0}: the command-line arguments given to the script ({@code []} in the shell). */
    @Doc("Lists command line arguments: [] in the shell unless argv/1 set them.")
    public static Object argv() {
        return argv;
    }

    /** {@code System.argv/1}: sets what {@link #argv()} answers; returns {@code :ok}. */
    @Doc("Modifies command line arguments; returns :ok.")
    public static Atom argv(Object args) {
        argv = Values.normalize(args); // stored as given, as Elixir's :elixir_config does
        return Atom.OK;
    }

    // --- time -----------------------------------------------------------------------------

    /** {@code System.monotonic_time/0}: nanoseconds (the {@code :native} unit) of a monotonic clock. */
    @Doc("""
        Returns the current monotonic time in the :native time unit (nanoseconds).

        This time is monotonically increasing and starts in an unspecified point in
        time (as on the BEAM, near -576460752303423488).
        """)
    public static Number monotonic_time() {
        return BeamClock.monotonicNanos();
    }

    /** {@code System.monotonic_time/1}: in the given unit, rounded down. */
    public static Number monotonic_time(Object unit) {
        return BeamClock.inUnit(BeamClock.monotonicNanos(), unit(unit));
    }

    /** {@code System.system_time/0}: nanoseconds since the Unix epoch. */
    @Doc("Returns the current system time in the :native time unit (nanoseconds since 1970).")
    public static Number system_time() {
        return BeamClock.systemNanos();
    }

    /** {@code System.system_time/1}. */
    public static Number system_time(Object unit) {
        return BeamClock.inUnit(BeamClock.systemNanos(), unit(unit));
    }

    /** {@code System.os_time/0}: the operating system's clock, in nanoseconds since 1970. */
    @Doc("Returns the current operating system (OS) time in the :native time unit.")
    public static Number os_time() {
        return BeamClock.systemNanos();
    }

    /** {@code System.os_time/1}. */
    public static Number os_time(Object unit) {
        return BeamClock.inUnit(BeamClock.systemNanos(), unit(unit));
    }

    /** {@code System.time_offset/0}: system time minus monotonic time, in nanoseconds. */
    @Doc("Returns the offset between the VM's monotonic time and system time (:native unit).")
    public static Number time_offset() {
        return BeamClock.systemNanos() - BeamClock.monotonicNanos();
    }

    /** {@code System.time_offset/1}. */
    public static Number time_offset(Object unit) {
        return BeamClock.inUnit(BeamClock.systemNanos() - BeamClock.monotonicNanos(), unit(unit));
    }

    /**
     * {@code System.convert_time_unit/3}, rounded down.
     *
     * @throws ArgumentError for a unit Elixir does not know, or a time that is no integer
     */
    @Doc("""
        Converts time from time unit from_unit to time unit to_unit, rounded down.

        Units: :second, :millisecond, :microsecond, :nanosecond, :native or a
        positive integer (parts per second).

        ## Examples

            ps> System.convert_time_unit(1500, :millisecond, :second)
            1
        """)
    public static Number convert_time_unit(Object time, Object fromUnit, Object toUnit) {
        long from = unit(fromUnit);
        long to = unit(toUnit);
        Object t = Values.normalize(time);
        if (!procshell.shell.eval.Arithmetic.isInteger(t)) {
            throw ArgumentError.badArgument("1st argument: not an integer", ":erlang.convert_time_unit(" + Kernel.inspect(t) + ", "
                    + Kernel.inspect(normalUnit(fromUnit)) + ", " + Kernel.inspect(normalUnit(toUnit)) + ")");
        }
        return BeamClock.convert(t, from, to);
    }

    /** {@code System.unique_integer/0}. */
    @Doc("""
        Generates an integer unique in this runtime. Modifiers: :positive, :monotonic.
        """)
    public static Number unique_integer() {
        return unique_integer(List.of());
    }

    /** {@code System.unique_integer/1}. */
    public static Number unique_integer(Object modifiers) {
        Object m = Values.normalize(modifiers);
        return BeamClock.uniqueInteger(m, ":erlang.unique_integer(" + Kernel.inspect(m) + ")");
    }

    /** Parts per second of a unit, as Elixir's {@code normalize_time_unit/1} accepts it. */
    private static long unit(Object unit) {
        Object u = Values.normalize(unit);
        long pps = u instanceof Atom a && a.name().equals("perf_counter") ? 0 : BeamClock.partsPerSecond(u);
        if (pps == 0) {
            throw new ArgumentError("unsupported time unit. Expected :second, :millisecond, :microsecond, :nanosecond, or a positive integer, got "
                    + Kernel.inspect(u));
        }
        return pps;
    }

    /** The unit as Elixir hands it to {@code :erlang} (the deprecated plural names made singular). */
    private static Object normalUnit(Object unit) {
        Object u = Values.normalize(unit);
        if (!(u instanceof Atom a)) return u;
        return switch (a.name()) {
            case "seconds" -> Atom.of("second");
            case "milliseconds", "milli_seconds" -> Atom.of("millisecond");
            case "microseconds", "micro_seconds" -> Atom.of("microsecond");
            case "nanoseconds", "nano_seconds" -> Atom.of("nanosecond");
            default -> a;
        };
    }

    // --- the environment and the file system ---------------------------------------------

    /** {@code System.get_env/0}: every variable, as a map of strings. */
    @Doc("""
        Returns the value of an environment variable, or default (nil); without
        arguments, all variables as a map. Changes made with put_env/2 are seen by
        the shell and by System.cmd/3 (the JVM cannot change its own environment).
        """)
    public static MapTerm get_env() {
        return new MapTerm(OsEnvironment.all());
    }

    /** {@code System.get_env/1}. */
    public static String get_env(Object name) {
        return get_env(name, null);
    }

    /** {@code System.get_env/2}; a name or default of the wrong type is Elixir's FunctionClauseError. */
    public static String get_env(Object name, Object fallback) {
        if (!(name instanceof String n) || !(fallback == null || fallback instanceof String)) {
            throw new FunctionClauseError("System.get_env", 2);
        }
        String v = OsEnvironment.get(n);
        return v != null ? v : (String) fallback;
    }

    /** {@code System.fetch_env/1}: {@code {:ok, value}} or {@code :error}. */
    @Doc("Returns {:ok, value} for a set environment variable, :error otherwise.")
    public static Object fetch_env(Object name) {
        if (!(name instanceof String n)) throw new FunctionClauseError("System.fetch_env", 1);
        String v = OsEnvironment.get(n);
        return v == null ? Atom.ERROR : Tuple.of(Atom.OK, v);
    }

    /** {@code System.fetch_env!/1}. @throws SystemEnvError when the variable is not set */
    @Doc("Returns the value of an environment variable, or raises System.EnvError.")
    public static String fetch_env_bang(Object name) {
        if (!(name instanceof String n)) throw new FunctionClauseError("System.fetch_env!", 1);
        String v = OsEnvironment.get(n);
        if (v == null) throw new SystemEnvError(n);
        return v;
    }

    /** {@code System.put_env/2}; returns {@code :ok}. */
    @Doc("Sets an environment variable (for the shell and the commands it runs); returns :ok.")
    public static Atom put_env(Object name, Object value) {
        if (!(name instanceof String n) || !(value instanceof String v)) throw new FunctionClauseError("System.put_env", 2);
        if (n.contains("=")) throw new ArgumentError("cannot execute System.put_env/2 for key with \"=\", got: " + Kernel.inspect(n));
        OsEnvironment.put(n, v);
        return Atom.OK;
    }

    /** {@code System.put_env/1}: each {@code {key, value}} of a map or keyword list; a nil value deletes. */
    public static Atom put_env(Object pairs) {
        Object v = Values.normalize(pairs);
        List<Map.Entry<Object, Object>> entries = new ArrayList<>();
        if (v instanceof Map<?, ?> m) m.forEach((k, x) -> entries.add(Map.entry(k, x == null ? DELETE : x)));
        else if (v instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof Tuple t && t.size() == 2)) throw new ArgumentError("argument error");
                entries.add(Map.entry(t.get(0), t.get(1) == null ? DELETE : t.get(1)));
            }
        } else throw new ArgumentError("argument error");
        for (Map.Entry<Object, Object> e : entries) {
            String key = StringChars.text(e.getKey());
            if (e.getValue() == DELETE) {
                OsEnvironment.delete(key);
                continue;
            }
            if (key.contains("=")) throw new ArgumentError("cannot execute System.put_env/1 for key with \"=\", got: " + Kernel.inspect(charlist(key)));
            OsEnvironment.put(key, StringChars.text(e.getValue()));
        }
        return Atom.OK;
    }

    /** {@code System.delete_env/1}; returns {@code :ok}. */
    @Doc("Deletes an environment variable; returns :ok.")
    public static Atom delete_env(Object name) {
        OsEnvironment.delete(StringChars.text(name));
        return Atom.OK;
    }

    /** {@code System.cwd/0}: the working directory. */
    @Doc("Returns the current working directory.")
    public static String cwd() {
        return Path.of("").toAbsolutePath().toString();
    }

    /** {@code System.cwd!/0}. */
    @Doc("Returns the current working directory or raises.")
    public static String cwd_bang() {
        return cwd();
    }

    /** {@code System.tmp_dir/0}: TMPDIR, TEMP, TMP or /tmp, the first writable directory; else nil. */
    @Doc("Returns a writable temporary directory: TMPDIR, TEMP, TMP, /tmp or the cwd; nil if none.")
    public static String tmp_dir() {
        for (String var : List.of("TMPDIR", "TEMP", "TMP")) {
            String d = OsEnvironment.get(var);
            if (d != null && writableDir(d)) return d;
        }
        if (writableDir("/tmp")) return "/tmp";
        String cwd = cwd();
        return writableDir(cwd) ? cwd : null;
    }

    /** {@code System.tmp_dir!/0}. */
    @Doc("As tmp_dir/0, but raises when there is none.")
    public static String tmp_dir_bang() {
        String d = tmp_dir();
        if (d == null) throw new RuntimeError("could not get a writable temporary directory, please set the TMPDIR environment variable");
        return d;
    }

    private static boolean writableDir(String d) {
        File f = new File(d);
        return f.isDirectory() && f.canWrite();
    }

    /** {@code System.user_home/0}: HOME, or nil. */
    @Doc("Returns the user home (HOME), or nil.")
    public static String user_home() {
        String h = OsEnvironment.get("HOME");
        return h != null ? h : java.lang.System.getProperty("user.home");
    }

    /** {@code System.user_home!/0}. */
    @Doc("As user_home/0, but raises when there is none.")
    public static String user_home_bang() {
        String h = user_home();
        if (h == null) throw new RuntimeError("could not find the user home, please set the HOME environment variable");
        return h;
    }

    /** {@code System.find_executable/1}: the path of a program found on PATH, or nil. */
    @Doc("Locates an executable on PATH; returns its path or nil.")
    public static String find_executable(Object program) {
        if (!(program instanceof String p)) throw new FunctionClauseError("System.find_executable", 1);
        if (p.contains("/")) return Files.isExecutable(Path.of(p)) && !Files.isDirectory(Path.of(p)) ? p : null;
        String path = OsEnvironment.get("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, p);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) return candidate.toString();
        }
        return null;
    }

    /** {@code System.cmd/2}. */
    @Doc("""
        Runs a command with arguments and returns {output, exit_status}.

        Options: stderr_to_stdout: true, cd: dir, env: [{"NAME", "value"}].

        ## Examples

            ps> System.cmd("echo", ["hello"])
            {"hello\\n", 0}
        """)
    public static Tuple cmd(Object command, Object args) {
        return cmd(command, args, List.of());
    }

    /**
     * {@code System.cmd/3}: runs the program (found on PATH) with the arguments, waits for it, and
     * returns {@code {output, status}}.
     *
     * @throws ErlangError {@code :enoent} when there is no such program
     */
    public static Tuple cmd(Object command, Object args, Object options) {
        Object a = Values.normalize(args);
        if (!(command instanceof String c) || !(a instanceof List<?> argList)) throw new FunctionClauseError("System.cmd", 3);
        if (!argList.stream().allMatch(String.class::isInstance)) throw new ArgumentError("all arguments for System.cmd/3 must be binaries");
        String exe = find_executable(c);
        if (exe == null) throw new ErlangError(Atom.of("enoent"));
        List<String> line = new ArrayList<>();
        line.add(exe);
        argList.forEach(x -> line.add((String) x));
        ProcessBuilder pb = new ProcessBuilder(line);
        pb.environment().clear();
        pb.environment().putAll(OsEnvironment.all());
        for (Map.Entry<String, Object> o : Options.of(options).entrySet()) {
            switch (o.getKey()) {
                case "stderr_to_stdout" -> pb.redirectErrorStream(Boolean.TRUE.equals(o.getValue()));
                case "cd" -> pb.directory(new File(StringChars.text(o.getValue())));
                case "env" -> {
                    for (Object kv : (Iterable<?>) Values.normalize(o.getValue() instanceof Map<?, ?> m ? List.copyOf(m.entrySet()) : o.getValue())) {
                        Object k = kv instanceof Tuple t ? t.get(0) : ((Map.Entry<?, ?>) kv).getKey();
                        Object v = kv instanceof Tuple t ? t.get(1) : ((Map.Entry<?, ?>) kv).getValue();
                        if (v == null) pb.environment().remove(StringChars.text(k));
                        else pb.environment().put(StringChars.text(k), StringChars.text(v));
                    }
                }
                case "into", "arg0", "parallelism", "lines" -> { }
                default -> throw new ArgumentError("invalid option " + Kernel.inspect(Atom.of(o.getKey())) + " with value " + Kernel.inspect(o.getValue()));
            }
        }
        if (!pb.redirectErrorStream()) pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            java.lang.Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return Tuple.of(out, p.waitFor());
        } catch (IOException e) {
            throw new ErlangError(Atom.of("enoent"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErlangError(Atom.of("interrupted"));
        }
    }

    private static List<Integer> charlist(String s) {
        return s.codePoints().boxed().toList();
    }
}
