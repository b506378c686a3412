package procshell.shell.iex;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.process.LocalProcess;
import procshell.shell.eval.Values;

/**
 * The process flags of {@code Process.flag/2,3} other than {@code :trap_exit} (which the runtime
 * keeps): priority, heap sizes, message queue data, save_calls, sensitive; and each process's
 * group leader. The runtime schedules every process alike and its heap is the JVM's, so these are
 * remembered and reported back ({@code Process.info/2}) as the BEAM would, without changing how
 * the process runs.
 */
final class ProcessFlags {
    private static final Map<LocalProcess, Map<Atom, Object>> FLAGS = Collections.synchronizedMap(new WeakHashMap<>());

    private ProcessFlags() {}

    /** The BEAM's default of a flag, or null when it is not one {@code process_flag/2} takes. */
    static Object defaultOf(Atom flag) {
        return switch (flag.name()) {
            case "priority" -> Atom.of("normal");
            case "min_heap_size" -> 233;
            case "min_bin_vheap_size" -> 46422;
            case "max_heap_size" -> maxHeapSize(0);
            case "message_queue_data" -> Atom.of("on_heap");
            case "save_calls" -> 0;
            case "sensitive" -> Boolean.FALSE;
            case "fullsweep_after" -> 65535;
            case "error_handler" -> Atom.of("error_handler");
            default -> null;
        };
    }

    /** The flag's value for the process: what was set, else the default. */
    static Object get(LocalProcess p, Atom flag) {
        Map<Atom, Object> m = FLAGS.get(p);
        Object v = m == null ? null : m.get(flag);
        return v != null ? v : defaultOf(flag);
    }

    /**
     * Sets a flag, as {@code :erlang.process_flag/2}.
     *
     * @return the old value
     * @throws ArgumentError "invalid process flag" / "invalid value for this process flag"
     */
    static Object set(LocalProcess p, Object flag, Object value, String call) {
        Object f = Values.normalize(flag);
        Object v = Values.normalize(value);
        if (!(f instanceof Atom a) || defaultOf(a) == null) {
            throw ArgumentError.badArgument("1st argument: invalid process flag", call);
        }
        Object stored = switch (a.name()) {
            case "priority" -> v instanceof Atom x && java.util.Set.of("low", "normal", "high", "max").contains(x.name()) ? v : null;
            case "min_heap_size", "min_bin_vheap_size" -> v instanceof Integer n && n >= 0 ? v : null;
            case "save_calls" -> v instanceof Integer n && n >= 0 && n <= 10000 ? v : null;
            case "sensitive" -> v instanceof Boolean ? v : null;
            case "message_queue_data" -> v instanceof Atom x && (x.name().equals("on_heap") || x.name().equals("off_heap")) ? v : null;
            case "max_heap_size" -> v instanceof Integer n && n >= 0 ? maxHeapSize(n) : v instanceof Map<?, ?> m ? maxHeapSize(m) : null;
            case "fullsweep_after" -> v instanceof Integer n && n >= 0 ? v : null;
            case "error_handler" -> v instanceof Atom ? v : null;
            default -> null;
        };
        if (stored == null) throw ArgumentError.badArgument("2nd argument: invalid value for this process flag", call);
        Object old = get(p, a);
        // sizes are rounded up by the BEAM to its heap steps; the minimum is what it reports back
        if (a.name().equals("min_heap_size")) stored = Math.max(233, (Integer) stored);
        if (a.name().equals("min_bin_vheap_size")) stored = Math.max(46422, (Integer) stored);
        FLAGS.computeIfAbsent(p, k -> new HashMap<>()).put(a, stored);
        return old;
    }

    private static MapTerm maxHeapSize(int size) {
        MapTerm m = new MapTerm();
        m.put(Atom.of("error_logger"), Boolean.TRUE);
        m.put(Atom.of("kill"), Boolean.TRUE);
        m.put(Atom.of("size"), size);
        return m;
    }

    private static MapTerm maxHeapSize(Map<?, ?> given) {
        MapTerm m = maxHeapSize(0);
        for (Map.Entry<?, ?> e : given.entrySet()) {
            if (!(e.getKey() instanceof Atom k) || !m.containsKey(k)) return null;
            m.put(k, e.getValue());
        }
        return m;
    }

    /** The group leader set for a process with {@code Process.group_leader/2}, or null for the node's. */
    static Pid groupLeader(LocalProcess p) {
        return (Pid) get(p, Atom.of("$group_leader"));
    }

    /** Sets a process's group leader. */
    static void setGroupLeader(LocalProcess p, Pid leader) {
        FLAGS.computeIfAbsent(p, k -> new HashMap<>()).put(Atom.of("$group_leader"), leader);
    }

    /** Forgets every flag set for a process (its group leader included): it reports the defaults again. */
    static void clear(LocalProcess p) {
        FLAGS.remove(p);
    }
}
