package procshell.shell.iex;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Ref;
import procshell.runtime.process.ProcessContext;
import procshell.shell.eval.Values;

/**
 * Erlang's {@code :atomics} (OTP 25): arrays of 64-bit integers, indexed from 1, that every
 * process reads and updates in place without copying or locks; a reference names the array
 * ({@code :atomics.new(3, [])} gives {@code #Reference<...>}). An array is signed (the default,
 * wrapping around at {@code -2^63}/{@code 2^63 - 1}) or unsigned ({@code signed: false}, 0 to
 * {@code 2^64 - 1}). A bad reference, index or value raises the BEAM's ArgumentError
 * ({@code 2nd argument: out of range}, ...), with the call as its stack line.
 */
@Doc("""
    Atomic arrays of 64-bit integers shared by all processes: :atomics.new(size, signed: true),
    get/2, put/3, add/3, add_get/3, sub/3, sub_get/3, exchange/3, compare_exchange/4, info/1.
    """)
public final class ErlangAtomics {
    /** An array and whether its integers are signed. */
    record Array(AtomicLongArray values, boolean signed) {}

    /** The arrays by their references; an array goes when nothing holds its reference. */
    private static final Map<Ref, Array> ARRAYS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final BigInteger UNSIGNED_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private ErlangAtomics() {}

    /**
     * As {@code :atomics.new/2}: an array of {@code arity} integers, all 0.
     *
     * <pre>{@code
     * a = :atomics.new(2, [])       # #Reference<0.1.2.3>
     * :atomics.new(1, signed: false)
     * }</pre>
     *
     * @param arity   the number of integers, at least 1
     * @param options {@code [signed: true | false]}
     * @throws ArgumentError {@code 1st argument: out of range} for a size below 1
     */
    @Doc("A new atomics array of `arity` integers, all 0; options: [signed: true | false].")
    public static Ref new_(Object arity, Object options) {
        Object size = Values.normalize(arity);
        if (!ErlangArgs.isInt(size) || ((Number) size).longValue() < 1 || ((Number) size).longValue() > Integer.MAX_VALUE) {
            throw ArgumentError.badArgument("1st argument: out of range", call("new", arity, options));
        }
        boolean signed = true;
        java.util.List<?> given = ErlangArgs.list(Values.normalize(options));
        if (given == null) throw ArgumentError.badArgument("2nd argument: not a list", call("new", arity, options));
        for (Object o : given) {
            if (o instanceof procshell.runtime.node.Tuple t && t.size() == 2 && Atom.of("signed").equals(t.get(0)) && t.get(1) instanceof Boolean b) {
                signed = b;
            } else {
                throw ArgumentError.badArgument("2nd argument: invalid option", call("new", arity, options));
            }
        }
        Ref ref = ProcessContext.require().node().makeRef();
        ARRAYS.put(ref, new Array(new AtomicLongArray(((Number) size).intValue()), signed));
        return ref;
    }

    /** As {@code :atomics.get/2}: the integer at {@code index} (from 1). */
    @Doc("The integer at index (from 1).")
    public static Number get(Object ref, Object index) {
        Array a = array(ref, at("get", ref, index));
        return value(a, a.values().get(slot(a, index, at("get", ref, index))));
    }

    /** As {@code :atomics.put/3}: sets the integer at {@code index}; {@code :ok}. */
    @Doc("Sets the integer at index; returns :ok.")
    public static Atom put(Object ref, Object index, Object value) {
        Array a = array(ref, at("put", ref, index, value));
        a.values().set(slot(a, index, at("put", ref, index, value)), bits(a, value, at("put", ref, index, value)));
        return Atom.of("ok");
    }

    /** As {@code :atomics.add/3}: adds {@code incr} (wrapping around); {@code :ok}. */
    @Doc("Adds incr to the integer at index (wrapping around); returns :ok.")
    public static Atom add(Object ref, Object index, Object incr) {
        Supplier<String> call = at("add", ref, index, incr);
        Array a = array(ref, call);
        a.values().addAndGet(slot(a, index, call), increment(incr, call));
        return Atom.of("ok");
    }

    /** As {@code :atomics.add_get/3}: adds {@code incr} and answers the new integer. */
    @Doc("Adds incr to the integer at index and returns the new value.")
    public static Number add_get(Object ref, Object index, Object incr) {
        Array a = array(ref, at("add_get", ref, index, incr));
        int i = slot(a, index, at("add_get", ref, index, incr));
        return value(a, a.values().addAndGet(i, increment(incr, at("add_get", ref, index, incr))));
    }

    /** As {@code :atomics.sub/3}: subtracts {@code decr} (wrapping around); {@code :ok}. */
    @Doc("Subtracts decr from the integer at index (wrapping around); returns :ok.")
    public static Atom sub(Object ref, Object index, Object decr) {
        Supplier<String> call = at("sub", ref, index, decr);
        Array a = array(ref, call);
        a.values().addAndGet(slot(a, index, call), -increment(decr, call));
        return Atom.of("ok");
    }

