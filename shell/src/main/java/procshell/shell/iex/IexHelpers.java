package procshell.shell.iex;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.observe.ProcessFacts;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.table.Table;

/**
 * iex's helpers for exploring a node ({@code IEx.Helpers}), called without a module:
 * {@code exports/0,1}, {@code runtime_info/0,1}, {@code process_info/1} (Elixir 1.19's),
 * {@code pid/1} given a name, {@code ref/1,4}, and the macros {@code b/1} and {@code t/1} (whose
 * argument the compiler hands over as the reference typed). What they print goes to the
 * console; like iex's, they return no value to print.
 *
 * <p>These win over a {@link Kernel} function of the same name and arity
 * ({@link ShellModules#kernelFunctions}).
 */
public final class IexHelpers {
    private static final List<Atom> TOPICS = List.of(Atom.of("system"), Atom.of("memory"), Atom.of("limits"));
    private static final List<Atom> ALL_TOPICS = List.of(Atom.of("system"), Atom.of("memory"), Atom.of("limits"), Atom.of("applications"));

    private IexHelpers() {}

    private static PrintWriter out() {
        return IexSession.current().out();
    }

    private static Object printed(String text) {
        PrintWriter out = out();
        out.print(text);
        out.flush();
        return IexSession.NO_VALUE;
    }

    // ---- exports --------------------------------------------------------------------------------

    /** Kernel's functions in columns, as iex's {@code exports/0}. */
    @Doc("""
        Lists the functions and macros callable without a module (Kernel's and iex's helpers).
        """)
    public static Object exports() {
        List<String> names = new ArrayList<>();
        for (ShellModules.Function f : ShellModules.kernelFunctions()) names.add(f.name() + "/" + f.arity());
        return printed(table(names));
    }

    /**
     * A module's functions in columns, as iex's {@code exports/1}: {@code lookup/2  register/3 ...}.
     *
     * @param module a module (an alias: {@code Registry}, {@code :ets}, or one defined at the prompt)
     * @throws ArgumentError when there is no such module
     */
    @Doc("""
        Lists all the functions a module exports, in columns.

        ## Examples

            iex> exports(Agent)
        """)
    public static Object exports(Object module) {
        List<ShellModules.Function> functions = functionsOf(module);
        List<String> names = new ArrayList<>();
        for (ShellModules.Function f : functions) names.add(f.name() + "/" + f.arity());
        return printed(table(names));
    }

    private static List<ShellModules.Function> functionsOf(Object module) {
        IexSession s = IexSession.current();
        Object term = s.modules().nameTerm(module);
        if (term instanceof Atom a) {
            String typed = a.name().startsWith("Elixir.") ? a.name().substring(7) : ":" + a.name();
            ShellModules.Module m = ShellModules.find(typed);
            if (m != null) return m.functions();
            List<Tuple> exports = s.modules().exports(a);
            if (exports != null) {
                List<ShellModules.Function> out = new ArrayList<>();
                for (Tuple t : exports) out.add(new ShellModules.Function(((Atom) t.get(0)).name(), (Integer) t.get(1), null));
                return out;
            }
        }
        throw new ArgumentError("could not load module " + Kernel.inspect(term) + " due to reason :nofile");
    }

    /**
     * iex's {@code print_table}: each entry padded to the longest (at most 30) plus 4 and a space,
     * a new row once 80 characters are reached.
     */
    static String table(List<String> items) {
        if (items.isEmpty()) return "";
        int max = 0;
        for (String i : items) max = Math.max(max, i.length());
        int offset = Math.min(max, 30) + 4;
        StringBuilder b = new StringBuilder();
        int length = 0;
        for (String i : items) {
            if (length >= 80) {
                b.append('\n');
                length = 0;
            }
            String printed = i.length() >= offset ? i : i + " ".repeat(offset - i.length());
            b.append(printed).append(' ');
            length += printed.length() + 1;
        }
        return b.append('\n').toString();
    }

    // ---- runtime_info ---------------------------------------------------------------------------

    /** Prints the runtime's versions, memory and limits, as iex's {@code runtime_info/0}. */
    @Doc("""
        Prints the runtime's versions, memory use and statistics (runtime_info/1 for one topic).
        """)
    public static Object runtime_info() {
        return runtime_info(TOPICS);
    }

