package procshell.runtime.table;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/**
 * A snapshot of one table's attributes: what {@code :ets.info/1} returns and what Observer's
 * Table Viewer shows (Table Name, Objects, Size (kB), Owner Pid, Owner Name, Table Id).
 *
 * @param id               the table's reference
 * @param name             the name given at creation
 * @param named            true for a {@code :named_table}
 * @param type             set, bag or duplicate_bag
 * @param protection       public, protected or private
 * @param objects          the number of objects ({@code :size})
 * @param memoryWords      the memory estimate in words ({@code :memory})
 * @param owner            the owner's pid
 * @param ownerName        the owner's registered name, or null
 * @param readConcurrency  the {@code read_concurrency} option
 * @param writeConcurrency the {@code write_concurrency} option
 * @param node             the node the table lives on
 * @param keypos           the key's 1-based position
 * @param compressed       the {@code :compressed} option
 * @param heir             the heir's pid, or {@code :none}
 * @param autoWriteConcurrency {@code write_concurrency: :auto}
 * @param decentralizedCounters the {@code decentralized_counters} the table reports
 */
public record TableInfo(Ref id, Atom name, boolean named, TableType type, Protection protection, long objects,
                        long memoryWords, Pid owner, Atom ownerName, boolean readConcurrency, boolean writeConcurrency,
                        Atom node, int keypos, boolean compressed, Object heir, boolean autoWriteConcurrency,
                        boolean decentralizedCounters) {

    /** The memory estimate in bytes. */
    public long memoryBytes() {
        return memoryWords * 8;
    }

    /** The "Size (kB)" column: whole kilobytes, rounded down, as Observer shows them. */
    public long sizeKb() {
        return memoryBytes() / 1024;
    }

    /** The "Table Id" column: the reference of an unnamed table; null for a named one (Observer leaves it blank). */
    public Ref tableIdColumn() {
        return named ? null : id;
    }

    /** What {@code :ets.all/0} lists for this table: its name when named, else its reference. */
    public Object tid() {
        return named ? name : id;
    }

    /**
     * {@code :ets.info/1}'s keyword list, in OTP 25's order: {@code id, decentralized_counters,
     * read_concurrency, write_concurrency, compressed, memory, owner, heir, name, size, node,
     * named_table, type, keypos, protection}.
     */
    public List<Tuple> toKeywordList() {
        List<Tuple> out = new ArrayList<>(15);
        out.add(Tuple.of(Atom.of("id"), id));
        out.add(Tuple.of(Atom.of("decentralized_counters"), decentralizedCounters));
        out.add(Tuple.of(Atom.of("read_concurrency"), readConcurrency));
        out.add(Tuple.of(Atom.of("write_concurrency"), autoWriteConcurrency ? (Object) Atom.of("auto") : writeConcurrency));
        out.add(Tuple.of(Atom.of("compressed"), compressed));
        out.add(Tuple.of(Atom.of("memory"), memoryWords));
        out.add(Tuple.of(Atom.of("owner"), owner));
        out.add(Tuple.of(Atom.of("heir"), heir));
        out.add(Tuple.of(Atom.of("name"), name));
        out.add(Tuple.of(Atom.of("size"), objects));
        out.add(Tuple.of(Atom.of("node"), node));
        out.add(Tuple.of(Atom.of("named_table"), named));
        out.add(Tuple.of(Atom.of("type"), type.atom()));
        out.add(Tuple.of(Atom.of("keypos"), keypos));
        out.add(Tuple.of(Atom.of("protection"), protection.atom()));
        return out;
    }

    /**
     * One item of {@code :ets.info/2}.
     *
     * @throws IllegalArgumentException ETS's {@code not a valid info item} for an unknown item
     */
    public Object item(Atom item) {
        switch (item.name()) {
            case "fixed", "safe_fixed", "safe_fixed_monotonic_time":
                return Boolean.FALSE;
            default:
                break;
        }
        for (Tuple t : toKeywordList()) if (t.get(0).equals(item)) return t.get(1);
        throw TableErrors.argument(2, "not a valid info item");
    }
}
