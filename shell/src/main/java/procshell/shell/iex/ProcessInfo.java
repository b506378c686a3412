package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.observe.ProcessFacts;
import procshell.runtime.process.LocalProcess;

/**
 * Builds {@code Process.info/1,2} keyword lists from a process record, with every key the BEAM
 * (OTP 25) answers. {@code Process.info/1} lists, in the BEAM's order, {@code registered_name}
 * (only when registered), {@code current_function}, {@code initial_call}, {@code status},
 * {@code message_queue_len}, {@code links}, {@code dictionary}, {@code trap_exit},
 * {@code error_handler}, {@code priority}, {@code group_leader}, {@code total_heap_size},
 * {@code heap_size}, {@code stack_size}, {@code reductions}, {@code garbage_collection} and
 * {@code suspending}.
 *
 * <p>Figures the JVM does not have are estimates, said so in {@code h Process.info}: heap sizes
 * (in words) come from the memory estimate of {@link ProcessFacts#memory}, the stack size is the
 * BEAM's for a process waiting in receive, garbage collection settings are the BEAM's defaults
 * (or what {@code Process.flag/2} set), {@code minor_gcs} is 0.
 */
final class ProcessInfo {
    private static final String[] KEYS = {
        "registered_name", "current_function", "initial_call", "status", "message_queue_len",
        "links", "dictionary", "trap_exit", "error_handler", "priority", "group_leader",
        "total_heap_size", "heap_size", "stack_size", "reductions", "garbage_collection", "suspending",
    };
    /** Words the BEAM gives a fresh process's heap. */
    private static final int MIN_HEAP_WORDS = 233;

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
            case "current_location" -> location(ProcessFacts.currentFunction(p));
            case "current_stacktrace" -> List.of(location(ProcessFacts.currentFunction(p)));
            case "initial_call" -> ProcessFacts.initialCall(p);
            case "status" -> p.status();
            case "message_queue_len" -> p.mailbox().size();
            case "messages" -> p.mailbox().snapshot();
            case "links" -> p.links();
            case "monitors" -> monitors(p);
            case "monitored_by" -> p.monitoredBy();
            case "dictionary" -> dictionary(p);
            case "trap_exit" -> p.trapsExits();
            case "error_handler", "priority", "min_heap_size", "min_bin_vheap_size", "max_heap_size",
                    "message_queue_data", "fullsweep_after" -> ProcessFlags.get(p, a);
            case "group_leader" -> groupLeader(p);
            case "total_heap_size", "heap_size" -> heapWords(p);
            case "stack_size" -> 9;
            case "reductions" -> p.reductions();
            case "garbage_collection" -> garbageCollection(p);
            case "garbage_collection_info" -> garbageCollectionInfo(p);
            case "suspending", "binary", "magic_ref", "sequential_trace_token" -> List.of();
            case "memory" -> ProcessFacts.memory(p);
            case "last_calls" -> Integer.valueOf(0).equals(ProcessFlags.get(p, Atom.of("save_calls"))) ? Boolean.FALSE : List.of();
            case "catchlevel", "trace" -> 0;
            case "parent" -> parent(p);
            case "backtrace" -> backtrace(p);
            default -> throw invalidItem();
        };
        return Tuple.of(a, v);
    }

    static IllegalArgumentException invalidItem() {
        return new IllegalArgumentException("errors were found at the given arguments:\n\n  * 2nd argument: invalid item or item list\n");
    }

    /** The process's group leader: one set with {@code Process.group_leader/2}, else the node's. */
    static Pid groupLeader(LocalProcess p) {
        Pid set = ProcessFlags.groupLeader(p);
        return set != null ? set : GroupLeader.of(p.node());
    }

    /** An estimate of the heap in words: the memory estimate beyond a bare process, at least the BEAM's 233. */
    private static long heapWords(LocalProcess p) {
        int min = (Integer) ProcessFlags.get(p, Atom.of("min_heap_size"));
        return Math.max(min, MIN_HEAP_WORDS + (ProcessFacts.memory(p) - 2_000) / 8);
    }

    private static List<Tuple> garbageCollection(LocalProcess p) {
        return List.of(
                Tuple.of(Atom.of("max_heap_size"), ProcessFlags.get(p, Atom.of("max_heap_size"))),
                Tuple.of(Atom.of("min_bin_vheap_size"), ProcessFlags.get(p, Atom.of("min_bin_vheap_size"))),
                Tuple.of(Atom.of("min_heap_size"), ProcessFlags.get(p, Atom.of("min_heap_size"))),
                Tuple.of(Atom.of("fullsweep_after"), ProcessFlags.get(p, Atom.of("fullsweep_after"))),
                Tuple.of(Atom.of("minor_gcs"), 0));
    }

    private static List<Tuple> garbageCollectionInfo(LocalProcess p) {
        long heap = heapWords(p);
        List<Tuple> out = new ArrayList<>();
        for (Object[] kv : new Object[][] {
            {"old_heap_block_size", 0}, {"heap_block_size", heap}, {"mbuf_size", 0}, {"recent_size", 0},
            {"stack_size", 9}, {"old_heap_size", 0}, {"heap_size", heap}, {"bin_vheap_size", 0},
            {"bin_vheap_block_size", ProcessFlags.get(p, Atom.of("min_bin_vheap_size"))}, {"bin_old_vheap_size", 0},
            {"bin_old_vheap_block_size", ProcessFlags.get(p, Atom.of("min_bin_vheap_size"))},
        }) out.add(Tuple.of(Atom.of((String) kv[0]), kv[1]));
        return out;
    }

    /** {@code {m, f, a, []}}: a location with no file or line (the JVM has no BEAM code addresses). */
    private static Tuple location(Tuple mfa) {
        return Tuple.of(mfa.get(0), mfa.get(1), mfa.get(2), List.of());
    }

    private static Object parent(LocalProcess p) {
        Pid parent = ProcessFacts.parent(p.node(), p);
        return parent != null ? parent : Atom.UNDEFINED;
    }

    private static String backtrace(LocalProcess p) {
        Tuple f = ProcessFacts.currentFunction(p);
        return "Program counter: (" + StringChars.text(f.get(0)) + ":" + StringChars.text(f.get(1)) + "/" + f.get(2) + ")\n\n";
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
