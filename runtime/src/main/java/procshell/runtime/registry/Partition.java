package procshell.runtime.registry;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.table.Protection;
import procshell.runtime.table.Table;
import procshell.runtime.table.TableOptions;
import procshell.runtime.table.TableType;
import procshell.runtime.table.Tables;

/**
 * One partition of a registry, as Elixir's {@code Registry.Partition}: a GenServer registered as
 * {@code R.PIDPartitionN} that owns the partition's two tables ({@code R.KeyPartitionN}: key to
 * {@code {pid, value}}; {@code R.PIDPartitionN}: pid to {@code {pid, key, key_table, counter}}),
 * records them in the registry's table, traps exits, and is linked to every process that
 * registered through it: when one dies, its {@code {:EXIT, pid, reason}} makes the partition
 * remove the process's entries.
 *
 * <p>Cleanup is linear in the entries of the dead process: its pid-table entries are taken by
 * key, and each key entry is deleted through the key table's pid grouping (a duplicate key with
 * 100,000 entries is not scanned per exit, as it is on the BEAM).
 */
final class Partition extends GenServer {
    /** {@code Registry.Partition}, shown as the module of the partition processes. */
    static final Atom MODULE = Atom.module("Registry.Partition");
    private static final Atom SYNC = Atom.of("sync");

    private final Atom kind;
    private final Atom registry;
    private final int index;
    private final int partitions;
    private final Atom keyPartition;
    private final Atom pidPartition;
    private final List<Atom> listeners;
    private Table pidTable;

    Partition(Atom kind, Atom registry, int index, int partitions, Atom keyPartition, Atom pidPartition, List<Atom> listeners) {
        this.kind = kind;
        this.registry = registry;
        this.index = index;
        this.partitions = partitions;
        this.keyPartition = keyPartition;
        this.pidPartition = pidPartition;
        this.listeners = listeners;
    }

    @Override
    public Atom module() {
        return MODULE;
    }

    @Override
    public Object init(Object arg) {
        ProcessContext self = ProcessContext.require();
        self.trapExit(true);
        Tables tables = self.node().tables();
        TableOptions keyOptions = new TableOptions(TableType.SET, Protection.PUBLIC, false, true, true, null);
        if (RegistryOptions.DUPLICATE.equals(kind)) {
            // Group a key's entries {key, {pid, value}} by pid: removing a dead pid's entries then
            // costs its own entries, not the key's.
            keyOptions = keyOptions.withType(TableType.DUPLICATE_BAG).withGroupBy(2, 1);
        }
        Table keyTable = tables.create(keyPartition, keyOptions);
        // Group a pid's rows {pid, key, key_table, counter} by key: unregistering one key of a
        // process holding many then costs that key's rows only.
        pidTable = tables.create(pidPartition,
                new TableOptions(TableType.DUPLICATE_BAG, Protection.PUBLIC, false, true, true, null).withGroupBy(2));
        Table info = tables.get(registry);
        Tuple pidPair = Tuple.of(self.self(), pidTable.id());
        if (partitions == 1) {
            info.insert(List.of(Tuple.of(Registry.KEY_INFO, Tuple.of(kind, partitions, keyTable.id())),
                    Tuple.of(Registry.ALL_INFO, Tuple.of(kind, partitions, keyTable.id(), pidPair, listeners))));
        } else {
            info.insert(Tuple.of(index, keyTable.id(), pidPair));
        }
        RegistryLayout layout = RegistryLayout.of(info);
        if (layout != null) layout.set(index, keyTable, self.self(), pidTable);
        return Tuple.of(Atom.OK, pidTable.id());
    }

    @Override
    public Object handleInfo(Object message, Object state) {
        if (message instanceof Tuple t && t.isTagged(Atom.EXIT, 3) && t.get(1) instanceof Pid pid) {
            removeEntriesOf(pid);
            return Tuple.of(Atom.of("noreply"), state);
        }
        return super.handleInfo(message, state);
    }

    /** As Registry.Partition's {@code handle_info({:EXIT, pid, _}, ets)}. */
    private void removeEntriesOf(Pid pid) {
        Registry.removeEntriesOf(ProcessContext.require().node(), registry, pidTable, pid);
    }

    @Override
    public Object handleCall(Object request, Tuple from, Object state) {
        if (SYNC.equals(request)) return Tuple.of(Atom.of("reply"), Atom.OK, state);
        return super.handleCall(request, from, state);
    }
}
