package procshell.shell.iex;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;


import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Enum} module at the prompt ({@code Enum.each(1..99, fn x -> ... end)}). The
 * shell's translation sends {@code Enum.fun(...)} here, as it sends {@code String.fun(...)} to
 * {@link ElixirString}, so that {@code java.lang.Enum} keeps its name.
 *
 * <p>An enumerable is a list, a range ({@code 1..99}) or a map, whose elements are
 * {@code {key, value}} tuples as in Elixir. Functions are {@code fn x -> ... end} (Groovy
 * closures).
 */
@Doc("""
    Functions for working with collections (lists, maps, ranges).

    Functions take the enumerable first; closures stand for Elixir's fn.
    """)
@ElixirName("Enum")
public final class ElixirEnum {
    private ElixirEnum() {}

    /** The elements of an enumerable, in order; a map's entries as {@code {key, value}} tuples. */
    private static Iterable<?> elements(Object enumerable) {
        Object e = enumerable instanceof groovy.lang.Range<?> ? enumerable : Values.normalize(enumerable);
        if (e instanceof Map<?, ?> m) {
            List<Object> entries = new ArrayList<>(m.size());
            for (Map.Entry<?, ?> en : m.entrySet()) entries.add(Tuple.of(en.getKey(), en.getValue()));
            return entries;
        }
        // a range is computed as it is walked: each element counts a reduction, so it is preempted and Ctrl-C stops it
        if (e instanceof groovy.lang.Range<?> r) return procshell.runtime.process.Reductions.counted(r);
        if (e instanceof Iterable<?> it) return it;
        String type = e instanceof Tuple ? "Tuple" : e instanceof Atom || e == null || e instanceof Boolean ? "Atom"
                : e instanceof String ? "BitString" : e instanceof Number ? (e instanceof Integer || e instanceof Long ? "Integer" : "Float")
                : e instanceof procshell.runtime.node.Pid ? "PID" : "Object";
        throw new ProtocolUndefinedError("Enumerable", e, type);
    }

    private static Object call(Closure<?> fun, Object element) {
        return Values.normalize(fun.call(element));
    }

