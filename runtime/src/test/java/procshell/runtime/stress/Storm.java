package procshell.runtime.stress;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.global.Global;
import procshell.runtime.gproc.Gproc;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.DynamicSupervisor;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.Supervisor;
import procshell.runtime.process.Await;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.registry.Registry;
import procshell.runtime.table.Table;

/**
 * A kill storm: {@link StormTree}'s GenServers under nested supervisors and registries, while
 * {@code agents} processes call, cast, look up, start, stop and kill at random (supervisors and
 * registry partitions included) and a checker process watches the registries. Invariants are
 * checked as it goes and at the end (see {@link StormReport#INVARIANTS}); the run stops after
 * {@code operations} operations or {@code maxMillis}, whichever comes first.
 *
 * <p>Run it from a process (the test's attached one): the tree is linked to it.
 */
final class Storm {
    /** How much later than its timeout a call may return before it counts as hung (GC and a loaded machine). */
    static final long CALL_SLACK_MS = 5_000;
    /** How long after a sighting a registry entry of a dead process may stay, its partition synced (Registry's lag). */
    static final long LAG_BOUND_MS = 500;
    /** Heap growth tolerated after the storm, GC'd: the JIT's and the JVM's own structures, not the storm's. */
    static final long HEAP_SLACK_BYTES = 48L << 20;
    private static final boolean DEBUG = Boolean.getBoolean("procshell.storm.debug");
    private static final Atom SYNC = Atom.of("sync");
    private static final Atom GO = Atom.of("go");
    private static final Atom PERMANENT = Atom.of("permanent");
    private static final Atom TRANSIENT = Atom.of("transient");
    private static final Atom TEMPORARY = Atom.of("temporary");

    /**
     * @param subs        supervisors per strategy group
     * @param workers     workers per leaf supervisor
     * @param dynSups     nested dynamic supervisors
     * @param agents      processes making the storm
     * @param operations  how many operations in all
     * @param maxMillis   the run stops after this long even if operations remain
     */
    record Size(int subs, int workers, int dynSups, int agents, long operations, long maxMillis) {}

    private final Node node;
    private final ProcessContext self;
    private final Size size;
    private final long seed;
    private final StormTree tree;
    private final StormReport report = new StormReport();
    private final AtomicLong budget = new AtomicLong();
    private final AtomicLong dynSeq = new AtomicLong();
    private volatile boolean stop;
    /** The storm's own processes, which its kills leave alone. */
    private final java.util.Set<Pid> spared = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Storm(ProcessContext self, Size size, long seed) {
        this.self = self;
        this.node = self.node();
        this.size = size;
        this.seed = seed;
        this.tree = new StormTree(node, size.subs(), size.workers(), size.dynSups());
    }

