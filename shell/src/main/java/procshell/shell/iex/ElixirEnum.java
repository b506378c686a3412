package procshell.shell.iex;

import static procshell.shell.iex.Enumerables.call;
import static procshell.shell.iex.Enumerables.iterator;
import static procshell.shell.iex.Enumerables.toList;
import static procshell.shell.iex.Enumerables.truthy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import groovy.lang.Closure;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.table.TermCompare;
import procshell.shell.eval.Arithmetic;

/**
 * Elixir's {@code Enum} module (1.14), function by function, over lists, maps, ranges, MapSets and
 * streams ({@link Enumerables}). Functions are Elixir fns (Groovy closures). Bad arguments fail as
 * Elixir's do: a guard with {@code FunctionClauseError}, a non-enumerable with
 * {@code Protocol.UndefinedError}, an empty enumerable with {@code Enum.EmptyError}.
 */
@Doc("""
    Functions for working with collections (lists, maps, ranges, MapSets, streams).

    Functions take the enumerable first; closures stand for Elixir's fn.
    """)
@ElixirName("Enum")
public final class ElixirEnum {
    private static final Atom ASC = Atom.of("asc");
    private static final Atom DESC = Atom.of("desc");
    private static final Atom CONT = Atom.of("cont");
    private static final Atom HALT = Atom.of("halt");
    private static final Atom DISCARD = Atom.of("discard");

    private ElixirEnum() {}

    static boolean isInt(Object o) {
        return o instanceof Integer || o instanceof Long;
    }

    private static long integer(Object o, String function, int arity) {
        if (!isInt(o)) throw new FunctionClauseError("Enum." + function, arity);
        return ((Number) o).longValue();
    }

    private static int compare(Object a, Object b) {
        return Inspect.compare(a, b);
    }

    // ---- predicates ---------------------------------------------------------------------------

