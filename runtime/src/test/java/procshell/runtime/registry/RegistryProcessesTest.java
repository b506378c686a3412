package procshell.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.ChildSpec;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.StartOptions;
import procshell.runtime.otp.Supervisor;
import procshell.runtime.otp.SupervisorFlags;
import procshell.runtime.process.Await;
import procshell.runtime.process.ExitException;
import procshell.runtime.table.Table;
import procshell.runtime.table.TableInfo;
import procshell.runtime.table.TableType;

/**
 * The registry with processes around it: entries vanishing with their owners (one, or 100,000
 * killed at once), via names for GenServers (also across a supervisor restart), dispatch to many
 * subscribers, and the tables a table viewer shows, with their counts and owners.
 */
class RegistryProcessesTest extends RegistryTestSupport {
    private static final Atom GET_ID = a("get_id");

    /** A GenServer whose state is its id, answering {@code :get_id}. */
    static final class IdServer extends GenServer {
        @Override
        public Object init(Object arg) {
            if (a("crash").equals(arg)) throw new IllegalStateException("oops");
            return Tuple.of(Atom.OK, arg);
        }

        @Override
        public Object handleCall(Object request, Tuple from, Object state) {
            return Tuple.of(a("reply"), state, state);
        }
    }

    private static Tuple via(Object... name) {
        return Tuple.of(Atom.VIA, Registry.MODULE, Tuple.of(name));
    }

    /** The key and pid tables of every partition, from the registry's own rows, as registry_test.exs reads them. */
    /** True when the one partition's tables, as the registry's meta row names them, exist and are alive. */
    private boolean liveTables(Atom registry) {
        try {
            return partitionTables(registry, 1).stream().allMatch(Table::isAlive);
        } catch (IllegalArgumentException e) {
            return false; // the meta row still names a table that is gone
        }
    }

    private List<Table> partitionTables(Atom registry, int partitions) {
        Table info = node.tables().get(registry);
        List<Table> out = new ArrayList<>();
        if (partitions == 1) {
            Tuple all = (Tuple) info.lookupElement(-1, 2);
            out.add(node.tables().get(all.get(2)));
            out.add(node.tables().get(((Tuple) all.get(3)).get(1)));
        } else {
            for (int i = 0; i < partitions; i++) {
                Tuple row = info.lookup(i).get(0);
                out.add(node.tables().get(row.get(1)));
                out.add(node.tables().get(((Tuple) row.get(2)).get(1)));
            }
        }
        return out;
    }

    private List<Pid> partitionPids(Atom registry) {
        List<Pid> out = new ArrayList<>();
        for (Object c : Supervisor.whichChildren(registry)) out.add((Pid) ((Tuple) c).get(1));
        return out;
    }

    // ---- entries go with their owners -----------------------------------------------------------

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void cleansUpOnProcessCrash(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        Pid task1 = (Pid) registerTask(r, "hello", a("value")).get(1);
        Pid task2 = (Pid) registerTask(r, "world", a("value")).get(1);
        killAndAssertDown(task1);
        killAndAssertDown(task2);
        // A pid may sit in another partition than its key: sync with every partition first.
        for (Pid partition : partitionPids(r)) assertEquals(Atom.OK, GenServer.call(partition, a("sync")));
        for (Table t : partitionTables(r, partitions)) assertEquals(List.of(), t.tab2list(), t.name().toString());
        assertEquals(0, Registry.count(r));
    }