    /** Runs the storm and every end check; returns what it counted. */
    StormReport run() {
        Registry.install(node);
        Global.install(node);
        // gproc's server is started on first use and stays, as gproc's application does: start
        // it before the baselines are taken.
        Gproc.reg(Tuple.of(Atom.of("p"), Atom.of("l"), Atom.of("storm")));
        Gproc.unreg(Tuple.of(Atom.of("p"), Atom.of("l"), Atom.of("storm")));
        int baseProcesses = node.processCount();
        int baseNames = node.names().size();
        int baseTables = node.tables().all().size();
        long baseHeap = usedHeapAfterGc();
        Runnable unsubscribe = node.events().subscribe(this::onEvent);
        try {
            Pid root = tree.start();
            report.workers = tree.workerCount();
            long started = System.nanoTime();
            budget.set(size.operations());
            List<Ref> running = new ArrayList<>();
            List<Pid> starting = new ArrayList<>();
            spared.add(self.self());
            spared.add(root);
            spared.add(node.whereis(StormTree.GPROC));
            for (int a = 0; a < size.agents(); a++) {
                long agentSeed = seed + a;
                Tuple agent = self.spawnMonitor(p -> {
                    awaitGo(p);
                    agent(p, new SplittableRandom(agentSeed));
                });
                spared.add((Pid) agent.get(0));
                starting.add((Pid) agent.get(0));
                running.add((Ref) agent.get(1));
            }
            Tuple checking = self.spawnMonitor(p -> {
                awaitGo(p);
                checker(p);
            });
            spared.add((Pid) checking.get(0));
            starting.add((Pid) checking.get(0));
            Ref checker = (Ref) checking.get(1);
            for (Pid p : starting) self.send(p, GO);
            long deadline = started + size.maxMillis() * 1_000_000;
            while (budget.get() > 0 && System.nanoTime() < deadline) self.receive(m -> false, 50);
            stop = true;
            for (Ref r : running) awaitNormal(r, "agent");
            awaitNormal(checker, "checker");
            report.elapsedMs = (System.nanoTime() - started) / 1_000_000;

            awaitConverged(root);
            checkRegistriesAtEnd();
            checkNamesAtEnd();
            checkLinksAndMonitorsAtEnd();

            self.unlink(root);
            Supervisor.stop(root);
        } finally {
            unsubscribe.run();
        }
        node.tables().all();
        Await.until("processes back to baseline", () -> node.processCount() <= baseProcesses, 60_000);
        int endProcesses = node.processCount();
        int endNames = node.names().size();
        int endTables = node.tables().all().size();
        long endHeap = usedHeapAfterGc();
        if (endProcesses != baseProcesses) report.violation(StormReport.INVARIANTS.get(9), endProcesses + " vs " + baseProcesses);
        if (endTables != baseTables) report.violation(StormReport.INVARIANTS.get(10), endTables + " vs " + baseTables);
        if (endNames != baseNames) report.violation(StormReport.INVARIANTS.get(7), "name table " + endNames + " vs " + baseNames);
        if (endHeap > baseHeap + HEAP_SLACK_BYTES) {
            report.violation(StormReport.INVARIANTS.get(11), (endHeap >> 20) + " MB vs " + (baseHeap >> 20) + " MB");
        }
        report.baselines = String.format("baseline -> end: processes %d -> %d, names %d -> %d, tables %d -> %d, heap %d MB -> %d MB",
                baseProcesses, endProcesses, baseNames, endNames, baseTables, endTables, baseHeap >> 20, endHeap >> 20);
        return report;
    }

    /** Waits for the go: the storm's own processes start once all of them are known (and spared). */
    private static void awaitGo(ProcessContext p) {
        p.receive(GO::equals, -1);
    }

    private void onEvent(NodeEvent e) {
        if (e instanceof NodeEvent.Restarted) report.restarts.increment();
        else if (e instanceof NodeEvent.CrashReport c && Atom.of("reached_max_restart_intensity").equals(c.report().get("reason"))) {
            report.supervisorsGaveUp.increment();
        }
    }

    private void awaitNormal(Ref ref, String what) {
        Object reason = Await.down(self, ref);
        if (!Atom.NORMAL.equals(reason)) throw new AssertionError(what + " crashed: " + reason);
    }

    static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    // ---- the agents ---------------------------------------------------------------------------

    private void agent(ProcessContext p, SplittableRandom rnd) {
        Map<Integer, Pid> seen = new HashMap<>();
        while (!stop && budget.getAndDecrement() > 0) {
            report.operations.increment();
            int r = rnd.nextInt(1000);
            int i = rnd.nextInt(tree.workerCount());
            if (r < 350) {
                call(p, tree.nameOf(i), StormWorker.PING, 2_000, Tuple.of(StormWorker.PONG, i), "call by name");
            } else if (r < 430) {
                Pid pid = seen.get(i);
                if (pid == null) {
                    pid = whereis(tree.nameOf(i));
                    if (pid != null) seen.put(i, pid);
                }
                if (pid != null) call(p, pid, StormWorker.PING, 2_000, Tuple.of(StormWorker.PONG, i), "call by pid");
                else report.outcome("call by pid: no pid");
            } else if (r < 460) {
                call(p, tree.nameOf(i), Tuple.of(StormWorker.SLEEP, 20), 5, StormWorker.SLEPT, "call past its timeout");
            } else if (r < 580) {
                report.outcome("cast");
                try {
                    GenServer.cast(tree.nameOf(i), StormWorker.NOOP);
                } catch (IllegalArgumentException unknownRegistry) {
                    report.outcome("cast: registry restarting");
                }
            } else if (r < 700) {
                lookupGroup(rnd.nextInt(16), i % 2 == 0 ? StormTree.D1 : StormTree.D8);
            } else if (r < 760) {
                Pid pid = whereis(tree.nameOf(i));
                report.outcome(pid == null ? "whereis: none" : "whereis: found");
            } else if (r < 800) {
                Atom local = tree.localWorkerNames[i - i % StormTree.SCHEMES];
                try {
                    p.send(local, StormWorker.NOOP);
                    report.outcome("send to name");
                } catch (IllegalArgumentException unregistered) {
                    report.outcome("send to name: not registered");
                }
            } else if (r < 900) {
                dynamic(p, rnd);
            } else if (r < 903) {
                GenServer.cast(tree.nameOf(i), StormWorker.CRASH);
                report.outcome("cast :crash");
            } else if (r < 995) {
                Object name = tree.nameOf(i);
                Pid pid = whereis(name);
                if (pid != null) {
                    Object reply = call(p, pid, StormWorker.PING, 2_000, Tuple.of(StormWorker.PONG, i), "call by whereis pid");
                    if (reply != null) seen.put(i, pid);
                }
            } else {
                kill(p, rnd);
            }
        }
    }

