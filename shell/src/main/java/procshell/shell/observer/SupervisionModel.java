package procshell.shell.observer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.table.Table;

/**
 * What one walk of a supervision tree found, drawn by {@link SupervisionTree} in the terminal and
 * by {@link TreeSvg} as a picture: the supervisor and its children in start order (nested
 * supervisors below their parent), each marked when a supervisor started it as a restart; and,
 * when asked for, the tree's links other than parent to child, its monitors (both drawn dotted),
 * the processes outside the tree they reach, and the ETS tables each process of the tree owns.
 *
 * <p>Children are read with {@code Supervisor.which_children/1} calls made by the calling process
 * (a supervisor that does not answer within {@value #CALL_TIMEOUT_MS} ms is shown as such).
 *
 * @param entries the processes, in drawing order: the supervisor first, then depth first; then the
 *                processes outside the tree that links and monitors reach ({@link Entry#outside()})
 * @param edges   links (each once) and monitors among entries
 * @param tables  the ETS tables owned by processes of the tree
 */
public record SupervisionModel(List<Entry> entries, List<Edge> edges, List<EtsTable> tables) {
    static final long CALL_TIMEOUT_MS = 1000;
    /** The most processes outside the tree that are drawn; links beyond them are left out. */
    static final int MAX_OUTSIDE = 12;
    private static final int MAX_DEPTH = 32;
    private static final Atom WHICH_CHILDREN = Atom.of("which_children");

    /**
     * One process of the picture (or a line standing for some: no answer, more children).
     *
     * @param parent     the index of its supervisor's entry, -1 for the root and for outside processes
     * @param depth      0 for the root, 1 for its children...
     * @param last       true when it is its supervisor's last child (the terminal draws └──)
     * @param label      its id, pid and registered name as the terminal shows them (e.g.
     *                   {@code MyWorker #PID<0.125.0>}), or what the line stands for
     * @param pid        the process, or null when the line is not one process
     * @param supervisor true when the process is a supervisor
     * @param restart    the restart that started it, or null
     * @param mark       the restart's mark as the terminal shows it ({@code ↻ restarted 1×, was ...}), or ""
     * @param outside    true for a process outside the tree, reached by a link or a monitor
     */
    public record Entry(int parent, int depth, boolean last, String label, Pid pid, boolean supervisor,
                        RestartLog.Restart restart, String mark, boolean outside) {}

    /** What a dotted edge stands for. */
    public enum EdgeKind {
        /** A link that is not the one between a supervisor and its child. */
        LINK,
        /** {@code from} monitors {@code to}. */
        MONITOR
    }

    /**
     * A dotted edge between two entries.
     *
     * @param from the entry it starts at (the monitoring process, or either end of a link)
     * @param to   the entry it ends at
     * @param kind a link or a monitor
     */
    public record Edge(int from, int to, EdgeKind kind) {}

    /**
     * An ETS table beside its owner.
     *
     * @param owner   the owner's entry
     * @param name    the table's name, as the Table Name column of Observer's Table Viewer shows it
     *                (an unnamed table too has the name {@code :ets.new/2} was given)
     * @param objects how many objects it holds
     */
    public record EtsTable(int owner, String name, long objects) {}

    /**
     * Walks the tree of a supervisor, calling it (and its child supervisors) from the calling
     * process.
     *
     * @param node        the node
     * @param sup         the supervisor
     * @param restarts    the restarts seen, for the marks
     * @param options     how terms print (the session's inspect options)
     * @param maxChildren the most children of one supervisor to list; a line {@code … 99000 more
     *                    children} stands for the rest
     * @param connections true to add links, monitors, the processes outside they reach and ETS tables
     * @throws IllegalArgumentException when {@code sup} is not a live supervisor
     */
    public static SupervisionModel of(Node node, Pid sup, RestartLog restarts, InspectOptions options, int maxChildren, boolean connections) {
        LocalProcess p = node.process(sup);
        if (p == null) throw new IllegalArgumentException("no process " + Inspect.inspect(sup, options) + " (it is not alive)");
        if (!SupervisionTree.isSupervisor(p)) throw new IllegalArgumentException(Inspect.inspect(sup, options) + " is not a supervisor");
        Walk w = new Walk(node, restarts, options.withWidth(InspectOptions.INFINITY), maxChildren);
        Atom name = p.registeredName();
        w.add(-1, 0, true, (name == null ? "" : w.inspect(name) + " ") + w.inspect(sup), sup, true);
        w.children(0, sup, 0);
        if (connections) w.connections();
        return new SupervisionModel(List.copyOf(w.entries), List.copyOf(w.edges), List.copyOf(w.tables));
    }

    /** One walk: entries in drawing order, then the connections among them. */

    /**
     * The children of a {@code which_children/1} answer ({@code [{id, pid | :restarting |
     * :undefined, :worker | :supervisor, modules}]}) in start order: Supervisor lists the newest
     * first (as supervisor.erl); a DynamicSupervisor's children (all ids {@code :undefined}) come in
     * pid order already. Entries that are no 4-tuple are left out.
     */
    static List<Tuple> startOrder(List<?> whichChildren) {
        List<Tuple> ordered = new ArrayList<>();
        for (Object c : whichChildren) if (c instanceof Tuple t && t.size() == 4) ordered.add(t);
        if (!ordered.stream().allMatch(t -> Atom.UNDEFINED.equals(t.get(0)))) Collections.reverse(ordered);
        return ordered;
    }