    /**
     * Prints some topics of {@link #runtime_info()}.
     *
     * @param topics {@code :system}, {@code :memory}, {@code :limits}, {@code :applications}, or a list of them
     * @throws FunctionClauseError for anything else, as iex's clause does
     */
    @Doc("""
        Prints one topic of runtime_info/0 (:system, :memory, :limits, :applications), or a list of them.
        """)
    public static Object runtime_info(Object topics) {
        List<Atom> chosen = new ArrayList<>();
        if (topics instanceof Atom a && ALL_TOPICS.contains(a)) {
            chosen.add(a);
        } else if (topics instanceof List<?> l) {
            Set<Atom> seen = new LinkedHashSet<>();
            for (Object o : l) {
                if (!(o instanceof Atom a) || !ALL_TOPICS.contains(a)) throw noClause("runtime_info", topics);
                seen.add(a);
            }
            chosen.addAll(seen);
        } else {
            throw noClause("runtime_info", topics);
        }
        StringBuilder b = new StringBuilder();
        for (Atom t : chosen) topic(t.name(), b);
        b.append('\n');
        List<Atom> others = new ArrayList<>(ALL_TOPICS);
        others.removeAll(chosen);
        entry(b, "Showing topics", Kernel.inspect(chosen));
        entry(b, "Additional topics", Kernel.inspect(others));
        b.append("\nTo view a specific topic call runtime_info(topic)\n\n");
        return printed(b.toString());
    }

    private static FunctionClauseError noClause(String name, Object arg) {
        java.util.List<Object> args = new ArrayList<>();
        args.add(arg);
        return new FunctionClauseError("IEx.Helpers." + name + "/1", args);
    }

    private static void topic(String topic, StringBuilder b) {
        Node node = IexSession.current().node();
        Runtime rt = Runtime.getRuntime();
        switch (topic) {
            case "system" -> {
                pane(b, "System and architecture");
                entry(b, "procshell version", procshell.shell.cli.Version.version());
                entry(b, "Elixir version", "1.14.0 (the language this shell reads)");
                entry(b, "Java version", Runtime.version().toString());
                entry(b, "Compiled for", System.getProperty("os.arch") + "-" + System.getProperty("os.name").toLowerCase());
                entry(b, "Schedulers", String.valueOf(rt.availableProcessors()));
                entry(b, "Schedulers online", String.valueOf(rt.availableProcessors()));
            }
            case "memory" -> {
                pane(b, "Memory");
                long processes = 0;
                for (LocalProcess p : node.processRecords()) processes += ProcessFacts.memory(p);
                entry(b, "Total", bytes(rt.totalMemory() - rt.freeMemory()));
                entry(b, "Processes", bytes(processes));
            }
            case "limits" -> {
                pane(b, "Statistics / limits");
                entry(b, "Uptime", uptime(ManagementFactory.getRuntimeMXBean().getUptime() / 1000));
                entry(b, "Run queue", "0");
                percentage(b, "Atoms", node.atoms().count(), node.atoms().limit());
                entry(b, "ETS", String.valueOf(liveTables(node)));
                entry(b, "Processes", String.valueOf(node.processCount()));
            }
            case "applications" -> {
                pane(b, "Loaded OTP Applications");
                b.append(pad("procshell")).append(pad(procshell.shell.cli.Version.version()).substring(0, 20)).append("(started)\n");
            }
            default -> { }
        }
    }

    private static int liveTables(Node node) {
        int n = 0;
        for (Table t : node.tables().tables()) {
            if (t.isAlive()) n++;
        }
        return n;
    }

    /** {@code :c.uptime()}'s words: {@code 0 days, 0 hours, 1 minutes and 4 seconds}. */
    static String uptime(long seconds) {
        return (seconds / 86400) + " days, " + (seconds / 3600 % 24) + " hours, " + (seconds / 60 % 60) + " minutes and "
                + (seconds % 60) + " seconds";
    }

    private static void percentage(StringBuilder b, String key, long used, long max) {
        entry(b, key, used + " / " + max + " (" + (used * 100 / max) + "% used)");
    }

    /** iex's {@code format_bytes}: whole GB, MB or KB (rounded down), else bytes. */
    static String bytes(long n) {
        if (n >= 1L << 30) return (n >> 30) + " GB";
        if (n >= 1L << 20) return (n >> 20) + " MB";
        if (n >= 1L << 10) return (n >> 10) + " KB";
        return n + " B";
    }