    /** A call with its invariants: the right server answers, or an exit; it never returns late. */
    private Object call(ProcessContext p, Object server, Object request, long timeoutMs, Object expected, String what) {
        long t0 = System.nanoTime();
        try {
            Object reply = GenServer.call(server, request, timeoutMs);
            if (!expected.equals(reply)) report.violation(StormReport.INVARIANTS.get(1), server + " answered " + reply + ", not " + expected);
            report.outcome(what + ": reply");
            return reply;
        } catch (ExitException e) {
            Object reason = e.reason() instanceof Tuple t && t.size() == 2 ? t.get(0) : e.reason();
            String kind = reason instanceof Atom a ? a.name() : reason instanceof Tuple t && t.get(0) instanceof Throwable ? "crash" : "other";
            if (kind.equals("other")) kind = reason instanceof Tuple t && t.get(0) instanceof Atom tag ? tag.name() : "other";
            report.outcome(what + ": exit " + kind);
            return null;
        } catch (IllegalArgumentException e) {
            if (registryRestarting(e)) {
                report.outcome(what + ": registry restarting");
            } else {
                report.violation(StormReport.INVARIANTS.get(4), what + " " + server + ": " + e);
            }
            return null;
        } catch (RuntimeException e) {
            report.violation(StormReport.INVARIANTS.get(4), what + " " + server + ": " + e);
            return null;
        } finally {
            long overrun = (System.nanoTime() - t0) / 1_000_000 - timeoutMs;
            report.maxCallOverrunMs.accumulateAndGet(overrun, Math::max);
            if (overrun > CALL_SLACK_MS) report.violation(StormReport.INVARIANTS.get(3), what + " " + server + " overran by " + overrun + " ms");
        }
    }

    /**
     * A registry (or one of its partitions) is being restarted: Elixir's Registry raises
     * ArgumentError then too (unknown registry, the partition's ETS table gone, or its row in the
     * registry's table not written yet).
     */
    private static boolean registryRestarting(IllegalArgumentException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("unknown registry") || m.contains("does not refer to an existing ETS table")
                || m.contains("not a key that exists in the table");
    }

    private Pid whereis(Object name) {
        try {
            if (name instanceof Tuple t && t.isTagged(Atom.GLOBAL, 2)) return Global.of(node).whereisName(t.get(1));
            return node.whereis(name);
        } catch (IllegalArgumentException unknownRegistry) {
            return null;
        }
    }

    private void lookupGroup(int group, Atom registry) {
        List<Tuple> entries;
        try {
            entries = Registry.lookup(registry, Tuple.of(StormWorker.GROUP, group));
        } catch (IllegalArgumentException unknownRegistry) {
            report.outcome("group lookup: registry restarting");
            return;
        }
        report.outcome("group lookup");
        for (Tuple e : entries) {
            if (!(e.get(1) instanceof Integer idx) || idx % 16 != group) {
                report.violation(StormReport.INVARIANTS.get(6), "group " + group + " holds " + e);
            }
        }
    }

