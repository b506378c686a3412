package procshell.shell.iex;

import static procshell.shell.iex.ErlangArgs.bool;
import static procshell.shell.iex.ErlangArgs.call;
import static procshell.shell.iex.ErlangArgs.clamp;
import static procshell.shell.iex.ErlangArgs.fun;
import static procshell.shell.iex.ErlangArgs.isInt;
import static procshell.shell.iex.ErlangArgs.list;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ErlangError;
import procshell.runtime.table.TermCompare;
import procshell.runtime.table.TermCopy;
import procshell.shell.eval.Arithmetic;
import procshell.shell.eval.CaseClauseError;

/**
 * Erlang's {@code :lists} (OTP 25's {@code lists.erl} and its built-ins), function by function with
 * its results and its errors: a guard that rejects the arguments is a {@code FunctionClauseError}
 * naming the Erlang function ({@code :lists.nth/2}), the built-ins ({@code keyfind/3},
 * {@code member/2}, {@code reverse/2}) raise OTP's {@code errors were found at the given
 * arguments}. Lists are Java lists; results are new lists.
 */
@Doc("""
    The :lists module: Erlang's list processing functions (sort, keyfind,
    keystore, foldl, seq, ...).
    """)
@ElixirName(":lists")
public final class ErlangLists {
    private static final Atom VALUE = Atom.of("value");

    private ErlangLists() {}

    private static FunctionClauseError clause(String function, int arity) {
        return ErlangArgs.clause("lists", function, arity);
    }

    private static boolean positiveInt(Object n) {
        return isInt(n) && Arithmetic.big(n).signum() > 0;
    }

    // ---- building and taking apart --------------------------------------------------------------

    /** {@code lists:append/2}: {@code l1 ++ l2}; ArgumentError when l1 is no list. */
    @Doc("""
        Returns a new list made of the elements of list1 followed by those of list2.
        """)
    public static Object append(Object list1, Object list2) {
        if (!(list1 instanceof List<?> a)) throw ArgumentError.badarg();
        return Ops.append(a, list2);
    }

    /** {@code lists:append/1}: the lists of a list of lists, concatenated. */
    @Doc("""
        Returns the concatenation of a list of lists.
        """)
    public static Object append(Object lists) {
        List<?> l = list(lists);
        if (l == null || l.isEmpty()) {
            if (l == null) throw clause("append", 1);
            return new ArrayList<>();
        }
        Object acc = l.get(l.size() - 1);
        for (int i = l.size() - 2; i >= 0; i--) acc = append(l.get(i), acc);
        return acc;
    }

    /** {@code lists:concat/1}: the texts of atoms, integers, floats and charlists, as a charlist. */
    @Doc("""
        Concatenates the text of atoms, integers, floats and strings (charlists) into a charlist.
        """)
    public static List<Object> concat(Object things) {
        List<?> l = list(things);
        if (l == null) throw clause("flatmap_1", 2);
        List<Object> out = new ArrayList<>();
        for (Object t : l) out.addAll(flatten(thingToList(t)));
        return out;
    }

    private static Object thingToList(Object t) {
        if (isInt(t)) return chars(t.toString());
        if (t instanceof Double d) return chars(ErlangFloats.scientific(d, 20));
        if (t == null || t instanceof Atom || t instanceof Boolean) return chars(Erlang.atom_to_binary(t));
        if (t instanceof List<?>) return t;
        throw clause("thing_to_list", 1);
    }

    /** The code points of a text as a charlist. */
    static List<Object> chars(String s) {
        List<Object> out = new ArrayList<>(s.length());
        s.codePoints().forEach(out::add);
        return out;
    }

    /** {@code lists:subtract/2}: {@code l1 -- l2}. */
    @Doc("""
        Returns list1 without the first occurrence of each element of list2.
        """)
    public static Object subtract(Object list1, Object list2) {
        if (!(list1 instanceof List<?>) || !(list2 instanceof List<?>)) throw ArgumentError.badarg();
        return Ops.subtract(list1, list2);
    }

    /** {@code lists:reverse/1}. */
    @Doc("""
        Returns the elements of the list in reverse order.
        """)
    public static List<Object> reverse(Object list) {
        List<?> l = list(list);
        if (l == null) throw clause("reverse", 1);
        List<Object> out = new ArrayList<>(l);
        java.util.Collections.reverse(out);
        return out;
    }

    /** {@code lists:reverse/2}: the list reversed, followed by the tail (a built-in). */
    @Doc("""
        Returns list1 reversed, followed by tail.
        """)
    public static Object reverse(Object list, Object tail) {
        List<?> l = list(list);
        if (l == null) throw ArgumentError.badArgument("1st argument: not a list");
        return Ops.append(reverse(l), tail);
    }

    /** {@code lists:nth/2}: the 1-based element. */
    @Doc("""
        Returns the n-th element of the list (1-based).
        """)
    public static Object nth(Object n, Object list) {
        List<?> l = list(list);
        // nth(N, [_|T]) when N > 1 -> nth(N - 1, T): an atom is greater than 1 in term order
        if (l != null && !l.isEmpty() && !isInt(n) && TermCompare.compare(n, 1) > 0) throw new ArithmeticError("bad argument in arithmetic expression");
        if (l == null || !positiveInt(n) || clamp(n) > l.size()) throw clause("nth", 2);
        return l.get((int) clamp(n) - 1);
    }