    private static void pane(StringBuilder b, String title) {
        b.append("\n## ").append(title).append(" \n\n");
    }

    private static String pad(String key) {
        return key.length() >= 21 ? key : key + " ".repeat(21 - key.length());
    }

    private static void entry(StringBuilder b, String key, String value) {
        if (value != null) b.append(pad(key)).append(value).append('\n');
    }

    // ---- process_info ---------------------------------------------------------------------------

    /**
     * Prints what a process is doing, as Elixir 1.19's {@code IEx.Helpers.process_info/1}: an
     * overview, its links and monitors (each with the other process's name or initial call), its
     * memory. The heap, stack and group-leader items of the BEAM have no counterpart here.
     *
     * @param process a pid, a registered name, {@code {name, node}}, {@code {:global, name}} or a via tuple
     */
    @Doc("""
        Prints information about a process: an overview, its links, its monitors and its memory.

        The process is a pid, a registered name or a via tuple, as GenServer.whereis/1 takes.

        ## Examples

            iex> process_info(self())
            iex> process_info({:via, Registry, {MyApp.Registry, :name}})
        """)
    public static Object process_info(Object process) {
        IexSession s = IexSession.current();
        Object where = process instanceof Pid ? process : GenServer.whereis(process);
        Pid pid = where instanceof Pid p ? p : null;
        LocalProcess p = pid == null ? null : s.node().process(pid);
        if (p == null || !p.isAlive()) {
            return printed("Failed to get process info. Either the process was not found or is not alive.\n");
        }
        StringBuilder b = new StringBuilder();
        b.append("\n# Process ").append(Kernel.inspect(pid)).append('\n');
        pane(b, "Overview");
        for (String key : List.of("initial_call", "current_function", "registered_name", "status", "message_queue_len",
                "priority", "trap_exit", "reductions")) {
            Object v = ProcessInfo.item(p, Atom.of(key)).get(1);
            entry(b, label(key), Inspect.inspect(v, s.inspectOptions().withLimit(5)));
        }
        if (ProcessInfo.item(p, Atom.of("links")).get(1) instanceof List<?> links && !links.isEmpty()) {
            pane(b, "Links");
            for (Object l : links) entry(b, Kernel.inspect(l), details(s, l));
        }
        if (ProcessInfo.item(p, Atom.of("monitors")).get(1) instanceof List<?> monitors && !monitors.isEmpty()) {
            pane(b, "Monitors");
            for (Object m : monitors) {
                Object target = m instanceof Tuple t && t.size() == 2 ? t.get(1) : m;
                entry(b, Kernel.inspect(target), details(s, target));
            }
        }
        pane(b, "Memory");
        entry(b, "Memory", bytes(ProcessFacts.memory(p)));
        return printed(b.toString());
    }

    private static String label(String key) {
        return switch (key) {
            case "initial_call" -> "Initial call";
            case "current_function" -> "Current function";
            case "registered_name" -> "Registered name";
            case "status" -> "Status";
            case "message_queue_len" -> "Message queue length";
            case "priority" -> "Priority";
            case "trap_exit" -> "Trap exit";
            default -> "Reductions";
        };
    }

    /** A linked or monitored process: its registered name, else its initial call as {@code Mod.fun/arity}. */
    private static String details(IexSession s, Object target) {
        Pid pid = target instanceof Pid p ? p : target instanceof Atom a ? s.node().whereis(a) : null;
        LocalProcess p = pid == null ? null : s.node().process(pid);
        if (p == null) return "-";
        if (p.registeredName() != null) return Kernel.inspect(p.registeredName());
        if (ProcessFacts.translatedInitialCall(p) instanceof Tuple mfa && mfa.size() == 3) {
            String module = Inspect.inspect(mfa.get(0));
            return module + "." + ((Atom) mfa.get(1)).name() + "/" + mfa.get(2);
        }
        return "-";
    }

    // ---- pid, ref -------------------------------------------------------------------------------