    private void dynamic(ProcessContext p, SplittableRandom rnd) {
        int m = rnd.nextInt(tree.dynSups);
        Atom sup = tree.dynNames[m];
        try {
            if (rnd.nextBoolean()) {
                Atom restart = switch (rnd.nextInt(3)) {
                    case 0 -> PERMANENT;
                    case 1 -> TRANSIENT;
                    default -> TEMPORARY;
                };
                Object r = DynamicSupervisor.startChild(sup, StormTree.dynWorkerSpec(dynSeq.incrementAndGet(), restart));
                report.outcome("start_child: " + (r instanceof Tuple t ? t.get(0) : r));
            } else {
                List<Object> children = DynamicSupervisor.whichChildren(sup);
                if (children.isEmpty()) {
                    report.outcome("terminate_child: none");
                    return;
                }
                Object pid = ((Tuple) children.get(rnd.nextInt(children.size()))).get(1);
                if (pid instanceof Pid child) {
                    Object r = DynamicSupervisor.terminateChild(sup, child);
                    report.outcome("terminate_child: " + (r instanceof Tuple t ? t.get(1) : r));
                }
            }
        } catch (ExitException e) {
            // The nested supervisor is down (killed, or storm_dyn was restarted and lost it).
            report.outcome("dynamic: supervisor down: " + exitKind(e));
            try {
                Object r = tree.ensureDynSup(m);
                report.outcome("nested dynamic supervisor started: " + (r instanceof Tuple t ? t.get(0) : r));
            } catch (ExitException down) {
                report.outcome("storm_dyn down: " + exitKind(down));
            }
        }
    }

    /** {@code noproc}, {@code killed}, ...: the first element of a call's exit reason. */
    private static String exitKind(ExitException e) {
        Object reason = e.reason() instanceof Tuple t && t.size() == 2 ? t.get(0) : e.reason();
        return reason instanceof Atom a ? a.name() : reason instanceof Tuple t && t.get(0) instanceof Atom tag ? tag.name() : "other";
    }

    private void kill(ProcessContext p, SplittableRandom rnd) {
        int k = rnd.nextInt(1000);
        Object name;
        if (k < 850) name = tree.nameOf(rnd.nextInt(tree.workerCount()));
        else if (k < 910) name = tree.subNames[rnd.nextInt(StormTree.STRATEGIES.size())][rnd.nextInt(tree.subs)];
        else if (k < 920) name = tree.groups.get(rnd.nextInt(tree.groups.size()));
        else if (k < 945) name = tree.dynNames[rnd.nextInt(tree.dynSups)];
        else if (k < 960) name = randomDynChild(rnd);
        else if (k < 980) name = randomListedPid(rnd);
        else if (k < 997) name = tree.partitions.get(rnd.nextInt(tree.partitions.size()));
        else name = tree.dyn;
        Pid pid = name == null ? null : name instanceof Pid direct ? direct : whereis(name);
        if (pid == null || !node.isAlive(pid)) {
            report.outcome("kill: no target");
            return;
        }
        p.exit(pid, Atom.KILL);
        report.kills.increment();
        // Dead at once for everyone: once exit/2 returned, the pid is dead and no name leads to it.
        if (node.isAlive(pid)) report.violation(StormReport.INVARIANTS.get(0), pid + " alive");
        if (!(name instanceof Pid) && pid.equals(whereis(name))) report.violation(StormReport.INVARIANTS.get(0), name + " still " + pid);
    }

    /**
     * Any process {@code Process.list()} shows, the storm's own (the test's, the agents, the
     * checker, the root, gproc's server) aside: registry supervisors, and processes spawned a
     * moment ago whose code has not started yet.
     */
    private Object randomListedPid(SplittableRandom rnd) {
        List<Pid> all = node.processes();
        for (int tries = 0; tries < 5 && !all.isEmpty(); tries++) {
            Pid p = all.get(rnd.nextInt(all.size()));
            if (!spared.contains(p)) return p;
        }
        return null;
    }

    private Object randomDynChild(SplittableRandom rnd) {
        try {
            List<Object> children = DynamicSupervisor.whichChildren(tree.dynNames[rnd.nextInt(tree.dynSups)]);
            if (children.isEmpty()) return null;
            return ((Tuple) children.get(rnd.nextInt(children.size()))).get(1);
        } catch (ExitException down) {
            return null;
        }
    }