    /** {@code lists:nthtail/2}: the list after its first n elements. */
    @Doc("""
        Returns the tail of the list after its first n elements.
        """)
    public static List<Object> nthtail(Object n, Object list) {
        List<?> l = list(list);
        if (l == null || !isInt(n) || clamp(n) < 0 || clamp(n) > l.size()) throw clause("nthtail", 2);
        return new ArrayList<>(l.subList((int) clamp(n), l.size()));
    }

    /** {@code lists:last/1}. */
    @Doc("""
        Returns the last element of a non-empty list.
        """)
    public static Object last(Object list) {
        List<?> l = list(list);
        if (l == null || l.isEmpty()) throw clause("last", 1);
        return l.get(l.size() - 1);
    }

    /** {@code lists:droplast/1}: all but the last element. */
    @Doc("""
        Drops the last element of a non-empty list.
        """)
    public static List<Object> droplast(Object list) {
        List<?> l = list(list);
        if (l == null || l.isEmpty()) throw clause("droplast", 1);
        return new ArrayList<>(l.subList(0, l.size() - 1));
    }

    /** {@code lists:prefix/2}: true when list1 is a prefix of list2 (elements compared exactly). */
    @Doc("""
        Returns true if list1 is a prefix of list2.
        """)
    public static boolean prefix(Object list1, Object list2) {
        List<?> a = list(list1), b = list(list2);
        if (a == null || b == null) throw clause("prefix", 2);
        if (a.size() > b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!TermCompare.exactEquals(a.get(i), b.get(i))) return false;
        return true;
    }

    /** {@code lists:suffix/2}: true when list1 is a suffix of list2. */
    @Doc("""
        Returns true if list1 is a suffix of list2.
        """)
    public static boolean suffix(Object list1, Object list2) {
        List<?> a = list(list1), b = list(list2);
        if (a == null || b == null) throw ArgumentError.badArgument("1st argument: not a list");
        int delta = b.size() - a.size();
        return delta >= 0 && TermCompare.exactEquals(b.subList(delta, b.size()), a);
    }

    /** {@code lists:seq/2}: the integers from first to last. */
    @Doc("""
        Returns the integers from first to last (first - 1 =< last).
        """)
    public static List<Object> seq(Object first, Object last) {
        if (!isInt(first) || !isInt(last) || Arithmetic.big(first).subtract(java.math.BigInteger.ONE).compareTo(Arithmetic.big(last)) > 0) {
            throw clause("seq", 2);
        }
        return seq(first, last, 1);
    }

    /** {@code lists:seq/3}: first, first + incr, ... not beyond last. */
    @Doc("""
        Returns the integers first, first + incr, ... not passing last.
        """)
    public static List<Object> seq(Object first, Object last, Object incr) {
        new BifErrors(":lists.seq", first, last, incr).check(!isInt(first), 1, "not an integer").check(!isInt(last), 2, "not an integer")
                .check(!isInt(incr), 3, "not an integer").raise();
        java.math.BigInteger f = Arithmetic.big(first), l = Arithmetic.big(last), i = Arithmetic.big(incr);
        int s = i.signum();
        boolean ok = s > 0 && f.subtract(i).compareTo(l) <= 0 || s < 0 && f.subtract(i).compareTo(l) >= 0;
        if (!ok) {
            if (s == 0 && f.equals(l)) return new ArrayList<>(List.of(first));
            throw ArgumentError.badArgument("3rd argument: not a " + (s <= 0 && f.compareTo(l) <= 0 ? "positive" : "negative")
                    + " increment");
        }
        List<Object> out = new ArrayList<>();
        for (java.math.BigInteger x = f; s > 0 ? x.compareTo(l) <= 0 : x.compareTo(l) >= 0; x = x.add(i)) out.add(Arithmetic.integer(x));
        return out;
    }

    /** {@code lists:duplicate/2}: n copies of the element. */
    @Doc("""
        Returns a list of n copies of the element.
        """)
    public static List<Object> duplicate(Object n, Object element) {
        if (!isInt(n) || Arithmetic.big(n).signum() < 0) throw clause("duplicate", 2);
        List<Object> out = new ArrayList<>();
        for (long i = clamp(n); i > 0; i--) out.add(element);
        return out;
    }

    /** {@code lists:sublist/2}: the first len elements (all when fewer). */
    @Doc("""
        Returns the first len elements of the list (all of them when it is shorter).
        """)
    public static List<Object> sublist(Object list, Object len) {
        List<?> l = list(list);
        if (l == null || !isInt(len)) throw clause("sublist", 2);
        if (Arithmetic.big(len).signum() < 0) throw clause("sublist_2", 2);
        return new ArrayList<>(l.subList(0, (int) Math.min(l.size(), clamp(len))));
    }