    /** The figure the issue names: 100,000 registered processes killed, then nothing left. */
    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void aHundredThousandKilledOwnersLeaveNothingBehind(Atom keys, int partitions) {
        int n = 100_000;
        Atom r = start(keys, partitions);
        AtomicInteger failed = new AtomicInteger();
        List<Pid> pids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // Duplicate keys all share one topic: the case whose cleanup is quadratic on the BEAM.
            Object key = keys == UNIQUE ? (Object) i : "topic";
            pids.add(node.spawn(p -> {
                if (!(Registry.register(r, key, null) instanceof Tuple t && Atom.OK.equals(t.get(0)))) failed.incrementAndGet();
                p.receive();
            }));
        }
        Await.until("all registered", () -> Registry.count(r) + failed.get() == n, 120_000);
        assertEquals(0, failed.get());
        if (keys == DUPLICATE) assertEquals(n, Registry.lookup(r, "topic").size());
        for (Pid p : pids) node.exit(self, p, Atom.KILL);
        Await.until("every entry removed", () -> Registry.count(r) == 0, 120_000);
        Await.until("every table empty", () -> partitionTables(r, partitions).stream().allMatch(t -> t.size() == 0), 120_000);
        assertEquals(List.of(), Registry.lookup(r, keys == UNIQUE ? (Object) 0 : "topic"));
    }

    @Test
    void aStormOfRegistrationsAndKillsLeavesNoDeadEntry() {
        Atom r = start(UNIQUE, 4);
        Atom d = start(DUPLICATE, 4);
        java.util.Random random = new java.util.Random(42);
        List<Pid> live = new ArrayList<>();
        for (int round = 0; round < 20_000; round++) {
            int key = random.nextInt(500);
            live.add(node.spawn(p -> {
                Registry.register(r, key, null);
                Registry.register(d, key % 7, null);
                if (key % 3 == 0) Registry.unregister(d, key % 7);
                p.receive();
            }));
            if (random.nextInt(3) == 0) node.exit(self, live.remove(random.nextInt(live.size())), Atom.KILL);
        }
        for (Pid p : live) node.exit(self, p, Atom.KILL);
        Await.until("nothing left", () -> Registry.count(r) == 0 && Registry.count(d) == 0);
        for (Atom reg : List.of(r, d)) {
            for (Pid partition : partitionPids(reg)) GenServer.call(partition, a("sync"));
            for (Table t : partitionTables(reg, 4)) assertEquals(0, t.size(), t.name().toString());
        }
    }

    // ---- via names ------------------------------------------------------------------------------

    @Test
    void viaCallbacks() {
        Atom r = start(UNIQUE, 1);
        Tuple name = via(r, "agent");
        Pid pid = okPid(GenServer.startLink(new IdServer(), 0, StartOptions.named(name)));
        assertEquals(0, GenServer.call(name, GET_ID));
        assertEquals(List.of(Tuple.of(pid, null)), Registry.lookup(r, "agent"));
        assertEquals(pid, node.whereis(name));
        assertEquals(Tuple.of(Atom.ERROR, Tuple.of(a("already_started"), pid)), GenServer.start(new IdServer(), 1, StartOptions.named(name)));
        node.send(name, a("hello"));
        Object r2 = GenServer.start(new IdServer(), a("crash"), StartOptions.named(via(r, "crashing")));
        assertTrue(r2 instanceof Tuple t && t.isTagged(Atom.ERROR, 2));
        assertEquals(List.of(), Registry.lookup(r, "crashing"), "a failed init unregisters its name");
        ExitException e = assertThrows(ExitException.class, () -> GenServer.call(via(r, "missing"), GET_ID));
        assertEquals(Tuple.of(Atom.NOPROC, Tuple.of(GenServer.MODULE, a("call"), List.of(via(r, "missing"), GET_ID, 5000L))), e.reason());
        assertEquals("argument error", assertThrows(IllegalArgumentException.class, () -> node.send(via(r, "missing"), a("hi"))).getMessage());
    }

    @Test
    void usesTheValueProvidedInVia() {
        Atom r = start(UNIQUE, 1);
        Pid pid = okPid(GenServer.startLink(new IdServer(), 0, StartOptions.named(via(r, "hello", a("value")))));
        assertEquals(List.of(Tuple.of(pid, a("value"))), Registry.lookup(r, "hello"));
        assertEquals(0, GenServer.call(via(r, "hello", a("other value")), GET_ID), "the value plays no part in finding the name");
    }

    @Test
    void aDuplicateRegistryRefusesViaNames() {
        Atom r = start(DUPLICATE, 1);
        // gen:start/6 looks the name up first, in the caller: whereis_name/2 raises there
        assertEquals(":via is not supported for duplicate registries",
                assertThrows(IllegalArgumentException.class, () -> GenServer.start(new IdServer(), 0, StartOptions.named(via(r, "hello")))).getMessage());
        assertEquals(0, Registry.count(r));
        assertEquals(":via is not supported for duplicate registries",
                assertThrows(IllegalArgumentException.class, () -> GenServer.call(via(r, "hello"), GET_ID)).getMessage());
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 8})
    void aViaNameFollowsASupervisorRestart(int partitions) {
        Atom r = start(UNIQUE, partitions);
        Tuple name = via(r, Tuple.of(a("room"), 42));
        ChildSpec child = ChildSpec.worker(a("room"), () -> GenServer.startLink(new IdServer(), 42, StartOptions.named(name)));
        okPid(Supervisor.startLink(List.of(child), SupervisorFlags.oneForOne(), null));
        Pid first = (Pid) Registry.whereisName(Tuple.of(r, Tuple.of(a("room"), 42)));
        assertEquals(42, GenServer.call(name, GET_ID));
        node.exit(self, first, Atom.KILL);
        Await.until("a new pid under the name", () -> Registry.whereisName(Tuple.of(r, Tuple.of(a("room"), 42))) instanceof Pid p && !p.equals(first));
        assertEquals(42, GenServer.call(name, GET_ID));
        assertNotEquals(first, node.whereis(name));
    }

    // ---- dispatch -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("duplicate")
    void dispatchesToManySubscribers(Atom keys, int partitions) {
        int n = 10_000;
        Atom r = start(keys, partitions);
        AtomicInteger subscribed = new AtomicInteger(), received = new AtomicInteger();
        Pid parent = self;
        for (int i = 0; i < n; i++) {
            node.spawn(p -> {
                Registry.register(r, "topic", null);
                subscribed.incrementAndGet();
                while (true) {
                    Object m = p.receive();
                    if (m instanceof Tuple t && t.isTagged(a("broadcast"), 2) && received.incrementAndGet() % n == 0) p.send(parent, a("all_delivered"));
                }
            });
        }
        Await.until("subscribed", () -> subscribed.get() == n);
        for (boolean parallel : List.of(false, true)) {
            Registry.dispatch(r, "topic", entries -> {
                for (Tuple e : entries) node.send(e.get(0), Tuple.of(a("broadcast"), "world"));
            }, parallel);
            Await.receiveEqual(me, a("all_delivered"));
        }
        assertEquals(2 * n, received.get());
    }

    // ---- events ---------------------------------------------------------------------------------

    @Test
    void registrationsAreEventsOnTheNodesFeed() {
        Atom r = start(UNIQUE, 1);
        List<procshell.runtime.event.NodeEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable stop = node.events().subscribe(e -> {
            if (e instanceof procshell.runtime.event.NodeEvent.Registered || e instanceof procshell.runtime.event.NodeEvent.Unregistered) seen.add(e);
        });
        try {
            okPid(Registry.register(r, "a", 1));
            Registry.unregister(r, "a");
            Registry.unregister(r, "a");
            Pid task = (Pid) registerTask(r, "b", 2).get(1);
            killAndAssertDown(task);
            Await.until("the partition's cleanup", () -> seen.size() == 4);
            assertEquals(List.of(new procshell.runtime.event.NodeEvent.Registered(r, "a", self),
                    new procshell.runtime.event.NodeEvent.Unregistered(r, "a", self),
                    new procshell.runtime.event.NodeEvent.Registered(r, "b", task),
                    new procshell.runtime.event.NodeEvent.Unregistered(r, "b", task)), seen);
        } finally {
            stop.run();
        }
    }

    // ---- the tables a viewer shows ----------------------------------------------------------------

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void theTablesHaveElixirsNamesCountsAndOwners(Atom keys, int partitions) {
        Atom r = start(keys, partitions, "meta", kw("flavour", "vanilla"));
        Pid sup = node.whereis(r);
        okPid(Registry.register(r, "James Bond", null));
        Map<String, TableInfo> rows = new java.util.LinkedHashMap<>();
        for (TableInfo t : node.tables().infos()) rows.put(t.name().name(), t);
        List<String> expected = new ArrayList<>();
        expected.add(r.name());
        for (int i = 0; i < partitions; i++) expected.addAll(List.of(r.name() + ".KeyPartition" + i, r.name() + ".PIDPartition" + i));
        assertEquals(sorted(expected), sorted(new ArrayList<>(rows.keySet())));

        TableInfo info = rows.get(r.name());
        assertEquals(2 + (partitions == 1 ? 0 : partitions) + 1, info.objects(), "-1, -2, one row per partition, and the meta");
        assertEquals(sup, info.owner());
        assertEquals(r, info.ownerName());
        assertTrue(info.named());
        assertNull(info.tableIdColumn(), "a named table shows no Table Id");
        long keyObjects = 0, pidObjects = 0;
        for (int i = 0; i < partitions; i++) {
            TableInfo key = rows.get(r.name() + ".KeyPartition" + i), pid = rows.get(r.name() + ".PIDPartition" + i);
            Pid partition = node.whereis(a(r.name() + ".PIDPartition" + i));
            for (TableInfo t : List.of(key, pid)) {
                assertEquals(partition, t.owner());
                assertEquals(a(r.name() + ".PIDPartition" + i), t.ownerName());
                assertNotNull(t.tableIdColumn());
                assertTrue(t.sizeKb() > 0);
            }
            assertEquals(keys == UNIQUE ? TableType.SET : TableType.DUPLICATE_BAG, key.type());
            assertEquals(TableType.DUPLICATE_BAG, pid.type());
            keyObjects += key.objects();
            pidObjects += pid.objects();
        }
        assertEquals(1, keyObjects);
        assertEquals(1, pidObjects);
        assertEquals(List.of("James Bond"), Registry.keys(r, self));
    }

    @Test
    void aKilledPartitionTakesItsTablesAndEntriesWithIt() {
        Atom r = start(UNIQUE, 1);
        me.trapExit(true);
        Pid task = (Pid) registerTask(r, "hello", 1).get(1);
        List<Table> before = partitionTables(r, 1);
        Pid partition = partitionPids(r).get(0);
        node.exit(self, partition, Atom.KILL);
        for (Table t : before) assertFalse(t.isAlive());
        assertFalse(node.tables().all().contains(before.get(0).id()));
        // the new partition's name is registered before its init has made its tables, as a
        // GenServer's name is on the BEAM: wait until the registry's meta row names live ones
        Await.until("partition restarted", () -> node.whereis(a(r.name() + ".PIDPartition0")) instanceof Pid p && !p.equals(partition)
                && liveTables(r));
        assertEquals(List.of(), Registry.lookup(r, "hello"), "the new partition's tables start empty");
        // Its link to the dead partition killed the registered task, as on the BEAM.
        assertFalse(node.isAlive(task));
        okPid(Registry.register(r, "hello", 2));
        assertEquals(List.of(entry(2)), Registry.lookup(r, "hello"));
    }
}