    // ---- the checker --------------------------------------------------------------------------

    /** A registry entry seen pointing to a dead process. */
    private record Sighting(Atom registry, Object key, Pid pid, long atNanos) {}

    private void checker(ProcessContext p) {
        List<Sighting> pending = new ArrayList<>();
        int rounds = 0;
        while (!stop) {
            long now = System.nanoTime();
            List<Sighting> due = new ArrayList<>();
            for (Sighting s : pending) if (now - s.atNanos() > LAG_BOUND_MS * 1_000_000) due.add(s);
            if (!due.isEmpty() && syncPartitions()) {
                pending.removeAll(due);
                for (Sighting s : due) {
                    if (holds(s.registry(), s.key(), s.pid())) {
                        report.violation(StormReport.INVARIANTS.get(2), s.registry() + " " + s.key() + " -> dead " + s.pid());
                    }
                }
            }
            scan((registry, key, pid) -> {
                if (node.isAlive(pid)) return;
                for (Sighting s : pending) if (s.pid().equals(pid) && s.key().equals(key)) return;
                report.registryLagSeen.increment();
                pending.add(new Sighting(registry, key, pid, System.nanoTime()));
            });
            p.receive(m -> false, 20);
            if (DEBUG && (++rounds % 3) == 0) {
                int up = 0;
                for (int i = 0; i < tree.workerCount(); i++) if (whereis(tree.nameOf(i)) != null) up++;
                StringBuilder sups = new StringBuilder();
                for (Atom g : tree.groups) sups.append(whereis(g) != null ? "G" : "g");
                for (Atom[] row : tree.subNames) for (Atom a : row) sups.append(whereis(a) != null ? "S" : "s");
                sups.append(whereis(tree.dyn) != null ? "D" : "d");
                for (Atom r : StormTree.REGISTRIES) sups.append(whereis(r) != null ? "R" : "r");
                System.out.println("storm: " + up + "/" + tree.workerCount() + " workers up, " + sups + " ops " + report.operations.sum());
            }
        }
    }

    private interface EntryVisitor {
        void entry(Atom registry, Object key, Pid pid);
    }

    /** Visits every registry entry the storm can know of: workers' via keys and the groups. */
    private void scan(EntryVisitor visitor) {
        for (int i = 0; i < tree.workerCount(); i++) {
            if (i % StormTree.SCHEMES == StormTree.GPROC_SCHEME) {
                Pid holder = gprocHolder(i);
                if (holder != null) visitor.entry(StormTree.GPROC, StormTree.gprocKey(i), holder);
                continue;
            }
            if (i % StormTree.SCHEMES == StormTree.GLOBAL_SCHEME) {
                Pid holder = Global.of(node).whereisName(StormTree.globalKey(i));
                if (holder != null) visitor.entry(Atom.GLOBAL, StormTree.globalKey(i), holder);
                continue;
            }
            if (i % StormTree.SCHEMES == StormTree.LOCAL) continue;
            Tuple via = (Tuple) ((Tuple) tree.nameOf(i)).get(2);
            visit((Atom) via.get(0), via.get(1), visitor);
        }
        for (int g = 0; g < 16; g++) {
            visit(StormTree.D1, Tuple.of(StormWorker.GROUP, g), visitor);
            visit(StormTree.D8, Tuple.of(StormWorker.GROUP, g), visitor);
        }
    }

    private void visit(Atom registry, Object key, EntryVisitor visitor) {
        List<Tuple> entries;
        try {
            entries = Registry.lookup(registry, key);
        } catch (IllegalArgumentException restarting) {
            return;
        }
        for (Tuple e : entries) visitor.entry(registry, key, (Pid) e.get(0));
    }

    private boolean holds(Atom registry, Object key, Pid pid) {
        if (StormTree.GPROC.equals(registry)) return pid.equals(gprocHolder((Integer) ((Tuple) ((Tuple) key).get(2)).get(1)));
        if (Atom.GLOBAL.equals(registry)) return pid.equals(Global.of(node).whereisName(key));
        try {
            for (Tuple e : Registry.lookup(registry, key)) if (pid.equals(e.get(0))) return true;
        } catch (IllegalArgumentException restarting) {
            return false;
        }
        return false;
    }

