package procshell.runtime.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/** Tables whose rows are stored without entry objects ({@link RowMap}): what OTP 25's ETS answers. */
class TableRowsTest {
    @RegisterExtension
    final TestNode rt = new TestNode();

    private Table table(TableType type) {
        return rt.node().tables().create(Atom.of("rows"), TableOptions.DEFAULT.withType(type).withProtection(Protection.PUBLIC));
    }

    /** {@code :ets.insert(t, {nil, 1}); :ets.lookup(t, nil)} is {@code [{nil, 1}]}; {@code :ets.next(t, nil)} the end. */
    @ParameterizedTest
    @EnumSource(value = TableType.class, names = {"SET", "BAG", "DUPLICATE_BAG"})
    void nilIsAKeyLikeAnyOther(TableType type) {
        Table t = table(type);
        t.insert(Tuple.of(null, 1));
        assertEquals(List.of(Tuple.of(null, 1)), t.lookup(null));
        assertEquals(Table.END_OF_TABLE, t.next(null));
        t.delete(null);
        assertEquals(List.of(), t.lookup(null));
    }

    /** first/next visit every key once, across growth and deletions, as {@code :ets.first/1} and {@code :ets.next/2}. */
    @Test
    void firstAndNextVisitEveryKeyOnce() {
        Table t = table(TableType.SET);
        for (int i = 0; i < 5000; i++) t.insert(Tuple.of(i, "v"));
        for (int i = 0; i < 5000; i += 7) t.delete(i);
        Set<Object> seen = new HashSet<>();
        List<Object> order = new ArrayList<>();
        for (Object k = t.first(); k != Table.END_OF_TABLE; k = t.next(k)) {
            order.add(k);
            seen.add(k);
        }
        assertEquals(t.size(), order.size());
        assertEquals(order.size(), seen.size());
        List<Object> listed = new ArrayList<>();
        for (Tuple row : t.tab2list()) listed.add(row.get(0));
        assertEquals(listed, order);
    }

    /** A duplicate_bag key shared by many objects (a PubSub topic) keeps them all, in insertion order. */
    @Test
    void aDuplicateBagKeyKeepsItsObjectsInOrder() {
        Table t = table(TableType.DUPLICATE_BAG);
        List<Tuple> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Tuple row = Tuple.of(Atom.of("topic"), Tuple.of(i, null));
            t.insert(row);
            expected.add(row);
        }
        assertEquals(expected, t.lookup(Atom.of("topic")));
        assertEquals(1000, t.size());
    }
}
