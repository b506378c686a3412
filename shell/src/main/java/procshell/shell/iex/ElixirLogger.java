package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Logger} (1.14) as iex shows it: {@code Logger.info("hello")} prints a blank
 * line, the local time and {@code [info] hello} (in the level's colour on a terminal) and returns
 * {@code :ok}. A line prints as it is logged, from whichever process ({@link IexSession#log}):
 * above the prompt when the person is typing.
 *
 * <p>The level ({@link #configure}) is the node's, as Logger's primary config is the VM's; the
 * metadata ({@link #metadata}) is the calling process's, kept in its dictionary under
 * {@code :"$logger_metadata$"} as the BEAM's logger keeps it. The macros need a
 * {@code require Logger} in Elixir; procshell accepts the call without it.
 */
@Doc("""
    A logger: Logger.info("text") prints the time, the level and the text.
    Levels, lowest first: debug, info, notice, warning, error, critical, alert, emergency.
    """)
@ElixirName(value = "Logger", app = "logger")
public final class ElixirLogger {
    /** Logger's levels, most severe first, as {@code Logger}'s {@code @levels}. */
    private static final List<String> LEVELS = List.of("emergency", "alert", "critical", "error", "warning", "notice", "info", "debug");
    private static final Atom METADATA_KEY = Atom.of("$logger_metadata$");

    private ElixirLogger() {}

    /** As {@code Logger.debug/1}: logs at {@code :debug}; returns {@code :ok}. */
    @Doc("Logs a debug message (a string, iodata, a keyword list or map, or a fn returning one); returns :ok.")
    public static Atom debug(Object message) {
        return log("debug", message);
    }

    /** As {@code Logger.debug/2}; the metadata is accepted and not printed (the console's default format). */
    public static Atom debug(Object message, Object metadata) {
        return log("debug", message);
    }

    /** As {@code Logger.info/1}. */
    @Doc("Logs an info message; returns :ok.")
    public static Atom info(Object message) {
        return log("info", message);
    }

    /** As {@code Logger.info/2}. */
    public static Atom info(Object message, Object metadata) {
        return log("info", message);
    }

    /** As {@code Logger.notice/1}. */
    @Doc("Logs a notice message; returns :ok.")
    public static Atom notice(Object message) {
        return log("notice", message);
    }

    /** As {@code Logger.notice/2}. */
    public static Atom notice(Object message, Object metadata) {
        return log("notice", message);
    }

    /** As {@code Logger.warning/1}. */
    @Doc("Logs a warning message; returns :ok.")
    public static Atom warning(Object message) {
        return log("warning", message);
    }

    /** As {@code Logger.warning/2}. */
    public static Atom warning(Object message, Object metadata) {
        return log("warning", message);
    }

    /** As {@code Logger.warn/1}, the older name of {@code warning/1}. */
    @Doc("Logs a warning message (the older name of warning/1); returns :ok.")
    public static Atom warn(Object message) {
        return log("warning", message);
    }

    /** As {@code Logger.warn/2}. */
    public static Atom warn(Object message, Object metadata) {
        return log("warning", message);
    }

    /** As {@code Logger.error/1}. */
    @Doc("Logs an error message; returns :ok.")
    public static Atom error(Object message) {
        return log("error", message);
    }

    /** As {@code Logger.error/2}. */
    public static Atom error(Object message, Object metadata) {
        return log("error", message);
    }

    /** As {@code Logger.critical/1}. */
    @Doc("Logs a critical message; returns :ok.")
    public static Atom critical(Object message) {
        return log("critical", message);
    }

    /** As {@code Logger.critical/2}. */
    public static Atom critical(Object message, Object metadata) {
        return log("critical", message);
    }

    /** As {@code Logger.alert/1}. */
    @Doc("Logs an alert message; returns :ok.")
    public static Atom alert(Object message) {
        return log("alert", message);
    }

    /** As {@code Logger.alert/2}. */
    public static Atom alert(Object message, Object metadata) {
        return log("alert", message);
    }

    /** As {@code Logger.emergency/1}. */
    @Doc("Logs an emergency message; returns :ok.")
    public static Atom emergency(Object message) {
        return log("emergency", message);
    }

    /** As {@code Logger.emergency/2}. */
    public static Atom emergency(Object message, Object metadata) {
        return log("emergency", message);
    }

    /**
     * As {@code Logger.log/2}: logs at the given level.
     *
     * @throws FunctionClauseError when the level is none of Logger's
     */
    @Doc("Logs a message at the given level (:debug, :info, ...); returns :ok.")
    public static Atom log(Object level, Object message) {
        if (level instanceof Atom a && LEVELS.contains(a.name())) return log(a.name(), message);
        // the BEAM fails where :logger compares it with the configured level
        throw new FunctionClauseError(":logger_config.less_or_equal_level/2",
                List.of(Values.normalize(level), (long) number(IexSession.current().loggerLevel())),
                List.of("(kernel 8.5.3) logger_config.erl:75: :logger_config.less_or_equal_level/2",
                        "(logger 1.14.0) lib/logger.ex:874: Logger.__should_log__/2"));
    }

    /** As {@code Logger.log/3}. */
    public static Atom log(Object level, Object message, Object metadata) {
        return log(level, message);
    }

    /** As {@code Logger.level/0}: the node's level, {@code :debug} in a new shell. */
    @Doc("The current level (:debug in a new shell).")
    public static Atom level() {
        return Atom.of(IexSession.current().loggerLevel());
    }

    /**
     * As {@code Logger.configure/1}: of its options only {@code :level} means something here
     * ({@code :warn} is read as {@code :warning}, and {@code :all} and {@code :none} are
     * accepted); the others are accepted and ignored. Returns {@code :ok}.
     */
    @Doc("Configures the logger: Logger.configure(level: :warning); returns :ok.")
    public static Atom configure(Object options) {
        Object level = Keyword.get(options, Atom.of("level"));
        if (level instanceof Atom a) {
            String name = "warn".equals(a.name()) ? "warning" : a.name();
            if (LEVELS.contains(name) || name.equals("all") || name.equals("none")) IexSession.current().setLoggerLevel(name);
        }
        return Atom.OK;
    }

    /** As {@code Logger.compare_levels/2}: {@code :lt}, {@code :eq} or {@code :gt}. */
    @Doc("Compares two levels: Logger.compare_levels(:debug, :warning) is :lt.")
    public static Atom compare_levels(Object left, Object right) {
        Object a = Values.normalize(left), b = Values.normalize(right);
        if (!(a instanceof Atom l && LEVELS.contains(l.name()) && b instanceof Atom r && LEVELS.contains(r.name()))) {
            throw new ArgumentError("argument error", List.of("(kernel 8.5.3) logger.erl:621: :logger.compare_levels("
                    + Kernel.inspect(a) + ", " + Kernel.inspect(b) + ")"));
        }
        int c = Integer.compare(number(r.name()), number(l.name()));
        return Atom.of(c == 0 ? "eq" : c < 0 ? "lt" : "gt");
    }

    /** As {@code Logger.enable/1}: logging on for the calling process; returns {@code :ok}. */
    @Doc("Enables logging for the calling process; returns :ok.")
    public static Atom enable(Object pid) {
        Process.delete(Atom.of("$logger_disabled$"));
        return Atom.OK;
    }

    /** As {@code Logger.disable/1}: nothing the calling process logs is printed; returns {@code :ok}. */
    @Doc("Disables logging for the calling process; returns :ok.")
    public static Atom disable(Object pid) {
        Process.put(Atom.of("$logger_disabled$"), true);
        return Atom.OK;
    }

    /** As {@code Logger.metadata/0}: the calling process's metadata, a keyword list. */
    @Doc("The calling process's metadata (a keyword list); with a keyword list, merges it in (a nil value removes a key).")
    public static Object metadata() {
        Object m = Process.get(METADATA_KEY);
        return m == null ? List.of() : m;
    }

    /** As {@code Logger.metadata/1}: merges the keyword list into the metadata, a nil value removing its key. */
    public static Atom metadata(Object keywords) {
        List<Object> out = new ArrayList<>();
        for (Object o : (List<?>) metadata()) {
            if (!(o instanceof Tuple t && Keyword.has_key_qm(keywords, t.get(0)))) out.add(o);
        }
        for (Object o : (List<?>) Values.normalize(keywords)) {
            if (o instanceof Tuple t && t.get(1) != null) out.add(o);
        }
        Process.put(METADATA_KEY, List.copyOf(out));
        return Atom.OK;
    }

    /** As {@code Logger.reset_metadata/0}. */
    @Doc("Clears the calling process's metadata; returns :ok.")
    public static Atom reset_metadata() {
        Process.delete(METADATA_KEY);
        return Atom.OK;
    }

    /** As {@code Logger.flush/0}: lines are printed as they are logged, so there is nothing to wait for. */
    @Doc("Waits until every line logged so far is printed; returns :ok.")
    public static Atom flush() {
        return Atom.OK;
    }

    /** Logger's level names, as {@code :logger}'s numbers (emergency 0 ... debug 7, all 10, none -1). */
    static int number(String level) {
        return level.equals("all") ? 10 : level.equals("none") ? -1 : LEVELS.indexOf(level);
    }

    private static Atom log(String level, Object message) {
        IexSession session = IexSession.current();
        String configured = session.loggerLevel();
        if (number(level) > number(configured)) return Atom.OK;
        if (Process.get(Atom.of("$logger_disabled$")) != null) return Atom.OK;
        Object m = Values.normalize(message);
        if (Kernel.is_function(m, 0)) {
            m = Enumerables.call(m);
            if (m instanceof Tuple t && t.size() == 2) m = t.get(0); // {message, metadata}
        }
        session.log(level, text(m));
        return Atom.OK;
    }

    /** The text Logger's console prints for a message: a string or chardata as is, a report inspected. */
    private static String text(Object message) {
        if (message instanceof String s) return s;
        if (message instanceof Map<?, ?> report) return Kernel.inspect(ElixirMap.to_list(report));
        if (message instanceof List<?> l) {
            if (!l.isEmpty() && Keyword.keyword_qm(l)) return Kernel.inspect(l);
            return IO.chardata_to_string(l);
        }
        IO.warning("passing " + Kernel.inspect(message) + " to Logger is deprecated, expected a map, a keyword list, a string, a list of"
                + " strings, or a zero-arity anonymous function", "(logger 1.14.0) lib/logger.ex:898: Logger.__do_log__/4");
        return String.valueOf(Kernel.to_string(message));
    }
}
