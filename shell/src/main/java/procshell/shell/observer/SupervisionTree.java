package procshell.shell.observer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.observe.ProcessFacts;
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
 * The tree is walked once into a {@link SupervisionModel}, which {@link TreeSvg} draws as a picture too.
 */
public final class SupervisionTree {
    private static final Atom SUPERVISOR = Atom.of("supervisor");

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
        return lines(SupervisionModel.of(node, sup, restarts, options, maxChildren, false));
    }

    /**
     * The terminal lines of a walked tree: each process of the tree under its supervisor, with
     * {@code ├──}/{@code └──} and its restart mark (processes outside the tree, links, monitors
     * and tables are the picture's, {@link TreeSvg}).
     */
    public static List<Line> lines(SupervisionModel model) {
        List<SupervisionModel.Entry> entries = model.entries();
        List<Line> out = new ArrayList<>();
        for (SupervisionModel.Entry e : entries) {
            if (e.outside()) continue;
            StringBuilder prefix = new StringBuilder();
            if (e.depth() > 0) {
                prefix.append(e.last() ? "└── " : "├── ");
                for (int a = e.parent(); a >= 0 && entries.get(a).depth() > 0; a = entries.get(a).parent()) {
                    prefix.insert(0, entries.get(a).last() ? "    " : "│   ");
                }
            }
            out.add(new Line(prefix + e.label() + (e.mark().isEmpty() ? "" : "  " + e.mark()), e.pid(), e.restart() != null));
        }
        return out;
    }

    /** The lines' texts joined, each ending in a newline. */
    public static String text(List<Line> lines) {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) b.append(l.text()).append('\n');
        return b.toString();
    }
}
