package procshell.shell.observer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.observe.ProcessFacts;
import procshell.runtime.otp.GenServer;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.LocalProcess;

/**
 * A supervision tree as Observer's Applications tab draws it, in text: the supervisor, then its
 * children in start order, each with its id, pid (or {@code :restarting}) and registered name,
 * nested supervisors below their parent, drawn with box-drawing characters. A child a supervisor
 * started as a restart is marked with what it replaced:
 * <pre>
 * MySup #PID&lt;0.118.0&gt;
 * ├── MyWorker #PID&lt;0.125.0&gt;  ↻ restarted 1×, was #PID&lt;0.119.0&gt; (:killed)
 * └── Inner #PID&lt;0.120.0&gt;
 *     └── :a #PID&lt;0.121.0&gt;
 * </pre>
 * Children are read with {@code Supervisor.which_children/1} calls made by the calling process
 * (a supervisor that does not answer within {@value #CALL_TIMEOUT_MS} ms is shown as such).
 */
public final class SupervisionTree {
    static final long CALL_TIMEOUT_MS = 1000;
    private static final int MAX_DEPTH = 32;
    private static final Atom SUPERVISOR = Atom.of("supervisor");
    private static final Atom WHICH_CHILDREN = Atom.of("which_children");

    /**
     * One line of a drawn tree.
     *
     * @param text      the line, prefix included
     * @param pid       the process on that line, or null (a child that is not running)
     * @param restarted true when the line is marked as a restarted child
     */
    public record Line(String text, Pid pid, boolean restarted) {}

    private SupervisionTree() {}

    /** True when the process is a Supervisor or DynamicSupervisor (its {@code "$initial_call"} says so). */
    public static boolean isSupervisor(LocalProcess p) {
        if (!ProcessFacts.PROC_LIB_INIT.equals(p.initialCall())) return false;
        return p.dictionaryGet("$initial_call") instanceof Tuple t && t.size() == 3 && SUPERVISOR.equals(t.get(0));
    }

    /**
     * The supervisors at the top of their trees (not started by another supervisor), oldest first,
     * as the roots Observer's Applications tab shows.
     */
    public static List<Pid> roots(Node node) {
        List<Pid> out = new ArrayList<>();
        for (LocalProcess p : node.processRecords()) {
            if (!p.isAlive() || !isSupervisor(p)) continue;
            Pid pp = procshell.runtime.observe.ProcessFacts.parent(node, p);
            LocalProcess parent = pp == null ? null : node.process(pp);
            if (parent == null || !isSupervisor(parent)) out.add(p.pid());
        }
        Collections.sort(out);
        return out;
    }

    /**
     * Draws the tree of a supervisor, calling it (and its child supervisors) from the calling
     * process.
     *
     * @param node     the node
     * @param sup      the supervisor
     * @param restarts the restarts seen, for the marks
     * @param options  how terms print (the session's inspect options)
     * @return the lines, the supervisor's own first
     * @throws IllegalArgumentException when {@code sup} is not a live supervisor
     */
    public static List<Line> draw(Node node, Pid sup, RestartLog restarts, InspectOptions options) {
        return draw(node, sup, restarts, options, Integer.MAX_VALUE);
    }

    /**
     * As {@link #draw(Node, Pid, RestartLog, InspectOptions)}, showing at most {@code maxChildren}
     * children of each supervisor and a line {@code … 99000 more children} for the rest (a
     * DynamicSupervisor of 100,000 rooms stays quick to draw every second).
     */
    public static List<Line> draw(Node node, Pid sup, RestartLog restarts, InspectOptions options, int maxChildren) {
        LocalProcess p = node.process(sup);
        if (p == null) throw new IllegalArgumentException("no process " + Inspect.inspect(sup, options) + " (it is not alive)");
        if (!isSupervisor(p)) throw new IllegalArgumentException(Inspect.inspect(sup, options) + " is not a supervisor");
        InspectOptions o = options.withWidth(InspectOptions.INFINITY);
        List<Line> out = new ArrayList<>();
        Atom name = p.registeredName();
        String label = (name == null ? "" : Inspect.inspect(name, o) + " ") + Inspect.inspect(sup, o);
        RestartLog.Restart r = restarts.of(sup);
        out.add(new Line(label + mark(r, o), sup, r != null));
        children(node, sup, "", restarts, o, out, 0, maxChildren);
        return out;
    }

    private static void children(Node node, Pid sup, String indent, RestartLog restarts, InspectOptions o, List<Line> out, int depth,
                                 int maxChildren) {
        List<?> children;
        try {
            children = (List<?>) GenServer.call(sup, WHICH_CHILDREN, CALL_TIMEOUT_MS);
        } catch (ExitException e) {
            out.add(new Line(indent + "└── (no answer from the supervisor)", null, false));
            return;
        }
        List<Tuple> ordered = new ArrayList<>();
        for (Object c : children) ordered.add((Tuple) c);
        // Supervisor lists newest first (as supervisor.erl); show start order. DynamicSupervisor's
        // children (all id :undefined) come in pid order already.
        if (!ordered.stream().allMatch(t -> Atom.UNDEFINED.equals(t.get(0)))) Collections.reverse(ordered);
        int shown = Math.min(ordered.size(), maxChildren);
        for (int i = 0; i < shown; i++) {
            Tuple c = ordered.get(i);
            boolean last = i == ordered.size() - 1;
            Pid pid = c.get(1) instanceof Pid pp ? pp : null;
            LocalProcess cp = pid == null ? null : node.process(pid);
            StringBuilder label = new StringBuilder(indent).append(last ? "└── " : "├── ");
            if (!Atom.UNDEFINED.equals(c.get(0))) label.append(Inspect.inspect(c.get(0), o)).append(' ');
            label.append(pid == null ? Inspect.inspect(c.get(1), o) : Inspect.inspect(pid, o));
            Atom name = cp == null ? null : cp.registeredName();
            if (name != null && !name.equals(c.get(0))) label.append(" (").append(Inspect.inspect(name, o)).append(')');
            RestartLog.Restart r = pid == null ? null : restarts.of(pid);
            out.add(new Line(label + mark(r, o), pid, r != null));
            if (cp != null && isSupervisor(cp) && depth < MAX_DEPTH) {
                children(node, pid, indent + (last ? "    " : "│   "), restarts, o, out, depth + 1, maxChildren);
            }
        }
        if (shown < ordered.size()) out.add(new Line(indent + "└── … " + (ordered.size() - shown) + " more children", null, false));
    }

    private static String mark(RestartLog.Restart r, InspectOptions o) {
        if (r == null) return "";
        return "  ↻ restarted " + r.times() + "×" + (r.oldPid() == null ? "" : ", was " + Inspect.inspect(r.oldPid(), o))
                + " (" + EventLine.reason(r.reason(), o) + ")";
    }

    /** The lines' texts joined, each ending in a newline. */
    public static String text(List<Line> lines) {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) b.append(l.text()).append('\n');
        return b.toString();
    }
}
