package procshell.runtime.registry;

import static procshell.runtime.table.MatchSpec.ANY;
import static procshell.runtime.table.MatchSpec.CONST;
import static procshell.runtime.table.MatchSpec.ELEMENT;
import static procshell.runtime.table.MatchSpec.EXACT_EQ;
import static procshell.runtime.table.MatchSpec.WHOLE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.ChildSpec;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.StartOptions;
import procshell.runtime.otp.Supervisor;
import procshell.runtime.otp.SupervisorFlags;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.SpawnOptions;
import procshell.runtime.table.Protection;
import procshell.runtime.table.Table;
import procshell.runtime.table.TableOptions;
import procshell.runtime.table.TableType;
import procshell.runtime.table.Tables;
import procshell.runtime.table.TermCompare;

/**
 * Elixir's {@code Registry} (1.14): a local, decentralized and scalable key-value process storage.
 * A registry {@code R} is a supervisor registered as {@code R} with one partition process per
 * partition, and its entries live in tables with Elixir's layout: {@code R} (a named set owned by
 * the supervisor, holding the registry's settings, its partitions' tables and its metadata), and
 * per partition {@code R.KeyPartitionN} and {@code R.PIDPartitionN}, owned by the partition.
 *
 * <p>As in Elixir, lookups, dispatches and registrations read and write the tables directly from
 * the calling process (no call to a partition, no lock shared by all callers); a registering
 * process is linked to its partition, which removes the process's entries when it dies, so that
 * for a moment after a death, lookups may still return the dead pid.
 *
 * <p>Every function runs in the calling process (found with {@link ProcessContext#require()}),
 * registers and unregisters that process, and raises as Elixir does:
 * {@link IllegalArgumentException} for Elixir's ArgumentError ({@code unknown registry: R}, ...).
 */
public final class Registry {
    /** {@code Registry}, the module in {@code {:via, Registry, {registry, key}}}. */
    public static final Atom MODULE = Atom.module("Registry");
    static final Integer ALL_INFO = -1;
    static final Integer KEY_INFO = -2;

    private static final Atom REGISTER = Atom.of("register");
    private static final Atom UNREGISTER = Atom.of("unregister");
    private static final Atom ALREADY_REGISTERED = Atom.of("already_registered");
    private static final Atom TASK = Atom.module("Task");
    private static final Atom AWAIT = Atom.of("await");
    /** {@code :erlang.unique_integer/0} starts at the smallest small integer, as the PID tables in the notes show. */
    private static final AtomicLong UNIQUE = new AtomicLong(-576460752303423488L);

    private Registry() {}

    // ---- starting ---------------------------------------------------------------------------------

    /**
     * Starts a registry linked to the caller, as {@code Registry.start_link/1}: a supervisor named
     * {@code name} ({@code :one_for_all} for unique keys, {@code :one_for_one} for duplicate ones)
     * over {@code partitions} partition processes.
     *
     * <pre>{@code Registry.startLink(List.of(Tuple.of(Atom.of("keys"), Atom.of("unique")), Tuple.of(Atom.of("name"), reg)))}</pre>
     *
     * @param options the keyword list: {@code keys:} (required), {@code name:} (required),
     *                {@code partitions:} (1), {@code listeners:} ([]), {@code meta:} ([]),
     *                {@code compressed:} (false)
     * @return {@code {:ok, supervisor_pid}}, or {@code {:error, {:already_started, pid}}} when the
     *         name is taken
     * @throws IllegalArgumentException for bad options, with Elixir's texts (see {@link RegistryOptions#parse})
     * @throws IllegalStateException when not called from a process
     */
    public static Object startLink(List<?> options) {
        RegistryOptions o = RegistryOptions.parse(options);
        ProcessContext caller = ProcessContext.require();
        Node node = caller.node();
        install(node);
        Atom strategy = o.unique() ? SupervisorFlags.ONE_FOR_ALL : SupervisorFlags.ONE_FOR_ONE;
        List<ChildSpec> children = new ArrayList<>(o.partitions());
        for (int i = 0; i < o.partitions(); i++) children.add(partitionSpec(node, o, i));
        return Supervisor.startLink(children, SupervisorFlags.of(strategy), o.name());
    }

    /**
     * A child spec that starts a registry under a supervisor, as {@code Registry.child_spec/1}:
     * id {@code name} (or {@code Registry}), type {@code :supervisor}. The options are checked when
     * the child starts.
     */
    public static ChildSpec childSpec(List<?> options) {
        Object id = MODULE;
        if (options != null) {
            for (Object opt : options) {
                if (opt instanceof Tuple t && t.size() == 2 && Atom.of("name").equals(t.get(0))) {
                    id = t.get(1);
                    break;
                }
            }
        }
        List<Object> args = List.of(options == null ? List.of() : options);
        return ChildSpec.supervisor(id, new ChildSpec.Mfa(MODULE, Atom.of("start_link"), args,
                (m, f, a) -> startLink((List<?>) a.get(0)))).withModules(List.of(MODULE));
    }

    /**
     * Makes {@code {:via, Registry, {registry, key}}} and {@code {:via, Registry, {registry, key, value}}}
     * names work on {@code node}; {@link #startLink} does it, so it is only needed before any
     * registry has been started.
     */
    public static void install(Node node) {
        if (!(node.registeredVia(MODULE) instanceof RegistryVia)) node.registerVia(MODULE, new RegistryVia(node));
    }

