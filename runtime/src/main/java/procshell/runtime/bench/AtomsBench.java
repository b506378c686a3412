package procshell.runtime.bench;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.AtomTable;
import procshell.runtime.process.ProcessContext;

/**
 * {@code atoms.exs}: the atom limit, the atom count before and after {@code String.to_atom/1} of
 * N new atoms (texts built before the clock starts) and the time taken; then
 * {@code String.to_existing_atom/1} and {@code String.to_atom/1} of the same texts again.
 * {@code atoms_memory_atom_used_bytes} (the BEAM's {@code :erlang.memory(:atom_used)}) is the heap
 * growth per new atom, texts included, times the atom count.
 */
final class AtomsBench implements Workload {
    @Override
    public String name() {
        return "atoms";
    }

    @Override
    public int size(boolean quick) {
        return quick ? 10_000 : 100_000;
    }

    @Override
    public void run(ProcessContext self, int n, Figures out) throws Exception {
        AtomTable atoms = self.node().atoms();
        int limit = atoms.limit();
        long mem0 = Clock.usedHeapAfterGc();
        String prefix = "bench_atom_" + System.nanoTime() + "_";
        List<String> strings = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) strings.add(prefix + i);
        int c0 = atoms.count();
        long t0 = Clock.micros();
        for (String s : strings) atoms.intern(s);
        long t1 = Clock.micros();
        int c1 = atoms.count();
        long t2 = Clock.micros();
        for (String s : strings) {
            if (atoms.existing(s) == null) throw new IllegalStateException("atom missing: " + s);
        }
        long t3 = Clock.micros();
        for (String s : strings) atoms.intern(s);
        long t4 = Clock.micros();
        strings = null;
        long perAtom = (Clock.usedHeapAfterGc() - mem0) / n;

        out.add("atoms_limit", limit, "atoms");
        out.add("atoms_count_before", c0, "atoms");
        out.add("atoms_count_after", c1, "atoms");
        out.add("atoms_created", c1 - c0, "atoms");
        out.add("atoms_to_atom_new_total_ms", (t1 - t0) / 1000.0, "ms");
        out.add("atoms_to_atom_new_per_atom_us", (double) (t1 - t0) / n, "us");
        out.add("atoms_to_existing_atom_total_ms", (t3 - t2) / 1000.0, "ms");
        out.add("atoms_to_atom_existing_total_ms", (t4 - t3) / 1000.0, "ms");
        out.add("atoms_memory_atom_used_bytes", perAtom * c1, "bytes");
    }
}
