package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.table.MatchSpec;
import procshell.runtime.table.Protection;
import procshell.runtime.table.Table;
import procshell.runtime.table.TableErrors;
import procshell.runtime.table.TableOptions;
import procshell.runtime.table.TableType;
import procshell.runtime.table.Tables;

/**
 * Erlang's {@code :ets} at the prompt: tables owned by the calling process, of every type and
 * option {@code :ets.new/2} takes, read and written with ETS's functions and failing with OTP 25's
 * texts ({@code the table identifier does not refer to an existing ETS table}, {@code ...
 * insufficient access rights} from a process that may not, ...). A table is named by its name
 * when it is a named table, else by its reference.
 *
 * <pre>{@code
 * t = :ets.new(:users, [:set, :public])     # #Reference<0.0.4.1>
 * :ets.insert(t, {:alice, 30})               # true
 * :ets.lookup(t, :alice)                     # [alice: 30]
 * :ets.update_counter(t, :alice, 1)          # 31
 * :ets.select(t, [{{:"$1", :"$2"}, [{:>, :"$2", 18}], [:"$1"]}])   # [:alice]
 * }</pre>
 */
@Doc("""
    The :ets module: in-memory term tables owned by a process (set, ordered_set,
    bag, duplicate_bag): new, insert, lookup, select, update_counter, ...
    """)
@ElixirName(":ets")
public final class Ets {
    private static final Atom END_OF_TABLE = Table.END_OF_TABLE;
    private static final Atom CONTINUATION = Atom.of("$ets_continuation");

    private Ets() {}

    private static Tables tables() {
        return IexSession.current().node().tables();
    }

    private static Object term(Object o) {
        return IexSession.current().modules().nameTerm(o);
    }

    /** The table an identifier names, failing as ETS does for a bad or missing one. */
    private static Table table(Object tab) {
        Object id = tableId(tab);
        if (id == null) throw TableErrors.noTable(); // nil: an atom no table is named
        return tables().get(id);
    }

    /**
     * The identifier as a table's name or reference; null for nil (an atom no table is named).
     *
     * @throws IllegalArgumentException as ETS for a term that is neither, or a reference no table has had
     */
    private static Object tableId(Object tab) {
        Object id = term(tab);
        if (id == null) return null;
        if (!(id instanceof Atom) && !(id instanceof Ref)) throw TableErrors.argument(1, "not an atom or a table identifier");
        if (id instanceof Ref r && !tables().isTableRef(r)) throw TableErrors.argument(1, "not a valid table identifier");
        return id;
    }

    // ---- creating and naming --------------------------------------------------------------------

    /**
     * Creates a table owned by the caller, as {@code :ets.new/2}, with the options {@code :set},
     * {@code :ordered_set}, {@code :bag}, {@code :duplicate_bag}, {@code :public},
     * {@code :protected}, {@code :private}, {@code :named_table}, {@code {:keypos, n}},
     * {@code {:heir, pid, data}}, {@code {:heir, :none}}, {@code {:read_concurrency, bool}},
     * {@code {:write_concurrency, bool | :auto}}, {@code {:decentralized_counters, bool}},
     * {@code :compressed}.
     *
     * @return the name for a named table, else the table's reference
     * @throws ArgumentError {@code not an atom}, {@code not a list}, {@code invalid options},
     *         {@code table name already exists}
     */
    @Doc("""
        Creates a table owned by the calling process; returns its reference (its name
        with :named_table). Options: :set (default), :ordered_set, :bag,
        :duplicate_bag; :protected (default), :public, :private; :named_table;
        {:keypos, n}; {:heir, pid, data}; {:read_concurrency, bool};
        {:write_concurrency, bool}; :compressed.

        ## Examples

            ps> :ets.new(:buckets, [:named_table, :public])
            :buckets
        """)
    public static Object new_(Object name, Object options) {
        try {
            Object n = term(name);
            Object o = term(options);
            new BifErrors(":ets.new", n, o).check(n != null && !(n instanceof Atom), 1, "not an atom").check(!(o instanceof List<?>), 2, "not a list").raise();
            TableOptions opts = options((List<?>) o);
            if (opts == null) throw TableErrors.argument(2, "invalid options");
            // (nil is an atom: a table's name, which only a named table is known by; procshell keeps no table named nil)
            if (n == null && opts.named()) throw TableErrors.argument(1, "not an atom");
            return tables().create((Atom) n, opts).tid();
        } catch (IllegalArgumentException e) {
            throw withCall(e, "new", name, options);
        }
    }