    /**
     * The pid gproc's table holds for worker {@code i}'s name, dead or alive, as gproc lays out a
     * unique name: {@code {{key, :n}, pid, value}}; null when none.
     */
    private Pid gprocHolder(int i) {
        Table t = node.tables().named(StormTree.GPROC);
        if (t == null) return null;
        List<Tuple> objs;
        try {
            objs = t.lookup(Tuple.of(StormTree.gprocKey(i), Atom.of("n")));
        } catch (IllegalArgumentException gone) {
            return null;
        }
        return objs.isEmpty() || !(objs.get(0).get(1) instanceof Pid p) ? null : p;
    }

    /**
     * Waits until every partition, and the gproc server, has handled the messages queued before
     * now (the EXITs and DOWNs of dead processes).
     *
     * @return false when one did not answer (it was down, or too slow): then it may not have
     */
    private boolean syncPartitions() {
        boolean synced = true;
        try {
            GenServer.call(StormTree.GPROC, SYNC, 10_000); // answered :badarg, after what came before
        } catch (ExitException e) {
            synced = false;
        }
        for (Atom partition : tree.partitions) {
            try {
                GenServer.call(partition, SYNC, 10_000);
            } catch (ExitException e) {
                // Down or too slow: its successor may already hold entries of processes whose
                // EXIT it has not handled yet, so this round proves nothing.
                synced = false;
            }
        }
        return synced;
    }

    // ---- the end ------------------------------------------------------------------------------

    /** Waits until every supervisor (the root below) runs all its children, as they converge after the storm. */
    private void awaitConverged(Pid root) {
        List<String> notAlive = new ArrayList<>();
        try {
            Await.until("the supervision tree converged", () -> {
                notAlive.clear();
                walk(root, false, notAlive);
                return notAlive.isEmpty();
            }, 60_000);
        } catch (AssertionError e) {
            for (String s : notAlive) report.violation(StormReport.INVARIANTS.get(5), s);
        }
    }

    private void walk(Object sup, boolean dynamic, List<String> notAlive) {
        List<Object> children;
        try {
            children = dynamic ? DynamicSupervisor.whichChildren(sup) : Supervisor.whichChildren(sup);
        } catch (ExitException down) {
            notAlive.add(sup + " down");
            return;
        }
        for (Object o : children) {
            Tuple c = (Tuple) o;
            if (!(c.get(1) instanceof Pid pid) || !node.isAlive(pid)) {
                notAlive.add(sup + " child " + c.get(0) + " is " + c.get(1));
                continue;
            }
            if (Atom.of("supervisor").equals(c.get(2))) {
                boolean dyn = pid.equals(node.whereis(tree.dyn)) || isNestedDyn(pid);
                walk(pid, dyn, notAlive);
            }
        }
    }

    private boolean isNestedDyn(Pid pid) {
        LocalProcess p = node.process(pid);
        return p != null && p.registeredName() != null && p.registeredName().name().startsWith("storm_dyn_");
    }

