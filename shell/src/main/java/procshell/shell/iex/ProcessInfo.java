package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.observe.ProcessFacts;
import procshell.runtime.process.LocalProcess;

/**
 * Builds {@code Process.info/1,2} keyword lists from a process record, with the BEAM's keys that
 * mean something here. {@code Process.info/1} lists, in the BEAM's order, {@code registered_name}
 * (only when registered), {@code current_function}, {@code initial_call}, {@code status},
 * {@code message_queue_len}, {@code links}, {@code dictionary}, {@code trap_exit},
 * {@code priority} and {@code reductions}; the BEAM's heap, stack, group leader and garbage
 * collection items have no counterpart and are left out. {@code Process.info/2} also answers
 * {@code messages}, {@code monitors}, {@code monitored_by} and {@code memory} (an estimate in
 * bytes, see {@link ProcessFacts#memory}).
 */
final class ProcessInfo {
    private static final String[] KEYS = {
        "registered_name", "current_function", "initial_call", "status", "message_queue_len",
        "links", "dictionary", "trap_exit", "priority", "reductions",
    };

    private ProcessInfo() {}

    static List<Tuple> all(LocalProcess p) {
        List<Tuple> out = new ArrayList<>();
        for (String k : KEYS) {
            Tuple t = item(p, Atom.of(k));
            if (k.equals("registered_name") && t.get(1) instanceof List<?>) continue; // omitted when unregistered
            out.add(t);
        }
        return out;
    }

    /**
     * One item as {@code {key, value}}.
     *
     * @throws IllegalArgumentException for an unknown item, as the BEAM's
     *         {@code ** (ArgumentError) ... 2nd argument: invalid item or item list}
     */
    static Tuple item(LocalProcess p, Object key) {
        if (!(key instanceof Atom a)) throw invalidItem();
        Object v = switch (a.name()) {
            case "registered_name" -> p.registeredName() == null ? List.of() : p.registeredName();
            case "current_function" -> ProcessFacts.currentFunction(p);
            case "initial_call" -> ProcessFacts.initialCall(p);
            case "status" -> p.status();
            case "message_queue_len" -> p.mailbox().size();
            case "messages" -> p.mailbox().snapshot();
            case "links" -> p.links();
            case "monitors" -> monitors(p);
            case "monitored_by" -> p.monitoredBy();
            case "dictionary" -> dictionary(p);
            case "trap_exit" -> p.trapsExits();
            case "priority" -> Atom.of("normal");
            case "reductions" -> p.reductions();
            case "memory" -> ProcessFacts.memory(p);
            default -> throw invalidItem();
        };
        return Tuple.of(a, v);
    }

    static IllegalArgumentException invalidItem() {
        return new IllegalArgumentException("errors were found at the given arguments:\n\n  * 2nd argument: invalid item or item list\n");
    }

    private static List<Tuple> monitors(LocalProcess p) {
        List<Tuple> out = new ArrayList<>();
        for (var pid : p.monitoredPids()) out.add(Tuple.of(Atom.PROCESS, pid));
        return out;
    }

    private static List<Tuple> dictionary(LocalProcess p) {
        List<Tuple> out = new ArrayList<>();
        p.dictionary().forEach((k, v) -> out.add(Tuple.of(k instanceof String s ? Atom.of(s) : k, v)));
        return out;
    }
}
