package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Tuple;
import procshell.shell.eval.Arithmetic;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Tuple} module (1.14). Most of its functions are BEAM built-ins, whose bad
 * arguments raise OTP's {@code ArgumentError} ("errors were found at the given arguments").
 */
@Doc("""
    Functions for working with tuples ({:ok, 1}).
    """)
@ElixirName("Tuple")
public final class ElixirTuple {
    private ElixirTuple() {}

    private static List<Object> elements(Object tuple) {
        Object t = Values.normalize(tuple);
        if (!(t instanceof Tuple tt)) throw ArgumentError.badArgument("1st argument: not a tuple");
        return new ArrayList<>(tt.toList());
    }

    /** The tuple with the element added last, as {@code Tuple.append/2}. */
    @Doc("Inserts an element at the end of the tuple.")
    public static Tuple append(Object tuple, Object value) {
        List<Object> l = elements(tuple);
        l.add(Values.normalize(value));
        return Tuple.of(l.toArray());
    }

    /** The tuple without the element at the index, as {@code Tuple.delete_at/2}. */
    @Doc("Removes the element at the zero-based index.")
    public static Tuple delete_at(Object tuple, Object index) {
        List<Object> l = elements(tuple);
        if (!ElixirEnum.isInt(index) || ((Number) index).longValue() < 0 || ((Number) index).longValue() >= l.size()) {
            throw ArgumentError.badArgument("1st argument: out of range");
        }
        l.remove(((Number) index).intValue());
        return Tuple.of(l.toArray());
    }

    /** The tuple with the value inserted at the index, as {@code Tuple.insert_at/3}. */
    @Doc("Inserts the value at the zero-based index.")
    public static Tuple insert_at(Object tuple, Object index, Object value) {
        List<Object> l = elements(tuple);
        if (!ElixirEnum.isInt(index) || ((Number) index).longValue() < 0 || ((Number) index).longValue() > l.size()) {
            throw ArgumentError.badArgument("1st argument: out of range");
        }
        l.add(((Number) index).intValue(), Values.normalize(value));
        return Tuple.of(l.toArray());
    }

    /** A tuple of {@code size} copies of the value, as {@code Tuple.duplicate/2}. */
    @Doc("Creates a tuple of size copies of the value.")
    public static Tuple duplicate(Object value, Object size) {
        if (!ElixirEnum.isInt(size) || ((Number) size).longValue() < 0) throw ArgumentError.badArgument("1st argument: out of range");
        Object[] out = new Object[((Number) size).intValue()];
        java.util.Arrays.fill(out, Values.normalize(value));
        return Tuple.of(out);
    }

    /** The sum of the elements, as {@code Tuple.sum/1}. */
    @Doc("Returns the sum of the elements.")
    public static Number sum(Object tuple) {
        Object total = 0;
        for (Object x : elements(tuple)) total = Arithmetic.add(total, x);
        return (Number) total;
    }

    /** The product of the elements, as {@code Tuple.product/1}. */
    @Doc("Returns the product of the elements.")
    public static Number product(Object tuple) {
        Object total = 1;
        for (Object x : elements(tuple)) total = Arithmetic.multiply(total, x);
        return (Number) total;
    }

    /** The elements as a list, as {@code Tuple.to_list/1}. */
    @Doc("Converts the tuple to a list.")
    public static List<Object> to_list(Object tuple) {
        return elements(tuple);
    }
}
