package procshell.shell.iex;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.process.ProcessContext;

/**
 * The shell-side state that the Elixir-named helpers need and that belongs to one node's shell:
 * where to print, how to inspect, earlier results for {@code v/1}, and the classes typed at the
 * prompt that serve as modules.
 */
public final class IexSession {
    private volatile int width = 80;
    /** What iex helpers such as {@code h/0} return so that the prompt prints no result, as {@code IEx.dont_display_result/0}. */
    public static final Atom NO_VALUE = Atom.of("do not show this result in output");

    private static final Map<Node, IexSession> SESSIONS = new ConcurrentHashMap<>();

    private final Node node;
    private final Modules modules;
    private final List<Object> results = new ArrayList<>();
    private volatile PrintWriter out = new PrintWriter(System.out, true);
    private volatile InspectOptions inspectOptions = InspectOptions.IEX;
    /** Logger's level on this node ({@code Logger.configure(level: ...)}), as Logger names it. */
    private volatile String loggerLevel = "debug";
    private volatile java.util.function.BiConsumer<String, String> loggerSink;
    private volatile java.util.function.Consumer<String> above;
    private volatile org.jline.terminal.Terminal terminal;
    private final procshell.shell.observer.RestartLog restarts;
    private final procshell.shell.observer.Watcher watcher;

    private IexSession(Node node) {
        this.node = node;
        this.modules = new Modules(node);
        this.restarts = procshell.shell.observer.RestartLog.listen(node);
        this.watcher = new procshell.shell.observer.Watcher(this);
    }

    /** The node's supervisor restarts since the session began, for marking restarted children. */
    public procshell.shell.observer.RestartLog restarts() {
        return restarts;
    }

    /** The session's event feed ({@code watch()}). */
    public procshell.shell.observer.Watcher watcher() {
        return watcher;
    }

    /** The session of a node, created on first use. */
    public static IexSession of(Node node) {
        return SESSIONS.computeIfAbsent(node, IexSession::new);
    }

    /**
     * The session of the calling process's node.
     *
     * @throws IllegalStateException when called from a thread that is no process
     */
    public static IexSession current() {
        return of(ProcessContext.require().node());
    }

    /** Forgets a node's session (when the node shuts down). */
    public static void forget(Node node) {
        IexSession s = SESSIONS.remove(node);
        if (s != null) s.watcher.unwatch();
    }

    /** The node this shell runs on. */
    public Node node() {
        return node;
    }

    /** The classes typed at the prompt, as modules. */
    public Modules modules() {
        return modules;
    }

    /** Logger's level on this node: {@code "debug"} in a new shell, as {@code Logger.level/0}. */
    public String loggerLevel() {
        return loggerLevel;
    }

    /**
     * True when Logger prints a line of this level on this node, as {@code Logger.configure(level:
     * ...)} set it (Logger drops what is below the level: crash reports are {@code :error}).
     *
     * @param level the line's level, {@code "error"}, {@code "info"}...
     */
    public boolean loggerPrints(String level) {
        return ElixirLogger.number(level) <= ElixirLogger.number(loggerLevel);
    }

    /** Sets Logger's level on this node, as {@code Logger.configure(level: level)}. */
    public void setLoggerLevel(String level) {
        this.loggerLevel = level;
    }

    /** Where helpers such as {@code flush()} and {@code IO.puts} print. */
    public PrintWriter out() {
        return out;
    }

    /** Sets where helpers print. */
    public void setOut(PrintWriter out) {
        this.out = out;
    }

    /**
     * Prints a line that arrives while the user may be typing (an event, a report): above the
     * prompt, the half-typed input redrawn below it, when a console is attached; else to
     * {@link #out()}.
     */
    public void printAbove(String text) {
        java.util.function.Consumer<String> a = above;
        if (a != null) {
            a.accept(text);
        } else {
            out.println(text);
            out.flush();
        }
    }

    /**
     * Where {@link #printAbove} prints, and the JLine terminal full-screen views draw on (null
     * for piped input or none); the console sets both when it attaches.
     */
    public void setConsole(java.util.function.Consumer<String> printAbove, org.jline.terminal.Terminal terminal) {
        this.above = printAbove;
        this.terminal = terminal;
    }

    /**
     * Where {@link #log} prints: the console, in the level's colour, at once (null: {@link #out()}).
     *
     * @param sink takes the level's name and the line as {@code LogFormatter} formats it
     */
    public void setLoggerSink(java.util.function.BiConsumer<String, String> sink) {
        this.loggerSink = sink;
    }

    /**
     * Prints a line of Elixir's Logger ({@code Logger.info/1} and the like) as its console backend
     * does: a blank line, the time, {@code [level]}, the message.
     */
    public void log(String level, String message) {
        String text = procshell.shell.inspect.LogFormatter.format(new procshell.runtime.event.NodeEvent.Logged(Atom.of(level), message));
        java.util.function.BiConsumer<String, String> sink = loggerSink;
        if (sink != null) {
            sink.accept(level, text);
        } else {
            out.println(text);
            out.flush();
        }
    }

    /** The console's JLine terminal, or null when there is none (piped input, tests without one). */
    public org.jline.terminal.Terminal terminal() {
        return terminal;
    }

    /** The options results are printed with (iex's: pretty, limit 50, width 80; colours when on). */
    public InspectOptions inspectOptions() {
        return inspectOptions;
    }

    /** Sets the options results are printed with. */
    public void setInspectOptions(InspectOptions options) {
        this.inspectOptions = options;
    }

    /** Inspects a term as iex prints results. */
    public String inspect(Object term) {
        IexSession outer = INSPECTING.get();
        INSPECTING.set(this);
        try {
            return Inspect.inspect(term, inspectOptions);
        } finally {
            INSPECTING.set(outer);
        }
    }

    /** The session whose {@link #inspect} runs on this thread (a console printing a result), or null. */
    static IexSession inspecting() {
        return INSPECTING.get();
    }

    /** A struct's own Inspect implementation is the module of the session printing it. */
    private static final ThreadLocal<IexSession> INSPECTING = new ThreadLocal<>();

    /** Records the result of prompt number {@code results().size() + 1}, for {@code v/1}. */
    public synchronized void recordResult(Object value) {
        results.add(value);
    }

    /** The width of the console in columns, for h(): the terminal's (80 when unknown). */
    public int width() {
        return width;
    }

    /** Sets the console's width (the console does at each prompt, so a resize counts). */
    public void setWidth(int columns) {
        width = columns > 0 ? columns : 80;
    }

    /** How many results the history holds (the number of the last one). */
    public synchronized int resultCount() {
        return results.size();
    }

    /** Forgets every result ({@code respawn()}: a new shell starts its history at 1). */
    public synchronized void clearResults() {
        results.clear();
    }

    /**
     * An earlier result, as iex's {@code v/1}: {@code v(1)} is the first, {@code v(-1)} the last.
     *
     * @throws IllegalArgumentException when there is no such result
     */
    public synchronized Object result(int n) {
        int i = n > 0 ? n - 1 : results.size() + n;
        if (i < 0 || i >= results.size()) throw new IllegalArgumentException("v(" + n + ") is out of bounds");
        return results.get(i);
    }
}