    private static final Atom HEIR = Atom.of("heir");

    /** The options of :ets.new/2, or null when one is invalid. */
    private static TableOptions options(List<?> list) {
        TableOptions o = TableOptions.DEFAULT;
        for (Object opt : list) {
            if (opt instanceof Atom a) {
                switch (a.name()) {
                    case "set" -> o = o.withType(TableType.SET);
                    case "ordered_set" -> o = o.withType(TableType.ORDERED_SET);
                    case "bag" -> o = o.withType(TableType.BAG);
                    case "duplicate_bag" -> o = o.withType(TableType.DUPLICATE_BAG);
                    case "public" -> o = o.withProtection(Protection.PUBLIC);
                    case "protected" -> o = o.withProtection(Protection.PROTECTED);
                    case "private" -> o = o.withProtection(Protection.PRIVATE);
                    case "named_table" -> o = o.withNamed(true);
                    case "compressed" -> o = o.withCompressed(true);
                    default -> {
                        return null;
                    }
                }
            } else if (opt instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom k) {
                Object v = t.get(1);
                switch (k.name()) {
                    case "keypos" -> {
                        if (!(v instanceof Integer p) || p < 1) return null;
                        o = o.withKeypos(p);
                    }
                    case "read_concurrency" -> {
                        if (!(v instanceof Boolean b)) return null;
                        o = o.withConcurrency(b, o.writeConcurrency());
                    }
                    case "write_concurrency" -> {
                        if (v instanceof Boolean b) o = o.withConcurrency(o.readConcurrency(), b);
                        else if (Atom.of("auto").equals(v)) o = o.withAutoWriteConcurrency();
                        else return null;
                    }
                    case "decentralized_counters" -> {
                        if (!(v instanceof Boolean)) return null;
                    }
                    case "heir" -> {
                        if (!Atom.of("none").equals(v)) return null;
                        o = o.withHeir(null, null);
                    }
                    default -> {
                        return null;
                    }
                }
            } else if (opt instanceof Tuple t && t.size() == 3 && HEIR.equals(t.get(0)) && t.get(1) instanceof Pid p) {
                o = o.withHeir(p, t.get(2));
            } else {
                return null;
            }
        }
        return o;
    }

    /** The reference of a named table, as {@code :ets.whereis/1}, or {@code :undefined}. */
    @Doc("""
        Returns the reference of the named table, or :undefined.
        """)
    public static Object whereis(Object name) {
        try {
            Object n = term(name);
            if (!(n instanceof Atom a)) throw TableErrors.argument(1, "invalid table name (must be an atom)");
            Table t = tables().named(a);
            return t == null ? Atom.UNDEFINED : t.id();
        } catch (IllegalArgumentException e) {
            throw withCall(e, "whereis", name);
        }
    }

    /**
     * Renames a table, as {@code :ets.rename/2} (its owner only).
     *
     * @return the new name for a named table, else the table's reference
     */
    @Doc("""
        Renames the named table; returns the new name.
        """)
    public static Object rename(Object tab, Object name) {
        try {
            Object n = term(name);
            Table t = table(tab);
            if (!(n instanceof Atom a)) throw TableErrors.argument(2, "invalid table name (must be an atom)");
            tables().rename(t, a);
            return t.tid();
        } catch (IllegalArgumentException e) {
            throw withCall(e, "rename", tab, name);
        }
    }

    /**
     * Gives the table to another process, as {@code :ets.give_away/3}; the receiver gets
     * {@code {:"ETS-TRANSFER", tab, from, data}}.
     */
    @Doc("""
        Makes another process the owner of the table; it receives
        {:"ETS-TRANSFER", tab, from_pid, data}. Returns true.
        """)
    public static boolean give_away(Object tab, Object pid, Object data) {
        try {
            Table t = table(tab);
            if (!(pid instanceof Pid p)) throw TableErrors.argument(2, "not a pid");
            t.giveAway(p, term(data));
            return true;
        } catch (IllegalArgumentException e) {
            throw withCall(e, "give_away", tab, pid, data);
        }
    }

