package procshell.runtime.bench;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.table.Protection;
import procshell.runtime.table.Table;
import procshell.runtime.table.TableOptions;
import procshell.runtime.table.TableType;

/**
 * The heap bytes a registry's entries take in its partition tables, the counterpart of the
 * growth of {@code :erlang.memory(:ets)}: every row of the registry's {@code KeyPartition} and
 * {@code PIDPartition} tables is copied (fresh tuples, shared pids and atoms, as ETS stores pids
 * and atoms as immediates; boxed integers are copied too) into new tables of the same kinds, and the heap growth after full
 * collections is measured. The live registry's own heap growth would also count what registering
 * does outside the tables (the link to the partition, the process's grown stack).
 */
final class TableBytes {
    private TableBytes() {}

    /** Bytes taken by a copy of the partition tables of {@code registry}; the copies are deleted again. */
    static long ofRegistry(ProcessContext self, Atom registry) throws InterruptedException {
        String base = registry.name().startsWith("Elixir.") ? registry.name().substring(7) : registry.name();
        List<List<Tuple>> rows = new ArrayList<>();
        List<Table> sources = new ArrayList<>();
        for (Table t : self.node().tables().tables()) {
            String name = t.name().name();
            if (name.startsWith("Elixir." + base + ".KeyPartition") || name.startsWith("Elixir." + base + ".PIDPartition")) {
                sources.add(t);
                rows.add(t.tab2list());
            }
        }
        long before = Clock.usedHeapAfterGc();
        List<Table> copies = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Table src = sources.get(i);
            TableOptions options = new TableOptions(src.type(), Protection.PUBLIC, false, true, true, null);
            if (src.type() == TableType.DUPLICATE_BAG) options = options.withGroupBy(src.name().name().contains("PIDPartition") ? new int[] {2} : new int[] {2, 1});
            Table copy = self.node().tables().create(Atom.of("bench_copy_" + i), options);
            for (Tuple row : rows.get(i)) copy.insert(fresh(row));
            copies.add(copy);
        }
        long after = Clock.usedHeapAfterGc();
        java.lang.ref.Reference.reachabilityFence(rows); // measured on both sides, so not counted
        for (Table c : copies) c.deleteTable();
        return after - before;
    }

    /** A deep copy of a term's tuples and boxed integers (pids and atoms are shared). */
    @SuppressWarnings("removal")
    private static Object freshTerm(Object term) {
        if (term instanceof Tuple t) return fresh(t);
        if (term instanceof Integer i) return new Integer(i);
        if (term instanceof Long l) return new Long(l);
        return term;
    }

    private static Tuple fresh(Tuple t) {
        Object[] out = new Object[t.size()];
        for (int i = 0; i < out.length; i++) out[i] = freshTerm(t.get(i));
        return Tuple.of(out);
    }
}