    private static ChildSpec partitionSpec(Node node, RegistryOptions o, int i) {
        Atom keyPartition = partitionName(node, o.name(), "KeyPartition", i);
        Atom pidPartition = partitionName(node, o.name(), "PIDPartition", i);
        Tuple arg = Tuple.of(o.keys(), o.name(), i, o.partitions(), keyPartition, pidPartition, o.listeners(), o.compressed());
        ChildSpec.Start start = new ChildSpec.Mfa(Partition.MODULE, Atom.of("start_link"), List.of(pidPartition, arg), (m, f, a) -> {
            // Registry.Supervisor's init creates the registry's table before the partitions start;
            // here the first partition's start does it, in the supervisor process that will own it.
            if (i == 0) ensureRegistryTable(o);
            Object started = startPartition(o, i, keyPartition, pidPartition);
            if (started instanceof Tuple t && t.isTagged(Atom.ERROR, 2) && t.get(1) instanceof Tuple why
                    && why.isTagged(Atom.of("already_started"), 2) && awaitOrphanExit((Pid) why.get(1))) {
                started = startPartition(o, i, keyPartition, pidPartition);
            }
            return started;
        });
        return ChildSpec.worker(pidPartition, start);
    }

    private static Object startPartition(RegistryOptions o, int i, Atom keyPartition, Atom pidPartition) {
        return GenServer.startLink(new Partition(o.keys(), o.name(), i, o.partitions(), keyPartition, pidPartition, o.listeners()),
                null, StartOptions.named(pidPartition));
    }