    /** Sets {@code {:heir, pid, data}}, {@code {:heir, :none}} or {@code {:protection, p}}, as {@code :ets.setopts/2}. */
    @Doc("""
        Changes the table's heir ({:heir, pid, data} or {:heir, :none}) or protection
        ({:protection, :public}); returns true.
        """)
    public static boolean setopts(Object tab, Object options) {
        try {
            Table t = table(tab);
            Object o = term(options);
            List<?> list = o instanceof List<?> l ? l : List.of(o);
            for (Object opt : list) {
                if (opt instanceof Tuple x && x.size() == 3 && HEIR.equals(x.get(0)) && x.get(1) instanceof Pid p) {
                    t.requireOwner();
                    t.setHeir(p, x.get(2));
                } else if (opt instanceof Tuple x && x.size() == 2 && HEIR.equals(x.get(0)) && Atom.of("none").equals(x.get(1))) {
                    t.requireOwner();
                    t.setHeir(null, null);
                } else if (opt instanceof Tuple x && x.size() == 2 && Atom.of("protection").equals(x.get(0)) && x.get(1) instanceof Atom p
                        && java.util.Set.of("public", "protected", "private").contains(p.name())) {
                    t.setProtection(Protection.valueOf(p.name().toUpperCase(java.util.Locale.ROOT)));
                } else {
                    throw TableErrors.argument(2, "invalid options");
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            throw withCall(e, "setopts", tab, options);
        }
    }

    // ---- information ----------------------------------------------------------------------------

    /**
     * The node's tables, as {@code :ets.all/0}: names of named tables, references of the others.
     *
     * <pre>{@code :ets.all()   # [MyReg, #Reference<0.4.0.1>, #Reference<0.4.0.2>]}</pre>
     */
    @Doc("""
        Returns the identifiers of all tables of the node (names or references).
        """)
    public static List<Object> all() {
        try {
            return tables().all();
        } catch (IllegalArgumentException e) {
            throw withCall(e, "all");
        }
    }

    private static Table find(Object tab) {
        Object id = tableId(tab);
        return id == null ? null : tables().find(id);
    }

    /**
     * A table's attributes, as {@code :ets.info/1}, in OTP 25's order.
     *
     * @return the keyword list, or {@code :undefined} when there is no such table
     */
    @Doc("""
        Returns information about a table as a keyword list (or one item of it):
        :id, :name, :size, :type, :owner, :protection, :memory, :keypos, :heir...;
        :undefined when the table does not exist.
        """)
    public static Object info(Object tab) {
        try {
            Table t = find(tab);
            if (t == null) return Atom.UNDEFINED;
            try {
                return t.info().toKeywordList();
            } catch (IllegalArgumentException gone) {
                return Atom.UNDEFINED;
            }
        } catch (IllegalArgumentException e) {
            throw withCall(e, "info", tab);
        }
    }

    /**
     * One attribute of a table, as {@code :ets.info/2}.
     *
     * @return the value, or {@code :undefined} when there is no such table
     * @throws ArgumentError {@code not a valid info item} for an unknown item
     */
    public static Object info(Object tab, Object item) {
        try {
            Table t = find(tab);
            if (t == null) return Atom.UNDEFINED;
            if (!(item instanceof Atom a)) throw TableErrors.argument(2, "not a valid info item");
            try {
                return t.info().item(a);
            } catch (IllegalArgumentException e) {
                if (t.isAlive()) throw e;
                return Atom.UNDEFINED;
            }
        } catch (IllegalArgumentException e) {
            throw withCall(e, "info", tab, item);
        }
    }

    // ---- writing --------------------------------------------------------------------------------

    /** Inserts an object or a list of objects, as {@code :ets.insert/2}; true. */
    @Doc("""
        Inserts a tuple (or a list of tuples); a set replaces the object with the same key.
        Returns true.
        """)
    public static boolean insert(Object tab, Object objects) {
        try {
            return table(tab).insert(term(objects));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "insert", tab, objects);
        }
    }

    /** As insert/2 unless a key is present already, as {@code :ets.insert_new/2}. */
    @Doc("""
        Inserts like insert/2 unless a key is already present (then nothing is
        inserted and it returns false).
        """)
    public static boolean insert_new(Object tab, Object objects) {
        try {
            return table(tab).insertNew(term(objects));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "insert_new", tab, objects);
        }
    }

    /** Deletes a table, as {@code :ets.delete/1}; true. */
    @Doc("""
        Deletes the table (delete/1) or the objects with the key (delete/2); returns true.
        """)
    public static boolean delete(Object tab) {
        try {
            return table(tab).deleteTable();
        } catch (IllegalArgumentException e) {
            throw withCall(e, "delete", tab);
        }
    }

