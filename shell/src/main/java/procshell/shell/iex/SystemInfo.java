package procshell.shell.iex;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;

/**
 * What {@code :erlang.system_info/1}, {@code :erlang.memory/0,1} and {@code :erlang.statistics/1}
 * answer. Counts and limits are the node's own; the emulator's build facts are those of the BEAM
 * procshell imitates (OTP 25, ERTS 13.1.5, 64-bit, JIT). The JVM keeps no per-type memory
 * accounts: memory figures are estimates (processes from their bookkeeping, ETS from its tables,
 * atoms from the atom table, the rest from the JVM's heap), in bytes.
 */
final class SystemInfo {
    /** The BEAM's default process limit ({@code +P}). */
    static final int PROCESS_LIMIT = 262_144;
    private static final long START_MILLIS = System.currentTimeMillis();
    private static long lastWallClock = START_MILLIS;
    private static long lastRuntime;
    private static long lastReductions;

    private SystemInfo() {}

    private static Node node() {
        return ProcessContext.require().node();
    }

    private static int schedulers() {
        return Runtime.getRuntime().availableProcessors();
    }

    static Object item(Object item) {
        BifErrors e = new BifErrors(":erlang.system_info", item);
        if (!(item instanceof Atom a)) throw e.fail(1, "invalid system info item");
        Node node = node();
        return switch (a.name()) {
            case "atom_count" -> node.atoms().count();
            case "atom_limit" -> node.atoms().limit();
            case "process_count" -> node.processCount();
            case "process_limit" -> PROCESS_LIMIT;
            case "port_count" -> 0;
            case "port_limit" -> 65_536;
            case "ets_count" -> node.tables().count();
            case "ets_limit" -> 8_192;
            case "schedulers", "schedulers_online", "logical_processors", "logical_processors_available",
                    "logical_processors_online", "dirty_cpu_schedulers", "dirty_cpu_schedulers_online" -> schedulers();
            case "dirty_io_schedulers" -> 10;
            case "otp_release" -> ErlangLists.chars("25");
            case "version" -> ErlangLists.chars("13.1.5");
            case "driver_version" -> ErlangLists.chars("3.3");
            case "nif_version" -> ErlangLists.chars("2.16");
            case "machine" -> ErlangLists.chars("BEAM");
            case "system_architecture" -> ErlangLists.chars("x86_64-pc-linux-gnu");
            case "system_version" -> ErlangLists.chars("Erlang/OTP 25 [erts-13.1.5] [source] [64-bit] [smp:" + schedulers() + ":"
                    + schedulers() + "] [ds:" + schedulers() + ":" + schedulers() + ":10] [async-threads:1] [jit]\n");
            case "wordsize" -> 8;
            case "compat_rel" -> 25;
            case "smp_support", "threads", "kernel_poll" -> Boolean.TRUE;
            case "debug_compiled" -> Boolean.FALSE;
            case "thread_pool_size" -> 1;
            case "heap_type" -> Atom.of("private");
            case "build_type", "emu_type" -> Atom.of("opt");
            case "emu_flavor" -> Atom.of("jit");
            case "time_warp_mode" -> Atom.of("no_time_warp");
            case "dist_ctrl" -> new ArrayList<>();
            case "min_heap_size" -> Tuple.of(a, 233);
            case "min_bin_vheap_size" -> Tuple.of(a, 46_422);
            case "fullsweep_after" -> Tuple.of(a, 65_535);
            case "max_heap_size" -> Ops.map(Atom.of("error_logger"), Boolean.TRUE,
                    Atom.of("kill"), Boolean.TRUE, Atom.of("size"), 0);
            case "trace_control_word" -> 0;
            case "creation" -> 0;
            case "start_time" -> TimeUnits.monotonicNanos() - (System.currentTimeMillis() - START_MILLIS) * 1_000_000L;
            default -> throw e.fail(1, "invalid system info item");
        };
    }

    // ---- memory ---------------------------------------------------------------------------------

    private static final List<String> MEMORY_TYPES = List.of("total", "processes", "processes_used", "system", "atom", "atom_used",
            "binary", "code", "ets");

