package procshell.shell.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import procshell.runtime.global.Global;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Tuple;
import procshell.runtime.table.Table;

/**
 * The names a node holds that completion offers and iex cannot: registered process names,
 * named ETS tables, {@code :global} names, registries and their keys. Read as they are at the
 * moment Tab is pressed, from the completing thread; a name that goes away meanwhile is just not
 * offered.
 */
final class NodeNames {
    private static final String ELIXIR = "Elixir.";
    private static final String KEY_PARTITION = ".KeyPartition";

    private final Node node;

    NodeNames(Node node) {
        this.node = node;
    }

    /** Every name that is an atom (process, table, global), as {@code Atom}s, in name order. */
    private Set<String> allAtomNames() {
        Set<String> out = new TreeSet<>();
        try {
            for (Atom a : node.names().registered()) out.add(a.name());
            for (Atom a : tables()) out.add(a.name());
            for (Object g : globalNames()) {
                if (g instanceof Atom a) out.add(a.name());
            }
        } catch (RuntimeException e) {
            // a table or process went away while we looked: offer what was read
        }
        return out;
    }

    /** The names that are plain atoms ({@code :my_server}), without their colon. */
    List<String> atoms() {
        List<String> out = new ArrayList<>();
        for (String n : allAtomNames()) {
            if (!n.startsWith(ELIXIR) && !n.contains(KEY_PARTITION) && !n.contains(".PIDPartition")) out.add(atomText(n));
        }
        return out;
    }

    /** The names that are module names ({@code MyServer}, {@code MyReg}), as typed. */
    List<String> modules() {
        List<String> out = new ArrayList<>();
        for (String n : allAtomNames()) {
            if (n.startsWith(ELIXIR) && !n.contains(KEY_PARTITION) && !n.contains(".PIDPartition")) out.add(n.substring(ELIXIR.length()));
        }
        return out;
    }

    /** The named ETS tables. */
    List<Atom> tables() {
        List<Atom> out = new ArrayList<>();
        for (Table t : node.tables().tables()) {
            if (t.isNamed() && t.isAlive()) out.add(t.name());
        }
        return out;
    }

    /** The names registered with {@code :global}, in term order. */
    List<Object> globalNames() {
        try {
            return Global.of(node).registeredNames();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The registries (Registry.start_link's names): named tables that have key partitions. */
    List<Atom> registries() {
        Set<String> partitioned = new TreeSet<>();
        for (Table t : node.tables().tables()) {
            String n = t.name().name();
            int i = n.lastIndexOf(KEY_PARTITION);
            if (i > 0) partitioned.add(n.substring(0, i));
        }
        List<Atom> out = new ArrayList<>();
        for (Atom t : tables()) {
            if (partitioned.contains(t.name())) out.add(t);
        }
        return out;
    }

    /** The keys registered in {@code registry}, each once, in term order. */
    List<Object> registryKeys(Atom registry) {
        Set<Object> keys = new TreeSet<>(Inspect.TERM_ORDER);
        String prefix = registry.name() + KEY_PARTITION;
        try {
            for (Table t : node.tables().tables()) {
                if (!t.name().name().startsWith(prefix) || !t.isAlive()) continue;
                for (Tuple row : t.tab2list()) keys.add(row.get(0));
            }
        } catch (RuntimeException e) {
            // a partition went away while we read it
        }
        return new ArrayList<>(keys);
    }

    /** An atom as typed after its colon: {@code my_name}, or quoted when it needs quotes. */
    private static String atomText(String name) {
        String inspected = Inspect.inspect(Atom.of(name));
        return inspected.startsWith(":") ? inspected.substring(1) : inspected;
    }
}
