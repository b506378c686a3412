package procshell.shell.iex;

import static procshell.shell.iex.Enumerables.call;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Tuple;
import procshell.runtime.table.TermCompare;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code List} module (1.14), function by function: lists are Java lists; a non-list
 * argument fails as Elixir's guard does ({@code FunctionClauseError}).
 */
@ElixirName("List")
@Doc("""
    Linked lists hold zero, one, or more elements in the chosen order.

    ## Examples

        ps> List.first([1, 2, 3])
        1
    """)
public final class ElixirList {
    private static final Object ASC = procshell.runtime.node.Atom.of("asc");

    private ElixirList() {}

    private static List<Object> list(Object term, String function, int arity) {
        Object l = Values.normalize(term);
        if (!(l instanceof List<?> list)) throw new FunctionClauseError("List." + function, arity);
        return new ArrayList<>(list);
    }

    private static int index(Object i, String function, int arity) {
        if (!ElixirEnum.isInt(i)) throw new FunctionClauseError("List." + function, arity);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ((Number) i).longValue()));
    }

    /**
     * A charlist from a list of characters, strings and charlists (chardata), as
     * {@code List.to_charlist/1}: what {@code '#{x}'} compiles to.
     *
     * @throws ArgumentError for anything that is not chardata
     */
    @Doc("""
        Converts a list of integers representing code points, lists or strings
        into a charlist.

        ## Examples

            ps> List.to_charlist([0x00E6, 0x00DF])
            'æß'
        """)
    public static List<Integer> to_charlist(Object chardata) {
        List<Integer> out = new ArrayList<>();
        String text = StringChars.text(chardata);
        text.codePoints().forEach(out::add);
        return out;
    }

    /** The chardata as a string, as {@code List.to_string/1}. */
    @Doc("Converts a list of code points, strings and such lists into a string.")
    public static String to_string(Object chardata) {
        list(chardata, "to_string", 1);
        return StringChars.text(chardata);
    }

    /** The atom of a charlist, as {@code List.to_atom/1}. */
    @Doc("Converts a charlist to an atom.")
    public static Object to_atom(Object charlist) {
        return ElixirString.to_atom(StringChars.text(list(charlist, "to_atom", 1)));
    }

    /** The existing atom of a charlist, as {@code List.to_existing_atom/1}. */
    @Doc("Converts a charlist to an existing atom.")
    public static Object to_existing_atom(Object charlist) {
        return ElixirString.to_existing_atom(StringChars.text(list(charlist, "to_existing_atom", 1)));
    }

    /** The integer a charlist spells, as {@code List.to_integer/1}. */
    @Doc("Returns the integer whose text representation is the charlist (in the base, if given).")
    public static Number to_integer(Object charlist) {
        return ElixirString.to_integer(StringChars.text(list(charlist, "to_integer", 1)));
    }

    /** As {@code List.to_integer/2} in a base. */
    public static Number to_integer(Object charlist, Object base) {
        return ElixirString.to_integer(StringChars.text(list(charlist, "to_integer", 2)), base);
    }

    /** The float a charlist spells, as {@code List.to_float/1}. */
    @Doc("Returns the float whose text representation is the charlist.")
    public static double to_float(Object charlist) {
        return ElixirString.to_float(StringChars.text(list(charlist, "to_float", 1)));
    }

    /** The elements as a tuple, as {@code List.to_tuple/1}. */
    @Doc("Converts the list to a tuple.")
    public static Tuple to_tuple(Object list) {
        return Tuple.of(list(list, "to_tuple", 1).toArray());
    }

    /** The first element, or nil, as {@code List.first/1}. */
    @Doc("""
        Returns the first element in list or nil (the default) if list is empty.
        """)
    public static Object first(Object list) {
        return first(list, null);
    }

    /** The first element, or the default, as {@code List.first/2}. */
    public static Object first(Object list, Object fallback) {
        if (list instanceof procshell.runtime.dist.ImproperList il) return il.elements().get(0);
        List<Object> l = list(list, "first", 2);
        return l.isEmpty() ? fallback : l.get(0);
    }

    /** The last element, or nil, as {@code List.last/1}. */
    @Doc("""
        Returns the last element in list or nil (the default) if list is empty.
        """)
    public static Object last(Object list) {
        return last(list, null);
    }

    /** The last element, or the default, as {@code List.last/2}. */
    public static Object last(Object list, Object fallback) {
        List<Object> l = list(list, "last", 2);
        return l.isEmpty() ? fallback : l.get(l.size() - 1);
    }

    /** A list as it is, nil as {@code []}, any other term wrapped, as {@code List.wrap/1}. */
    @Doc("""
        Wraps term in a list if this is not list. If term is already a list, it
        returns the list. If term is nil, it returns an empty list.
        """)
    public static List<?> wrap(Object term) {
        Object t = Values.normalize(term);
        if (t == null) return new ArrayList<>();
        return t instanceof List<?> l ? l : new ArrayList<>(List.of(t));
    }

    /** The first occurrence ({@code ===}) removed, as {@code List.delete/2}. */
    @Doc("Deletes the first occurrence of the element.")
    public static List<Object> delete(Object list, Object element) {
        List<Object> l = list(list, "delete", 2);
        for (int i = 0; i < l.size(); i++) {
            if (TermCompare.exactEquals(l.get(i), element)) {
                l.remove(i);
                break;
            }
        }
        return l;
    }

    /** The element at an index (negative from the end) removed, as {@code List.delete_at/2}. */
    @Doc("Deletes the element at the index (negative counts from the end).")
    public static List<Object> delete_at(Object list, Object index) {
        List<Object> l = list(list, "delete_at", 2);
        int i = index(index, "delete_at", 2);
        if (i < 0) i += l.size();
        if (i >= 0 && i < l.size()) l.remove(i);
        return l;
    }

    /** {@code {element, rest}} for an index, as {@code List.pop_at/2}. */
    @Doc("Returns and removes the element at the index: {element, rest} (the default when out of range).")
    public static Tuple pop_at(Object list, Object index) {
        return pop_at(list, index, null);
    }

    /** As {@code List.pop_at/3}. */
    public static Tuple pop_at(Object list, Object index, Object fallback) {
        List<Object> l = list(list, "pop_at", 3);
        int i = index(index, "pop_at", 3);
        if (i < 0) i += l.size();
        if (i < 0 || i >= l.size()) return Tuple.of(fallback, l);
        Object x = l.remove(i);
        return Tuple.of(x, l);
    }

    /** The element repeated {@code n} times, as {@code List.duplicate/2}. */
    @Doc("Returns a list of the element repeated n times.")
    public static List<Object> duplicate(Object element, Object n) {
        if (!ElixirEnum.isInt(n) || ((Number) n).longValue() < 0) throw new FunctionClauseError(":lists.duplicate", 2);
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < ((Number) n).longValue(); i++) out.add(Values.normalize(element));
        return out;
    }

    /** Nested lists flattened, as {@code List.flatten/1}. */
    @Doc("Flattens the nested lists (followed by the tail, if given).")
    public static List<Object> flatten(Object list) {
        List<Object> out = new ArrayList<>();
        flattenInto(erlangList(list, 648, list), out);
        return out;
    }

    /**
     * The list List.flatten/1,2 hands to {@code :lists.flatten}, whose clauses raise for anything
     * else (with lists.erl's line, as iex shows it).
     */
    private static List<Object> erlangList(Object term, int line, Object... arguments) {
        Object l = Values.normalize(term);
        if (l instanceof List<?> list) return new ArrayList<>(list);
        String function = ":lists.flatten/" + arguments.length;
        throw new FunctionClauseError(function, java.util.Arrays.asList(arguments),
                List.of("(stdlib 4.2) lists.erl:" + line + ": " + function));
    }

    /** Nested lists flattened, then {@code tail}, as {@code List.flatten/2}. */
    public static List<Object> flatten(Object list, Object tail) {
        List<Object> out = new ArrayList<>();
        flattenInto(erlangList(list, 656, list, tail), out);
        out.addAll(erlangList(tail, 656, list, tail));
        return out;
    }

    private static void flattenInto(List<?> l, List<Object> out) {
        for (Object o : l) {
            if (o instanceof List<?> inner) flattenInto(inner, out);
            else out.add(o);
        }
    }

    /** Folds from the left, as {@code List.foldl/3}. */
    @Doc("Folds the list from the left with fn element, acc.")
    public static Object foldl(Object list, Object acc, Object fun) {
        Object a = acc;
        for (Object x : list(list, "foldl", 3)) a = call(fun, x, a);
        return a;
    }

    /** Folds from the right, as {@code List.foldr/3}. */
    @Doc("Folds the list from the right with fn element, acc.")
    public static Object foldr(Object list, Object acc, Object fun) {
        List<Object> l = list(list, "foldr", 3);
        Object a = acc;
        for (int i = l.size() - 1; i >= 0; i--) a = call(fun, l.get(i), a);
        return a;
    }

    /** The value inserted at an index (negative from the end, -1 appends), as {@code List.insert_at/3}. */
    @Doc("Inserts the value at the index (negative counts from the end; -1 appends).")
    public static List<Object> insert_at(Object list, Object index, Object value) {
        List<Object> l = list(list, "insert_at", 3);
        int i = index(index, "insert_at", 3);
        if (i < 0) i = Math.max(0, l.size() + i + 1);
        l.add(Math.min(i, l.size()), Values.normalize(value));
        return l;
    }

    /** The element at an index replaced (out of range: unchanged), as {@code List.replace_at/3}. */
    @Doc("Replaces the element at the index (unchanged when out of range).")
    public static List<Object> replace_at(Object list, Object index, Object value) {
        List<Object> l = list(list, "replace_at", 3);
        int i = index(index, "replace_at", 3);
        if (i < 0) i += l.size();
        if (i >= 0 && i < l.size()) l.set(i, Values.normalize(value));
        return l;
    }

    /** The element at an index through {@code fun}, as {@code List.update_at/3}. */
    @Doc("Updates the element at the index with the function (unchanged when out of range).")
    public static List<Object> update_at(Object list, Object index, Object fun) {
        List<Object> l = list(list, "update_at", 3);
        int i = index(index, "update_at", 3);
        if (i < 0) i += l.size();
        if (i >= 0 && i < l.size()) l.set(i, call(fun, l.get(i)));
        return l;
    }

    /** True when the list begins with the prefix, as {@code List.starts_with?/2}. */
    @Doc("Returns true if the list starts with the prefix.")
    public static boolean starts_with_qm(Object list, Object prefix) {
        List<Object> l = list(list, "starts_with?", 2);
        List<Object> p = list(prefix, "starts_with?", 2);
        if (p.size() > l.size()) return false;
        for (int i = 0; i < p.size(); i++) if (!TermCompare.exactEquals(l.get(i), p.get(i))) return false;
        return true;
    }

    /** Tuples of corresponding elements, up to the shortest, as {@code List.zip/1}. */
    @Doc("Zips corresponding elements of the lists into tuples.")
    public static List<Object> zip(Object lists) {
        return ElixirEnum.zip(list(lists, "zip", 1));
    }

    /** True for an improper list ({@code [1 | 2]}), false for a proper one, as {@code List.improper?/1}. */
    @Doc("Returns true if the list is improper ([1 | 2]), false if it is proper.")
    public static boolean improper_qm(Object list) {
        if (list instanceof procshell.runtime.dist.ImproperList) return true;
        list(list, "improper?", 1);
        return false;
    }

    /** True when every element is a printable ASCII character, as {@code List.ascii_printable?/1}. */
    @Doc("Checks if the list is a charlist of printable ASCII characters (up to the limit, if given).")
    public static boolean ascii_printable_qm(Object list) {
        return ascii_printable_qm(list, Long.MAX_VALUE);
    }

    /** As {@code List.ascii_printable?/2}: only the first {@code limit} characters are checked. */
    public static boolean ascii_printable_qm(Object list, Object limit) {
        List<Object> l = list(list, "ascii_printable?", 2);
        long max = ElixirEnum.isInt(limit) ? ((Number) limit).longValue() : Long.MAX_VALUE;
        for (int i = 0; i < l.size() && i < max; i++) {
            Object c = l.get(i);
            if (!(c instanceof Integer cp) || !(cp >= 32 && cp <= 126 || cp >= 7 && cp <= 13 || cp == 27)) return false;
        }
        return true;
    }

    // ---- key functions over lists of tuples ---------------------------------------------------

    private static boolean keyAt(Object element, Object key, int position) {
        return element instanceof Tuple t && position < t.size() && TermCompare.equal(t.get(position), key);
    }

    private static int position(Object p, String function, int arity) {
        if (!ElixirEnum.isInt(p) || ((Number) p).longValue() < 0) throw new FunctionClauseError("List." + function, arity);
        return ((Number) p).intValue();
    }

    /** The first tuple whose element at the position {@code ==} the key, or nil, as {@code List.keyfind/3}. */
    @Doc("Finds the first tuple whose element at the position matches the key (or the default).")
    public static Object keyfind(Object list, Object key, Object position) {
        return keyfind(list, key, position, null);
    }

    /** As {@code List.keyfind/4} with a default. */
    public static Object keyfind(Object list, Object key, Object position, Object fallback) {
        int p = position(position, "keyfind", 4);
        for (Object o : list(list, "keyfind", 4)) if (keyAt(o, key, p)) return o;
        return fallback;
    }

    /** As {@code List.keyfind!/3}; KeyError when none. */
    @Doc("As keyfind/3; raises KeyError when no tuple has the key.")
    public static Object keyfind_bang(Object list, Object key, Object position) {
        int p = position(position, "keyfind!", 3);
        List<Object> l = list(list, "keyfind!", 3);
        for (Object o : l) if (keyAt(o, key, p)) return o;
        throw new KeyError("key " + Inspect.inspect(key) + " at position " + p + " not found in: " + Inspect.inspect(l));
    }

    /** True when some tuple has the key at the position, as {@code List.keymember?/3}. */
    @Doc("Checks whether some tuple has the key at the position.")
    public static boolean keymember_qm(Object list, Object key, Object position) {
        int p = position(position, "keymember?", 3);
        for (Object o : list(list, "keymember?", 3)) if (keyAt(o, key, p)) return true;
        return false;
    }

    /** The first tuple with the key removed, as {@code List.keydelete/3}. */
    @Doc("Deletes the first tuple with the key at the position.")
    public static List<Object> keydelete(Object list, Object key, Object position) {
        int p = position(position, "keydelete", 3);
        List<Object> l = list(list, "keydelete", 3);
        for (int i = 0; i < l.size(); i++) {
            if (keyAt(l.get(i), key, p)) {
                l.remove(i);
                break;
            }
        }
        return l;
    }

    /** The first tuple with the key replaced, as {@code List.keyreplace/4}. */
    @Doc("Replaces the first tuple with the key at the position.")
    public static List<Object> keyreplace(Object list, Object key, Object position, Object replacement) {
        int p = position(position, "keyreplace", 4);
        List<Object> l = list(list, "keyreplace", 4);
        for (int i = 0; i < l.size(); i++) {
            if (keyAt(l.get(i), key, p)) {
                l.set(i, Values.normalize(replacement));
                break;
            }
        }
        return l;
    }

    /** The first tuple with the key replaced, or the new one appended, as {@code List.keystore/4}. */
    @Doc("Replaces the first tuple with the key, or appends the new tuple.")
    public static List<Object> keystore(Object list, Object key, Object position, Object replacement) {
        int p = position(position, "keystore", 4);
        List<Object> l = list(list, "keystore", 4);
        for (int i = 0; i < l.size(); i++) {
            if (keyAt(l.get(i), key, p)) {
                l.set(i, Values.normalize(replacement));
                return l;
            }
        }
        l.add(Values.normalize(replacement));
        return l;
    }

    /** {@code {tuple, rest}} for the first tuple with the key, or nil, as {@code List.keytake/3}. */
    @Doc("Removes the first tuple with the key: {tuple, rest}, or nil.")
    public static Tuple keytake(Object list, Object key, Object position) {
        int p = position(position, "keytake", 3);
        List<Object> l = list(list, "keytake", 3);
        for (int i = 0; i < l.size(); i++) {
            if (keyAt(l.get(i), key, p)) {
                Object t = l.remove(i);
                return Tuple.of(t, l);
            }
        }
        return null;
    }

    /** The tuples sorted (stably) by their element at the position, as {@code List.keysort/2}. */
    @Doc("Sorts the tuples by their element at the position (stable; :asc, :desc or a sorter).")
    public static List<Object> keysort(Object list, Object position) {
        return keysort(list, position, ASC);
    }

    /** As {@code List.keysort/3} with a sorter. */
    public static List<Object> keysort(Object list, Object position, Object sorter) {
        int p = position(position, "keysort", 3);
        List<Object> l = list(list, "keysort", 3);
        java.util.function.BiPredicate<Object, Object> le = Sorting.lessOrEqual(sorter);
        return Sorting.mergeSort(l, (a, b) -> le.test(((Tuple) a).get(p), ((Tuple) b).get(p)));
    }
}