    /** {@code lists:sublist/3}: len elements from the 1-based start. */
    @Doc("""
        Returns len elements of the list from the 1-based position start.
        """)
    public static List<Object> sublist(Object list, Object start, Object len) {
        List<?> l = list(list);
        if (l == null || !positiveInt(start) || !isInt(len) || Arithmetic.big(len).signum() < 0) throw clause("sublist", 3);
        long s = clamp(start) - 1;
        if (s >= l.size()) return new ArrayList<>();
        return new ArrayList<>(l.subList((int) s, (int) Math.min(l.size(), s + clamp(len))));
    }

    /** {@code lists:split/2}: {@code {first n, rest}}; ArgumentError when the list is shorter. */
    @Doc("""
        Splits the list after its first n elements: {list1, list2}.
        """)
    public static Tuple split(Object n, Object list) {
        List<?> l = list(list);
        if (l == null || !isInt(n) || Arithmetic.big(n).signum() < 0 || clamp(n) > l.size()) throw ArgumentError.badarg();
        int k = (int) clamp(n);
        return Tuple.of(new ArrayList<>(l.subList(0, k)), new ArrayList<>(l.subList(k, l.size())));
    }

    /** {@code lists:join/2}: the elements with the separator between them. */
    @Doc("""
        Inserts the separator between the elements of the list.
        """)
    public static List<Object> join(Object sep, Object list) {
        List<?> l = list(list);
        if (l == null) throw clause("join", 2);
        List<Object> out = new ArrayList<>();
        for (Object o : l) {
            if (!out.isEmpty()) out.add(sep);
            out.add(o);
        }
        return out;
    }

    /** {@code lists:flatten/1}: the elements of nested lists, in order. */
    @Doc("""
        Returns a flattened version of a deep list.
        """)
    public static List<Object> flatten(Object deepList) {
        if (!(deepList instanceof List<?> l)) throw clause("flatten", 1);
        List<Object> out = new ArrayList<>();
        flattenInto(l, out);
        return out;
    }

    /** {@code lists:flatten/2}: flattened, followed by the tail. */
    public static List<Object> flatten(Object deepList, Object tail) {
        if (!(deepList instanceof List<?> l) || !(tail instanceof List<?> t)) throw clause("flatten", 2);
        List<Object> out = new ArrayList<>();
        flattenInto(l, out);
        out.addAll(t);
        return out;
    }

    private static void flattenInto(List<?> l, List<Object> out) {
        for (Object o : l) {
            if (o instanceof List<?> inner) flattenInto(inner, out);
            else out.add(o);
        }
    }

    /** {@code lists:flatlength/1}: the length of the flattened list. */
    @Doc("""
        Returns the length of the flattened deep list.
        """)
    public static int flatlength(Object deepList) {
        if (!(deepList instanceof List<?>)) throw clause("flatlength", 2);
        return flatten(deepList).size();
    }

    /** {@code lists:enumerate/1}: {@code [{1, e1}, {2, e2}, ...]}. */
    @Doc("""
        Returns the elements paired with their 1-based index: [{1, a}, {2, b}, ...].
        """)
    public static List<Object> enumerate(Object list) {
        if (!(list instanceof List<?>)) throw clause("enumerate", 1);
        return enumerate(1, list);
    }

    /** {@code lists:enumerate/2}: as enumerate/1 from the given index. */
    public static List<Object> enumerate(Object index, Object list) {
        List<?> l = list(list);
        if (l == null || !isInt(index)) throw clause("enumerate", 2);
        List<Object> out = new ArrayList<>(l.size());
        Object i = index;
        for (Object o : l) {
            out.add(Tuple.of(i, o));
            i = Arithmetic.add(i, 1);
        }
        return out;
    }

    // ---- numbers and order -----------------------------------------------------------------------

    /** {@code lists:sum/1}. */
    @Doc("""
        Returns the sum of the numbers of the list.
        """)
    public static Object sum(Object list) {
        List<?> l = list(list);
        if (l == null) throw clause("sum", 2);
        Object acc = 0;
        for (Object o : l) {
            if (!(isInt(o) || o instanceof Double)) throw new ArithmeticError("bad argument in arithmetic expression");
            acc = Arithmetic.add(acc, o);
        }
        return acc;
    }

    /** {@code lists:max/1}: the first largest element in term order. */
    @Doc("""
        Returns the first largest element of a non-empty list (term order).
        """)
    public static Object max(Object list) {
        List<?> l = list(list);
        if (l == null || l.isEmpty()) throw clause("max", 1);
        Object best = l.get(0);
        for (Object o : l) if (TermCompare.compare(o, best) > 0) best = o;
        return best;
    }

    /** {@code lists:min/1}: the first smallest element in term order. */
    @Doc("""
        Returns the first smallest element of a non-empty list (term order).
        """)
    public static Object min(Object list) {
        List<?> l = list(list);
        if (l == null || l.isEmpty()) throw clause("min", 1);
        Object best = l.get(0);
        for (Object o : l) if (TermCompare.compare(o, best) < 0) best = o;
        return best;
    }