    /** The memory of every type, in bytes, in the BEAM's order. */
    static List<Tuple> memory() {
        long[] m = figures();
        List<Tuple> out = new ArrayList<>(MEMORY_TYPES.size());
        for (int i = 0; i < MEMORY_TYPES.size(); i++) out.add(Tuple.of(Atom.of(MEMORY_TYPES.get(i)), m[i]));
        return out;
    }

    /** One type's memory, or a keyword list of the listed types. */
    static Object memory(Object type) {
        BifErrors e = new BifErrors(":erlang.memory", type);
        long[] m = figures();
        if (type instanceof Atom a) {
            int i = MEMORY_TYPES.indexOf(a.name());
            if (i < 0) throw e.fail(1, "invalid memory type option");
            return m[i];
        }
        if (!(type instanceof List<?> l)) throw e.fail(1, "not an atom or a list of atoms");
        List<Tuple> out = new ArrayList<>(l.size());
        for (Object o : l) {
            int i = o instanceof Atom a ? MEMORY_TYPES.indexOf(a.name()) : -1;
            if (i < 0) throw e.fail(1, "invalid option in list");
            out.add(Tuple.of(o, m[i]));
        }
        return out;
    }

    /** total, processes, processes_used, system, atom, atom_used, binary, code, ets. */
    private static long[] figures() {
        Node node = node();
        long processes = 0;
        for (LocalProcess p : node.processRecords()) if (p.isAlive()) processes += procshell.runtime.observe.ProcessFacts.memory(p);
        long ets = 0;
        for (procshell.runtime.table.Table t : node.tables().tables()) ets += t.memoryBytes();
        long atomUsed = 0;
        for (String n : node.atoms().names()) atomUsed += 16 + n.length();
        long atom = Math.max(atomUsed, 0) + 262_144;
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        long code = 8L * 1024 * 1024;
        long binary = 256L * 1024;
        long system = Math.max(heap - processes, atom + binary + code + ets);
        return new long[] {processes + system, processes, processes, system, atom, atomUsed, binary, code, ets};
    }

    // ---- statistics -----------------------------------------------------------------------------

    static synchronized Object statistics(Object item) {
        BifErrors e = new BifErrors(":erlang.statistics", item);
        if (!(item instanceof Atom a)) throw e.fail(1, "invalid statistics item");
        switch (a.name()) {
            case "wall_clock": {
                long now = System.currentTimeMillis();
                Tuple t = Tuple.of(now - START_MILLIS, now - lastWallClock);
                lastWallClock = now;
                return t;
            }
            case "runtime": {
                long cpu = ManagementFactory.getRuntimeMXBean() == null ? 0 : cpuMillis();
                Tuple t = Tuple.of(cpu, cpu - lastRuntime);
                lastRuntime = cpu;
                return t;
            }
            case "reductions", "exact_reductions": {
                long total = 0;
                for (LocalProcess p : node().processRecords()) total += p.reductions();
                Tuple t = Tuple.of(total, Math.max(0, total - lastReductions));
                lastReductions = total;
                return t;
            }
            case "run_queue", "total_run_queue_lengths", "total_run_queue_lengths_all", "total_active_tasks",
                    "total_active_tasks_all":
                return 0;
            case "run_queue_lengths", "run_queue_lengths_all", "active_tasks", "active_tasks_all": {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i <= schedulers(); i++) out.add(0);
                return out;
            }
            case "context_switches":
                return Tuple.of(node().processCount(), 0);
            case "garbage_collection": {
                long count = 0;
                for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) count += Math.max(0, gc.getCollectionCount());
                return Tuple.of(count, 0, 0);
            }
            case "io":
                return Tuple.of(Tuple.of(Atom.of("input"), 0), Tuple.of(Atom.of("output"), 0));
            case "scheduler_wall_time", "scheduler_wall_time_all":
                return Atom.UNDEFINED;
            default:
                throw e.fail(1, "invalid statistics item");
        }
    }

    private static long cpuMillis() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime() / 1_000_000;
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