    /**
     * iex's {@code pid/1}: the pid a string shows ({@code "0.21.32"}), or the pid registered under
     * an atom.
     *
     * @throws ArgumentError for a string that shows no pid, as iex's
     *         {@code :erlang.list_to_pid/1} error; for an atom nobody registered, as iex's
     */
    @Doc("""
        Creates a PID from a string ("0.21.32") or returns the pid registered under a name.

        ## Examples

            iex> pid("0.21.32")
            #PID<0.21.32>
        """)
    public static Object pid(Object textOrName) {
        Object v = IexSession.current().modules().nameTerm(textOrName);
        if (v instanceof String text) return Kernel.pid(text);
        if (v == null || v instanceof Atom) { // nil is the atom nil: a name, as in iex
            Pid p = v == null ? null : IexSession.current().node().whereis(v);
            if (p == null) {
                throw new ArgumentError("could not find registered process with name: " + Kernel.inspect(v),
                        List.of("(iex 1.14.0) lib/iex/helpers.ex:1255: IEx.Helpers.pid/1"));
            }
            return p;
        }
        throw noClause("pid", v);
    }

    /**
     * iex's {@code ref/1}: the reference {@code "0.1.2.3"} shows, made on this node.
     *
     * @throws ArgumentError for text that shows no reference
     */
    @Doc("""
        Creates a Reference from its string representation ("0.21.32.43").
        """)
    public static Ref ref(String text) {
        String t = text.trim();
        if (t.startsWith("#Reference<") && t.endsWith(">")) t = t.substring(11, t.length() - 1);
        String[] parts = t.split("\\.");
        if (parts.length != 4) throw notARef(text);
        try {
            return ref(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]));
        } catch (NumberFormatException e) {
            throw notARef(text);
        }
    }

    /** iex's {@code ref/4}: the reference {@code #Reference<0.x.y.z>} of this node (its creation is the node's). */
    @Doc("""
        Creates a Reference from its four integer components.
        """)
    public static Ref ref(Object w, Object x, Object y, Object z) {
        return ref(((Number) w).intValue(), ((Number) x).longValue(), ((Number) y).longValue(), ((Number) z).longValue());
    }

    private static Ref ref(int w, long creation, long high, long low) {
        if (w != 0 || high < 0 || low < 0 || high > 0xffffffffL || low > 0xffffffffL) throw notARef(w + "." + creation + "." + high + "." + low);
        return new Ref(IexSession.current().node(), (high << 32) | low);
    }

    private static ArgumentError notARef(String text) {
        return new ArgumentError("errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of a reference\n",
                List.of(":erlang.list_to_ref('#Ref<" + text + ">')", "(iex 1.14.0) lib/iex/helpers.ex:1324: IEx.Helpers.ref/1"));
    }

    // ---- v --------------------------------------------------------------------------------------

    /**
     * The result of prompt {@code n} ({@code v(-1)}: the last), as iex's {@code v/1}. The history
     * is the current shell process's: it starts afresh, as the prompt's numbers do, when the shell
     * process is restarted.
     *
     * @throws RuntimeError {@code v(8) is out of bounds}, with iex's frames
     */
    @Doc("""
        Returns the value of the nth expression in the history (v(-1), the default, is the last).

        The history starts again at 1 when the shell process restarts, with the prompt's numbers.

        ## Examples

            iex> 1 + 2
            3
            iex> v(-1) * 2
            6
        """)
    public static Object v(Object n) {
        if (!(n instanceof Integer i)) throw noClause("v", n);
        IexSession s = IexSession.current();
        int kept = IexConfig.of(s).historySize(); // iex keeps the last history_size results (20), all when negative
        int number = i > 0 ? i : s.resultCount() + 1 + i;
        if (kept >= 0 && number <= s.resultCount() - kept) throw new HistoryError(i);
        try {
            return s.result(i);
        } catch (IllegalArgumentException e) {
            throw new HistoryError(i);
        }
    }

    /** The last result, as iex's {@code v/0}. */
    public static Object v() {
        return v(-1);
    }

    // ---- b, t -----------------------------------------------------------------------------------

    /** {@code b(GenServer.handle_call)}: the callback's specs and doc, as iex's {@code b/1}. */
    public static Object _b_(String reference) {
        return printed(Help.callbacks(reference));
    }

    /** {@code t(Registry)}, {@code t(Registry.key)}: the module's types, as iex's {@code t/1}. */
    public static Object _t_(String reference) {
        return printed(Help.types(reference));
    }
}
