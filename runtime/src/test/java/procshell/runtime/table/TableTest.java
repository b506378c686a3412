package procshell.runtime.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Await;
import procshell.runtime.process.ProcessContext;

/** ETS semantics of {@link Table} and {@link Tables}, checked against what OTP 25 does. */
class TableTest {
    @RegisterExtension
    final TestNode rt = new TestNode();
    private Node node;
    private ProcessContext me;

    @BeforeEach
    void bind() {
        node = rt.node();
        me = rt.self();
    }

    private static Atom a(String name) {
        return Atom.of(name);
    }

    private static TableOptions opts(TableType type) {
        return TableOptions.DEFAULT.withType(type).withProtection(Protection.PUBLIC);
    }

    private Table table(TableType type) {
        return node.tables().create(a("t"), opts(type));
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void aSetKeepsOneObjectPerKey() {
        Table t = table(TableType.SET);
        t.insert(Tuple.of(1, "a"));
        t.insert(Tuple.of(1, "b"));
        t.insert(List.of(Tuple.of(2, "c"), Tuple.of(1.0, "float key")));
        assertEquals(List.of(Tuple.of(1, "b")), t.lookup(1));
        assertEquals(List.of(Tuple.of(1, "b")), t.lookup(1L), "integers are keys whatever their Java type");
        assertEquals(List.of(Tuple.of(1.0, "float key")), t.lookup(1.0), "1 and 1.0 are different keys (===)");
        assertEquals(3, t.size());
        assertFalse(t.insertNew(Tuple.of(2, "d")));
        assertTrue(t.insertNew(Tuple.of(3, "d")));
        assertEquals("d", t.lookupElement(3, 2));
        assertTrue(t.member(3));
        assertEquals(List.of(Tuple.of(3, "d")), t.take(3));
        assertFalse(t.member(3));
        t.deleteObject(Tuple.of(2, "other"));
        assertTrue(t.member(2), "delete_object needs the exact object");
        t.deleteObject(Tuple.of(2, "c"));
        assertFalse(t.member(2));
        t.delete(1);
        assertEquals(1, t.size());
    }

    @Test
    void aBagKeepsDistinctObjectsAndADuplicateBagKeepsAll() {
        Table bag = node.tables().create(a("bag"), opts(TableType.BAG));
        Table dup = node.tables().create(a("dup"), opts(TableType.DUPLICATE_BAG));
        for (Table t : List.of(bag, dup)) t.insert(List.of(Tuple.of(1, a("a")), Tuple.of(1, a("a")), Tuple.of(1, a("b"))));
        assertEquals(2, bag.size());
        assertEquals(3, dup.size());
        assertEquals(List.of(a("a"), a("a"), a("b")), dup.lookupElement(1, 2));
        dup.deleteObject(Tuple.of(1, a("a")));
        assertEquals(List.of(Tuple.of(1, a("b"))), dup.lookup(1), "delete_object removes every copy in a duplicate_bag");
        assertFalse(bag.insertNew(Tuple.of(1, a("c"))), "insert_new fails when the key exists");
        assertEquals(2, bag.take(1).size());
        assertEquals(0, bag.size());
    }

    @Test
    void errorsHaveTheTextsOfEts() {
        Table t = table(TableType.SET);
        t.insert(Tuple.of(1, 2));
        assertEquals("errors were found at the given arguments:\n\n  * 2nd argument: not a key that exists in the table\n",
                message(() -> t.lookupElement(9, 2)));
        assertEquals("errors were found at the given arguments:\n\n  * 3rd argument: position is greater than the size of the object\n",
                message(() -> t.lookupElement(1, 3)));
        assertEquals("errors were found at the given arguments:\n\n  * 2nd argument: not a tuple\n", message(() -> t.insert(a("foo"))));
        assertEquals("errors were found at the given arguments:\n\n  * 2nd argument: is an empty tuple\n", message(() -> t.insert(Tuple.of())));
        assertEquals("errors were found at the given arguments:\n\n  * 2nd argument: not a non-empty tuple or a list of non-empty tuples\n",
                message(() -> t.insert(List.of(Tuple.of(1), 2))));
        assertEquals("errors were found at the given arguments:\n\n  * 2nd argument: not a valid match specification\n",
                message(() -> t.select(List.of(Tuple.of(Tuple.of(a("$1"), a("$2")), List.of(), List.of(Tuple.of(a("+"), a("$3"), 1)))))));
        assertEquals("errors were found at the given arguments:\n\n  * 1st argument: the table identifier does not refer to an existing ETS table\n",
                message(() -> node.tables().get(a("nope"))));
        node.tables().create(a("named"), TableOptions.DEFAULT.withNamed(true));
        assertEquals("errors were found at the given arguments:\n\n  * 1st argument: table name already exists\n",
                message(() -> node.tables().create(a("named"), TableOptions.DEFAULT.withNamed(true))));
    }

    @Test
    void selectRunsMatchSpecificationsWithGuardsAndBodies() {
        Table t = table(TableType.SET);
        t.insert(List.of(Tuple.of(1, 2), Tuple.of(2, a("x")), Tuple.of("k", Tuple.of(me.self(), Map.of(a("b"), "b")))));
        Atom v1 = a("$1"), v2 = a("$2");
        assertEquals(List.of(2), t.select(List.of(Tuple.of(Tuple.of(1, v1), List.of(), List.of(v1)))));
        assertEquals(List.of(Tuple.of(1, 2)), t.select(List.of(Tuple.of(Tuple.of(v1, v2), List.of(Tuple.of(a("is_integer"), v2)), List.of(a("$_"))))));
        assertEquals(List.of(List.of(1, 2)), t.select(List.of(Tuple.of(Tuple.of(v1, v2), List.of(Tuple.of(a(">"), v1, 0), Tuple.of(a("<"), v1, 2)), List.of(a("$$"))))));
        assertEquals(List.of(Tuple.of(1, List.of(2, a("x")), Map.of(a("a"), 1))),
                t.select(List.of(Tuple.of(Tuple.of(1, v2), List.of(), List.of(Tuple.of(Tuple.of(1, List.of(v2, a("x")), Map.of(a("a"), 1))))))));
        assertEquals(List.of(a("EXIT")), t.select(List.of(Tuple.of(Tuple.of(v1, v2), List.of(Tuple.of(a("=:="), v1, 1)), List.of(Tuple.of(a("+"), v1, a("a")))))),
                "a failing body gives :EXIT");
        assertEquals(List.of(), t.select(List.of(Tuple.of(Tuple.of(v1, v2), List.of(Tuple.of(a(">"), Tuple.of(a("+"), v1, a("a")), 0)), List.of(a("$$"))))),
                "a failing guard fails the clause");
        assertEquals(List.of(a("match")), t.select(List.of(Tuple.of(Tuple.of("k", Tuple.of(me.self(), Map.of(a("b"), "b"))), List.of(), List.of(a("match"))))),
                "a map pattern matches a map holding its keys");
        assertEquals(List.of(me.self()), t.select(List.of(Tuple.of(Tuple.of(a("_"), Tuple.of(v1, a("_"))), List.of(Tuple.of(a("=:="), v1, Tuple.of(a("self")))), List.of(v1)))));
        assertEquals(3, t.selectCount(List.of(Tuple.of(a("_"), List.of(), List.of(Boolean.TRUE)))));
        assertEquals(1, t.selectCount(List.of(Tuple.of(Tuple.of(v1, a("_")), List.of(Tuple.of(a("=="), v1, 1.0)), List.of(Boolean.TRUE)))),
                "== compares numbers by value");
        assertEquals(0, t.selectCount(List.of(Tuple.of(Tuple.of(v1, a("_")), List.of(Tuple.of(a("=:="), v1, 1.0)), List.of(Boolean.TRUE)))),
                "=:= does not");
        assertEquals(2, t.selectDelete(List.of(Tuple.of(Tuple.of(v1, a("_")), List.of(Tuple.of(a("is_integer"), v1)), List.of(Boolean.TRUE)))));
        assertEquals(1, t.size());
        t.matchDelete(Tuple.of(a("_"), Tuple.of(me.self(), a("_"))));
        assertEquals(0, t.size());
    }

    @Test
    void aKeyPinnedByTheElixirGuardIsLookedUpLiterally() {
        Table t = table(TableType.SET);
        t.insert(List.of(Tuple.of(a("_"), a("foo")), Tuple.of("hello", a("bar"))));
        Tuple guard = Tuple.of(a("=:="), Tuple.of(a("element"), 1, a("$_")), Tuple.of(a("const"), a("_")));
        List<?> spec = List.of(Tuple.of(Tuple.of(a("_"), a("$1")), List.of(guard), List.of(a("$1"))));
        assertEquals(List.of(a("foo")), t.select(spec));
        assertEquals(1, t.selectDelete(List.of(Tuple.of(Tuple.of(a("_"), a("_")), List.of(guard), List.of(Boolean.TRUE)))));
        assertEquals(List.of(Tuple.of("hello", a("bar"))), t.tab2list());
    }

    @ParameterizedTest
    @EnumSource(value = TableType.class, names = {"BAG", "DUPLICATE_BAG"})
    void groupingByAPartChangesNoResult(TableType type) {
        Table plain = node.tables().create(a("plain"), opts(type));
        Table grouped = node.tables().create(a("grouped"), opts(type).withGroupBy(2, 1));
        Pid other = node.spawn(self -> self.receive());
        for (Table t : List.of(plain, grouped)) {
            t.insert(List.of(Tuple.of("k", Tuple.of(me.self(), 1)), Tuple.of("k", Tuple.of(other, 2)), Tuple.of("k", Tuple.of(me.self(), 3)),
                    Tuple.of("k", Tuple.of(me.self(), 3)), Tuple.of("j", Tuple.of(other, 4)), Tuple.of("j", a("odd shape"))));
        }
        Comparator<Object> order = TermCompare::compare;
        for (Object pattern : List.of(Tuple.of("k", Tuple.of(me.self(), a("_"))), Tuple.of(a("_"), Tuple.of(other, a("$1"))), a("_"))) {
            List<?> spec = List.of(Tuple.of(pattern, List.of(), List.of(a("$_"))));
            List<Object> x = new ArrayList<>(plain.select(spec)), y = new ArrayList<>(grouped.select(spec));
            x.sort(order);
            y.sort(order);
            assertEquals(x, y, "select " + pattern);
        }
        assertEquals(plain.lookup("k").size(), grouped.lookup("k").size());
        assertEquals(type == TableType.BAG ? 5 : 6, grouped.size());
        plain.matchDelete(Tuple.of("k", Tuple.of(me.self(), a("_"))));
        grouped.matchDelete(Tuple.of("k", Tuple.of(me.self(), a("_"))));
        assertEquals(plain.size(), grouped.size());
        assertEquals(List.of(Tuple.of("k", Tuple.of(other, 2))), grouped.lookup("k"));
        node.exit(me.self(), other, Atom.KILL);
    }

    @Test
    void aProtectedTableIsWrittenByItsOwnerOnlyAndAPrivateOneIsSeenByItsOwnerOnly() throws Exception {
        Table prot = node.tables().create(a("prot"), TableOptions.DEFAULT);
        Table priv = node.tables().create(a("priv"), TableOptions.DEFAULT.withProtection(Protection.PRIVATE));
        prot.insert(Tuple.of(1, 2));
        priv.insert(Tuple.of(1, 2));
        CompletableFuture<List<String>> seen = new CompletableFuture<>();
        node.spawn(self -> {
            List<String> out = new ArrayList<>();
            out.add(String.valueOf(prot.lookup(1)));
            for (Runnable r : List.<Runnable>of(() -> prot.insert(Tuple.of(2, 3)), () -> priv.lookup(1))) {
                try {
                    r.run();
                    out.add("allowed");
                } catch (IllegalArgumentException e) {
                    out.add(e.getMessage());
                }
            }
            seen.complete(out);
        });
        String denied = "errors were found at the given arguments:\n\n  * 1st argument: the table identifier refers to an ETS table with insufficient access rights\n";
        assertEquals(List.of("[{1, 2}]", denied, denied), seen.get(Await.DEADLINE_MS, TimeUnit.MILLISECONDS));
    }

    @Test
    void aTableGoesWithItsOwner() throws Exception {
        CompletableFuture<Table> made = new CompletableFuture<>();
        Pid owner = node.spawn(self -> {
            Table t = self.node().tables().create(a("mine"), TableOptions.DEFAULT.withNamed(true).withProtection(Protection.PUBLIC));
            t.insert(Tuple.of(1, 2));
            made.complete(t);
            self.receive();
        });
        Table t = made.get(Await.DEADLINE_MS, TimeUnit.MILLISECONDS);
        assertTrue(node.tables().all().contains(a("mine")));
        assertSame(t, node.tables().get(a("mine")));
        assertEquals(owner, t.owner());
        node.exit(me.self(), owner, Atom.KILL);
        assertFalse(t.isAlive());
        assertThrows(IllegalArgumentException.class, () -> t.lookup(1));
        assertNull(node.tables().find(a("mine")));
        assertFalse(node.tables().all().contains(a("mine")));
        assertEquals(0, t.size());
        // The name is free again at once.
        Table again = node.tables().create(a("mine"), TableOptions.DEFAULT.withNamed(true));
        assertEquals(me.self(), again.owner());
    }

    @Test
    void allListsNamesOfNamedTablesAndReferencesOfTheOthers() {
        Table named = node.tables().create(a("named"), TableOptions.DEFAULT.withNamed(true));
        Table plain = node.tables().create(a("plain"), TableOptions.DEFAULT);
        assertTrue(node.tables().all().containsAll(List.of(a("named"), plain.id())));
        assertSame(plain, node.tables().get(plain.id()));
        named.deleteTable();
        assertFalse(node.tables().all().contains(a("named")));
        assertThrows(IllegalArgumentException.class, () -> named.insert(Tuple.of(1)));
    }

    @Test
    void infoAndMemoryFollowOtp() {
        me.process().dictionaryPut("x", 1);
        Table t = node.tables().create(a("t"), TableOptions.DEFAULT.withProtection(Protection.PUBLIC));
        assertEquals(305, t.memoryWords(), "an empty set, as :ets.info(t, :memory) on OTP 25");
        t.insert(Tuple.of(1, 2));
        assertEquals(312, t.memoryWords());
        t.insert(Tuple.of(2, Tuple.of(me.self(), null)));
        assertEquals(322, t.memoryWords());
        t.insert(Tuple.of("hello", Tuple.of(me.self(), null)));
        assertEquals(335, t.memoryWords());
        Table rw = node.tables().create(a("rw"), TableOptions.DEFAULT.withConcurrency(true, true));
        assertEquals(3441, rw.memoryWords());
        TableInfo info = t.info();
        assertEquals(3, info.objects());
        assertEquals(me.self(), info.owner());
        assertEquals(335 * 8 / 1024, info.sizeKb());
        assertEquals(t.id(), info.tableIdColumn());
        List<Object> keys = new ArrayList<>();
        for (Tuple kv : info.toKeywordList()) keys.add(kv.get(0));
        assertEquals(List.of(a("id"), a("decentralized_counters"), a("read_concurrency"), a("write_concurrency"), a("compressed"),
                a("memory"), a("owner"), a("heir"), a("name"), a("size"), a("node"), a("named_table"), a("type"), a("keypos"),
                a("protection")), keys);
        assertEquals(a("public"), info.item(a("protection")));
        assertEquals(335L, info.item(a("memory")));
    }

    @Test
    void termOrderIsErlangs() {
        List<Object> sorted = List.of(1, 2.5, 3L, a("atom"), node.makeRef(), me.self(), Tuple.of(9), Tuple.of(1, 2), Map.of(), List.of(), List.of(1), "bin");
        List<Object> shuffled = new ArrayList<>(sorted);
        java.util.Collections.reverse(shuffled);
        shuffled.sort(TermCompare::compare);
        assertEquals(sorted, shuffled);
        assertTrue(TermCompare.equal(1, 1.0));
        assertFalse(TermCompare.exactEquals(1, 1.0));
        assertTrue(TermCompare.exactEquals(1, 1L));
        assertTrue(TermCompare.compare(null, a("ok")) < 0 == "nil".compareTo("ok") < 0, "nil is an atom");
    }
}
