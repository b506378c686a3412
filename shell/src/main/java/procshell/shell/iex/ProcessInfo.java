package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;

/**
 * Builds {@code Process.info/1,2} keyword lists from a process record. Only items the runtime
 * really tracks are reported; heap and memory figures come with the observer work.
 */
final class ProcessInfo {
    private static final String[] KEYS = {
        "registered_name", "current_function", "initial_call", "status", "message_queue_len",
        "links", "monitors", "monitored_by", "dictionary", "trap_exit", "reductions",
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

    static Tuple item(LocalProcess p, Atom key) {
        Object v = switch (key.name()) {
            case "registered_name" -> p.registeredName() == null ? List.of() : p.registeredName();
            case "current_function" -> p.initialCall() != null && p.initialCall().get(0).equals(Atom.of("proc_lib"))
                    ? Tuple.of(Atom.of("gen_server"), Atom.of("loop"), 7)
                    : Tuple.of(Atom.of("erlang"), Atom.of("apply"), 2);
            case "initial_call" -> p.initialCall() == null ? Tuple.of(Atom.of("erlang"), Atom.of("apply"), 2) : p.initialCall();
            case "status" -> p.status();
            case "message_queue_len" -> p.mailbox().size();
            case "messages" -> p.mailbox().snapshot();
            case "links" -> p.links();
            case "monitors" -> monitors(p);
            case "monitored_by" -> p.monitoredBy();
            case "dictionary" -> dictionary(p);
            case "trap_exit" -> p.trapsExits();
            case "reductions" -> p.reductions();
            default -> throw new IllegalArgumentException("errors were found at the given arguments:\n\n  * 2nd argument: invalid item or item list\n");
        };
        return Tuple.of(key, v);
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
