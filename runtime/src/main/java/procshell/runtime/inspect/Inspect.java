package procshell.runtime.inspect;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;

/**
 * Prints runtime terms exactly as Elixir 1.14's {@code inspect/2} does, and orders them as
 * Erlang's term order.
 *
 * <p>Terms are: {@link Atom} (module atoms {@code Elixir.Foo} print as {@code Foo}), {@link
 * Boolean} and {@code null} (the atoms true, false and nil), Integer/Long/BigInteger/Short/Byte,
 * Double/Float, {@link CharSequence} and {@code byte[]} (binaries), {@link java.util.List},
 * {@link java.util.Map}, {@link procshell.runtime.node.Tuple}, {@link
 * procshell.runtime.node.Pid} and {@link procshell.runtime.node.Ref}. Any other object, lists,
 * maps and non-String char sequences included, is first offered to the {@link InspectFallback}s,
 * so that the shell can print a Groovy range (a List) as {@code 1..10}.
 */
public final class Inspect {
    /** Erlang's term order as a comparator; see {@link #compare(Object, Object)}. */
    public static final Comparator<Object> TERM_ORDER = Inspect::compare;

    private static volatile InspectFallback defaultFallback;

    private Inspect() {
    }

    /**
     * {@code inspect/1}: {@link InspectOptions#DEFAULT}, i.e. limit 50 and no line breaking.
     *
     * @param term any term
     * @return e.g. {@code {:ok, #PID<0.1.0>}} or {@code %{id: 123}}
     */
    public static String inspect(Object term) {
        return inspect(term, InspectOptions.DEFAULT);
    }

    /**
     * {@code inspect/2} ({@code Kernel.inspect/2}): the term's document, grouped, laid out at
     * {@code opts.width()} when {@code opts.pretty()} and on one line otherwise. Use
     * {@link InspectOptions#IEX} for what iex prints.
     */
    public static String inspect(Object term, InspectOptions opts) {
        return Algebra.format(Algebra.group(toDoc(term, opts)), opts.layoutWidth());
    }

    /**
     * A struct's document as Elixir prints it, {@code %User{name: "a", age: nil}}: its fields in
     * the order given (its defstruct's), breaking as a map does.
     *
     * @param name   the struct's module as printed ({@code User})
     * @param fields the fields without {@code __struct__}, in order
     */
    public static Doc structDoc(String name, List<Map.Entry<?, ?>> fields, InspectOptions opts) {
        return TermDocs.fields("%" + name + "{", fields, opts);
    }

    /**
     * {@code Inspect.Algebra.to_doc/2}: the algebra document of a term, for printers that
     * embed terms in larger documents (a fallback printing a struct's fields, for one).
     */
    public static Doc toDoc(Object term, InspectOptions opts) {
        return TermDocs.toDoc(term, opts);
    }

    /**
     * {@code Float.to_string/1}: the shortest text that reads back as the same float, in plain
     * or scientific notation, whichever is shorter ({@code "0.1"}, {@code "1.0e10"},
     * {@code "-0.0"}). Unlike {@link #inspect(Object)} it does not spell out integral floats
     * below 1.0e16 ({@code inspect(1.0e10)} is {@code 10000000000.0}).
     */
    public static String floatToString(double value) {
        return FloatFormat.fwriteG(value);
    }

    /**
     * {@code Macro.inspect_atom(:literal, atom)}: {@code :ok}, {@code :"hello world"},
     * {@code :+}, {@code Foo.Bar} for {@code :"Elixir.Foo.Bar"}, {@code nil}.
     */
    public static String inspectAtom(Atom atom) {
        return AtomNames.literal(atom.name());
    }

    /**
     * Erlang's term order, as {@code <}, {@code ==} and {@code >} compare on the BEAM:
     * number &lt; atom (nil, true, false included) &lt; reference &lt; fun &lt; port &lt; pid &lt;
     * tuple &lt; map &lt; list &lt; bitstring. Integers and floats compare by value, so
     * {@code compare(1, 1.0) == 0}. Objects outside the term model rank with funs.
     *
     * @return negative, zero or positive as {@code a} is less than, equal to or greater than {@code b}
     */
    public static int compare(Object a, Object b) {
        return TermOrder.compare(a, b);
    }

    /**
     * Erlang's exact order of map keys, the order of {@link #sortedEntries}: term order, except
     * that all integers come before all floats ({@code compareKeys(1, 1.0) < 0}).
     *
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    public static int compareKeys(Object a, Object b) {
        return TermOrder.compareKeys(a, b);
    }

    /**
     * The entries of a map in the order the BEAM walks a small map (up to 32 keys) and prints it:
     * keys in map-key order, all integers before all floats ({@code maps:to_list/1},
     * {@code Map.keys/1}, {@code Enum} over a map).
     */
    public static java.util.List<java.util.Map.Entry<?, ?>> sortedEntries(java.util.Map<?, ?> map) {
        return TermOrder.sortedEntries(map);
    }

    /**
     * Sets the process-wide fallback for objects that are not terms, consulted after the
     * options' own; it is what {@code toString()} of atoms and tuples uses. The shell sets it
     * at start.
     *
     * @param fallback the fallback, or null for none
     */
    public static void setDefaultFallback(InspectFallback fallback) {
        defaultFallback = fallback;
    }

    /** The process-wide fallback, or null. */
    public static InspectFallback defaultFallback() {
        return defaultFallback;
    }
}