    /** {@code lists:sort/1}: term order, stable. */
    @Doc("""
        Returns the list sorted in term order.
        """)
    public static List<Object> sort(Object list) {
        List<?> l = list(list);
        if (l == null) throw clause("sort", 1);
        return TermSort.sort(l, TermSort.TERM_ORDER);
    }

    /** {@code lists:sort/2}: ordered by a fun answering true when its first argument comes first. */
    public static List<Object> sort(Object fun, Object list) {
        Closure<?> f = fun(fun, 2);
        List<?> l = list(list);
        if (f == null || l == null) throw clause("sort", 2);
        return TermSort.sort(l, ordering(f));
    }

    private static BiPredicate<Object, Object> ordering(Closure<?> f) {
        return (a, b) -> Boolean.TRUE.equals(call(f, a, b));
    }

    /** {@code lists:usort/1}: sorted, without duplicates ({@code ==}; the first is kept). */
    @Doc("""
        Returns the list sorted in term order without duplicates.
        """)
    public static List<Object> usort(Object list) {
        List<?> l = list(list);
        if (l == null) throw clause("usort", 1);
        return TermSort.usort(l, TermSort.TERM_ORDER);
    }

    /** {@code lists:usort/2}: as sort/2 without the elements the fun orders both ways. */
    public static List<Object> usort(Object fun, Object list) {
        Closure<?> f = fun(fun, 2);
        List<?> l = list(list);
        if (f == null || l == null) throw clause("usort", 2);
        return TermSort.usort(l, ordering(f));
    }

    /** {@code lists:uniq/1}: the first of each exactly-equal element, in order. */
    @Doc("""
        Removes the duplicates of the list, keeping the first of each, in order.
        """)
    public static List<Object> uniq(Object list) {
        List<?> l = list(list);
        if (l == null) throw clause("uniq", 1);
        Set<Object> seen = new HashSet<>();
        List<Object> out = new ArrayList<>();
        for (Object o : l) if (seen.add(TermCopy.of(o))) out.add(o);
        return out;
    }

    /** {@code lists:uniq/2}: the first element of each value of the fun. */
    public static List<Object> uniq(Object fun, Object list) {
        Closure<?> f = fun(fun, 1);
        List<?> l = list(list);
        if (f == null || l == null) throw clause("uniq", 2);
        Set<Object> seen = new HashSet<>();
        List<Object> out = new ArrayList<>();
        for (Object o : l) if (seen.add(TermCopy.of(call(f, o)))) out.add(o);
        return out;
    }

    /** {@code lists:merge/2}: two sorted lists merged (list1's first on ties). */
    @Doc("""
        Merges two sorted lists into one sorted list.
        """)
    public static List<Object> merge(Object list1, Object list2) {
        List<?> a = list(list1), b = list(list2);
        if (a == null || b == null) throw clause("merge", 2);
        return mergeLists(a, b, TermSort.TERM_ORDER);
    }

    /** {@code lists:merge/3}: merged by an ordering fun. */
    public static List<Object> merge(Object fun, Object list1, Object list2) {
        Closure<?> f = fun(fun, 2);
        List<?> a = list(list1), b = list(list2);
        if (f == null || a == null || b == null) throw clause("merge", 3);
        return mergeLists(a, b, ordering(f));
    }

