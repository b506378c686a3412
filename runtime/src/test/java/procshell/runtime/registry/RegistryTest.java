package procshell.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.Supervisor;
import procshell.runtime.process.Await;

/**
 * Elixir's registry_test.exs, ported: each behaviour for unique and duplicate keys, with 1 and 8
 * partitions, plus what Elixir 1.14 adds (values/3, meta, count_select) and its error texts.
 */
class RegistryTest extends RegistryTestSupport {
    private static final Atom V1 = a("$1"), V2 = a("$2"), V3 = a("$3"), V4 = a("$4"), V5 = a("$5"), ANY = a("_");

    // ---- both kinds -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void startsConfiguredNumberOfPartitions(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        assertEquals(partitions, Supervisor.whichChildren(r).size());
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void countsKeys(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        assertEquals(0, Registry.count(r));
        okPid(Registry.register(r, "hello", a("value")));
        okPid(Registry.register(r, keys == UNIQUE ? "world" : "hello", a("value")));
        assertEquals(2, Registry.count(r));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void comparesUsingExactEquality(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        okPid(Registry.register(r, 1.0, a("value")));
        okPid(Registry.register(r, 1, a("value")));
        assertEquals(List.of(1, 1.0), sorted(Registry.keys(r, self)));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void allowsUnregisteringWithNoEntries(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        assertEquals(Atom.OK, Registry.unregister(r, "hello"));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void linksAndUnlinksOnRegisterAndUnregister(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        Pid pid = okPid(Registry.register(r, "hello", a("value")));
        assertTrue(me.process().links().contains(pid));
        pid = okPid(Registry.register(r, "world", a("value")));
        assertTrue(me.process().links().contains(pid));
        Registry.unregister(r, "hello");
        assertTrue(me.process().links().contains(pid));
        Registry.unregister(r, "world");
        assertFalse(me.process().links().contains(pid));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void raisesOnUnknownRegistryName(Atom keys, int partitions) {
        start(keys, partitions);
        assertEquals("unknown registry: :unknown", assertThrows(IllegalArgumentException.class,
                () -> Registry.register(a("unknown"), "hello", a("value"))).getMessage());
        assertEquals("unknown registry: :unknown", assertThrows(IllegalArgumentException.class,
                () -> Registry.lookup(a("unknown"), "hello")).getMessage());
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void allowsListeners(Atom keys, int partitions) {
        Atom listener = a(keys.name() + "_listener_" + partitions);
        node.names().register(listener, me.process());
        Atom r = start(keys, partitions, "listeners", List.of(listener));
        Pid task = (Pid) registerTask(r, "hello", a("world")).get(1);
        assertEquals(Tuple.of(a("register"), r, "hello", task, a("world")), Await.receive(me));
        okPid(Registry.register(r, "world", a("value")));
        assertEquals(Tuple.of(a("register"), r, "world", self, a("value")), Await.receive(me));
        Registry.unregister(r, "world");
        assertEquals(Tuple.of(a("unregister"), r, "world", self), Await.receive(me));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void supportsMatchPatternsAndGuards(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        Tuple value = Tuple.of(1, a("atom"), 1);
        okPid(Registry.register(r, "hello", value));
        assertEquals(List.of(entry(value)), Registry.match(r, "hello", Tuple.of(1, ANY, ANY)));
        assertEquals(List.of(), Registry.match(r, "hello", Tuple.of(1.0, ANY, ANY)));
        assertEquals(List.of(entry(value)), Registry.match(r, "hello", Tuple.of(ANY, a("atom"), ANY)));
        assertEquals(List.of(entry(value)), Registry.match(r, "hello", Tuple.of(V1, ANY, V1)));
        assertEquals(List.of(entry(value)), Registry.match(r, "hello", ANY));
        assertEquals(List.of(), Registry.match(r, ANY, ANY));
        assertEquals(List.of(entry(value)), Registry.match(r, "hello", Tuple.of(V1, ANY, ANY), List.of(Tuple.of(a("<"), V1, 2))));
        assertEquals(List.of(), Registry.match(r, "hello", Tuple.of(V1, ANY, ANY), List.of(Tuple.of(a(">"), V1, 3))));
        assertEquals(List.of(entry(value)), Registry.match(r, "hello", Tuple.of(ANY, V1, ANY), List.of(Tuple.of(a("is_atom"), V1))));
        Map<Atom, String> value2 = Map.of(a("a"), "a", a("b"), "b");
        okPid(Registry.register(r, "world", value2));
        assertEquals(List.of(entry(value2)), Registry.match(r, "world", Map.of(a("b"), "b")));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void countMatchSupportsPatternsAndGuards(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        okPid(Registry.register(r, "hello", Tuple.of(1, a("atom"), 2)));
        assertEquals(1, Registry.countMatch(r, "hello", Tuple.of(1, ANY, ANY)));
        assertEquals(0, Registry.countMatch(r, "hello", Tuple.of(1.0, ANY, ANY)));
        assertEquals(1, Registry.countMatch(r, "hello", ANY));
        assertEquals(0, Registry.countMatch(r, ANY, ANY));
        assertEquals(1, Registry.countMatch(r, "hello", Tuple.of(ANY, ANY, V1), List.of(Tuple.of(a(">"), V1, 1))));
        assertEquals(0, Registry.countMatch(r, "hello", Tuple.of(ANY, ANY, V1), List.of(Tuple.of(a(">"), V1, 2))));
        assertEquals(1, Registry.countMatch(r, "hello", Tuple.of(ANY, V1, ANY), List.of(Tuple.of(a("is_atom"), V1))));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void selectSupportsFullMatchSpecs(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        assertEquals(List.of(), Registry.select(r, List.of(Tuple.of(Tuple.of(ANY, ANY, ANY), List.of(), List.of(a("$_"))))));
        Tuple value = Tuple.of(1, a("atom"), 1);
        okPid(Registry.register(r, "hello", value));
        Tuple all = Tuple.of("hello", self, value);
        assertEquals(List.of(all), Registry.select(r, List.of(Tuple.of(Tuple.of("hello", V2, V3), List.of(), List.of(Tuple.of(Tuple.of("hello", V2, V3)))))));
        assertEquals(List.of(all), Registry.select(r, List.of(Tuple.of(Tuple.of(V1, self, V3), List.of(), List.of(Tuple.of(Tuple.of(V1, self, V3)))))));
        assertEquals(List.of(all), Registry.select(r, List.of(Tuple.of(Tuple.of(V1, V2, value), List.of(), List.of(Tuple.of(Tuple.of(V1, V2, Tuple.of(value))))))));
        assertEquals(List.of(), Registry.select(r, List.of(Tuple.of(Tuple.of("world", V2, V3), List.of(), List.of(Tuple.of(Tuple.of("world", V2, V3)))))));
        assertEquals(List.of(), Registry.select(r, List.of(Tuple.of(Tuple.of(V1, V2, Tuple.of(1.0, ANY, ANY)), List.of(), List.of(a("$_"))))));
        assertEquals(List.of(all), Registry.select(r, List.of(Tuple.of(Tuple.of(V1, V2, Tuple.of(V3, a("atom"), V4)), List.of(),
                List.of(Tuple.of(Tuple.of(V1, V2, Tuple.of(Tuple.of(V3, a("atom"), V4)))))))));
        assertEquals(List.of(all), Registry.select(r, List.of(Tuple.of(Tuple.of(V1, V2, Tuple.of(V3, V4, V3)), List.of(),
                List.of(Tuple.of(Tuple.of(V1, V2, Tuple.of(Tuple.of(V3, V4, V3)))))))));
        assertEquals(List.of(all), Registry.select(r, List.of(Tuple.of(Tuple.of(V1, V2, Tuple.of(V3, V4, V5)), List.of(Tuple.of(a(">"), V5, 0)),
                List.of(Tuple.of(Tuple.of(V1, V2, Tuple.of(Tuple.of(V3, V4, V5)))))))));
        assertEquals(List.of(), Registry.select(r, List.of(Tuple.of(Tuple.of(ANY, ANY, Tuple.of(ANY, ANY, V1)), List.of(Tuple.of(a(">"), V1, 2)), List.of(a("$_"))))));
        Map<Atom, String> value2 = Map.of(a("a"), "a", a("b"), "b");
        okPid(Registry.register(r, "world", value2));
        assertEquals(List.of(a("match")), Registry.select(r, List.of(Tuple.of(Tuple.of("world", self, Map.of(a("b"), "b")), List.of(), List.of(a("match"))))));
        assertEquals(List.of("hello", "world"), sorted(Registry.select(r, List.of(Tuple.of(Tuple.of(V1, ANY, ANY), List.of(), List.of(V1))))));
        assertEquals(List.of("hello", "world"), sorted(Registry.select(r, List.of(
                Tuple.of(Tuple.of("hello", ANY, ANY), List.of(), List.of(Tuple.of(a("element"), 1, a("$_")))),
                Tuple.of(Tuple.of("world", ANY, ANY), List.of(), List.of(Tuple.of(a("element"), 1, a("$_"))))))));
        assertEquals(2, Registry.countSelect(r, List.of(Tuple.of(Tuple.of(ANY, self, ANY), List.of(), List.of(Boolean.TRUE)))));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void raisesOnIncorrectShapeOfMatchSpec(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        assertEquals("invalid match specification in Registry.select/2: [{:_, [], []}]", assertThrows(IllegalArgumentException.class,
                () -> Registry.select(r, List.of(Tuple.of(ANY, List.of(), List.of())))).getMessage());
        assertEquals("invalid match specification in Registry.count_select/2: [{:_, [], []}]", assertThrows(IllegalArgumentException.class,
                () -> Registry.countSelect(r, List.of(Tuple.of(ANY, List.of(), List.of())))).getMessage());
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void unregisterMatchSupportsTrickyKeys(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        okPid(Registry.register(r, ANY, a("foo")));
        if (keys == DUPLICATE) okPid(Registry.register(r, ANY, a("bar")));
        okPid(Registry.register(r, "hello", "b"));
        Registry.unregisterMatch(r, ANY, a("foo"));
        assertEquals(keys == DUPLICATE ? List.of(entry(a("bar"))) : List.of(), Registry.lookup(r, ANY));
        assertEquals(keys == DUPLICATE ? List.of(ANY, "hello") : List.of("hello"), sorted(Registry.keys(r, self)));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("both")
    void valuesListsTheValuesOfOneProcess(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        assertEquals(List.of(), Registry.values(r, "hello", self));
        okPid(Registry.register(r, "hello", 1));
        Pid task = (Pid) registerTask(r, keys == UNIQUE ? "other" : "hello", 2).get(1);
        assertEquals(List.of(1), Registry.values(r, "hello", self));
        assertEquals(keys == UNIQUE ? List.of() : List.of(2), Registry.values(r, "hello", task));
        if (keys == DUPLICATE) {
            okPid(Registry.register(r, "hello", 3));
            assertEquals(List.of(1, 3), sorted(Registry.values(r, "hello", self)));
        }
    }

    // ---- unique ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("unique")
    void hasUniqueRegistrations(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        Pid owner = okPid(Registry.register(r, "hello", a("value")));
        assertNotEquals(self, owner, "the owner is the partition");
        assertEquals(List.of("hello"), Registry.keys(r, self));
        assertEquals(Tuple.of(Atom.ERROR, Tuple.of(a("already_registered"), self)), Registry.register(r, "hello", a("value")));
        assertEquals(List.of("hello"), Registry.keys(r, self));
        okPid(Registry.register(r, "world", a("value")));
        assertEquals(List.of("hello", "world"), sorted(Registry.keys(r, self)));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("unique")
    void hasUniqueRegistrationsAcrossProcesses(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        Pid task = (Pid) registerTask(r, "hello", a("value")).get(1);
        assertEquals(Tuple.of(Atom.ERROR, Tuple.of(a("already_registered"), task)), Registry.register(r, "hello", a("recent")));
        assertEquals(List.of(), Registry.keys(r, self));
        for (Object child : Supervisor.whichChildren(r)) {
            assertFalse(me.process().links().contains(((Tuple) child).get(1)), "a failed registration leaves no link");
        }
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("unique")
    void hasUniqueRegistrationsEvenIfPartitionIsDelayed(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        Pid task = (Pid) registerTask(r, "hello", a("value")).get(1);
        assertEquals(Tuple.of(Atom.ERROR, Tuple.of(a("already_registered"), task)), Registry.register(r, "hello", a("other")));
        // The kill is processed at once; the partition's cleanup may come later: the dead holder's
        // entry must not stop a new registration.
        killAndAssertDown(task);
        okPid(Registry.register(r, "hello", a("other")));
        assertEquals(List.of(entry(a("other"))), Registry.lookup(r, "hello"));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("unique")
    void unregisterMatchSupportsPatternsAndGuards(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        Tuple value = Tuple.of(1, a("atom"), 1);
        okPid(Registry.register(r, "hello", value));
        Registry.unregisterMatch(r, "hello", Tuple.of(2, ANY, ANY));
        assertEquals(List.of(entry(value)), Registry.lookup(r, "hello"));
        Registry.unregisterMatch(r, "hello", Tuple.of(1.0, ANY, ANY));
        assertEquals(List.of(entry(value)), Registry.lookup(r, "hello"));
        Registry.unregisterMatch(r, "hello", Tuple.of(ANY, a("atom"), ANY));
        assertEquals(List.of(), Registry.lookup(r, "hello"));
        okPid(Registry.register(r, "hello", value));
        Registry.unregisterMatch(r, "hello", Tuple.of(V1, ANY, ANY), List.of(Tuple.of(a("<"), V1, 2)));
        assertEquals(List.of(), Registry.lookup(r, "hello"));
        assertEquals(List.of(), Registry.keys(r, self));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("unique")
    void updatesCurrentProcessValue(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        assertEquals(Atom.ERROR, Registry.updateValue(r, "hello", v -> { throw new AssertionError("never called"); }));
        registerTask(r, "hello", a("value"));
        assertEquals(Atom.ERROR, Registry.updateValue(r, "hello", v -> { throw new AssertionError("never called"); }));
        Registry.register(r, "world", 1);
        assertEquals(List.of(entry(1)), Registry.lookup(r, "world"));
        assertEquals(Tuple.of(2, 1), Registry.updateValue(r, "world", v -> (Integer) v + 1));
        assertEquals(List.of(entry(2)), Registry.lookup(r, "world"));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("unique")
    void dispatchesToASingleKey(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        assertEquals(Atom.OK, Registry.dispatch(r, "hello", entries -> { throw new AssertionError("will never be invoked"); }));
        okPid(Registry.register(r, "hello", a("value")));
        Registry.dispatch(r, "hello", entries -> {
            Tuple e = entries.get(0);
            node.send(e.get(0), Tuple.of(a("dispatch"), e.get(1)));
        });
        assertEquals(Tuple.of(a("dispatch"), a("value")), Await.receive(me));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("unique")
    void allowsProcessUnregistering(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        okPid(Registry.register(r, "hello", a("value")));
        okPid(Registry.register(r, "world", a("value")));
        assertEquals(List.of("hello", "world"), sorted(Registry.keys(r, self)));
        Registry.unregister(r, "hello");
        assertEquals(List.of("world"), Registry.keys(r, self));
        Registry.unregister(r, "world");
        assertEquals(List.of(), Registry.keys(r, self));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("unique")
    void whereisNameGivesTheLivePidOrUndefined(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        assertEquals(Atom.UNDEFINED, Registry.whereisName(Tuple.of(r, "hello")));
        Pid task = (Pid) registerTask(r, "hello", a("value")).get(1);
        assertEquals(task, Registry.whereisName(Tuple.of(r, "hello")));
        assertEquals(task, Registry.whereisName(Tuple.of(r, "hello", a("ignored"))));
        killAndAssertDown(task);
        assertEquals(Atom.UNDEFINED, Registry.whereisName(Tuple.of(r, "hello")), "a dead holder is :undefined at once");
    }

    // ---- duplicate ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("duplicate")
    void hasDuplicateRegistrations(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        okPid(Registry.register(r, "hello", a("value")));
        assertEquals(List.of("hello"), Registry.keys(r, self));
        okPid(Registry.register(r, "hello", a("value")));
        assertEquals(List.of("hello", "hello"), Registry.keys(r, self));
        okPid(Registry.register(r, "world", a("value")));
        assertEquals(List.of("hello", "hello", "world"), sorted(Registry.keys(r, self)));
        assertEquals(List.of(entry(a("value")), entry(a("value"))), Registry.lookup(r, "hello"));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("duplicate")
    void dispatchesToMultipleKeysInSerialAndInParallel(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        me.trapExit(true);
        for (boolean parallel : List.of(false, true)) {
            assertEquals(Atom.OK, Registry.dispatch(r, "hello", entries -> { throw new AssertionError("will never be invoked"); }, parallel));
        }
        okPid(Registry.register(r, "hello", a("value1")));
        okPid(Registry.register(r, "hello", a("value2")));
        okPid(Registry.register(r, "world", a("value3")));
        for (boolean parallel : List.of(false, true)) {
            List<Pid> ranIn = new java.util.concurrent.CopyOnWriteArrayList<>();
            Registry.dispatch(r, "hello", entries -> {
                ranIn.add(procshell.runtime.process.ProcessContext.require().self());
                for (Tuple e : entries) node.send(e.get(0), Tuple.of(a("dispatch"), e.get(1)));
            }, parallel);
            assertEquals(List.of(Tuple.of(a("dispatch"), a("value1")), Tuple.of(a("dispatch"), a("value2"))), sorted(flush()));
            boolean elsewhere = parallel && partitions == 8;
            assertEquals(elsewhere, !ranIn.contains(self), "parallel dispatch runs in tasks only when partitioned");
            Registry.dispatch(r, "world", entries -> {
                for (Tuple e : entries) node.send(e.get(0), Tuple.of(a("dispatch"), e.get(1)));
            }, parallel);
            assertEquals(List.of(Tuple.of(a("dispatch"), a("value3"))), flush(), "no :EXIT from the tasks either");
        }
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("duplicate")
    void allowsProcessUnregisteringAllEntriesOfAKey(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        okPid(Registry.register(r, "hello", a("value")));
        okPid(Registry.register(r, "hello", a("value")));
        okPid(Registry.register(r, "world", a("value")));
        Registry.unregister(r, "hello");
        assertEquals(List.of("world"), Registry.keys(r, self));
        Registry.unregister(r, "world");
        assertEquals(List.of(), Registry.keys(r, self));
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("duplicate")
    void unregisterMatchKeepsTheOtherEntries(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        Tuple value1 = Tuple.of(1, a("atom"), 1), value2 = Tuple.of(2, a("atom"), 2);
        okPid(Registry.register(r, "hello", value1));
        okPid(Registry.register(r, "hello", value2));
        Registry.unregisterMatch(r, "hello", Tuple.of(2, ANY, ANY));
        assertEquals(List.of(entry(value1)), Registry.lookup(r, "hello"));
        assertEquals(List.of("hello"), Registry.keys(r, self), "the pid table counts the remaining entry");
        okPid(Registry.register(r, "hello", value2));
        Registry.unregisterMatch(r, "hello", Tuple.of(2.0, ANY, ANY));
        assertEquals(List.of(entry(value1), entry(value2)), Registry.lookup(r, "hello"));
        Registry.unregisterMatch(r, "hello", Tuple.of(V1, ANY, ANY), List.of(Tuple.of(a("<"), V1, 2)));
        assertEquals(List.of(entry(value2)), Registry.lookup(r, "hello"));
        Registry.unregisterMatch(r, "hello", Tuple.of(ANY, a("atom"), ANY));
        assertEquals(List.of(), Registry.lookup(r, "hello"));
        assertEquals(List.of(), Registry.keys(r, self));
        for (Object child : Supervisor.whichChildren(r)) {
            assertFalse(me.process().links().contains(((Tuple) child).get(1)), "unlinked once nothing is left");
        }
    }

    @ParameterizedTest(name = "{0} keys, {1} partitions")
    @MethodSource("duplicate")
    void raisesIfUsedInVia(Atom keys, int partitions) {
        Atom r = start(keys, partitions);
        assertEquals(":via is not supported for duplicate registries", assertThrows(IllegalArgumentException.class,
                () -> Registry.whereisName(Tuple.of(r, "hello"))).getMessage());
        assertEquals("Registry.update_value/3 is not supported for duplicate registries", assertThrows(IllegalArgumentException.class,
                () -> Registry.updateValue(r, "hello", v -> v)).getMessage());
    }

    // ---- meta and options ---------------------------------------------------------------------

    @Test
    void metaIsStoredReadAndDeleted() {
        Atom r = start(UNIQUE, 1, "meta", kw("custom_key", "custom_value"));
        assertEquals(Tuple.of(Atom.OK, "custom_value"), Registry.meta(r, a("custom_key")));
        assertEquals(Atom.ERROR, Registry.meta(r, a("unknown_key")));
        assertEquals(Atom.OK, Registry.putMeta(r, a("custom_key"), "new_value"));
        assertEquals(Tuple.of(Atom.OK, "new_value"), Registry.meta(r, a("custom_key")));
        assertEquals(Atom.OK, Registry.putMeta(r, Tuple.of(a("tuple"), a("key")), "tuple_value"));
        assertEquals(Tuple.of(Atom.OK, "tuple_value"), Registry.meta(r, Tuple.of(a("tuple"), a("key"))));
        assertEquals(Atom.OK, Registry.deleteMeta(r, a("custom_key")));
        assertEquals(Atom.ERROR, Registry.meta(r, a("custom_key")));
        assertEquals("unknown registry: :nope. Either the registry name is invalid or the registry is not running, possibly because its application isn't started",
                assertThrows(IllegalArgumentException.class, () -> Registry.meta(a("nope"), a("k"))).getMessage());
        assertEquals("unknown registry: :nope", assertThrows(IllegalArgumentException.class, () -> Registry.putMeta(a("nope"), a("k"), 1)).getMessage());
        assertEquals("unknown registry: :nope", assertThrows(IllegalArgumentException.class, () -> Registry.deleteMeta(a("nope"), a("k"))).getMessage());
    }

    @Test
    void startLinkChecksItsOptionsAsElixirDoes() {
        List<List<Tuple>> bad = List.of(kw("keys", a("foo"), "name", a("X")), kw("keys", UNIQUE), kw("keys", UNIQUE, "name", "x"),
                kw("keys", UNIQUE, "name", a("X"), "partitions", 0), kw("keys", UNIQUE, "name", a("X"), "meta", 3),
                kw("keys", UNIQUE, "name", a("X"), "listeners", List.of(1)), kw("keys", UNIQUE, "name", a("X"), "compressed", 1),
                kw("name", a("X")));
        List<String> texts = new ArrayList<>();
        for (List<Tuple> options : bad) texts.add(assertThrows(IllegalArgumentException.class, () -> Registry.startLink(options)).getMessage());
        assertEquals(List.of("expected :keys to be given and be one of :unique or :duplicate, got: :foo",
                "expected :name option to be present",
                "expected :name to be an atom, got: \"x\"",
                "expected :partitions to be a positive integer, got: 0",
                "expected :meta to be a keyword list, got: 3",
                "expected :listeners to be a list of named processes, got: [1]",
                "expected :compressed to be a boolean, got: 1",
                "expected :keys to be given and be one of :unique or :duplicate, got: nil"), texts);
    }

    @Test
    void aSecondStartWithTheSameNameIsAlreadyStarted() {
        Atom r = start(UNIQUE, 1);
        Pid sup = node.whereis(r);
        assertEquals(Tuple.of(Atom.ERROR, Tuple.of(a("already_started"), sup)), Registry.startLink(kw("keys", UNIQUE, "name", r)));
    }

    @Test
    void childSpecUsesTheNameAsId() {
        assertEquals(a("custom_name"), Registry.childSpec(kw("name", a("custom_name"))).id());
        assertEquals(Registry.MODULE, Registry.childSpec(List.of()).id());
        assertEquals(a("supervisor"), Registry.childSpec(List.of()).type());
    }

    @Test
    void registryUnderASupervisorRestartsWithFreshTables() {
        Atom name = Atom.module("RegistryTest.Supervised");
        Pid sup = okPid(Supervisor.startLink(List.of(Registry.childSpec(kw("keys", UNIQUE, "name", name))),
                procshell.runtime.otp.SupervisorFlags.oneForOne(), null));
        okPid(Registry.register(name, "k", 1));
        Pid regSup = node.whereis(name);
        me.trapExit(true);
        node.exit(self, regSup, Atom.KILL);
        Await.until("the registry restarted", () -> node.whereis(name) != null && !node.whereis(name).equals(regSup));
        // Its name is taken before its partitions start, as on the BEAM: a call waits for its init.
        assertEquals(1, Supervisor.whichChildren(name).size());
        assertEquals(0, Registry.count(name), "the new incarnation starts empty");
        okPid(Registry.register(name, "k", 2));
        assertEquals(List.of(entry(2)), Registry.lookup(name, "k"));
        Supervisor.stop(sup);
    }
}