    /**
     * A child's label as the tree shows it: its id (unless {@code :undefined}), its pid (or
     * {@code :restarting}), and its registered name in parentheses when that differs from the id,
     * e.g. {@code MyWorker #PID<0.125.0>} or {@code :a #PID<0.121.0> (:alpha)}.
     *
     * @param child          one entry of {@code which_children/1}
     * @param registeredName the child's registered name, or null
     */
    static String childLabel(Tuple child, Atom registeredName, InspectOptions o) {
        StringBuilder label = new StringBuilder();
        if (!Atom.UNDEFINED.equals(child.get(0))) label.append(Inspect.inspect(child.get(0), o)).append(' ');
        label.append(Inspect.inspect(child.get(1), o));
        if (registeredName != null && !registeredName.equals(child.get(0))) label.append(" (").append(Inspect.inspect(registeredName, o)).append(')');
        return label.toString();
    }

    private static final class Walk {
        private final Node node;
        private final RestartLog restarts;
        private final InspectOptions o;
        private final int maxChildren;
        private final List<Entry> entries = new ArrayList<>();
        private final List<Edge> edges = new ArrayList<>();
        private final List<EtsTable> tables = new ArrayList<>();
        private final Map<Pid, Integer> index = new HashMap<>();

        Walk(Node node, RestartLog restarts, InspectOptions o, int maxChildren) {
            this.node = node;
            this.restarts = restarts;
            this.o = o;
            this.maxChildren = maxChildren;
        }

        String inspect(Object term) {
            return Inspect.inspect(term, o);
        }

        int add(int parent, int depth, boolean last, String label, Pid pid, boolean supervisor) {
            RestartLog.Restart r = pid == null ? null : restarts.of(pid);
            entries.add(new Entry(parent, depth, last, label, pid, supervisor, r, mark(r), false));
            if (pid != null) index.putIfAbsent(pid, entries.size() - 1);
            return entries.size() - 1;
        }

        void children(int parent, Pid sup, int depth) {
            List<?> children;
            try {
                children = (List<?>) GenServer.call(sup, WHICH_CHILDREN, CALL_TIMEOUT_MS);
            } catch (ExitException e) {
                add(parent, depth + 1, true, "(no answer from the supervisor)", null, false);
                return;
            }
            List<Tuple> ordered = startOrder(children);
            int shown = Math.min(ordered.size(), maxChildren);
            for (int i = 0; i < shown; i++) {
                Tuple c = ordered.get(i);
                Pid pid = c.get(1) instanceof Pid pp ? pp : null;
                LocalProcess cp = pid == null ? null : node.process(pid);
                String label = childLabel(c, cp == null ? null : cp.registeredName(), o);
                boolean supervisor = cp != null && SupervisionTree.isSupervisor(cp);
                int at = add(parent, depth + 1, i == ordered.size() - 1, label, pid, supervisor);
                if (supervisor && depth < MAX_DEPTH) children(at, pid, depth + 1);
            }
            if (shown < ordered.size()) add(parent, depth + 1, true, "… " + (ordered.size() - shown) + " more children", null, false);
        }

        /** Links other than supervisor to child, monitors, and tables, of the processes of the tree. */
        void connections() {
            int treeSize = entries.size();
            Set<Long> linked = new HashSet<>();
            for (int i = 0; i < treeSize; i++) {
                Entry e = entries.get(i);
                LocalProcess p = e.pid() == null ? null : node.process(e.pid());
                if (p == null) continue;
                for (Pid other : p.links()) {
                    Integer j = index.get(other);
                    if (j != null && (entries.get(j).parent() == i || e.parent() == j)) continue; // the tree's own edge
                    int to = j != null ? j : outside(other);
                    if (to < 0) continue;
                    long pair = ((long) Math.min(i, to) << 32) | Math.max(i, to);
                    if (linked.add(pair)) edges.add(new Edge(i, to, EdgeKind.LINK));
                }
                for (Pid watched : p.monitoredPids()) {
                    Integer j = index.get(watched);
                    int to = j != null ? j : outside(watched);
                    if (to >= 0) edges.add(new Edge(i, to, EdgeKind.MONITOR));
                }
            }
            for (Table t : node.tables().tables()) {
                Integer owner = index.get(t.owner());
                if (owner == null || owner >= treeSize) continue;
                tables.add(new EtsTable(owner, inspect(t.name()), t.size()));
            }
        }

        /** The entry of a process outside the tree (added on first sight), or -1 past {@link #MAX_OUTSIDE}. */
        private int outside(Pid pid) {
            Integer known = index.get(pid);
            if (known != null) return known;
            if (entries.stream().filter(Entry::outside).count() >= MAX_OUTSIDE) return -1;
            LocalProcess p = node.process(pid);
            Atom name = p == null ? null : p.registeredName();
            entries.add(new Entry(-1, 0, true, (name == null ? "" : inspect(name) + " ") + inspect(pid), pid, false, null, "", true));
            index.put(pid, entries.size() - 1);
            return entries.size() - 1;
        }

        private String mark(RestartLog.Restart r) {
            if (r == null) return "";
            return "↻ restarted " + r.times() + "×" + (r.oldPid() == null ? "" : ", was " + inspect(r.oldPid()))
                    + " (" + EventLine.reason(r.reason(), o) + ")";
        }
    }
}