    private void checkRegistriesAtEnd() {
        if (!syncPartitions()) report.violation(StormReport.INVARIANTS.get(6), "a partition did not answer :sync after the storm");
        // Unique keys: every statically supervised worker with a via name is there, alive, once.
        for (int i = 0; i < tree.workerCount(); i++) {
            if (i % StormTree.SCHEMES == StormTree.LOCAL) continue;
            if (i % StormTree.SCHEMES == StormTree.GPROC_SCHEME) {
                Pid holder = gprocHolder(i);
                if (holder == null || !node.isAlive(holder) || !holder.equals(Gproc.where(StormTree.gprocKey(i)))) {
                    report.violation(StormReport.INVARIANTS.get(6), "gproc " + StormTree.gprocKey(i) + " -> " + holder);
                }
                continue;
            }
            if (i % StormTree.SCHEMES == StormTree.GLOBAL_SCHEME) {
                Pid holder = Global.of(node).whereisName(StormTree.globalKey(i));
                if (holder == null || !node.isAlive(holder)) {
                    report.violation(StormReport.INVARIANTS.get(6), ":global " + StormTree.globalKey(i) + " -> " + holder);
                }
                continue;
            }
            Tuple via = (Tuple) ((Tuple) tree.nameOf(i)).get(2);
            List<Tuple> entries = Registry.lookup((Atom) via.get(0), via.get(1));
            if (entries.size() != 1 || !node.isAlive((Pid) entries.get(0).get(0))) {
                report.violation(StormReport.INVARIANTS.get(6), via + " -> " + entries);
            }
        }
        // Duplicate keys: each group holds exactly its live workers, each once.
        int[] expected = new int[32];
        for (int i = 0; i < tree.workerCount(); i++) expected[(i % 2) * 16 + i % 16]++;
        for (int g = 0; g < 16; g++) {
            for (int d = 0; d < 2; d++) {
                Atom reg = d == 0 ? StormTree.D1 : StormTree.D8;
                List<Tuple> entries = Registry.lookup(reg, Tuple.of(StormWorker.GROUP, g));
                long live = entries.stream().filter(e -> node.isAlive((Pid) e.get(0))).count();
                if (entries.size() != expected[d * 16 + g] || live != entries.size()) {
                    report.violation(StormReport.INVARIANTS.get(6), reg + " group " + g + ": " + entries.size() + " entries, "
                            + live + " live, " + expected[d * 16 + g] + " workers");
                }
            }
        }
        // Every object of gproc's table belongs to a live process: {{key, :n | pid}, pid, value}
        // entries and their {{pid, key}, ...} reverse entries.
        Table gproc = node.tables().named(StormTree.GPROC);
        for (Object o : gproc.select(List.of(Tuple.of(Atom.of("_"), List.of(), List.of(Atom.of("$_")))))) {
            Tuple obj = (Tuple) o;
            Object owner = obj.size() == 3 && obj.get(1) instanceof Pid p ? p
                    : obj.get(0) instanceof Tuple k && k.size() == 2 && k.get(0) instanceof Pid p ? p : null;
            if (owner instanceof Pid p && !node.isAlive(p)) report.violation(StormReport.INVARIANTS.get(6), "gproc " + obj);
        }
        // Every :global name belongs to a live process.
        for (Object n : Global.of(node).registeredNames()) {
            Pid holder = Global.of(node).whereisName(n);
            if (holder == null || !node.isAlive(holder)) report.violation(StormReport.INVARIANTS.get(6), ":global " + n + " -> " + holder);
        }
        // Every entry of every registry belongs to a live process.
        for (Atom reg : StormTree.REGISTRIES) {
            List<Object> all = Registry.select(reg, List.of(Tuple.of(Tuple.of(Atom.of("$1"), Atom.of("$2"), Atom.of("_")),
                    List.of(), List.of(Tuple.of(Tuple.of(Atom.of("$1"), Atom.of("$2")))))));
            for (Object o : all) {
                Pid pid = (Pid) ((Tuple) o).get(1);
                if (!node.isAlive(pid)) report.violation(StormReport.INVARIANTS.get(6), reg + " " + o);
            }
        }
    }

    private void checkNamesAtEnd() {
        List<Atom> registered = node.names().registered();
        if (node.names().size() != registered.size()) {
            report.violation(StormReport.INVARIANTS.get(7), node.names().size() + " entries, " + registered.size() + " live");
        }
        for (int i = 0; i < tree.workerCount(); i += StormTree.SCHEMES) {
            if (node.names().whereis(tree.localWorkerNames[i]) == null) {
                report.violation(StormReport.INVARIANTS.get(7), tree.localWorkerNames[i] + " not registered at the end");
            }
        }
    }

    private void checkLinksAndMonitorsAtEnd() {
        for (LocalProcess p : List.copyOf(node.processRecords())) {
            if (!p.isAlive()) continue;
            List<Pid> others = new ArrayList<>(p.links());
            others.addAll(p.monitoredPids());
            others.addAll(p.monitoredBy());
            for (Pid o : others) {
                if (!node.isAlive(o)) report.violation(StormReport.INVARIANTS.get(8), p.pid() + " -> " + o);
            }
        }
    }
}