    private static boolean truthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v);
    }

    /**
     * Calls {@code fun} on every element for its side effects, as {@code Enum.each/2}.
     *
     * @param enumerable a list, range or map
     * @param fun        a one-argument function
     * @return {@code :ok}
     */
    @Doc("""
        Invokes the function for each element; returns :ok.
        """)
    public static Atom each(Object enumerable, Closure<?> fun) {
        for (Object x : elements(enumerable)) fun.call(x);
        return Atom.OK;
    }

    /**
     * The list of {@code fun}'s results, one per element, as {@code Enum.map/2}.
     *
     * @param enumerable a list, range or map
     * @param fun        a one-argument function
     * @return a new list
     */
    @Doc("""
        Returns a list where each element is the result of the function on the element.

        ## Examples

            ps> Enum.map([1, 2, 3], fn x -> x * 2 end)
            [2, 4, 6]
        """)
    public static List<Object> map(Object enumerable, Closure<?> fun) {
        List<Object> out = new ArrayList<>();
        for (Object x : elements(enumerable)) out.add(call(fun, x));
        return out;
    }

    /**
     * The elements for which {@code fun} returns a truthy value (neither nil nor false), as
     * {@code Enum.filter/2}.
     *
     * @return a new list
     */
    @Doc("""
        Returns the elements for which the function returns a truthy value.
        """)
    public static List<Object> filter(Object enumerable, Closure<?> fun) {
        List<Object> out = new ArrayList<>();
        for (Object x : elements(enumerable)) if (truthy(call(fun, x))) out.add(Values.normalize(x));
        return out;
    }

    /**
     * The elements for which {@code fun} returns nil or false, as {@code Enum.reject/2}.
     *
     * @return a new list
     */
    @Doc("""
        Returns the elements for which the function returns false or nil.
        """)
    public static List<Object> reject(Object enumerable, Closure<?> fun) {
        List<Object> out = new ArrayList<>();
        for (Object x : elements(enumerable)) if (!truthy(call(fun, x))) out.add(Values.normalize(x));
        return out;
    }

    /**
     * Folds the elements into an accumulator, as {@code Enum.reduce/3}:
     * {@code fun(element, acc)} returns the next accumulator.
     *
     * @param acc the initial accumulator
     * @param fun a two-argument function {@code fn x, acc -> ... end}
     * @return the last accumulator
     */
    @Doc("""
        Reduces the enumerable with the function, starting from the accumulator.

        ## Examples

            ps> Enum.reduce([1, 2, 3], 0, fn x, acc -> x + acc end)
            6
        """)
    public static Object reduce(Object enumerable, Object acc, Closure<?> fun) {
        Object a = Values.normalize(acc);
        for (Object x : elements(enumerable)) a = Values.normalize(fun.call(x, a));
        return a;
    }

    /** The number of elements, as {@code Enum.count/1}. */
    @Doc("""
        Returns the number of elements (for which the function is truthy, if given).
        """)
    public static int count(Object enumerable) {
        if (enumerable instanceof java.util.Collection<?> c) return c.size();
        if (enumerable instanceof Map<?, ?> m) return m.size();
        int n = 0;
        for (Iterator<?> it = elements(enumerable).iterator(); it.hasNext(); it.next()) n++;
        return n;
    }

    /** The number of elements for which {@code fun} returns a truthy value, as {@code Enum.count/2}. */
    public static int count(Object enumerable, Closure<?> fun) {
        int n = 0;
        for (Object x : elements(enumerable)) if (truthy(call(fun, x))) n++;
        return n;
    }

    /**
     * True when some element equals {@code element} (Elixir's {@code ==}, so {@code 1 == 1.0}),
     * as {@code Enum.member?/2}; a map's elements are {@code {key, value}} tuples.
     */
    @Doc("""
        Tells whether the element is in the enumerable (compared with ==).
        """)
    public static boolean member_qm(Object enumerable, Object element) {
        for (Object x : elements(enumerable)) if (Values.termEquals(x, element)) return true;
        return false;
    }

    /** The first element for which {@code fun} returns a truthy value, or nil, as {@code Enum.find/2}. */
    @Doc("""
        Returns the first element for which the function is truthy, or nil.
        """)
    public static Object find(Object enumerable, Closure<?> fun) {
        for (Object x : elements(enumerable)) if (truthy(call(fun, x))) return Values.normalize(x);
        return null;
    }

    /** The elements as a list, as {@code Enum.to_list/1}; a map gives {@code [{key, value}, ...]}. */
    @Doc("""
        Converts the enumerable to a list (a map to a list of {key, value} tuples).
        """)
    public static List<Object> to_list(Object enumerable) {
        List<Object> out = new ArrayList<>();
        for (Object x : elements(enumerable)) out.add(Values.normalize(x));
        return out;
    }

    /** The sum of the numbers, as {@code Enum.sum/1}. */
    @Doc("""
        Returns the sum of the numbers.
        """)
    public static Number sum(Object enumerable) {
        Object total = 0;
        for (Object x : elements(enumerable)) total = procshell.shell.eval.Arithmetic.add(x, total);
        return (Number) total;
    }

    /** The elements in Erlang term order ({@code number < atom < reference < pid < tuple < map < list < binary}), as {@code Enum.sort/1}. */
    @Doc("""
        Sorts the elements in Erlang term order, or with a sorter (:asc, :desc, or a
        function of two elements).
        """)
    public static List<Object> sort(Object enumerable) {
        List<Object> out = to_list(enumerable);
        out.sort(procshell.runtime.inspect.Inspect.TERM_ORDER);
        return out;
    }

    /**
     * The elements sorted by a function {@code fn a, b -> a <= b end} (true when {@code a} goes
     * first), as {@code Enum.sort/2}; the atoms {@code :asc} and {@code :desc} sort in term order.
     */
    public static List<Object> sort(Object enumerable, Object sorter) {
        List<Object> out = to_list(enumerable);
        if (sorter instanceof Closure<?> fun) {
            out.sort((a, b) -> {
                boolean first = truthy(Values.normalize(fun.call(a, b)));
                boolean second = truthy(Values.normalize(fun.call(b, a)));
                return first == second ? 0 : first ? -1 : 1;
            });
        } else if (sorter instanceof Atom a && a.name().equals("desc")) {
            out.sort(procshell.runtime.inspect.Inspect.TERM_ORDER.reversed());
        } else {
            out.sort(procshell.runtime.inspect.Inspect.TERM_ORDER);
        }
        return out;
    }

    /** The elements in reverse order, as {@code Enum.reverse/1}. */
    @Doc("""
        Returns the elements in reverse order.
        """)
    public static List<Object> reverse(Object enumerable) {
        List<Object> out = to_list(enumerable);
        java.util.Collections.reverse(out);
        return out;
    }

    /** The elements as strings ({@code to_string/1}) joined by {@code joiner}, as {@code Enum.join/2}. */
    @Doc("""
        Joins the elements, converted to strings, with the joiner (default "").
        """)
    public static String join(Object enumerable, Object joiner) {
        StringBuilder b = new StringBuilder();
        String sep = Kernel.to_string(joiner);
        boolean first = true;
        for (Object x : elements(enumerable)) {
            if (!first) b.append(sep);
            b.append(Kernel.to_string(x));
            first = false;
        }
        return b.toString();
    }

    /** The elements as strings joined without separator, as {@code Enum.join/1}. */
    public static String join(Object enumerable) {
        return join(enumerable, "");
    }
}
