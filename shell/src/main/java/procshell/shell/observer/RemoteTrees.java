package procshell.shell.observer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * The supervision trees of another node, read over rpc as the trees tab draws this node's (see
 * {@link SupervisionTree}): the roots are the supervisors ({@code "$initial_call"}
 * {@code {:supervisor, module, 1}}) whose parent is no supervisor, and each supervisor's children
 * come from {@code :supervisor.which_children/1} there, nested supervisors drawn below.
 */
final class RemoteTrees {
    private static final int MAX_DEPTH = 32;
    private static final Atom SUPERVISOR = Atom.of("supervisor");
    private static final List<Atom> ITEMS = List.of(Atom.of("registered_name"), Atom.of("dictionary"));

    private final RpcNode node;

    RemoteTrees(RpcNode node) {
        this.node = node;
    }

    /** Every root's tree, one after the other, separated by an empty line; each line knows its pid. */
    List<SupervisionTree.Line> lines(InspectOptions o, int maxChildren) {
        Map<Pid, Atom> names = new HashMap<>();
        Map<Pid, Object> parents = new HashMap<>();
        List<Pid> supervisors = new ArrayList<>();
        for (Pid pid : node.processes()) {
            List<Tuple> info = node.info(pid, ITEMS);
            if (info == null) continue;
            if (info.get(0).get(1) instanceof Atom name) names.put(pid, name);
            Object initial = null;
            Object ancestors = null;
            if (info.get(1).get(1) instanceof List<?> dict) {
                for (Object kv : dict) {
                    if (kv instanceof Tuple t && t.size() == 2 && Atom.of("$initial_call").equals(t.get(0))) initial = t.get(1);
                    if (kv instanceof Tuple t && t.size() == 2 && Atom.of("$ancestors").equals(t.get(0))) ancestors = t.get(1);
                }
            }
            if (initial instanceof Tuple t && t.size() == 3 && SUPERVISOR.equals(t.get(0))) {
                supervisors.add(pid);
                if (ancestors instanceof List<?> l && !l.isEmpty()) parents.put(pid, l.get(0));
            }
        }
        List<SupervisionTree.Line> out = new ArrayList<>();
        for (Pid sup : supervisors) {
            Object parent = parents.get(sup);
            boolean underSupervisor = parent instanceof Pid p ? supervisors.contains(p)
                    : parent instanceof Atom a && names.entrySet().stream().anyMatch(e -> e.getValue().equals(a) && supervisors.contains(e.getKey()));
            if (underSupervisor) continue;
            if (!out.isEmpty()) out.add(new SupervisionTree.Line("", null, false));
            Atom name = names.get(sup);
            out.add(new SupervisionTree.Line((name == null ? "" : Inspect.inspect(name, o) + " ") + Inspect.inspect(sup, o), sup, false));
            children(sup, "", names, o, out, 0, maxChildren);
        }
        return out;
    }

    private void children(Pid sup, String indent, Map<Pid, Atom> names, InspectOptions o, List<SupervisionTree.Line> out, int depth, int max) {
        Object r;
        try {
            r = node.call("supervisor", "which_children", List.of(sup));
        } catch (RpcNode.NodeUnreachable e) {
            out.add(new SupervisionTree.Line(indent + "└── (no answer from the supervisor)", null, false));
            return;
        }
        if (!(r instanceof List<?> all)) return;
        List<Tuple> ordered = SupervisionModel.startOrder(all);
        int shown = Math.min(ordered.size(), max);
        for (int i = 0; i < shown; i++) {
            Tuple c = ordered.get(i);
            boolean last = i == ordered.size() - 1;
            Pid pid = c.get(1) instanceof Pid p ? p : null;
            String label = indent + (last ? "└── " : "├── ") + SupervisionModel.childLabel(c, pid == null ? null : names.get(pid), o);
            out.add(new SupervisionTree.Line(label, pid, false));
            if (pid != null && SUPERVISOR.equals(c.get(2)) && depth < MAX_DEPTH) {
                children(pid, indent + (last ? "    " : "│   "), names, o, out, depth + 1, max);
            }
        }
        if (shown < ordered.size()) out.add(new SupervisionTree.Line(indent + "└── … " + (ordered.size() - shown) + " more children", null, false));
    }
}