    /** True when every element is truthy, as {@code Enum.all?/1}. */
    @Doc("Returns true if all elements are truthy (or the function is truthy for all).")
    public static boolean all_qm(Object enumerable) {
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) if (!truthy(it.next())) return false;
        return true;
    }

    /** True when {@code fun} is truthy for every element, as {@code Enum.all?/2}. */
    public static boolean all_qm(Object enumerable, Object fun) {
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) if (!truthy(call(fun, it.next()))) return false;
        return true;
    }

    /** True when some element is truthy, as {@code Enum.any?/1}. */
    @Doc("Returns true if any element is truthy (or the function is truthy for any).")
    public static boolean any_qm(Object enumerable) {
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) if (truthy(it.next())) return true;
        return false;
    }

    /** True when {@code fun} is truthy for some element, as {@code Enum.any?/2}. */
    public static boolean any_qm(Object enumerable, Object fun) {
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) if (truthy(call(fun, it.next()))) return true;
        return false;
    }

    /** True when there are no elements, as {@code Enum.empty?/1}. */
    @Doc("Returns true if the enumerable is empty.")
    public static boolean empty_qm(Object enumerable) {
        return !iterator(enumerable).hasNext();
    }

    /** True when some element {@code ===} the value, as {@code Enum.member?/2} (ranges: integers only). */
    @Doc("Checks if the element exists in the enumerable (===; ranges hold only integers).")
    public static boolean member_qm(Object enumerable, Object element) {
        if (RangeTerm.is(enumerable)) return RangeTerm.contains(enumerable, element);
        if (MapSetTerm.is(enumerable)) return MapSetTerm.member(enumerable, element);
        // lists as :lists.member/2, maps by their entries: exact (1 is not 1.0)
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) if (TermCompare.exactEquals(it.next(), element)) return true;
        return false;
    }

    // ---- access by index ----------------------------------------------------------------------

    /** The element at a 0-based index (negative from the end), or nil, as {@code Enum.at/2}. */
    @Doc("Finds the element at the given zero-based index (negative counts from the end), or the default.")
    public static Object at(Object enumerable, Object index) {
        return at(enumerable, index, null);
    }

    /** As {@link #at(Object, Object)}, with a default, as {@code Enum.at/3}. */
    public static Object at(Object enumerable, Object index, Object fallback) {
        long i = integer(index, "at", 3);
        Object[] found = fetchAt(enumerable, i);
        return found == null ? fallback : found[0];
    }

    /** {@code {:ok, element}} or {@code :error}, as {@code Enum.fetch/2}. */
    @Doc("Finds the element at the given index: {:ok, element} or :error.")
    public static Object fetch(Object enumerable, Object index) {
        long i = integer(index, "fetch", 2);
        Object[] found = fetchAt(enumerable, i);
        return found == null ? Atom.of("error") : Tuple.of(Atom.OK, found[0]);
    }

    /** The element at the index, as {@code Enum.fetch!/2}; {@code Enum.OutOfBoundsError} when none. */
    @Doc("Finds the element at the given index; raises Enum.OutOfBoundsError when out of bounds.")
    public static Object fetch_bang(Object enumerable, Object index) {
        long i = integer(index, "fetch!", 2);
        Object[] found = fetchAt(enumerable, i);
        if (found == null) throw new EnumErrors.OutOfBoundsError();
        return found[0];
    }

    private static Object[] fetchAt(Object enumerable, long i) {
        if (RangeTerm.is(enumerable)) {
            long n = RangeTerm.size(enumerable);
            if (i < 0) i += n;
            return i < 0 || i >= n ? null : new Object[] {Arithmetic.integer(RangeTerm.at(enumerable, i))};
        }
        if (i < 0) {
            List<Object> all = toList(enumerable);
            i += all.size();
            return i < 0 ? null : new Object[] {all.get((int) i)};
        }
        long n = 0;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            if (n++ == i) return new Object[] {x};
        }
        return null;
    }

    // ---- counting -----------------------------------------------------------------------------

    /** The number of elements, as {@code Enum.count/1}. */
    @Doc("Returns the number of elements (for which the function is truthy, if given).")
    public static Number count(Object enumerable) {
        return Arithmetic.integer(Enumerables.count(enumerable));
    }

    /** The number of elements for which {@code fun} is truthy, as {@code Enum.count/2}. */
    public static Number count(Object enumerable, Object fun) {
        long n = 0;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) if (truthy(call(fun, it.next()))) n++;
        return Arithmetic.integer(n);
    }

    /** The count, stopping at {@code limit}, as {@code Enum.count_until/2}. */
    @Doc("Counts the elements (for which the function is truthy) up to the limit.")
    public static Number count_until(Object enumerable, Object limit) {
        if (!isInt(limit) || ((Number) limit).longValue() <= 0) throw new FunctionClauseError("Enum.count_until", 2);
        long max = ((Number) limit).longValue();
        long n = 0;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext() && n < max; it.next()) n++;
        return Arithmetic.integer(n);
    }

    /** As {@code Enum.count_until/3}: elements for which {@code fun} is truthy, up to {@code limit}. */
    public static Number count_until(Object enumerable, Object fun, Object limit) {
        if (!isInt(limit) || ((Number) limit).longValue() <= 0) throw new FunctionClauseError("Enum.count_until", 3);
        long max = ((Number) limit).longValue();
        long n = 0;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext() && n < max;) if (truthy(call(fun, it.next()))) n++;
        return Arithmetic.integer(n);
    }

    // ---- chunking -----------------------------------------------------------------------------

    /** Splits into runs where {@code fun} gives the same value, as {@code Enum.chunk_by/2}. */
    @Doc("Splits the enumerable on every element for which the function returns a new value.")
    public static List<Object> chunk_by(Object enumerable, Object fun) {
        List<Object> out = new ArrayList<>();
        List<Object> current = null;
        Object key = null;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            Object k = call(fun, x);
            if (current == null || !TermCompare.exactEquals(k, key)) {
                current = new ArrayList<>();
                out.add(current);
                key = k;
            }
            current.add(x);
        }
        return out;
    }

    /** Chunks of {@code count} elements, as {@code Enum.chunk_every/2}. */
    @Doc("Returns chunks of count elements each, each new chunk starting step elements in.")
    public static List<Object> chunk_every(Object enumerable, Object count) {
        return chunkEvery(enumerable, count, count, List.of(), 2);
    }

    /** Chunks of {@code count} elements starting every {@code step}, as {@code Enum.chunk_every/3}. */
    public static List<Object> chunk_every(Object enumerable, Object count, Object step) {
        return chunkEvery(enumerable, count, step, List.of(), 3);
    }

    /** As {@code Enum.chunk_every/4}: the last chunk padded from {@code leftover}, or dropped with {@code :discard}. */
    public static List<Object> chunk_every(Object enumerable, Object count, Object step, Object leftover) {
        return chunkEvery(enumerable, count, step, leftover, 4);
    }

    private static List<Object> chunkEvery(Object enumerable, Object count, Object step, Object leftover, int arity) {
        if (!isInt(count) || ((Number) count).longValue() <= 0 || !isInt(step) || ((Number) step).longValue() <= 0) {
            throw new FunctionClauseError("Enum.chunk_every", 4);
        }
        int n = ((Number) count).intValue();
        int s = ((Number) step).intValue();
        List<Object> all = toList(enumerable);
        List<Object> out = new ArrayList<>();
        for (int start = 0; start < all.size(); start += s) {
            int end = start + n;
            if (end <= all.size()) {
                out.add(new ArrayList<>(all.subList(start, end)));
                continue;
            }
            if (DISCARD.equals(leftover)) break;
            List<Object> chunk = new ArrayList<>(all.subList(start, all.size()));
            for (Iterator<Object> it = iterator(leftover); it.hasNext() && chunk.size() < n;) chunk.add(it.next());
            out.add(chunk);
            break;
        }
        return out;
    }

    /**
     * Chunks with an accumulator, as {@code Enum.chunk_while/4}: {@code chunk_fun} returns
     * {@code {:cont, chunk, acc}}, {@code {:cont, acc}} or {@code {:halt, acc}}; {@code after_fun}
     * the last chunk.
     */
    @Doc("Chunks the enumerable with fine grained control when every chunk should be emitted.")
    public static List<Object> chunk_while(Object enumerable, Object acc, Object chunkFun, Object afterFun) {
        List<Object> out = new ArrayList<>();
        Object a = acc;
        boolean halted = false;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object r = call(chunkFun, it.next(), a);
            if (r instanceof Tuple t && t.size() == 3 && CONT.equals(t.get(0))) {
                out.add(t.get(1));
                a = t.get(2);
            } else if (r instanceof Tuple t && t.size() == 2 && CONT.equals(t.get(0))) {
                a = t.get(1);
            } else if (r instanceof Tuple t && t.size() == 2 && HALT.equals(t.get(0))) {
                a = t.get(1);
                halted = true;
                break;
            } else {
                throw new procshell.shell.eval.CaseClauseError(r);
            }
        }
        Object last = call(afterFun, a);
        if (last instanceof Tuple t && t.size() == 3 && CONT.equals(t.get(0))) out.add(t.get(1));
        return out;
    }

    // ---- concatenation ------------------------------------------------------------------------

    /** The enumerables one after the other, as {@code Enum.concat/1}. */
    @Doc("Concatenates the enumerables (a list of enumerables, or two).")
    public static List<Object> concat(Object enumerables) {
        List<Object> out = new ArrayList<>();
        for (Iterator<Object> it = iterator(enumerables); it.hasNext();) out.addAll(toList(it.next()));
        return out;
    }

    /** The two enumerables one after the other, as {@code Enum.concat/2}. */
    public static List<Object> concat(Object left, Object right) {
        List<Object> out = toList(left);
        out.addAll(toList(right));
        return out;
    }

    // ---- dedup, uniq --------------------------------------------------------------------------

    /** Consecutive duplicates ({@code ===}) collapsed, as {@code Enum.dedup/1}. */
    @Doc("Removes consecutive duplicated elements.")
    public static List<Object> dedup(Object enumerable) {
        List<Object> out = new ArrayList<>();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            if (out.isEmpty() || !TermCompare.exactEquals(out.get(out.size() - 1), x)) out.add(x);
        }
        return out;
    }

    /** Consecutive elements with the same {@code fun} value collapsed, as {@code Enum.dedup_by/2}. */
    @Doc("Removes consecutive elements for which the function returns duplicate values.")
    public static List<Object> dedup_by(Object enumerable, Object fun) {
        List<Object> out = new ArrayList<>();
        Object last = null;
        boolean first = true;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            Object k = call(fun, x);
            if (first || !TermCompare.exactEquals(k, last)) out.add(x);
            last = k;
            first = false;
        }
        return out;
    }

    /** Duplicates ({@code ===}) removed, first kept, as {@code Enum.uniq/1}. */
    @Doc("Removes duplicated elements (the first occurrence stays).")
    public static List<Object> uniq(Object enumerable) {
        return uniqBy(enumerable, null);
    }

    /** Elements whose {@code fun} value was seen before removed, as {@code Enum.uniq_by/2}. */
    @Doc("Removes elements for which the function returned an already seen value.")
    public static List<Object> uniq_by(Object enumerable, Object fun) {
        return uniqBy(enumerable, fun);
    }

    private static List<Object> uniqBy(Object enumerable, Object fun) {
        List<Object> out = new ArrayList<>();
        Map<Object, Object> seen = new MapTerm(); // exact keys (1 is not 1.0) in O(1)
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            Object k = fun == null ? x : call(fun, x);
            if (MapSetTerm.containsKey(seen, k)) continue;
            seen.put(k, true);
            out.add(x);
        }
        return out;
    }

    // ---- drop, take, split --------------------------------------------------------------------

    /** All but the first {@code n} (negative: the last), as {@code Enum.drop/2}. */
    @Doc("Drops the amount of elements from the enumerable (negative: from the end).")
    public static List<Object> drop(Object enumerable, Object amount) {
        long n = integer(amount, "drop", 2);
        // a list's rest is shared, as the BEAM's: dropping the head in a loop is no copy
        if (n >= 0 && enumerable instanceof List<?> l) return procshell.runtime.term.ConsList.drop(l, (int) Math.min(n, l.size()));
        List<Object> all = toList(enumerable);
        if (n >= 0) return new ArrayList<>(all.subList((int) Math.min(n, all.size()), all.size()));
        return new ArrayList<>(all.subList(0, (int) Math.max(0, all.size() + n)));
    }

    /** The first {@code n} (negative: the last), as {@code Enum.take/2}; lazy sources pulled only that far. */
    @Doc("Takes an amount of elements from the beginning (negative: the end) of the enumerable.")
    public static List<Object> take(Object enumerable, Object amount) {
        long n = integer(amount, "take", 2);
        if (n >= 0) {
            List<Object> out = new ArrayList<>();
            if (n == 0) {
                iterator(enumerable); // still an enumerable
                return out;
            }
            for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
                out.add(it.next());
                if (out.size() >= n) break;
            }
            return out;
        }
        List<Object> all = toList(enumerable);
        return new ArrayList<>(all.subList((int) Math.max(0, all.size() + n), all.size()));
    }

    /** Every {@code nth} element dropped, the first included, as {@code Enum.drop_every/2}. */
    @Doc("Drops every nth element, starting with the first.")
    public static List<Object> drop_every(Object enumerable, Object nth) {
        if (!isInt(nth) || ((Number) nth).longValue() < 0) throw new FunctionClauseError("Enum.drop_every", 2);
        long n = ((Number) nth).longValue();
        List<Object> out = new ArrayList<>();
        long i = 0;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext(); i++) {
            Object x = it.next();
            if (n == 0 || n != 1 && i % n != 0) out.add(x);
        }
        return out;
    }

    /** Every {@code nth} element, the first included, as {@code Enum.take_every/2}. */
    @Doc("Returns every nth element, starting with the first.")
    public static List<Object> take_every(Object enumerable, Object nth) {
        if (!isInt(nth) || ((Number) nth).longValue() < 0) throw new FunctionClauseError("Enum.take_every", 2);
        long n = ((Number) nth).longValue();
        List<Object> out = new ArrayList<>();
        if (n == 0) return out;
        long i = 0;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext(); i++) {
            Object x = it.next();
            if (i % n == 0) out.add(x);
        }
        return out;
    }

    /** The elements after the first for which {@code fun} is falsy, as {@code Enum.drop_while/2}. */
    @Doc("Drops elements while the function returns a truthy value.")
    public static List<Object> drop_while(Object enumerable, Object fun) {
        List<Object> out = new ArrayList<>();
        boolean dropping = true;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            if (dropping && truthy(call(fun, x))) continue;
            dropping = false;
            out.add(x);
        }
        return out;
    }

    /** The leading elements for which {@code fun} is truthy, as {@code Enum.take_while/2}. */
    @Doc("Takes elements while the function returns a truthy value.")
    public static List<Object> take_while(Object enumerable, Object fun) {
        List<Object> out = new ArrayList<>();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            if (!truthy(call(fun, x))) break;
            out.add(x);
        }
        return out;
    }

    /** {@code {first n, rest}} (negative: counted from the end), as {@code Enum.split/2}. */
    @Doc("Splits the enumerable into two lists, leaving count elements in the first one.")
    public static Tuple split(Object enumerable, Object count) {
        long n = integer(count, "split", 2);
        List<Object> all = toList(enumerable);
        int at = (int) (n >= 0 ? Math.min(n, all.size()) : Math.max(0, all.size() + n));
        return Tuple.of(new ArrayList<>(all.subList(0, at)), new ArrayList<>(all.subList(at, all.size())));
    }

    /** {@code {leading truthy, rest}}, as {@code Enum.split_while/2}. */
    @Doc("Splits the enumerable in two at the first element for which the function is falsy.")
    public static Tuple split_while(Object enumerable, Object fun) {
        List<Object> all = toList(enumerable);
        int at = 0;
        while (at < all.size() && truthy(call(fun, all.get(at)))) at++;
        return Tuple.of(new ArrayList<>(all.subList(0, at)), new ArrayList<>(all.subList(at, all.size())));
    }

    /** {@code {truthy, falsy}}, as {@code Enum.split_with/2}. */
    @Doc("Splits the enumerable in two lists according to the function's truthiness.")
    public static Tuple split_with(Object enumerable, Object fun) {
        List<Object> yes = new ArrayList<>();
        List<Object> no = new ArrayList<>();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            (truthy(call(fun, x)) ? yes : no).add(x);
        }
        return Tuple.of(yes, no);
    }

    // ---- each, map, filter --------------------------------------------------------------------

    /** Calls {@code fun} on every element, as {@code Enum.each/2}; returns {@code :ok}. */
    @Doc("Invokes the function for each element; returns :ok.")
    public static Atom each(Object enumerable, Object fun) {
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) call(fun, it.next());
        return Atom.OK;
    }

    /** {@code fun}'s results, one per element, as {@code Enum.map/2}. */
    @Doc("""
        Returns a list where each element is the result of the function on the element.

        ## Examples

            ps> Enum.map([1, 2, 3], fn x -> x * 2 end)
            [2, 4, 6]
        """)
    public static List<Object> map(Object enumerable, Object fun) {
        List<Object> out = Enumerables.listFor(enumerable);
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) out.add(call(fun, it.next()));
        return out;
    }

    /** {@code fun} applied to every {@code nth} element from the first, as {@code Enum.map_every/3}. */
    @Doc("Applies the function to every nth element, starting with the first.")
    public static List<Object> map_every(Object enumerable, Object nth, Object fun) {
        if (!isInt(nth) || ((Number) nth).longValue() < 0) throw new FunctionClauseError("Enum.map_every", 3);
        long n = ((Number) nth).longValue();
        List<Object> out = new ArrayList<>();
        long i = 0;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext(); i++) {
            Object x = it.next();
            out.add(n != 0 && i % n == 0 ? call(fun, x) : x);
        }
        return out;
    }

    /** {@code fun}'s results with the separator between them, as {@code Enum.map_intersperse/3}. */
    @Doc("Maps and intersperses the enumerable in one pass.")
    public static List<Object> map_intersperse(Object enumerable, Object separator, Object fun) {
        List<Object> out = new ArrayList<>();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            if (!out.isEmpty()) out.add(separator);
            out.add(call(fun, it.next()));
        }
        return out;
    }

    /** The separator between the elements, as {@code Enum.intersperse/2}. */
    @Doc("Intersperses the separator between each element.")
    public static List<Object> intersperse(Object enumerable, Object separator) {
        List<Object> out = new ArrayList<>();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            if (!out.isEmpty()) out.add(separator);
            out.add(it.next());
        }
        return out;
    }

    /** The elements for which {@code fun} is truthy, as {@code Enum.filter/2}. */
    @Doc("Returns the elements for which the function returns a truthy value.")
    public static List<Object> filter(Object enumerable, Object fun) {
        List<Object> out = new ArrayList<>();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            if (truthy(call(fun, x))) out.add(x);
        }
        return out;
    }

    /** The elements for which {@code fun} is falsy, as {@code Enum.reject/2}. */
    @Doc("Returns the elements for which the function returns false or nil.")
    public static List<Object> reject(Object enumerable, Object fun) {
        List<Object> out = new ArrayList<>();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            if (!truthy(call(fun, x))) out.add(x);
        }
        return out;
    }

    /** {@code fun}'s results (enumerables) concatenated, as {@code Enum.flat_map/2}. */
    @Doc("Maps the function over the elements and flattens the result one level.")
    public static List<Object> flat_map(Object enumerable, Object fun) {
        List<Object> out = new ArrayList<>();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) out.addAll(toList(call(fun, it.next())));
        return out;
    }

    /** As {@code Enum.flat_map_reduce/3}: {@code fun} returns {@code {list, acc}} or {@code {:halt, acc}}. */
    @Doc("Maps and reduces, flattening the mapped results; {:halt, acc} stops.")
    public static Tuple flat_map_reduce(Object enumerable, Object acc, Object fun) {
        List<Object> out = new ArrayList<>();
        Object a = acc;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object r = call(fun, it.next(), a);
            if (!(r instanceof Tuple t && t.size() == 2)) throw new procshell.shell.eval.CaseClauseError(r);
            if (HALT.equals(t.get(0))) {
                a = t.get(1);
                break;
            }
            out.addAll(toList(t.get(0)));
            a = t.get(1);
        }
        return Tuple.of(out, a);
    }

    /** {@code {mapped, acc}}, as {@code Enum.map_reduce/3}: {@code fun} returns {@code {mapped, acc}}. */
    @Doc("Maps and reduces in one pass: the function returns {mapped, acc}.")
    public static Tuple map_reduce(Object enumerable, Object acc, Object fun) {
        List<Object> out = new ArrayList<>();
        Object a = acc;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object r = call(fun, it.next(), a);
            if (!(r instanceof Tuple t && t.size() == 2)) throw new MatchError(r);
            out.add(t.get(0));
            a = t.get(1);
        }
        return Tuple.of(out, a);
    }

    // ---- find ---------------------------------------------------------------------------------

    /** The first element for which {@code fun} is truthy, or nil, as {@code Enum.find/2}. */
    @Doc("Returns the first element for which the function is truthy, or the default.")
    public static Object find(Object enumerable, Object fun) {
        return find(enumerable, null, fun);
    }

    /** As {@link #find(Object, Object)} with a default, as {@code Enum.find/3}. */
    public static Object find(Object enumerable, Object fallback, Object fun) {
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            if (truthy(call(fun, x))) return x;
        }
        return fallback;
    }

    /** The index of the first element for which {@code fun} is truthy, or nil, as {@code Enum.find_index/2}. */
    @Doc("Returns the index of the first element for which the function is truthy, or nil.")
    public static Object find_index(Object enumerable, Object fun) {
        long i = 0;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext(); i++) if (truthy(call(fun, it.next()))) return Arithmetic.integer(i);
        return null;
    }

    /** The first truthy value of {@code fun}, or nil, as {@code Enum.find_value/2}. */
    @Doc("Returns the first truthy value the function returns, or the default.")
    public static Object find_value(Object enumerable, Object fun) {
        return find_value(enumerable, null, fun);
    }

    /** As {@link #find_value(Object, Object)} with a default, as {@code Enum.find_value/3}. */
    public static Object find_value(Object enumerable, Object fallback, Object fun) {
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object v = call(fun, it.next());
            if (truthy(v)) return v;
        }
        return fallback;
    }

    // ---- grouping -----------------------------------------------------------------------------

    /** A map of element to count, as {@code Enum.frequencies/1}. */
    @Doc("Returns a map with the elements as keys and their counts as values.")
    public static MapTerm frequencies(Object enumerable) {
        return frequenciesBy(enumerable, null);
    }

    /** A map of {@code fun} value to count, as {@code Enum.frequencies_by/2}. */
    @Doc("Returns a map with the function's values as keys and their counts as values.")
    public static MapTerm frequencies_by(Object enumerable, Object fun) {
        return frequenciesBy(enumerable, fun);
    }

    private static MapTerm frequenciesBy(Object enumerable, Object fun) {
        MapTerm out = new MapTerm();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            Object k = fun == null ? x : call(fun, x);
            out.merge(k, 1, (a, b) -> Arithmetic.add(a, b));
        }
        return out;
    }

    /** A map of key to the elements with it, in order, as {@code Enum.group_by/2}. */
    @Doc("Groups the elements by the key function (values mapped by the value function, if given).")
    public static MapTerm group_by(Object enumerable, Object keyFun) {
        return groupBy(enumerable, keyFun, null);
    }

    /** As {@code Enum.group_by/3}, each element mapped by {@code valueFun}. */
    public static MapTerm group_by(Object enumerable, Object keyFun, Object valueFun) {
        return groupBy(enumerable, keyFun, valueFun);
    }

    @SuppressWarnings("unchecked")
    private static MapTerm groupBy(Object enumerable, Object keyFun, Object valueFun) {
        MapTerm out = new MapTerm();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            Object k = call(keyFun, x);
            Object v = valueFun == null ? x : call(valueFun, x);
            ((List<Object>) out.computeIfAbsent(k, key -> new ArrayList<>())).add(v);
        }
        return out;
    }

    // ---- into, join ---------------------------------------------------------------------------

    /** The elements put into a collectable (list, map, MapSet), as {@code Enum.into/2}. */
    @Doc("Inserts the enumerable into a collectable (a list, map or MapSet).")
    public static Object into(Object enumerable, Object collectable) {
        return Collectables.into(collectable, toList(enumerable));
    }

    /** As {@code Enum.into/3}: each element mapped by {@code fun} first. */
    public static Object into(Object enumerable, Object collectable, Object fun) {
        return Collectables.into(collectable, map(enumerable, fun));
    }

    /** The elements' {@code to_string} joined, as {@code Enum.join/1}. */
    @Doc("Joins the elements, converted to strings, with the joiner (default the empty string).")
    public static String join(Object enumerable) {
        return join(enumerable, "");
    }

    /** The elements' {@code to_string} joined by the joiner, as {@code Enum.join/2}. */
    public static String join(Object enumerable, Object joiner) {
        if (!(joiner instanceof String sep)) throw new FunctionClauseError("Enum.join", 2);
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            if (!first) b.append(sep);
            b.append(StringChars.text(x));
            first = false;
        }
        return b.toString();
    }

    /** {@code fun}'s results joined, as {@code Enum.map_join/2}. */
    @Doc("Maps and joins in one pass.")
    public static String map_join(Object enumerable, Object fun) {
        return join(map(enumerable, fun), "");
    }

    /** {@code fun}'s results joined by the joiner, as {@code Enum.map_join/3}. */
    public static String map_join(Object enumerable, Object joiner, Object fun) {
        if (!(joiner instanceof String)) throw new FunctionClauseError("Enum.map_join", 3);
        return join(map(enumerable, fun), joiner);
    }

    // ---- min, max -----------------------------------------------------------------------------

    /** The largest element in term order (the first of equals), as {@code Enum.max/1}. */
    @Doc("Returns the maximal element (term order, or by the sorter); raises Enum.EmptyError when empty.")
    public static Object max(Object enumerable) {
        return extreme(enumerable, null, null, true);
    }

    /** As {@code Enum.max/2}: a sorter ({@code &>=/2}, a module) or an empty fallback (a 0-arity fn). */
    public static Object max(Object enumerable, Object sorterOrFallback) {
        if (isFallback(sorterOrFallback)) return extreme(enumerable, null, sorterOrFallback, true);
        return extreme(enumerable, sorterOrFallback, null, true);
    }

    /** As {@code Enum.max/3}: a sorter and an empty fallback. */
    public static Object max(Object enumerable, Object sorter, Object fallback) {
        return extreme(enumerable, sorter, fallback, true);
    }

    /** The smallest element in term order (the first of equals), as {@code Enum.min/1}. */
    @Doc("Returns the minimal element (term order, or by the sorter); raises Enum.EmptyError when empty.")
    public static Object min(Object enumerable) {
        return extreme(enumerable, null, null, false);
    }

    /** As {@code Enum.min/2}. */
    public static Object min(Object enumerable, Object sorterOrFallback) {
        if (isFallback(sorterOrFallback)) return extreme(enumerable, null, sorterOrFallback, false);
        return extreme(enumerable, sorterOrFallback, null, false);
    }

    /** As {@code Enum.min/3}. */
    public static Object min(Object enumerable, Object sorter, Object fallback) {
        return extreme(enumerable, sorter, fallback, false);
    }

    private static boolean isFallback(Object f) {
        return f instanceof Closure<?> c && c.getMaximumNumberOfParameters() == 0;
    }

    private static Object empty(Object fallback) {
        if (fallback == null) throw new EnumErrors.EmptyError();
        return call(fallback);
    }

    /** Max or min of the elements by a sorter: keep the accumulator while sorter(acc, x) holds. */
    private static Object extreme(Object enumerable, Object sorter, Object fallback, boolean max) {
        Iterator<Object> it = iterator(enumerable);
        if (!it.hasNext()) return empty(fallback);
        Object best = it.next();
        while (it.hasNext()) {
            Object x = it.next();
            if (!keeps(best, x, sorter, max)) best = x;
        }
        return best;
    }

    /** True when {@code acc} stays ahead of {@code x}: {@code acc >= x} for max, {@code acc <= x} for min, or the sorter's word. */
    private static boolean keeps(Object acc, Object x, Object sorter, boolean max) {
        if (sorter == null) return max ? compare(acc, x) >= 0 : compare(acc, x) <= 0;
        if (sorter instanceof Atom module) {
            Object c = Ops.call(module, "compare", acc, x);
            return max ? !Atom.of("lt").equals(c) : !Atom.of("gt").equals(c);
        }
        return truthy(call(sorter, acc, x));
    }

    /** The element with the largest {@code fun} value, as {@code Enum.max_by/2}. */
    @Doc("Returns the element for which the function gives the maximal value.")
    public static Object max_by(Object enumerable, Object fun) {
        return extremeBy(enumerable, fun, null, null, true);
    }

    /** As {@code Enum.max_by/3}: a sorter, or an empty fallback (a 0-arity fn). */
    public static Object max_by(Object enumerable, Object fun, Object sorterOrFallback) {
        if (isFallback(sorterOrFallback)) return extremeBy(enumerable, fun, null, sorterOrFallback, true);
        return extremeBy(enumerable, fun, sorterOrFallback, null, true);
    }

    /** As {@code Enum.max_by/4}. */
    public static Object max_by(Object enumerable, Object fun, Object sorter, Object fallback) {
        return extremeBy(enumerable, fun, sorter, fallback, true);
    }

    /** The element with the smallest {@code fun} value, as {@code Enum.min_by/2}. */
    @Doc("Returns the element for which the function gives the minimal value.")
    public static Object min_by(Object enumerable, Object fun) {
        return extremeBy(enumerable, fun, null, null, false);
    }

    /** As {@code Enum.min_by/3}. */
    public static Object min_by(Object enumerable, Object fun, Object sorterOrFallback) {
        if (isFallback(sorterOrFallback)) return extremeBy(enumerable, fun, null, sorterOrFallback, false);
        return extremeBy(enumerable, fun, sorterOrFallback, null, false);
    }

    /** As {@code Enum.min_by/4}. */
    public static Object min_by(Object enumerable, Object fun, Object sorter, Object fallback) {
        return extremeBy(enumerable, fun, sorter, fallback, false);
    }

    private static Object extremeBy(Object enumerable, Object fun, Object sorter, Object fallback, boolean max) {
        Iterator<Object> it = iterator(enumerable);
        if (!it.hasNext()) return empty(fallback);
        Object best = it.next();
        Object bestKey = call(fun, best);
        while (it.hasNext()) {
            Object x = it.next();
            Object k = call(fun, x);
            if (!keeps(bestKey, k, sorter, max)) {
                best = x;
                bestKey = k;
            }
        }
        return best;
    }

    /** {@code {min, max}}, as {@code Enum.min_max/1}. */
    @Doc("Returns {min, max} of the elements; raises Enum.EmptyError when empty.")
    public static Object min_max(Object enumerable) {
        return min_max(enumerable, null);
    }

    /** As {@code Enum.min_max/2} with an empty fallback. */
    public static Object min_max(Object enumerable, Object fallback) {
        List<Object> all = toList(enumerable);
        if (all.isEmpty()) return empty(fallback);
        return Tuple.of(extreme(all, null, null, false), extreme(all, null, null, true));
    }

    /** {@code {min, max}} by {@code fun}'s values, as {@code Enum.min_max_by/2}. */
    @Doc("Returns {min, max} of the elements by the function's values.")
    public static Tuple min_max_by(Object enumerable, Object fun) {
        return (Tuple) min_max_by(enumerable, fun, null);
    }

    /** As {@code Enum.min_max_by/3}: a sorter or an empty fallback. */
    public static Object min_max_by(Object enumerable, Object fun, Object sorterOrFallback) {
        List<Object> all = toList(enumerable);
        boolean fb = isFallback(sorterOrFallback);
        if (all.isEmpty()) return empty(fb ? sorterOrFallback : null);
        Object sorter = fb ? null : sorterOrFallback;
        return Tuple.of(extremeBy(all, fun, sorter == null ? null : sorter, null, false), extremeBy(all, fun, sorter, null, true));
    }

    // ---- arithmetic ---------------------------------------------------------------------------

    /** The sum, as {@code Enum.sum/1}; ArithmeticError for a non-number. */
    @Doc("Returns the sum of all elements.")
    public static Number sum(Object enumerable) {
        if (RangeTerm.is(enumerable)) {
            long n = RangeTerm.size(enumerable);
            if (n == 0) return 0;
            long first = RangeTerm.first(enumerable);
            long last = RangeTerm.at(enumerable, n - 1);
            return Arithmetic.div(Arithmetic.multiply(Arithmetic.add(first, last), n), 2);
        }
        Object total = 0;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) total = Arithmetic.add(total, it.next());
        return (Number) total;
    }

    /** The product, as {@code Enum.product/1}. */
    @Doc("Returns the product of all elements.")
    public static Number product(Object enumerable) {
        Object total = 1;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) total = Arithmetic.multiply(total, it.next());
        return (Number) total;
    }

    // ---- random -------------------------------------------------------------------------------

    /** A random element, as {@code Enum.random/1}; Enum.EmptyError when empty. */
    @Doc("Returns a random element; raises Enum.EmptyError when empty.")
    public static Object random(Object enumerable) {
        List<Object> all = toList(enumerable);
        if (all.isEmpty()) throw new EnumErrors.EmptyError();
        return all.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(all.size()));
    }

    /** The elements in a random order, as {@code Enum.shuffle/1}. */
    @Doc("Returns a list with the elements shuffled.")
    public static List<Object> shuffle(Object enumerable) {
        List<Object> all = toList(enumerable);
        Collections.shuffle(all);
        return all;
    }

    /** {@code count} random elements, as {@code Enum.take_random/2}. */
    @Doc("Takes count random elements.")
    public static List<Object> take_random(Object enumerable, Object count) {
        if (!isInt(count) || ((Number) count).longValue() < 0) throw new FunctionClauseError("Enum.take_random", 2);
        List<Object> all = shuffle(enumerable);
        return new ArrayList<>(all.subList(0, (int) Math.min(all.size(), ((Number) count).longValue())));
    }

    // ---- reduce -------------------------------------------------------------------------------

    /** Folds from the first element, as {@code Enum.reduce/2}; Enum.EmptyError when empty. */
    @Doc("""
        Reduces the enumerable with the function, starting from the accumulator (or the first element).

        ## Examples

            ps> Enum.reduce([1, 2, 3], 0, fn x, acc -> x + acc end)
            6
        """)
    public static Object reduce(Object enumerable, Object fun) {
        Iterator<Object> it = iterator(enumerable);
        if (!it.hasNext()) throw new EnumErrors.EmptyError();
        Object a = it.next();
        while (it.hasNext()) a = call(fun, it.next(), a);
        return a;
    }

    /** Folds with {@code fun(element, acc)}, as {@code Enum.reduce/3}. */
    public static Object reduce(Object enumerable, Object acc, Object fun) {
        Object a = acc;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) a = call(fun, it.next(), a);
        return a;
    }

    /** Folds until {@code fun} returns {@code {:halt, acc}}, as {@code Enum.reduce_while/3}. */
    @Doc("Reduces while the function returns {:cont, acc}; {:halt, acc} stops.")
    public static Object reduce_while(Object enumerable, Object acc, Object fun) {
        Object a = acc;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object r = call(fun, it.next(), a);
            if (r instanceof Tuple t && t.size() == 2 && CONT.equals(t.get(0))) {
                a = t.get(1);
            } else if (r instanceof Tuple t && t.size() == 2 && HALT.equals(t.get(0))) {
                return t.get(1);
            } else {
                throw new FunctionClauseError("Enumerable.List.reduce", 3);
            }
        }
        return a;
    }

    /** The running accumulations from the first element, as {@code Enum.scan/2}. */
    @Doc("Applies the function to each element, keeping every accumulated value.")
    public static List<Object> scan(Object enumerable, Object fun) {
        List<Object> out = new ArrayList<>();
        Object a = null;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            a = out.isEmpty() ? x : call(fun, x, a);
            out.add(a);
        }
        return out;
    }

    /** The running accumulations from {@code acc}, as {@code Enum.scan/3}. */
    public static List<Object> scan(Object enumerable, Object acc, Object fun) {
        List<Object> out = new ArrayList<>();
        Object a = acc;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            a = call(fun, it.next(), a);
            out.add(a);
        }
        return out;
    }

    // ---- order --------------------------------------------------------------------------------

    /** The elements reversed, as {@code Enum.reverse/1}. */
    @Doc("Returns the elements in reverse order (followed by the tail, if given).")
    public static List<Object> reverse(Object enumerable) {
        List<Object> out = toList(enumerable);
        Collections.reverse(out);
        return out;
    }

    /** The elements reversed, then {@code tail}, as {@code Enum.reverse/2}. */
    public static List<Object> reverse(Object enumerable, Object tail) {
        // the tail shared, not copied, as the BEAM's :lists.reverse/2
        return procshell.runtime.term.ConsList.prependAll(reverse(enumerable), tail instanceof List<?> t ? t : toList(tail));
    }

    /** {@code count} elements from {@code start} reversed in place, as {@code Enum.reverse_slice/3}. */
    @Doc("Reverses the count elements from the start index.")
    public static List<Object> reverse_slice(Object enumerable, Object start, Object count) {
        if (!isInt(start) || ((Number) start).longValue() < 0 || !isInt(count) || ((Number) count).longValue() < 0) {
            throw new FunctionClauseError("Enum.reverse_slice", 3);
        }
        List<Object> all = toList(enumerable);
        int s = (int) Math.min(((Number) start).longValue(), all.size());
        int e = (int) Math.min(all.size(), s + ((Number) count).longValue());
        Collections.reverse(all.subList(s, e));
        return all;
    }

    /** The elements in term order, as {@code Enum.sort/1}. */
    @Doc("Sorts the elements in term order, or with a sorter (:asc, :desc, a module, or a function of two elements).")
    public static List<Object> sort(Object enumerable) {
        List<Object> out = toList(enumerable);
        out.sort(Inspect.TERM_ORDER);
        return out;
    }

    /** As {@code Enum.sort/2}: {@code :asc}, {@code :desc}, a module with {@code compare/2}, {@code {:asc|:desc, module}} or {@code fn a, b -> a first end}. */
    public static List<Object> sort(Object enumerable, Object sorter) {
        return Sorting.mergeSort(toList(enumerable), Sorting.lessOrEqual(sorter));
    }

    /** The elements sorted by {@code fun}'s values, stable, as {@code Enum.sort_by/2}. */
    @Doc("Sorts the elements by the function's values (stable), with an optional sorter.")
    public static List<Object> sort_by(Object enumerable, Object fun) {
        return sort_by(enumerable, fun, ASC);
    }

    /** As {@code Enum.sort_by/3} with a sorter. */
    public static List<Object> sort_by(Object enumerable, Object fun, Object sorter) {
        List<Object> pairs = new ArrayList<>();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            pairs.add(Tuple.of(x, call(fun, x)));
        }
        java.util.function.BiPredicate<Object, Object> le = Sorting.lessOrEqual(sorter);
        List<Object> sorted = Sorting.mergeSort(pairs, (a, b) -> le.test(((Tuple) a).get(1), ((Tuple) b).get(1)));
        List<Object> out = new ArrayList<>(sorted.size());
        for (Object p : sorted) out.add(((Tuple) p).get(0));
        return out;
    }

    // ---- slicing ------------------------------------------------------------------------------

    /** The elements at the indexes of a range (negative from the end), as {@code Enum.slice/2}. */
    @Doc("Returns a subset list of the enumerable, by an index range or a start index and an amount.")
    public static List<Object> slice(Object enumerable, Object range) {
        if (!RangeTerm.is(range)) throw new FunctionClauseError("Enum.slice", 2);
        long first = RangeTerm.first(range);
        long last = RangeTerm.last(range);
        long step = RangeTerm.step(range);
        if (step < 0) {
            if (step == -1 && first > last) step = 1;
            else throw new ArgumentError("Enum.slice/2 does not accept ranges with negative steps, got: " + RangeTerm.inspect(range));
        }
        List<Object> all = toList(enumerable);
        int count = all.size();
        if (first < 0) first = Math.max(first + count, 0);
        if (last < 0) last = last + count;
        long amount = last - first + 1;
        List<Object> out = new ArrayList<>();
        if (first >= count || amount <= 0) return out;
        long end = Math.min(count, first + amount);
        for (long i = first; i < end; i += step) out.add(all.get((int) i));
        return out;
    }

    /** {@code amount} elements from {@code start} (negative from the end), as {@code Enum.slice/3}. */
    public static List<Object> slice(Object enumerable, Object start, Object amount) {
        if (!isInt(start) || !isInt(amount) || ((Number) amount).longValue() < 0) throw new FunctionClauseError("Enum.slice", 3);
        long s = ((Number) start).longValue();
        long n = ((Number) amount).longValue();
        List<Object> all = toList(enumerable);
        if (s < 0) s = Math.max(0, s + all.size());
        List<Object> out = new ArrayList<>();
        for (long i = s; i < all.size() && i < s + n; i++) out.add(all.get((int) i));
        return out;
    }

    /** The elements at an index or range moved to the insertion index, as {@code Enum.slide/3}. */
    @Doc("Slides a single element or a range of elements to the insertion index.")
    public static List<Object> slide(Object enumerable, Object indexOrRange, Object insertion) {
        Object range = isInt(indexOrRange) ? RangeTerm.of(((Number) indexOrRange).longValue(), ((Number) indexOrRange).longValue(), 1)
                : indexOrRange;
        if (!RangeTerm.is(range) || !isInt(insertion)) throw new FunctionClauseError("Enum.slide", 3);
        if (RangeTerm.step(range) != 1) {
            throw new ArgumentError("Enum.slide/3 does not accept ranges with custom steps, got: " + RangeTerm.inspect(range));
        }
        List<Object> all = toList(enumerable);
        int count = all.size();
        long first = RangeTerm.first(range);
        long last = RangeTerm.last(range);
        long at = ((Number) insertion).longValue();
        if (first < 0 || last < 0 || at < 0) {
            first = first >= 0 ? first : Math.max(first + count, 0);
            last = last >= 0 ? last : last + count;
            at = at >= 0 ? at : at + count;
            if (!(first < count && first != at)) return all;
        }
        if (at == first) return all;
        if (at > first && at <= last) {
            throw new ArgumentError("insertion index for slide must be outside the range being moved (tried to insert " + first + ".."
                    + last + " at " + at + ")");
        }
        if (first > last) return all;
        last = Math.min(last, count - 1);
        if (first >= count) return all;
        List<Object> moved = new ArrayList<>(all.subList((int) first, (int) last + 1));
        List<Object> rest = new ArrayList<>(all.subList(0, (int) first));
        rest.addAll(all.subList((int) last + 1, count));
        long target = at <= first ? at : Math.min(at - moved.size() + 1, rest.size());
        rest.addAll((int) Math.min(target, rest.size()), moved);
        return rest;
    }

    // ---- conversion ---------------------------------------------------------------------------

    /** The elements as a list, as {@code Enum.to_list/1}. */
    @Doc("Converts the enumerable to a list (a map to a list of {key, value} tuples).")
    public static List<Object> to_list(Object enumerable) {
        return toList(enumerable);
    }

    /** {@code {element, index}} pairs from 0, as {@code Enum.with_index/1}. */
    @Doc("Returns the elements with their index (from the offset), or mapped by fn element, index.")
    public static List<Object> with_index(Object enumerable) {
        return with_index(enumerable, 0);
    }

    /** As {@code Enum.with_index/2}: from an offset, or through {@code fn element, index -> ... end}. */
    public static List<Object> with_index(Object enumerable, Object offsetOrFun) {
        List<Object> out = new ArrayList<>();
        boolean fun = offsetOrFun instanceof Closure<?>;
        if (!fun && !isInt(offsetOrFun)) throw new FunctionClauseError("Enum.with_index", 2);
        long i = fun ? 0 : ((Number) offsetOrFun).longValue();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext(); i++) {
            Object x = it.next();
            out.add(fun ? call(offsetOrFun, x, Arithmetic.integer(i)) : Tuple.of(x, Arithmetic.integer(i)));
        }
        return out;
    }

    /** {@code {lefts, rights}} of 2-tuples, as {@code Enum.unzip/1}. */
    @Doc("Splits a list of 2-tuples into a tuple of two lists.")
    public static Tuple unzip(Object enumerable) {
        List<Object> left = new ArrayList<>();
        List<Object> right = new ArrayList<>();
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) {
            Object x = it.next();
            if (!(x instanceof Tuple t && t.size() == 2)) throw new FunctionClauseError("Enum.unzip", 3);
            left.add(t.get(0));
            right.add(t.get(1));
        }
        return Tuple.of(left, right);
    }

    /** Tuples of corresponding elements, up to the shortest, as {@code Enum.zip/2}. */
    @Doc("Zips corresponding elements into tuples, up to the shortest enumerable.")
    public static List<Object> zip(Object left, Object right) {
        return zip(List.of(left, right));
    }

    /** As {@code Enum.zip/1} over a list of enumerables. */
    public static List<Object> zip(Object enumerables) {
        List<Object> out = new ArrayList<>();
        for (List<Object> row : rows(enumerables)) out.add(Tuple.of(row.toArray()));
        return out;
    }

    private static List<List<Object>> rows(Object enumerables) {
        List<Iterator<Object>> its = new ArrayList<>();
        for (Iterator<Object> it = iterator(enumerables); it.hasNext();) its.add(iterator(it.next()));
        List<List<Object>> out = new ArrayList<>();
        if (its.isEmpty()) return out;
        while (true) {
            List<Object> row = new ArrayList<>(its.size());
            for (Iterator<Object> it : its) {
                if (!it.hasNext()) return out;
                row.add(it.next());
            }
            out.add(row);
        }
    }

    /** {@code fun(l, r)} for corresponding elements, as {@code Enum.zip_with/3}. */
    @Doc("Zips corresponding elements through the function.")
    public static List<Object> zip_with(Object left, Object right, Object fun) {
        List<Object> out = new ArrayList<>();
        for (List<Object> row : rows(List.of(left, right))) out.add(call(fun, row.get(0), row.get(1)));
        return out;
    }

    /** {@code fun([e1, e2, ...])} for corresponding elements, as {@code Enum.zip_with/2}. */
    public static List<Object> zip_with(Object enumerables, Object fun) {
        List<Object> out = new ArrayList<>();
        for (List<Object> row : rows(enumerables)) out.add(call(fun, row));
        return out;
    }

    /** Reduces corresponding elements of two enumerables, as {@code Enum.zip_reduce/4}. */
    @Doc("Reduces over corresponding elements of the enumerables.")
    public static Object zip_reduce(Object left, Object right, Object acc, Object fun) {
        Object a = acc;
        for (List<Object> row : rows(List.of(left, right))) a = call(fun, row.get(0), row.get(1), a);
        return a;
    }

    /** Reduces rows of corresponding elements ({@code fun(list, acc)}), as {@code Enum.zip_reduce/3}. */
    public static Object zip_reduce(Object enumerables, Object acc, Object fun) {
        Object a = acc;
        for (List<Object> row : rows(enumerables)) a = call(fun, row, a);
        return a;
    }
}