    /**
     * A registry restarted right after its supervisor was killed finds the old partitions still
     * holding their names: they trap exits and are handling their parent's {@code :EXIT}. Waits
     * (up to a worker's shutdown time) for such an orphan to finish.
     *
     * @return true when {@code old} was an orphaned partition and has exited
     */
    private static boolean awaitOrphanExit(Pid old) {
        ProcessContext self = ProcessContext.require();
        procshell.runtime.process.LocalProcess p = self.node().process(old);
        if (p == null) return true;
        // its parent is named first: a name may already be the new supervisor's, not linked to it
        Pid parent = procshell.runtime.observe.ProcessFacts.parent(self.node(), p);
        if (parent == null || self.node().isAlive(parent) && p.links().contains(parent)) {
            return false;
        }
        Ref ref = self.monitor(old);
        Object down = self.receive(m -> m instanceof Tuple t && t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)), 5000);
        if (down == Mailbox.TIMEOUT) {
            self.demonitor(ref, true);
            return false;
        }
        return true;
    }

    /** {@code Module.concat(registry, "KeyPartition0")}: {@code R.KeyPartition0}. */
    private static Atom partitionName(Node node, Atom registry, String what, int i) {
        String base = registry.name().startsWith("Elixir.") ? registry.name().substring(7) : registry.name();
        return node.atoms().intern("Elixir." + base + "." + what + i);
    }

    private static void ensureRegistryTable(RegistryOptions o) {
        ProcessContext self = ProcessContext.require();
        Tables tables = self.node().tables();
        Table existing = tables.named(o.name());
        if (existing != null && existing.owner().equals(self.self())) return; // a restart of partition 0
        Table t = tables.create(o.name(), new TableOptions(TableType.SET, Protection.PUBLIC, true, true, false, null));
        t.attach(new RegistryLayout(o.keys(), o.partitions(), o.listeners()));
        List<Tuple> entries = new ArrayList<>();
        entries.add(Tuple.of(ALL_INFO, Tuple.of(o.keys(), o.partitions(), null, null, o.listeners())));
        entries.add(Tuple.of(KEY_INFO, Tuple.of(o.keys(), o.partitions(), null)));
        entries.addAll(o.meta());
        t.insert(entries);
    }

    // ---- registering --------------------------------------------------------------------------

    /**
     * Registers the calling process under {@code key} with {@code value}, as
     * {@code Registry.register/3}, and links it to the partition (which removes the entry when
     * the process dies). Listeners get {@code {:register, registry, key, pid, value}}.
     *
     * <pre>{@code Registry.register(reg, "hello", world)  // {:ok, #PID<0.110.0>} (the partition)}</pre>
     *
     * @return {@code {:ok, owner}} where owner is the partition's pid, or, for a unique registry,
     *         {@code {:error, {:already_registered, pid}}} with the pid that holds the key
     * @throws IllegalArgumentException {@code unknown registry: R}
     */
    public static Object register(Atom registry, Object key, Object value) {
        ProcessContext self = ProcessContext.require();
        Node node = self.node();
        Tables tables = node.tables();
        Pid me = self.self();
        Slot slot = slot(tables, registry, key, me);
        Atom kind = slot.layout().kind();
        Table keyTable = slot.keyTable();
        Pid pidServer = slot.partition();
        Table pidTable = slot.pidTable();
        self.link(pidServer);
        Tuple pidEntry = Tuple.of(me, key, keyTable.id(), UNIQUE.getAndIncrement());
        pidTable.insert(pidEntry);
        Object error = registerKey(node, kind, keyTable, key, Tuple.of(key, Tuple.of(me, value)));
        afterWrites(self, registry, keyTable, key, pidTable);
        if (error == null) {
            if (node.events().active()) node.events().publish(new NodeEvent.Registered(registry, key, me));
            List<Atom> listeners = slot.layout().listeners();
            if (!listeners.isEmpty()) for (Atom listener : listeners) self.send(listener, Tuple.of(REGISTER, registry, key, me, value));
            return Tuple.of(Atom.OK, pidServer);
        }
        pidTable.deleteObject(pidEntry);
        Pid holder = (Pid) ((Tuple) ((Tuple) error).get(1)).get(1);
        if (!holder.equals(me)) unlinkIfUnregistered(self, pidServer, pidTable);
        return error;
    }

    /** Stores the key entry; null when done, else {@code {:error, {:already_registered, pid}}}. */
    private static Object registerKey(Node node, Atom kind, Table keyTable, Object key, Tuple entry) {
        if (RegistryOptions.DUPLICATE.equals(kind)) {
            keyTable.insert(entry);
            return null;
        }
        while (true) {
            if (keyTable.insertNew(entry)) return null;
            List<Tuple> current = keyTable.lookup(key);
            if (current.isEmpty()) continue;
            Tuple held = current.get(0);
            Pid pid = (Pid) ((Tuple) held.get(1)).get(0);
            if (node.isAlive(pid)) return Tuple.of(Atom.ERROR, Tuple.of(ALREADY_REGISTERED, pid));
            // The holder died and its partition has not cleaned up yet: the key is free.
            keyTable.deleteObject(held);
        }
    }

    /**
     * Where a process's entries under a key live: the registry's layout, the key's partition
     * table, and the partition process and PID table for that process.
     */
    private record Slot(RegistryLayout layout, Table keyTable, Pid partition, Table pidTable) {}

    /**
     * As Elixir's register/3 picks its tables: the same steps for one partition as for several
     * (see {@link RegistryLayout}).
     *
     * @throws IllegalArgumentException {@code unknown registry: R}
     */
    private static Slot slot(Tables tables, Atom registry, Object key, Pid pid) {
        RegistryLayout l = layout(tables, registry);
        RegistryLayout.Part byPid = l.part(l.partitionOf(pid));
        Table keyTable = l.unique() ? l.keyTable(l.partitionOf(key)) : byPid.keyTable();
        return new Slot(l, keyTable, byPid.server(), byPid.pidTable());
    }

    /**
     * Removes every entry of the calling process under {@code key}, as {@code Registry.unregister/2};
     * unlinks from the partition when the process has no entries left there. Listeners get
     * {@code {:unregister, registry, key, pid}}.
     *
     * @return {@code :ok}, also when there was no entry
     */
    public static Atom unregister(Atom registry, Object key) {
        ProcessContext self = ProcessContext.require();
        Tables tables = self.node().tables();
        Pid me = self.self();
        Slot slot = slot(tables, registry, key, me);
        Table keyTable = slot.keyTable();
        long removed = unregisterEntries(keyTable, Tuple.of(key, Tuple.of(me, ANY)), 1);
        unregisterEntries(slot.pidTable(), Tuple.of(me, key, keyTable.id(), ANY), 2);
        unlinkIfUnregistered(self, slot.partition(), slot.pidTable());
        if (removed > 0) unregistered(self.node(), registry, key, me);
        for (Atom listener : slot.layout().listeners()) self.send(listener, Tuple.of(UNREGISTER, registry, key, me));
        return Atom.OK;
    }

    /**
     * Removes the calling process's entries under {@code key} whose value matches
     * {@code pattern} and {@code guards}, as {@code Registry.unregister_match/4}.
     *
     * <pre>{@code Registry.unregisterMatch(reg, "hello", Tuple.of(Atom.of("$1"), Atom.of("_")), List.of(Tuple.of(Atom.of("<"), Atom.of("$1"), 2)))}</pre>
     *
     * @param pattern a match pattern ({@code :_}, {@code :"$1"}, literals, tuples, maps)
     * @param guards  match-spec guards, e.g. {@code [{:>, :"$1", 1}]}
     * @return {@code :ok}
     * @throws IllegalArgumentException {@code unknown registry: R}, or ETS's {@code not a valid
     *         match specification}
     */
    public static Atom unregisterMatch(Atom registry, Object key, Object pattern, List<?> guards) {
        ProcessContext self = ProcessContext.require();
        Tables tables = self.node().tables();
        Pid me = self.self();
        Slot slot = slot(tables, registry, key, me);
        Table keyTable = slot.keyTable();
        Tuple keyGuard = Tuple.of(EXACT_EQ, Tuple.of(ELEMENT, 1, WHOLE), Tuple.of(CONST, key));
        long total = keyTable.selectCount(List.of(Tuple.of(Tuple.of(ANY, Tuple.of(me, ANY)), List.of(keyGuard), List.of(Boolean.TRUE))));
        List<Object> allGuards = new ArrayList<>();
        allGuards.add(keyGuard);
        allGuards.addAll(guards);
        long deleted = keyTable.selectDelete(List.of(Tuple.of(Tuple.of(ANY, Tuple.of(me, pattern)), allGuards, List.of(Boolean.TRUE))));
        if (deleted > 0) unregistered(self.node(), registry, key, me);
        if (deleted == total) {
            unregisterEntries(slot.pidTable(), Tuple.of(me, key, keyTable.id(), ANY), 2);
            unlinkIfUnregistered(self, slot.partition(), slot.pidTable());
            for (Atom listener : slot.layout().listeners()) self.send(listener, Tuple.of(UNREGISTER, registry, key, me));
        } else if (deleted != 0) {
            // As Elixir: the remaining entries' pid-table rows are rewritten under a fresh counter,
            // with a temporary row marking how many remain while they are swapped.
            long counter = UNIQUE.getAndIncrement();
            long remaining = total - deleted;
            Tuple temp = Tuple.of(me, key, Tuple.of(keyTable.id(), remaining), counter);
            slot.pidTable().insert(temp);
            unregisterEntries(slot.pidTable(), Tuple.of(me, key, keyTable.id(), ANY), 2);
            slot.pidTable().insert(Collections.nCopies((int) remaining, Tuple.of(me, key, keyTable.id(), counter)));
            slot.pidTable().deleteObject(temp);
            afterWrites(self, registry, keyTable, key, slot.pidTable());
        }
        return Atom.OK;
    }

    /** {@link #unregisterMatch(Atom, Object, Object, List)} with no guards, as {@code Registry.unregister_match/3}. */
    public static Atom unregisterMatch(Atom registry, Object key, Object pattern) {
        return unregisterMatch(registry, key, pattern, List.of());
    }

    /**
     * Deletes the objects that {@code match} matches, as Elixir's {@code Registry.__unregister__/3}:
     * a key (at {@code pos}) that is not ground ({@code :_}, {@code :"$1"}) is compared literally
     * through a guard instead of being used as a pattern.
     *
     * @return how many objects were deleted
     */
    static long unregisterEntries(Table table, Tuple match, int pos) {
        Object key = match.get(pos - 1);
        if (isGround(key)) return table.selectDelete(List.of(Tuple.of(match, List.of(), List.of(Boolean.TRUE))));
        Object[] pattern = match.toArray();
        pattern[pos - 1] = ANY;
        Tuple guard = Tuple.of(EXACT_EQ, Tuple.of(ELEMENT, pos, WHOLE), Tuple.of(CONST, key));
        return table.selectDelete(List.of(Tuple.of(Tuple.of(pattern), List.of(guard), List.of(Boolean.TRUE))));
    }

    private static boolean isGround(Object t) {
        if (t instanceof Atom a) return !a.name().equals("_") && !a.name().startsWith("$");
        if (t instanceof Tuple tuple) {
            for (int i = 0; i < tuple.size(); i++) if (!isGround(tuple.get(i))) return false;
            return true;
        }
        if (t instanceof List<?> l) {
            for (Object o : l) if (!isGround(o)) return false;
            return true;
        }
        if (t instanceof java.util.Map<?, ?> m) {
            for (var e : m.entrySet()) if (!isGround(e.getKey()) || !isGround(e.getValue())) return false;
        }
        return true;
    }

    /**
     * A process killed while it wrote entries is dead for everyone, yet its thread runs on until
     * it next touches the runtime: its partition may already have cleaned up after its exit
     * (even between this process's pid row and its key entry), so the entries it has just
     * written would stay forever. It removes them itself, then unwinds. If it is still alive
     * here, its exit comes later and the partition sees everything it wrote.
     */
    private static void afterWrites(ProcessContext self, Atom registry, Table keyTable, Object key, Table pidTable) {
        if (self.process().isAlive()) return;
        if (unregisterEntries(keyTable, Tuple.of(key, Tuple.of(self.self(), ANY)), 1) > 0) unregistered(self.node(), registry, key, self.self());
        removeEntriesOf(self.node(), registry, pidTable, self.self());
        self.process().checkAlive();
    }

    /**
     * Removes every entry of {@code pid} from one partition, as Registry.Partition does on
     * {@code {:EXIT, pid, _}}: its pid-table rows are taken, and each names a key to delete.
     */
    static void removeEntriesOf(Node node, Atom registry, Table pidTable, Pid pid) {
        for (Tuple row : pidTable.take(pid)) {
            // A row left by unregister_match holds {key_table, remaining} instead of the table.
            Object keyTable = row.get(2) instanceof Tuple pair ? pair.get(0) : row.get(2);
            Table t = node.tables().find(keyTable);
            if (t == null) continue;
            try {
                if (unregisterEntries(t, Tuple.of(row.get(1), Tuple.of(pid, ANY)), 1) > 0) unregistered(node, registry, row.get(1), pid);
            } catch (IllegalArgumentException gone) {
                // The key table went with a partition that died meanwhile: nothing left to remove.
            }
        }
    }

    /** Publishes {@link NodeEvent.Unregistered} (registry, key, pid) to the node's watchers, if any. */
    private static void unregistered(Node node, Atom registry, Object key, Pid pid) {
        if (node.events().active()) node.events().publish(new NodeEvent.Unregistered(registry, key, pid));
    }

    private static void unlinkIfUnregistered(ProcessContext self, Pid pidServer, Table pidTable) {
        if (!pidTable.member(self.self())) self.unlink(pidServer);
    }

    // ---- reading ------------------------------------------------------------------------------

    /**
     * The {@code {pid, value}} entries under {@code key}, as {@code Registry.lookup/2}; no process
     * is involved. The pid of a process that just died may still be listed.
     *
     * <pre>{@code Registry.lookup(reg, "hello")  // [{#PID<0.137.0>, :world}]}</pre>
     *
     * @return the entries, in no particular order; empty when none
     * @throws IllegalArgumentException {@code unknown registry: R}
     */
    @SuppressWarnings("unchecked")
    public static List<Tuple> lookup(Atom registry, Object key) {
        RegistryLayout l = layout(tables(), registry);
        if (l.unique()) {
            Object pair = safeLookupSecond(l.keyTable(l.partitionOf(key)), key);
            return pair instanceof Tuple p ? List.of(p) : List.of();
        }
        int partitions = l.partitions();
        if (partitions == 1) return (List<Tuple>) safeLookupSecond(l.keyTable(0), key);
        List<Tuple> out = new ArrayList<>();
        for (int p = 0; p < partitions; p++) out.addAll((List<Tuple>) safeLookupSecond(l.keyTable(p), key));
        return out;
    }

    /**
     * The keys the process {@code pid} is registered under, as {@code Registry.keys/2}: each once
     * for a unique registry, once per registration for a duplicate one.
     *
     * <pre>{@code Registry.keys(reg, pid)  // ["James Bond"]}</pre>
     */
    public static List<Object> keys(Atom registry, Pid pid) {
        RegistryLayout l = layout(tables(), registry);
        List<Object> rows;
        try {
            Table pidTable = l.part(l.partitionOf(pid)).pidTable();
            Atom k = Atom.of("$1"), t = Atom.of("$2");
            rows = pidTable.select(List.of(Tuple.of(Tuple.of(pid, k, t, ANY), List.of(), List.of(Tuple.of(Tuple.of(k, t))))));
        } catch (IllegalArgumentException gone) {
            rows = List.of();
        }
        List<Object> keys = gatherKeys(rows);
        return l.unique() ? new ArrayList<>(new LinkedHashSet<>(keys)) : keys;
    }

    /** As Elixir's {@code gather_keys/3}: an unregister_match in progress counts its remaining entries. */
    private static List<Object> gatherKeys(List<Object> rows) {
        List<Object> acc = new ArrayList<>();
        Object fakeKey = null;
        long remaining = -1;
        for (Object r : rows) {
            Tuple row = (Tuple) r;
            acc.add(row.get(0));
            if (row.get(1) instanceof Tuple pair) {
                fakeKey = row.get(0);
                remaining = ((Number) pair.get(1)).longValue();
            }
        }
        // Elixir prepends as it goes: the keys come out newest first.
        Collections.reverse(acc);
        if (remaining < 0) return acc;
        List<Object> out = new ArrayList<>(Collections.nCopies((int) remaining, fakeKey));
        for (Object k : acc) if (!TermCompare.exactEquals(k, fakeKey)) out.add(k);
        return out;
    }

    /**
     * The values {@code pid} registered under {@code key}, as {@code Registry.values/3}.
     *
     * @return one value (unique) or one per registration (duplicate); empty when none
     */
    @SuppressWarnings("unchecked")
    public static List<Object> values(Atom registry, Object key, Pid pid) {
        RegistryLayout l = layout(tables(), registry);
        if (l.unique()) {
            Object pair = safeLookupSecond(l.keyTable(l.partitionOf(key)), key);
            return pair instanceof Tuple p && pid.equals(p.get(0)) ? List.of(p.get(1)) : List.of();
        }
        Table t = l.keyTable(l.partitionOf(pid));
        List<Object> out = new ArrayList<>();
        for (Tuple p : (List<Tuple>) safeLookupSecond(t, key)) if (pid.equals(p.get(0))) out.add(p.get(1));
        return out;
    }

    /**
     * The {@code {pid, value}} entries under {@code key} whose value matches {@code pattern} and
     * {@code guards}, as {@code Registry.match/4}.
     *
     * <pre>{@code Registry.match(reg, "hello", Tuple.of(1, Atom.of("_"), Atom.of("_")), List.of())  // [{#PID<0.137.0>, {1, :atom, 1}}]}</pre>
     *
     * @throws IllegalArgumentException {@code unknown registry: R}, or ETS's {@code not a valid
     *         match specification}
     */
    @SuppressWarnings("unchecked")
    public static List<Tuple> match(Atom registry, Object key, Object pattern, List<?> guards) {
        List<?> spec = keySpec(key, pattern, guards, Tuple.of(ELEMENT, 2, WHOLE));
        List<Tuple> out = new ArrayList<>();
        for (Table t : keyTablesFor(registry, key)) for (Object o : t.select(spec)) out.add((Tuple) o);
        return out;
    }

    /** {@link #match(Atom, Object, Object, List)} with no guards, as {@code Registry.match/3}. */
    public static List<Tuple> match(Atom registry, Object key, Object pattern) {
        return match(registry, key, pattern, List.of());
    }

    /**
     * How many entries under {@code key} match {@code pattern} and {@code guards}, as
     * {@code Registry.count_match/4}.
     */
    public static long countMatch(Atom registry, Object key, Object pattern, List<?> guards) {
        List<?> spec = keySpec(key, pattern, guards, Boolean.TRUE);
        long n = 0;
        for (Table t : keyTablesFor(registry, key)) n += t.selectCount(spec);
        return n;
    }

    /** {@link #countMatch(Atom, Object, Object, List)} with no guards, as {@code Registry.count_match/3}. */
    public static long countMatch(Atom registry, Object key, Object pattern) {
        return countMatch(registry, key, pattern, List.of());
    }

    /** {@code [{{:_, {:_, pattern}}, [{:"=:=", {:element, 1, :"$_"}, {:const, key}} | guards], [body]}]}, as Elixir builds it. */
    private static List<?> keySpec(Object key, Object pattern, List<?> guards, Object body) {
        List<Object> all = new ArrayList<>(guards.size() + 1);
        all.add(Tuple.of(EXACT_EQ, Tuple.of(ELEMENT, 1, WHOLE), Tuple.of(CONST, key)));
        all.addAll(guards);
        return List.of(Tuple.of(Tuple.of(ANY, Tuple.of(ANY, pattern)), all, List.of(body)));
    }

    /** The key tables that may hold {@code key}: its partition's for a unique registry, all for a duplicate one. */
    private static List<Table> keyTablesFor(Atom registry, Object key) {
        RegistryLayout l = layout(tables(), registry);
        if (l.unique()) return List.of(l.keyTable(l.partitionOf(key)));
        return allKeyTables(l);
    }

    /** Every key table of the registry, in partition order. */
    private static List<Table> allKeyTables(RegistryLayout l) {
        List<Table> out = new ArrayList<>(l.partitions());
        for (int p = 0; p < l.partitions(); p++) out.add(l.keyTable(p));
        return out;
    }

    /**
     * Runs a full match specification over the registry, as {@code Registry.select/2}: each head
     * is {@code {key, pid, value}}.
     *
     * <pre>{@code Registry.select(reg, [{{:"$1", :_, :_}, [], [:"$1"]}])  // ["hello", "world"]}</pre>
     *
     * @throws IllegalArgumentException {@code invalid match specification in Registry.select/2: ...}
     *         when a clause is not {@code {{key, pid, value}, guards, body}}
     */
    public static List<Object> select(Atom registry, List<?> spec) {
        List<?> grouped = groupMatchHeaders(spec, "select/2");
        List<Object> out = new ArrayList<>();
        for (Table t : allKeyTables(layout(tables(), registry))) out.addAll(t.select(grouped));
        return out;
    }

    /** How many entries a full match specification returns {@code true} for, as {@code Registry.count_select/2}. */
    public static long countSelect(Atom registry, List<?> spec) {
        List<?> grouped = groupMatchHeaders(spec, "count_select/2");
        long n = 0;
        for (Table t : allKeyTables(layout(tables(), registry))) n += t.selectCount(grouped);
        return n;
    }

    /** {@code {{key, pid, value}, guards, body}} to the tables' {@code {{key, {pid, value}}, guards, body}}. */
    private static List<?> groupMatchHeaders(List<?> spec, String function) {
        List<Object> out = new ArrayList<>(spec.size());
        for (Object part : spec) {
            if (part instanceof Tuple t && t.size() == 3 && t.get(0) instanceof Tuple head && head.size() == 3) {
                out.add(Tuple.of(Tuple.of(head.get(0), Tuple.of(head.get(1), head.get(2))), t.get(1), t.get(2)));
            } else {
                throw new IllegalArgumentException("invalid match specification in Registry." + function + ": " + Inspect.inspect(spec));
            }
        }
        return out;
    }

    /**
     * The number of entries in the registry, as {@code Registry.count/1}.
     *
     * @throws IllegalArgumentException {@code unknown registry: R}
     */
    public static long count(Atom registry) {
        RegistryLayout l = layout(tables(), registry);
        long n = 0;
        for (int p = 0; p < l.partitions(); p++) {
            Table t;
            try {
                t = l.keyTable(p);
            } catch (IllegalArgumentException starting) {
                continue;
            }
            n += safeSize(t);
        }
        return n;
    }

    /**
     * The pid registered under {@code key} if it is alive, as {@code Registry.whereis_name/1}
     * ({@code Registry.whereis_name({registry, key})}).
     *
     * @param name {@code {registry, key}} or {@code {registry, key, value}}
     * @return the pid, or {@code :undefined}
     * @throws IllegalArgumentException {@code :via is not supported for duplicate registries},
     *         {@code unknown registry: R}
     */
    public static Object whereisName(Tuple name) {
        Pid p = whereisName(node(), name);
        return p == null ? Atom.UNDEFINED : p;
    }

    static Pid whereisName(Node node, Tuple name) {
        Atom registry = registryOf(name, "whereis_name/1");
        RegistryLayout l = layout(node.tables(), registry);
        if (!l.unique()) throw new IllegalArgumentException(":via is not supported for " + l.kind().name() + " registries");
        Object key = name.get(1);
        Table t = l.keyTable(l.partitionOf(key));
        Object pair = safeLookupSecond(t, key);
        if (pair instanceof Tuple p && p.get(0) instanceof Pid pid && node.isAlive(pid)) return pid;
        return null;
    }

    /**
     * Registers the calling process under a via name, as {@code Registry.register_name/2}.
     *
     * @param name {@code {registry, key}} or {@code {registry, key, value}} (value nil by default)
     * @param pid  must be the calling process
     * @return {@code :yes} or {@code :no}
     * @throws IllegalArgumentException when {@code pid} is not the caller (Elixir's FunctionClauseError)
     */
    public static Atom registerName(Tuple name, Pid pid) {
        Atom registry = registryOf(name, "register_name/2");
        ProcessContext self = ProcessContext.require();
        if (!pid.equals(self.self())) throw new IllegalArgumentException("no function clause matching in Registry.register_name/4");
        // A via name needs a unique registry, as whereis_name/1 (which gen calls first on the BEAM) insists.
        RegistryLayout l = layout(self.node().tables(), registry);
        if (!l.unique()) throw new IllegalArgumentException(":via is not supported for " + l.kind().name() + " registries");
        Object r = register(registry, name.get(1), name.size() == 3 ? name.get(2) : null);
        return r instanceof Tuple t && Atom.OK.equals(t.get(0)) ? Atom.YES : Atom.NO;
    }

    /** Unregisters the caller's via name, as {@code Registry.unregister_name/1}; returns {@code :ok}. */
    public static Atom unregisterName(Tuple name) {
        return unregister(registryOf(name, "unregister_name/1"), name.get(1));
    }

    /**
     * Sends {@code message} to the process under a via name, as {@code Registry.send/2}.
     *
     * @return the pid the message went to
     * @throws IllegalArgumentException {@code argument error} (Erlang's badarg) when no process is registered
     */
    public static Pid send(Tuple name, Object message) {
        Atom registry = registryOf(name, "send/2");
        List<Tuple> found = lookup(registry, name.get(1));
        if (found.size() != 1) throw new IllegalArgumentException("argument error");
        Pid pid = (Pid) found.get(0).get(0);
        pid.node().send(pid, message);
        return pid;
    }

    private static Atom registryOf(Tuple name, String function) {
        if ((name.size() == 2 || name.size() == 3) && name.get(0) instanceof Atom a) return a;
        throw new IllegalArgumentException("no function clause matching in Registry." + function);
    }

    // ---- values and dispatch ------------------------------------------------------------------

    /**
     * Updates the value the calling process registered under {@code key} in a unique registry, as
     * {@code Registry.update_value/3}.
     *
     * <pre>{@code Registry.updateValue(reg, "hello", v -> (Integer) v + 1)  // {2, 1}}</pre>
     *
     * @return {@code {new_value, old_value}}, or {@code :error} when the caller holds no such key
     * @throws IllegalArgumentException {@code Registry.update_value/3 is not supported for duplicate registries}
     */
    public static Object updateValue(Atom registry, Object key, UnaryOperator<Object> callback) {
        ProcessContext self = ProcessContext.require();
        RegistryLayout l = layout(self.node().tables(), registry);
        if (!l.unique()) {
            throw new IllegalArgumentException("Registry.update_value/3 is not supported for " + l.kind().name() + " registries");
        }
        Table t = l.keyTable(l.partitionOf(key));
        Object pair = safeLookupSecond(t, key);
        if (!(pair instanceof Tuple p) || !self.self().equals(p.get(0))) return Atom.ERROR;
        Object old = p.get(1);
        Object updated = callback.apply(old);
        Tuple entry = Tuple.of(key, Tuple.of(self.self(), updated));
        t.insert(entry);
        if (!self.process().isAlive()) {
            // Killed meanwhile: its partition may have cleaned up already, so this entry must go too.
            t.deleteObject(entry);
            self.process().checkAlive();
        }
        return Tuple.of(updated, old);
    }

    /**
     * Calls {@code callback} with the {@code {pid, value}} entries under {@code key}, per partition,
     * as {@code Registry.dispatch/3}; never with an empty list. With {@code parallel} and several
     * partitions, each partition's call runs in its own process, linked to the caller, and this
     * waits for all of them.
     *
     * <pre>{@code Registry.dispatch(reg, "hello", entries -> entries.forEach(e -> send((Pid) e.get(0), msg)), false)}</pre>
     *
     * @return {@code :ok}
     * @throws ExitException {@code {reason, {Task, :await, [pid, :infinity]}}} when a parallel callback crashed
     *         (the link has usually ended the caller already, as in Elixir)
     */
    @SuppressWarnings("unchecked")
    public static Atom dispatch(Atom registry, Object key, Consumer<List<Tuple>> callback, boolean parallel) {
        RegistryLayout l = layout(tables(), registry);
        int partitions = l.partitions();
        if (l.unique()) {
            if (safeLookupSecond(l.keyTable(l.partitionOf(key)), key) instanceof Tuple pair) callback.accept(List.of(pair));
        } else if (partitions == 1) {
            applyNonEmpty((List<Tuple>) safeLookupSecond(l.keyTable(0), key), callback);
        } else if (!parallel) {
            for (int p = partitions - 1; p >= 0; p--) applyNonEmpty((List<Tuple>) safeLookupSecond(l.keyTable(p), key), callback);
        } else {
            dispatchParallel(l, key, callback);
        }
        return Atom.OK;
    }

    /** {@link #dispatch(Atom, Object, Consumer, boolean)} without {@code parallel:}, as {@code Registry.dispatch/3}. */
    public static Atom dispatch(Atom registry, Object key, Consumer<List<Tuple>> callback) {
        return dispatch(registry, key, callback, false);
    }

    private static void applyNonEmpty(List<Tuple> entries, Consumer<List<Tuple>> callback) {
        if (!entries.isEmpty()) callback.accept(entries);
    }

    /** One task per partition, as Elixir's {@code Task.async/1}: linked, monitored, unlinking itself when done. */
    @SuppressWarnings("unchecked")
    private static void dispatchParallel(RegistryLayout l, Object key, Consumer<List<Tuple>> callback) {
        int partitions = l.partitions();
        ProcessContext self = ProcessContext.require();
        Node node = self.node();
        Pid parent = self.self();
        List<Object[]> tasks = new ArrayList<>(partitions);
        for (int p = partitions - 1; p >= 0; p--) {
            int partition = p;
            Ref reply = node.makeRef();
            Tuple spawned = node.spawnMonitor(task -> {
                applyNonEmpty((List<Tuple>) safeLookupSecond(l.keyTable(partition), key), callback);
                task.unlink(parent);
                task.send(parent, Tuple.of(reply, Atom.OK));
            }, SpawnOptions.LINK);
            tasks.add(new Object[] {spawned.get(0), spawned.get(1), reply});
        }
        for (Object[] t : tasks) {
            Ref monitor = (Ref) t[1];
            Ref reply = (Ref) t[2];
            Object m = self.receive(msg -> msg instanceof Tuple r && ((r.size() == 2 && reply.equals(r.get(0)))
                    || (r.isTagged(Atom.DOWN, 5) && monitor.equals(r.get(1)))), -1);
            if (m == Mailbox.TIMEOUT) continue;
            Tuple r = (Tuple) m;
            if (r.size() == 5) throw new ExitException(Tuple.of(r.get(4), Tuple.of(TASK, AWAIT, List.of(t[0], Atom.INFINITY))));
            self.demonitor(monitor, true);
        }
    }

    // ---- metadata -----------------------------------------------------------------------------

    /**
     * The registry's metadata under {@code key}, as {@code Registry.meta/2}.
     *
     * @param key an atom or a tuple
     * @return {@code {:ok, value}} or {@code :error}
     * @throws IllegalArgumentException {@code unknown registry: R. Either the registry name is
     *         invalid or the registry is not running, possibly because its application isn't started}
     */
    public static Object meta(Atom registry, Object key) {
        checkMetaKey(key, "meta/2");
        Table t = tables().named(registry);
        if (t == null) {
            throw new IllegalArgumentException("unknown registry: " + Inspect.inspect(registry)
                    + ". Either the registry name is invalid or the registry is not running, possibly because its application isn't started");
        }
        List<Tuple> found;
        try {
            found = t.lookup(key);
        } catch (IllegalArgumentException gone) {
            found = List.of();
        }
        return found.size() == 1 ? Tuple.of(Atom.OK, found.get(0).get(1)) : Atom.ERROR;
    }

    /**
     * Stores metadata under {@code key} (an atom or a tuple), as {@code Registry.put_meta/3}.
     *
     * @return {@code :ok}
     * @throws IllegalArgumentException {@code unknown registry: R}
     */
    public static Atom putMeta(Atom registry, Object key, Object value) {
        checkMetaKey(key, "put_meta/3");
        metaTable(registry).insert(Tuple.of(key, value));
        return Atom.OK;
    }

    /**
     * Deletes the metadata under {@code key}, as {@code Registry.delete_meta/2}.
     *
     * @return {@code :ok}
     * @throws IllegalArgumentException {@code unknown registry: R}
     */
    public static Atom deleteMeta(Atom registry, Object key) {
        checkMetaKey(key, "delete_meta/2");
        metaTable(registry).delete(key);
        return Atom.OK;
    }

    private static Table metaTable(Atom registry) {
        Table t = tables().named(registry);
        if (t == null) throw unknown(registry);
        return t;
    }

    private static void checkMetaKey(Object key, String function) {
        if (!(key instanceof Atom || key instanceof Tuple || key == null || key instanceof Boolean)) {
            throw new IllegalArgumentException("no function clause matching in Registry." + function);
        }
    }

    // ---- the tables ---------------------------------------------------------------------------

    private static Node node() {
        return ProcessContext.require().node();
    }

    private static Tables tables() {
        return node().tables();
    }

    /**
     * The registry's partitions (kept on its table, beside Elixir's rows: see {@link RegistryLayout}).
     *
     * @throws IllegalArgumentException {@code unknown registry: R} when no live table has that
     *         name or it is no registry's
     */
    private static RegistryLayout layout(Tables tables, Atom registry) {
        Table t = tables.named(registry);
        RegistryLayout l = t == null ? null : RegistryLayout.of(t);
        if (l == null) throw unknown(registry);
        return l;
    }

    private static IllegalArgumentException unknown(Atom registry) {
        return new IllegalArgumentException("unknown registry: " + Inspect.inspect(registry));
    }

    /**
     * {@code :ets.lookup_element(t, key, 2)} that gives {@code []} for a missing key or table, as
     * Elixir's {@code safe_lookup_second/2}: a set gives the element, a bag the list of elements.
     */
    private static Object safeLookupSecond(Table t, Object key) {
        if (t == null) return List.of();
        List<Tuple> objects;
        try {
            objects = t.lookup(key);
        } catch (IllegalArgumentException gone) {
            return List.of();
        }
        if (t.type() == TableType.SET) return objects.isEmpty() ? List.of() : objects.get(0).get(1);
        List<Object> out = new ArrayList<>(objects.size());
        for (Tuple o : objects) out.add(o.get(1));
        return out;
    }

    /** The table's size, 0 once it is gone (a partition restarting). */
    private static long safeSize(Table t) {
        return t.isAlive() ? t.size() : 0;
    }
}