    /** {@code lists:merge/1}: a list of sorted lists merged. */
    public static List<Object> merge(Object lists) {
        List<?> l = list(lists);
        if (l == null) throw clause("merge", 1);
        List<Object> acc = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof List<?> x)) throw clause("merge", 1);
            acc = mergeLists(acc, x, TermSort.TERM_ORDER);
        }
        return acc;
    }

    /** {@code lists:umerge/2}: merged without duplicates. */
    @Doc("""
        Merges two sorted lists into one sorted list without duplicates.
        """)
    public static List<Object> umerge(Object list1, Object list2) {
        List<Object> m = merge(list1, list2);
        return TermSort.usort(m, TermSort.TERM_ORDER);
    }

    private static List<Object> mergeLists(List<?> a, List<?> b, BiPredicate<Object, Object> le) {
        List<Object> out = new ArrayList<>(a.size() + b.size());
        int i = 0, j = 0;
        while (i < a.size() && j < b.size()) out.add(le.test(a.get(i), b.get(j)) ? a.get(i++) : b.get(j++));
        while (i < a.size()) out.add(a.get(i++));
        while (j < b.size()) out.add(b.get(j++));
        return out;
    }

    // ---- membership and deletion -----------------------------------------------------------------

    /** {@code lists:member/2}: an element matching exactly ({@code =:=}); a built-in. */
    @Doc("""
        Returns true if the element is in the list (matched exactly, 1 is not 1.0).
        """)
    public static boolean member(Object element, Object list) {
        List<?> l = list(list);
        if (l == null) throw ArgumentError.badArgument("2nd argument: not a list");
        for (Object o : l) if (TermCompare.exactEquals(o, element)) return true;
        return false;
    }

    /** {@code lists:delete/2}: without the first element matching exactly. */
    @Doc("""
        Returns the list without the first element that matches.
        """)
    public static List<Object> delete(Object element, Object list) {
        List<?> l = list(list);
        if (l == null) throw clause("delete", 2);
        List<Object> out = new ArrayList<>(l);
        for (int i = 0; i < out.size(); i++) {
            if (TermCompare.exactEquals(out.get(i), element)) {
                out.remove(i);
                break;
            }
        }
        return out;
    }

    // ---- tuples by key ---------------------------------------------------------------------------

    private static int keyPosition(Object n) {
        if (!isInt(n)) throw ArgumentError.badArgument("2nd argument: not an integer");
        if (!positiveInt(n) || clamp(n) > Integer.MAX_VALUE) throw ArgumentError.badArgument("2nd argument: out of range");
        return (int) clamp(n);
    }

    private static int keyIndex(Object n, String function, int arity) {
        if (!positiveInt(n)) throw clause(function, arity);
        return (int) Math.min(Integer.MAX_VALUE, clamp(n));
    }

    /** True when {@code o} is a tuple whose n-th element equals ({@code ==}) the key. */
    private static boolean keyed(Object o, int n, Object key) {
        return o instanceof Tuple t && t.size() >= n && TermCompare.equal(t.get(n - 1), key);
    }

    /** {@code lists:keyfind/3}: the first tuple whose n-th element is {@code ==} the key, or false. */
    @Doc("""
        Returns the first tuple whose n-th element equals the key, or false.
        """)
    public static Object keyfind(Object key, Object n, Object tuples) {
        int pos = keyPosition(n);
        List<?> l = list(tuples);
        if (l == null) throw ArgumentError.badArgument("3rd argument: not a list");
        for (Object o : l) if (keyed(o, pos, key)) return o;
        return Boolean.FALSE;
    }

    /** {@code lists:keymember/3}. */
    @Doc("""
        Returns true if a tuple's n-th element equals the key.
        """)
    public static boolean keymember(Object key, Object n, Object tuples) {
        return !Boolean.FALSE.equals(keyfind(key, n, tuples));
    }

    /** {@code lists:keysearch/3}: {@code {:value, tuple}} or false. */
    @Doc("""
        Returns {:value, tuple} for the first tuple whose n-th element equals the key, or false.
        """)
    public static Object keysearch(Object key, Object n, Object tuples) {
        Object t = keyfind(key, n, tuples);
        return Boolean.FALSE.equals(t) ? t : Tuple.of(VALUE, t);
    }

    /** {@code lists:keydelete/3}: without the first tuple with the key. */
    @Doc("""
        Returns the list without the first tuple whose n-th element equals the key.
        """)
    public static List<Object> keydelete(Object key, Object n, Object tuples) {
        int pos = keyIndex(n, "keydelete", 3);
        List<?> l = list(tuples);
        if (l == null) throw clause("keydelete3", 3);
        List<Object> out = new ArrayList<>(l);
        for (int i = 0; i < out.size(); i++) {
            if (keyed(out.get(i), pos, key)) {
                out.remove(i);
                break;
            }
        }
        return out;
    }

    /** {@code lists:keyreplace/4}: the first tuple with the key replaced. */
    @Doc("""
        Replaces the first tuple whose n-th element equals the key with the new tuple.
        """)
    public static List<Object> keyreplace(Object key, Object n, Object tuples, Object tuple) {
        if (!positiveInt(n) || !(tuple instanceof Tuple)) throw clause("keyreplace", 4);
        int pos = keyIndex(n, "keyreplace", 4);
        List<?> l = list(tuples);
        if (l == null) throw clause("keyreplace3", 4);
        List<Object> out = new ArrayList<>(l);
        for (int i = 0; i < out.size(); i++) {
            if (keyed(out.get(i), pos, key)) {
                out.set(i, tuple);
                break;
            }
        }
        return out;
    }

    /** {@code lists:keystore/4}: as keyreplace/4, or the tuple appended when no tuple has the key. */
    @Doc("""
        Replaces the first tuple with the key, or appends the new tuple when none has it.
        """)
    public static List<Object> keystore(Object key, Object n, Object tuples, Object tuple) {
        if (!positiveInt(n) || !(tuple instanceof Tuple)) throw clause("keystore", 4);
        int pos = keyIndex(n, "keystore", 4);
        List<?> l = list(tuples);
        if (l == null) throw clause("keystore2", 4);
        List<Object> out = new ArrayList<>(l);
        for (int i = 0; i < out.size(); i++) {
            if (keyed(out.get(i), pos, key)) {
                out.set(i, tuple);
                return out;
            }
        }
        out.add(tuple);
        return out;
    }

    /** {@code lists:keytake/3}: {@code {:value, tuple, rest}} or false. */
    @Doc("""
        Takes out the first tuple with the key: {:value, tuple, rest}, or false.
        """)
    public static Object keytake(Object key, Object n, Object tuples) {
        int pos = keyIndex(n, "keytake", 3);
        List<?> l = list(tuples);
        if (l == null) throw clause("keytake", 4);
        for (int i = 0; i < l.size(); i++) {
            if (keyed(l.get(i), pos, key)) {
                List<Object> rest = new ArrayList<>(l);
                Object t = rest.remove(i);
                return Tuple.of(VALUE, t, rest);
            }
        }
        return Boolean.FALSE;
    }

    private static Object element(int n, Object tuple) {
        return Erlang.element(n, tuple);
    }

    /** {@code lists:keysort/2}: tuples sorted by their n-th element, stable. */
    @Doc("""
        Sorts a list of tuples by their n-th element (stable).
        """)
    public static List<Object> keysort(Object n, Object tuples) {
        int pos = keyIndex(n, "keysort", 2);
        List<?> l = list(tuples);
        if (l == null) throw new CaseClauseError(tuples);
        if (l.size() < 2) return new ArrayList<>(l);
        return TermSort.sort(l, (a, b) -> TermCompare.compare(element(pos, a), element(pos, b)) <= 0);
    }

    /** {@code lists:ukeysort/2}: as keysort/2, keeping the first tuple of each key. */
    @Doc("""
        Sorts tuples by their n-th element, keeping the first of tuples with equal keys.
        """)
    public static List<Object> ukeysort(Object n, Object tuples) {
        int pos = keyIndex(n, "ukeysort", 2);
        List<?> l = list(tuples);
        if (l == null) throw new CaseClauseError(tuples);
        if (l.size() < 2) return new ArrayList<>(l);
        return TermSort.usort(l, (a, b) -> TermCompare.compare(element(pos, a), element(pos, b)) <= 0);
    }

    /** {@code lists:keymerge/3}: two keysorted lists merged. */
    @Doc("""
        Merges two lists of tuples sorted by their n-th element.
        """)
    public static List<Object> keymerge(Object n, Object list1, Object list2) {
        int pos = keyIndex(n, "keymerge", 3);
        List<?> a = list(list1), b = list(list2);
        if (a == null || b == null) throw clause("keymerge", 3);
        return mergeLists(a, b, (x, y) -> TermCompare.compare(element(pos, x), element(pos, y)) <= 0);
    }

    /** {@code lists:keymap/3}: each tuple with its n-th element mapped by the fun. */
    @Doc("""
        Maps the n-th element of each tuple with the function.
        """)
    public static List<Object> keymap(Object fun, Object n, Object tuples) {
        Closure<?> f = fun(fun, 1);
        List<?> l = list(tuples);
        if (f == null || !positiveInt(n) || l == null) throw clause("keymap", 3);
        int pos = (int) clamp(n);
        List<Object> out = new ArrayList<>(l.size());
        for (Object t : l) out.add(Erlang.setelement(pos, t, call(f, element(pos, t))));
        return out;
    }

    // ---- zips ------------------------------------------------------------------------------------

    /** {@code lists:zip/2}: pairs of two lists of the same length. */
    @Doc("""
        Zips two lists of equal length into a list of two-tuples.
        """)
    public static List<Object> zip(Object list1, Object list2) {
        List<?> a = list(list1), b = list(list2);
        if (a == null || b == null || a.size() != b.size()) throw clause("zip", 2);
        List<Object> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) out.add(Tuple.of(a.get(i), b.get(i)));
        return out;
    }

    /** {@code lists:zip3/3}. */
    @Doc("""
        Zips three lists of equal length into a list of three-tuples.
        """)
    public static List<Object> zip3(Object list1, Object list2, Object list3) {
        List<?> a = list(list1), b = list(list2), c = list(list3);
        if (a == null || b == null || c == null || a.size() != b.size() || b.size() != c.size()) throw clause("zip3", 3);
        List<Object> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) out.add(Tuple.of(a.get(i), b.get(i), c.get(i)));
        return out;
    }

    /** {@code lists:zipwith/3}: the fun applied to pairs of elements. */
    @Doc("""
        Combines two lists of equal length element by element with the function.
        """)
    public static List<Object> zipwith(Object fun, Object list1, Object list2) {
        List<?> a = list(list1), b = list(list2);
        if (a == null || b == null || a.size() != b.size() || a.isEmpty() && fun(fun, 2) == null) throw clause("zipwith", 3);
        List<Object> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) out.add(Ops.apply(fun, a.get(i), b.get(i)));
        return out;
    }

    /** {@code lists:unzip/1}: a list of pairs as a pair of lists. */
    @Doc("""
        Unzips a list of two-tuples into two lists.
        """)
    public static Tuple unzip(Object pairs) {
        List<?> l = list(pairs);
        if (l == null) throw clause("unzip", 3);
        List<Object> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Tuple t) || t.size() != 2) throw clause("unzip", 3);
            xs.add(t.get(0));
            ys.add(t.get(1));
        }
        return Tuple.of(xs, ys);
    }

    /** {@code lists:unzip3/1}. */
    @Doc("""
        Unzips a list of three-tuples into three lists.
        """)
    public static Tuple unzip3(Object triples) {
        List<?> l = list(triples);
        if (l == null) throw clause("unzip3", 4);
        List<Object> xs = new ArrayList<>(), ys = new ArrayList<>(), zs = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Tuple t) || t.size() != 3) throw clause("unzip3", 4);
            xs.add(t.get(0));
            ys.add(t.get(1));
            zs.add(t.get(2));
        }
        return Tuple.of(xs, ys, zs);
    }

    // ---- higher order ----------------------------------------------------------------------------

    private static List<?> listOrCase(Object list) {
        if (list instanceof List<?> l) return l;
        throw new CaseClauseError(list);
    }

    /** {@code lists:map/2}. */
    @Doc("""
        Returns the list of the function's results for each element.
        """)
    public static List<Object> map(Object fun, Object list) {
        Closure<?> f = fun(fun, 1);
        if (f == null) throw clause("map", 2);
        List<?> l = listOrCase(list);
        List<Object> out = new ArrayList<>(l.size());
        for (Object o : l) out.add(call(f, o));
        return out;
    }

    /** {@code lists:flatmap/2}: the results (lists) of the fun, appended. */
    @Doc("""
        Maps each element to a list and appends the lists.
        """)
    public static Object flatmap(Object fun, Object list) {
        Closure<?> f = fun(fun, 1);
        List<?> l = list(list);
        if (f == null || l == null) throw clause(f == null ? "flatmap" : "flatmap_1", 2);
        List<Object> results = new ArrayList<>(l.size());
        for (Object o : l) results.add(call(f, o));
        Object acc = new ArrayList<>();
        for (int i = results.size() - 1; i >= 0; i--) acc = append(results.get(i), acc);
        return acc;
    }

    /** {@code lists:foldl/3}: the accumulator through the elements, first to last. */
    @Doc("""
        Folds the list from the left: fun.(elem, acc) for each element, first to last.
        """)
    public static Object foldl(Object fun, Object acc, Object list) {
        Closure<?> f = fun(fun, 2);
        if (f == null) throw clause("foldl", 3);
        for (Object o : listOrCase(list)) acc = call(f, o, acc);
        return acc;
    }

    /** {@code lists:foldr/3}: the accumulator through the elements, last to first. */
    @Doc("""
        Folds the list from the right: fun.(elem, acc) for each element, last to first.
        """)
    public static Object foldr(Object fun, Object acc, Object list) {
        Closure<?> f = fun(fun, 2);
        List<?> l = list(list);
        if (f == null) throw clause("foldr", 3);
        if (l == null) throw clause("foldr_1", 3);
        for (int i = l.size() - 1; i >= 0; i--) acc = call(f, l.get(i), acc);
        return acc;
    }

    /** {@code lists:mapfoldl/3}: {@code {mapped, acc}} where the fun returns {@code {value, acc}}. */
    @Doc("""
        Maps and folds in one pass, first to last: fun.(elem, acc) returns {new_elem, acc}.
        """)
    public static Tuple mapfoldl(Object fun, Object acc, Object list) {
        Closure<?> f = fun(fun, 2);
        List<?> l = list(list);
        if (f == null) throw clause("mapfoldl", 3);
        if (l == null) throw clause("mapfoldl_1", 3);
        List<Object> out = new ArrayList<>(l.size());
        for (Object o : l) {
            Object r = call(f, o, acc);
            if (!(r instanceof Tuple t) || t.size() != 2) throw new MatchError(r);
            out.add(t.get(0));
            acc = t.get(1);
        }
        return Tuple.of(out, acc);
    }

    /** {@code lists:mapfoldr/3}: as mapfoldl/3, last to first. */
    @Doc("""
        Maps and folds in one pass, last to first: fun.(elem, acc) returns {new_elem, acc}.
        """)
    public static Tuple mapfoldr(Object fun, Object acc, Object list) {
        Closure<?> f = fun(fun, 2);
        List<?> l = list(list);
        if (f == null) throw clause("mapfoldr", 3);
        if (l == null) throw clause("mapfoldr_1", 3);
        Object[] out = new Object[l.size()];
        for (int i = l.size() - 1; i >= 0; i--) {
            Object r = call(f, l.get(i), acc);
            if (!(r instanceof Tuple t) || t.size() != 2) throw new MatchError(r);
            out[i] = t.get(0);
            acc = t.get(1);
        }
        return Tuple.of(new ArrayList<>(java.util.Arrays.asList(out)), acc);
    }

    /** {@code lists:filter/2}: the elements the predicate is true for. */
    @Doc("""
        Returns the elements for which the predicate returns true.
        """)
    public static List<Object> filter(Object pred, Object list) {
        Closure<?> f = fun(pred, 1);
        if (f == null) throw clause("filter", 2);
        if (!(list instanceof List<?> l)) throw new ErlangError(Tuple.of(Atom.of("bad_generator"), list));
        List<Object> out = new ArrayList<>();
        for (Object o : l) {
            Object r = call(f, o);
            if (Boolean.TRUE.equals(r)) out.add(o);
            else if (!Boolean.FALSE.equals(r)) throw new ErlangError(Tuple.of(Atom.of("bad_filter"), r));
        }
        return out;
    }

    /** {@code lists:filtermap/2}: kept when the fun says true, replaced when {@code {true, value}}. */
    @Doc("""
        Filters and maps in one pass: the function returns true, false or {true, value}.
        """)
    public static List<Object> filtermap(Object fun, Object list) {
        Closure<?> f = fun(fun, 1);
        List<?> l = list(list);
        if (f == null) throw clause("filtermap", 2);
        if (l == null) throw clause("filtermap_1", 2);
        List<Object> out = new ArrayList<>();
        for (Object o : l) {
            Object r = call(f, o);
            if (Boolean.TRUE.equals(r)) out.add(o);
            else if (r instanceof Tuple t && t.size() == 2 && Boolean.TRUE.equals(t.get(0))) out.add(t.get(1));
            else if (!Boolean.FALSE.equals(r)) throw new CaseClauseError(r);
        }
        return out;
    }

    /** {@code lists:zf/2}: the old name of filtermap/2. */
    @Doc("""
        Filters and maps in one pass (the old name of filtermap/2).
        """)
    public static List<Object> zf(Object fun, Object list) {
        return filtermap(fun, list);
    }

    /** {@code lists:partition/2}: {@code {satisfying, not_satisfying}}. */
    @Doc("""
        Splits the list into {those the predicate is true for, the others}.
        """)
    public static Tuple partition(Object pred, Object list) {
        Closure<?> f = fun(pred, 1);
        List<?> l = list(list);
        if (f == null || l == null) throw clause("partition", 4);
        List<Object> yes = new ArrayList<>(), no = new ArrayList<>();
        for (Object o : l) (bool(call(f, o)) ? yes : no).add(o);
        return Tuple.of(yes, no);
    }

    /** {@code lists:all/2}. */
    @Doc("""
        Returns true if the predicate is true for every element.
        """)
    public static boolean all(Object pred, Object list) {
        Closure<?> f = fun(pred, 1);
        List<?> l = list(list);
        if (f == null) throw clause("all", 2);
        if (l == null) throw clause("all_1", 2);
        for (Object o : l) if (!bool(call(f, o))) return false;
        return true;
    }

    /** {@code lists:any/2}. */
    @Doc("""
        Returns true if the predicate is true for some element.
        """)
    public static boolean any(Object pred, Object list) {
        Closure<?> f = fun(pred, 1);
        List<?> l = list(list);
        if (f == null) throw clause("any", 2);
        if (l == null) throw clause("any_1", 2);
        for (Object o : l) if (bool(call(f, o))) return true;
        return false;
    }

    /** {@code lists:foreach/2}: the fun run for each element; :ok. */
    @Doc("""
        Calls the function on each element for its side effects; returns :ok.
        """)
    public static Atom foreach(Object fun, Object list) {
        Closure<?> f = fun(fun, 1);
        List<?> l = list(list);
        if (f == null) throw clause("foreach", 2);
        if (l == null) throw clause("foreach_1", 2);
        for (Object o : l) call(f, o);
        return Atom.of("ok");
    }

    /** {@code lists:takewhile/2}: the leading elements the predicate is true for. */
    @Doc("""
        Takes elements while the predicate returns true.
        """)
    public static List<Object> takewhile(Object pred, Object list) {
        Closure<?> f = fun(pred, 1);
        List<?> l = list(list);
        if (f == null || l == null) throw clause("takewhile", 2);
        List<Object> out = new ArrayList<>();
        for (Object o : l) {
            if (!bool(call(f, o))) break;
            out.add(o);
        }
        return out;
    }

    /** {@code lists:dropwhile/2}: the list after its leading elements the predicate is true for. */
    @Doc("""
        Drops elements while the predicate returns true.
        """)
    public static List<Object> dropwhile(Object pred, Object list) {
        Closure<?> f = fun(pred, 1);
        List<?> l = list(list);
        if (f == null) throw clause("dropwhile", 2);
        if (l == null) throw clause("dropwhile_1", 2);
        int i = 0;
        while (i < l.size() && bool(call(f, l.get(i)))) i++;
        return new ArrayList<>(l.subList(i, l.size()));
    }

    /** {@code lists:splitwith/2}: {@code {takewhile, rest}}. */
    @Doc("""
        Splits the list where the predicate first returns false: {taken, rest}.
        """)
    public static Tuple splitwith(Object pred, Object list) {
        Closure<?> f = fun(pred, 1);
        List<?> l = list(list);
        if (f == null) throw clause("splitwith", 2);
        if (l == null) throw clause("splitwith", 3);
        int i = 0;
        while (i < l.size() && bool(call(f, l.get(i)))) i++;
        return Tuple.of(new ArrayList<>(l.subList(0, i)), new ArrayList<>(l.subList(i, l.size())));
    }

    /** {@code lists:search/2}: {@code {:value, element}} for the first the predicate is true for, or false. */
    @Doc("""
        Returns {:value, elem} for the first element the predicate is true for, or false.
        """)
    public static Object search(Object pred, Object list) {
        Closure<?> f = fun(pred, 1);
        List<?> l = list(list);
        if (f == null) throw clause("search", 2);
        if (l == null) throw clause("search_1", 2);
        for (Object o : l) if (bool(call(f, o))) return Tuple.of(VALUE, o);
        return Boolean.FALSE;
    }
}
