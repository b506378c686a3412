package procshell.shell.iex;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.table.Table;
import procshell.runtime.table.Tables;

/**
 * Erlang's {@code :ets} at the prompt, for looking at the node's tables (a Registry's among
 * them): {@code :ets.all()}, {@code :ets.info(table)}, {@code :ets.tab2list(table)}.
 *
 * <pre>{@code
 * :ets.all()                  # [MyReg, #Reference<0.4.0.1>, #Reference<0.4.0.2>]
 * :ets.info(MyReg)            # [id: #Reference<...>, ..., name: MyReg, size: 2, ...]
 * :ets.tab2list(MyReg)        # [{-2, {:unique, 1, #Reference<...>}}, {-1, {...}}]
 * }</pre>
 *
 * A table is named by its name when it is a named table, else by its reference.
 */
@Doc("""
    The :ets module: the node's in-memory term tables (what Registry stores its
    entries in).
    """)
@ElixirName(":ets")
public final class Ets {
    private Ets() {}

    private static Tables tables() {
        return IexSession.current().node().tables();
    }

    private static Object tab(Object table) {
        return IexSession.current().modules().nameTerm(table);
    }

    /**
     * The node's tables, as {@code :ets.all/0}: names of named tables, references of the others.
     *
     * <pre>{@code :ets.all()   # [MyReg, #Reference<0.4.0.1>, #Reference<0.4.0.2>]}</pre>
     */
    @Doc("""
        Returns the identifiers of all tables of the node (names or references).
        """)
    public static List<Object> all() {
        return tables().all();
    }

    /**
     * A table's attributes, as {@code :ets.info/1}.
     *
     * <pre>{@code :ets.info(MyReg)   # [id: #Reference<...>, read_concurrency: true, ..., size: 2, ...]}</pre>
     *
     * @return the keyword list, or {@code :undefined} when there is no such table
     */
    @Doc("""
        Returns information about a table as a keyword list (or one item of it):
        :name, :size, :type, :owner, :protection, :memory...; :undefined when the
        table does not exist.
        """)
    public static Object info(Object table) {
        Table t = tables().find(tab(table));
        if (t == null) return Atom.UNDEFINED;
        try {
            return t.info().toKeywordList();
        } catch (IllegalArgumentException gone) {
            return Atom.UNDEFINED;
        }
    }

    /**
     * One attribute of a table, as {@code :ets.info/2}.
     *
     * <pre>{@code :ets.info(MyReg, :size)   # 2}</pre>
     *
     * @return the value, or {@code :undefined} when there is no such table
     * @throws IllegalArgumentException {@code not a valid info item} for an unknown item
     */
    public static Object info(Object table, Object item) {
        Table t = tables().find(tab(table));
        if (t == null) return Atom.UNDEFINED;
        if (!(item instanceof Atom a)) throw procshell.runtime.table.TableErrors.argument(2, "not a valid info item");
        return t.info().item(a);
    }

    /**
     * Every object of a table, as {@code :ets.tab2list/1}.
     *
     * <pre>{@code :ets.tab2list(MyReg)   # [{-2, {:unique, 1, #Reference<...>}}, ...]}</pre>
     *
     * @throws IllegalArgumentException ETS's {@code the table identifier does not refer to an existing ETS table}
     */
    @Doc("""
        Returns all objects of a table as a list of tuples.
        """)
    public static List<Tuple> tab2list(Object table) {
        return tables().get(tab(table)).tab2list();
    }

    /**
     * The objects with {@code key}, as {@code :ets.lookup/2}.
     *
     * <pre>{@code :ets.lookup(MyReg, -2)   # [{-2, {:unique, 1, #Reference<...>}}]}</pre>
     */
    @Doc("""
        Returns the objects stored under the key in a table, as a list.
        """)
    public static List<Tuple> lookup(Object table, Object key) {
        return tables().get(tab(table)).lookup(IexSession.current().modules().nameTerm(key));
    }
}