    /** Deletes the objects with the key, as {@code :ets.delete/2}; true. */
    public static boolean delete(Object tab, Object key) {
        try {
            return table(tab).delete(term(key));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "delete", tab, key);
        }
    }

    /** Deletes exactly this object, as {@code :ets.delete_object/2}; true. */
    @Doc("""
        Deletes exactly this object (all its copies in a duplicate_bag); returns true.
        """)
    public static boolean delete_object(Object tab, Object object) {
        try {
            Table t = table(tab);
            Object o = term(object);
            if (!(o instanceof Tuple)) throw TableErrors.argument(2, "not a tuple");
            return t.deleteObject(o);
        } catch (IllegalArgumentException e) {
            throw withCall(e, "delete_object", tab, object);
        }
    }

    /** Empties the table, as {@code :ets.delete_all_objects/1}; true. */
    @Doc("""
        Deletes every object of the table; returns true.
        """)
    public static boolean delete_all_objects(Object tab) {
        try {
            return table(tab).deleteAllObjects();
        } catch (IllegalArgumentException e) {
            throw withCall(e, "delete_all_objects", tab);
        }
    }

    /** Removes and returns the objects with the key, as {@code :ets.take/2}. */
    @Doc("""
        Removes the objects with the key and returns them.
        """)
    public static List<Tuple> take(Object tab, Object key) {
        try {
            return table(tab).take(term(key));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "take", tab, key);
        }
    }

    /**
     * Updates counters, as {@code :ets.update_counter/3}: {@code incr}, {@code {pos, incr}},
     * {@code {pos, incr, threshold, set_value}} or a list of them.
     *
     * @return the new value (a list for a list of operations)
     */
    @Doc("""
        Adds to a counter of the object with the key and returns its new value: incr
        (the element after the key), {pos, incr}, {pos, incr, threshold, set_value},
        or a list of those. With a default object, a missing key is inserted first.

        ## Examples

            ps> :ets.update_counter(t, :hits, {2, 1}, {:hits, 0})
            1
        """)
    public static Object update_counter(Object tab, Object key, Object op) {
        try {
            return table(tab).updateCounter(term(key), term(op), null);
        } catch (IllegalArgumentException e) {
            throw withCall(e, "update_counter", tab, key, op);
        }
    }

    /** {@code :ets.update_counter/4}: as update_counter/3, inserting the default object for a missing key. */
    public static Object update_counter(Object tab, Object key, Object op, Object defaultObject) {
        try {
            return table(tab).updateCounter(term(key), term(op), term(defaultObject));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "update_counter", tab, key, op, defaultObject);
        }
    }

    /** Replaces elements of an object, as {@code :ets.update_element/3}: {@code {pos, value}} or a list. */
    @Doc("""
        Replaces elements ({pos, value} or a list of them) of the object with the key;
        false when there is none.
        """)
    public static boolean update_element(Object tab, Object key, Object change) {
        try {
            return table(tab).updateElement(term(key), term(change));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "update_element", tab, key, change);
        }
    }

    // ---- reading --------------------------------------------------------------------------------

    /**
     * The objects with {@code key}, as {@code :ets.lookup/2}.
     *
     * <pre>{@code :ets.lookup(MyReg, -2)   # [{-2, {:unique, 1, #Reference<...>}}]}</pre>
     */
    @Doc("""
        Returns the objects stored under the key in a table, as a list.
        """)
    public static List<Tuple> lookup(Object tab, Object key) {
        try {
            return table(tab).lookup(term(key));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "lookup", tab, key);
        }
    }

    /** Element pos of the object with the key, as {@code :ets.lookup_element/3} (a list for a bag). */
    @Doc("""
        Returns the element at the position of the object with the key (for a bag,
        the list of it from each object).
        """)
    public static Object lookup_element(Object tab, Object key, Object pos) {
        try {
            Table t = table(tab);
            if (!ErlangArgs.isInt(pos)) throw TableErrors.argument(3, "not an integer");
            long p = ErlangArgs.clamp(pos);
            return t.lookupElement(term(key), (int) Math.max(0, Math.min(Integer.MAX_VALUE, p)));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "lookup_element", tab, key, pos);
        }
    }

    /** True when an object has the key, as {@code :ets.member/2}. */
    @Doc("""
        Returns true if an object with the key is in the table.
        """)
    public static boolean member(Object tab, Object key) {
        try {
            return table(tab).member(term(key));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "member", tab, key);
        }
    }

    /**
     * Every object of a table, as {@code :ets.tab2list/1}.
     *
     * <pre>{@code :ets.tab2list(MyReg)   # [{-2, {:unique, 1, #Reference<...>}}, ...]}</pre>
     */
    @Doc("""
        Returns all objects of a table as a list of tuples.
        """)
    public static List<Tuple> tab2list(Object tab) {
        try {
            return table(tab).tab2list();
        } catch (IllegalArgumentException e) {
            throw withCall(e, "tab2list", tab);
        }
    }

    /** The first key, as {@code :ets.first/1}, or {@code :"$end_of_table"}. */
    @Doc("""
        Returns the first key (in term order for an ordered_set), or :"$end_of_table".
        """)
    public static Object first(Object tab) {
        try {
            return table(tab).first();
        } catch (IllegalArgumentException e) {
            throw withCall(e, "first", tab);
        }
    }

    /** The last key, as {@code :ets.last/1}. */
    @Doc("""
        Returns the last key (in term order for an ordered_set), or :"$end_of_table".
        """)
    public static Object last(Object tab) {
        try {
            return table(tab).last();
        } catch (IllegalArgumentException e) {
            throw withCall(e, "last", tab);
        }
    }

    /** The key after a key, as {@code :ets.next/2}. */
    @Doc("""
        Returns the key after the given one, or :"$end_of_table".
        """)
    public static Object next(Object tab, Object key) {
        try {
            return table(tab).next(term(key));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "next", tab, key);
        }
    }

    /** The key before a key, as {@code :ets.prev/2}. */
    @Doc("""
        Returns the key before the given one, or :"$end_of_table".
        """)
    public static Object prev(Object tab, Object key) {
        try {
            return table(tab).prev(term(key));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "prev", tab, key);
        }
    }

    /** {@code fun.(object, acc)} over every object, as {@code :ets.foldl/3}. */
    @Doc("""
        Folds over the objects of the table: fun.(object, acc).
        """)
    public static Object foldl(Object fun, Object acc, Object tab) {
        try {
            List<Tuple> objects = table(tab).objects();
            return objects.isEmpty() ? acc : ErlangLists.foldl(fun, acc, objects);
        } catch (IllegalArgumentException e) {
            throw withCall(e, "foldl", fun, acc, tab);
        }
    }

    /** As foldl/3, last object first, as {@code :ets.foldr/3}. */
    @Doc("""
        Folds over the objects of the table from the last: fun.(object, acc).
        """)
    public static Object foldr(Object fun, Object acc, Object tab) {
        try {
            List<Tuple> objects = new ArrayList<>(table(tab).objects());
            java.util.Collections.reverse(objects);
            return objects.isEmpty() ? acc : ErlangLists.foldl(fun, acc, objects);
        } catch (IllegalArgumentException e) {
            throw withCall(e, "foldr", fun, acc, tab);
        }
    }

    // ---- matching -------------------------------------------------------------------------------

    private static boolean isPattern(Object p) {
        return p instanceof Tuple || MatchSpec.ANY.equals(p) || p instanceof Atom a && a.name().matches("\\$\\d+");
    }

    private static List<Object> matchSpec(Object pattern, Atom body) {
        return List.of(Tuple.of(pattern, List.of(), List.of(body)));
    }

    /** The bindings of a pattern's {@code :"$N"} variables for each object that matches, as {@code :ets.match/2}. */
    @Doc("""
        Matches the objects against a pattern ({:"$1", :_}); returns the list of the
        bindings of :"$1", :"$2"... for each match.
        """)
    public static List<Object> match(Object tab, Object pattern) {
        try {
            Table t = table(tab);
            Object p = term(pattern);
            if (!isPattern(p)) return t.select(List.of());
            return t.select(matchSpec(p, Atom.of("$$")));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "match", tab, pattern);
        }
    }

    /** {@code :ets.match/3}: at most limit matches and a continuation. */
    public static Object match(Object tab, Object pattern, Object limit) {
        try {
            Object p = term(pattern);
            return select(tab, isPattern(p) ? matchSpec(p, Atom.of("$$")) : List.of(), limit);
        } catch (IllegalArgumentException e) {
            throw withCall(e, "match", tab, pattern, limit);
        }
    }

    /** {@code :ets.match/1}: the next matches of a continuation. */
    public static Object match(Object continuation) {
        try {
            return select(continuation);
        } catch (IllegalArgumentException e) {
            throw withCall(e, "match", continuation);
        }
    }

    /** The objects that match a pattern, as {@code :ets.match_object/2}. */
    @Doc("""
        Returns the objects that match a pattern ({:_, 1}).
        """)
    public static List<Object> match_object(Object tab, Object pattern) {
        try {
            Table t = table(tab);
            Object p = term(pattern);
            if (!isPattern(p)) return t.select(List.of());
            return t.select(matchSpec(p, MatchSpec.WHOLE));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "match_object", tab, pattern);
        }
    }

    /** Deletes the objects that match a pattern, as {@code :ets.match_delete/2}; true. */
    @Doc("""
        Deletes the objects that match a pattern; returns true.
        """)
    public static boolean match_delete(Object tab, Object pattern) {
        try {
            Table t = table(tab);
            Object p = term(pattern);
            return !isPattern(p) || t.matchDelete(p);
        } catch (IllegalArgumentException e) {
            throw withCall(e, "match_delete", tab, pattern);
        }
    }

    /**
     * The results of a match specification, as {@code :ets.select/2}:
     * {@code [{head, guards, [body]}]}, with {@code :"$_"} and {@code :"$$"} in the body.
     */
    @Doc("""
        Runs a match specification [{head, guards, body}] over the table and returns
        the results, e.g. [{{:"$1", :"$2"}, [{:>, :"$2", 1}], [:"$1"]}].
        """)
    public static List<Object> select(Object tab, Object spec) {
        try {
            return table(tab).select(term(spec));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "select", tab, spec);
        }
    }

    /** {@code :ets.select/3}: at most limit results and a continuation for select/1, or {@code :"$end_of_table"}. */
    public static Object select(Object tab, Object spec, Object limit) {
        try {
            Table t = table(tab);
            if (!ErlangArgs.isInt(limit) || ErlangArgs.clamp(limit) < 1) throw TableErrors.argument(3, "out of range");
            List<Object> all = t.select(term(spec));
            return chunk(t.tid(), all, (int) Math.min(Integer.MAX_VALUE, ErlangArgs.clamp(limit)));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "select", tab, spec, limit);
        }
    }

    private static Object chunk(Object tid, List<Object> results, int limit) {
        if (results.isEmpty()) return END_OF_TABLE;
        List<Object> first = new ArrayList<>(results.subList(0, Math.min(limit, results.size())));
        List<Object> rest = new ArrayList<>(results.subList(first.size(), results.size()));
        Object cont = rest.isEmpty() ? END_OF_TABLE : Tuple.of(CONTINUATION, tid, rest, limit);
        return Tuple.of(first, cont);
    }

    /** {@code :ets.select/1}: the next results of a continuation. */
    public static Object select(Object continuation) {
        try {
            if (END_OF_TABLE.equals(continuation)) return END_OF_TABLE;
            if (continuation instanceof Tuple c && c.isTagged(CONTINUATION, 4) && c.get(2) instanceof List<?> rest && c.get(3) instanceof Integer n) {
                return chunk(c.get(1), new ArrayList<>(rest), n);
            }
            throw TableErrors.argument(1, "invalid continuation");
        } catch (IllegalArgumentException e) {
            throw withCall(e, "select", continuation);
        }
    }

    /** As select/2, last object first, as {@code :ets.select_reverse/2}. */
    @Doc("""
        As select/2, from the last object to the first.
        """)
    public static List<Object> select_reverse(Object tab, Object spec) {
        try {
            List<Object> out = new ArrayList<>(select(tab, spec));
            java.util.Collections.reverse(out);
            return out;
        } catch (IllegalArgumentException e) {
            throw withCall(e, "select_reverse", tab, spec);
        }
    }

    /** How many objects the spec returns true for, as {@code :ets.select_count/2}. */
    @Doc("""
        Counts the objects for which the match specification returns true.
        """)
    public static long select_count(Object tab, Object spec) {
        try {
            return table(tab).selectCount(term(spec));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "select_count", tab, spec);
        }
    }

    /** Deletes the objects the spec returns true for, as {@code :ets.select_delete/2}; how many. */
    @Doc("""
        Deletes the objects for which the match specification returns true; returns
        how many.
        """)
    public static long select_delete(Object tab, Object spec) {
        try {
            return table(tab).selectDelete(term(spec));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "select_delete", tab, spec);
        }
    }

    /** Replaces objects by the spec's results (same key), as {@code :ets.select_replace/2}; how many. */
    @Doc("""
        Replaces each matching object with the match specification's result (which
        must keep the key); returns how many.
        """)
    public static long select_replace(Object tab, Object spec) {
        try {
            return table(tab).selectReplace(term(spec));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "select_replace", tab, spec);
        }
    }

    /** Runs a match specification on one tuple, as {@code :ets.test_ms/2}: {@code {:ok, result}} ({@code false} when no clause matches). */
    @Doc("""
        Tests a match specification on a tuple: {:ok, result} (false when it does not match).
        """)
    public static Tuple test_ms(Object tuple, Object spec) {
        try {
            MatchSpec ms = MatchSpec.compile(term(spec));
            Object r = tuple instanceof Tuple t ? ms.run(t) : MatchSpec.NO_MATCH;
            return Tuple.of(Atom.of("ok"), r == MatchSpec.NO_MATCH ? Boolean.FALSE : r);
        } catch (IllegalArgumentException e) {
            throw withCall(e, "test_ms", tuple, spec);
        }
    }

    /**
     * The objects of the i-th slot, as {@code :ets.slot/2}: here every object is its own slot, in
     * the table's order; {@code :"$end_of_table"} past the last.
     */
    @Doc("""
        Returns the objects in slot i of the table, or :"$end_of_table" past the last slot.
        """)
    public static Object slot(Object tab, Object i) {
        try {
            Table t = table(tab);
            if (!ErlangArgs.isInt(i) || ErlangArgs.clamp(i) < 0) throw TableErrors.argument(2, "not a valid slot");
            List<Tuple> all = t.objects();
            long n = ErlangArgs.clamp(i);
            if (n >= all.size()) {
                if (n > all.size()) throw TableErrors.argument(2, "not a valid slot");
                return END_OF_TABLE;
            }
            return new ArrayList<>(List.of(all.get((int) n)));
        } catch (IllegalArgumentException e) {
            throw withCall(e, "slot", tab, i);
        }
    }

    private static final java.util.Map<Ref, MatchSpec> COMPILED = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Compiles a match specification, as {@code :ets.match_spec_compile/1}: a reference for match_spec_run/2. */
    @Doc("""
        Compiles a match specification for :ets.match_spec_run/2.
        """)
    public static Ref match_spec_compile(Object spec) {
        try {
            MatchSpec ms = MatchSpec.compile(term(spec));
            Ref r = IexSession.current().node().makeRef();
            COMPILED.put(r, ms);
            return r;
        } catch (IllegalArgumentException e) {
            throw withCall(e, "match_spec_compile", spec);
        }
    }

    /** True for a compiled match specification, as {@code :ets.is_compiled_ms/1}. */
    @Doc("""
        Returns true if the term is a compiled match specification.
        """)
    public static boolean is_compiled_ms(Object term) {
        try {
            return term instanceof Ref r && COMPILED.containsKey(r);
        } catch (IllegalArgumentException e) {
            throw withCall(e, "is_compiled_ms", term);
        }
    }

    /** Runs a compiled match specification over a list of tuples, as {@code :ets.match_spec_run/2}. */
    @Doc("""
        Runs a compiled match specification over a list of tuples; returns the results.
        """)
    public static List<Object> match_spec_run(Object list, Object compiled) {
        try {
            MatchSpec ms = compiled instanceof Ref r ? COMPILED.get(r) : null;
            if (ms == null || !(list instanceof List<?> l)) throw ArgumentError.badarg();
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                Object r = o instanceof Tuple t ? ms.run(t) : MatchSpec.NO_MATCH;
                if (r != MatchSpec.NO_MATCH) out.add(r);
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw withCall(e, "match_spec_run", list, compiled);
        }
    }

    /**
     * The error of an ETS function with its call as iex's stack line ({@code (stdlib 4.2)
     * :ets.lookup(:nope, 1)}): the runtime's tables raise a bare ArgumentError (a table gone, a key
     * missing, a name taken); one raised here with its line already is as it is.
     */
    private static IllegalArgumentException withCall(IllegalArgumentException e, String function, Object... args) {
        return ArgumentError.withFrames(e, List.of(ErlangArgs.frame(":ets." + function, args)));
    }
}