    /** As {@code :atomics.sub_get/3}: subtracts {@code decr} and answers the new integer. */
    @Doc("Subtracts decr from the integer at index and returns the new value.")
    public static Number sub_get(Object ref, Object index, Object decr) {
        Array a = array(ref, at("sub_get", ref, index, decr));
        int i = slot(a, index, at("sub_get", ref, index, decr));
        return value(a, a.values().addAndGet(i, -increment(decr, at("sub_get", ref, index, decr))));
    }

    /** As {@code :atomics.exchange/3}: sets the integer and answers the one it replaced. */
    @Doc("Sets the integer at index to desired and returns the previous value.")
    public static Number exchange(Object ref, Object index, Object desired) {
        Array a = array(ref, at("exchange", ref, index, desired));
        int i = slot(a, index, at("exchange", ref, index, desired));
        return value(a, a.values().getAndSet(i, bits(a, desired, at("exchange", ref, index, desired))));
    }

    /**
     * As {@code :atomics.compare_exchange/4}: sets the integer to {@code desired} when it is
     * {@code expected} and answers {@code :ok}; otherwise answers the integer it is.
     */
    @Doc("Sets the integer at index to desired if it is expected: :ok, else the actual value.")
    public static Object compare_exchange(Object ref, Object index, Object expected, Object desired) {
        Array a = array(ref, at("compare_exchange", ref, index, expected, desired));
        int i = slot(a, index, at("compare_exchange", ref, index, expected, desired));
        long want = bits(a, expected, at("compare_exchange", ref, index, expected, desired));
        long next = bits(a, desired, at("compare_exchange", ref, index, expected, desired));
        long seen = a.values().compareAndExchange(i, want, next);
        return seen == want ? Atom.of("ok") : value(a, seen);
    }

    /** As {@code :atomics.info/1}: {@code %{size: n, max: m, min: m, memory: bytes}}. */
    @Doc("Information about the array: %{size:, max:, min:, memory:}.")
    public static MapTerm info(Object ref) {
        return info(array(ref, at("info", ref)));
    }

    /** The info map of an array, for {@code :counters} too. */
    static MapTerm info(Array a) {
        MapTerm m = new MapTerm();
        m.put(Atom.of("max"), a.signed() ? Long.MAX_VALUE : UNSIGNED_MAX);
        m.put(Atom.of("memory"), 40L + 8L * a.values().length()); // the BEAM's figure: a header and a word per integer
        m.put(Atom.of("min"), a.signed() ? Long.MIN_VALUE : 0L);
        m.put(Atom.of("size"), (long) a.values().length());
        return m;
    }

    /** The array of a reference, for {@code :counters} too. */
    static Array array(Object ref, Supplier<String> call) {
        Array a = Values.normalize(ref) instanceof Ref r ? ARRAYS.get(r) : null;
        if (a == null) throw ArgumentError.badArgument("1st argument: invalid atomics reference", call.get());
        return a;
    }

    /** The Java index of an Erlang one (from 1). */
    static int slot(Array a, Object index, Supplier<String> call) {
        Object i = Values.normalize(index);
        if (!ErlangArgs.isInt(i)) throw ArgumentError.badArgument("2nd argument: not an integer", call.get());
        if (!(i instanceof Integer || i instanceof Long) || ((Number) i).longValue() < 1 || ((Number) i).longValue() > a.values().length()) {
            throw ArgumentError.badArgument("2nd argument: out of range", call.get());
        }
        return (int) (((Number) i).longValue() - 1);
    }

    /** A value to store: an integer in the array's range, as its 64 bits (for {@code :counters} too). */
    static long bits(Array a, Object value, Supplier<String> call) {
        Object v = Values.normalize(value);
        if (!ErlangArgs.isInt(v)) throw ArgumentError.badArgument("3rd argument: not an integer", call.get());
        BigInteger b = procshell.shell.eval.Arithmetic.big(v);
        boolean fits = a.signed() ? b.bitLength() < 64 : b.signum() >= 0 && b.compareTo(UNSIGNED_MAX) <= 0;
        if (!fits) throw ArgumentError.badArgument("3rd argument: out of range", call.get());
        return b.longValue();
    }

    /** An increment: any integer of 64 bits, signed or not, taken modulo 2^64 as the BEAM adds. */
    static long increment(Object value, Supplier<String> call) {
        Object v = Values.normalize(value);
        if (!ErlangArgs.isInt(v)) throw ArgumentError.badArgument("3rd argument: not an integer", call.get());
        BigInteger b = procshell.shell.eval.Arithmetic.big(v);
        if (b.bitLength() > 64 || b.signum() < 0 && b.bitLength() > 63) throw ArgumentError.badArgument("3rd argument: out of range", call.get());
        return b.longValue();
    }

    /** The integer the 64 bits stand for in this array. */
    static Number value(Array a, long bits) {
        if (a.signed() || bits >= 0) return bits;
        return procshell.shell.eval.Arithmetic.integer(new BigInteger(Long.toUnsignedString(bits)));
    }

    /** The stack line of a call, made only when an error needs it. */
    private static Supplier<String> at(String fun, Object... args) {
        return () -> call(fun, args);
    }

    private static String call(String fun, Object... args) {
        return ErlangArgs.call(":atomics." + fun, args);
    }
}
