package procshell.shell.iex;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Erlang's {@code :counters} (OTP 25): arrays of signed 64-bit counters, indexed from 1, that
 * every process updates in place, built on {@link ErlangAtomics} as OTP builds them: a counters
 * reference is {@code {:atomics, ref}} ({@code {:write_concurrency, ref}} when asked for, the same
 * array here). Counters wrap around at {@code -2^63}/{@code 2^63 - 1}. A bad reference, index or
 * value raises the BEAM's ArgumentError with the {@code :counters} call as its stack line.
 */
@Doc("""
    Arrays of 64-bit counters shared by all processes: :counters.new(size, []),
    add/3, sub/3, get/2, put/3, info/1.
    """)
public final class ErlangCounters {
    private static final Atom ATOMICS = Atom.of("atomics");
    private static final Atom WRITE_CONCURRENCY = Atom.of("write_concurrency");

    private ErlangCounters() {}

    /**
     * As {@code :counters.new/2}: {@code size} counters, all 0.
     *
     * <pre>{@code
     * c = :counters.new(2, [])   # {:atomics, #Reference<0.1.2.3>}
     * }</pre>
     *
     * @param options {@code []}, {@code [:atomics]} or {@code [:write_concurrency]}
     * @throws ArgumentError {@code 1st argument: out of range} for a size below 1
     */
    @Doc("New counters: :counters.new(size, []) or with [:write_concurrency]; all 0.")
    public static Tuple new_(Object size, Object options) {
        Atom kind = ATOMICS;
        java.util.List<?> given = ErlangArgs.list(Values.normalize(options));
        if (given == null) throw ArgumentError.badArgument("2nd argument: not a list", call("new", size, options));
        for (Object o : given) {
            if (WRITE_CONCURRENCY.equals(o)) {
                kind = WRITE_CONCURRENCY;
            } else if (!ATOMICS.equals(o)) {
                throw ArgumentError.badArgument("2nd argument: invalid option", call("new", size, options));
            }
        }
        Object n = Values.normalize(size);
        if (!ErlangArgs.isInt(n) || ((Number) n).longValue() < 1) throw ArgumentError.badArgument("1st argument: out of range", call("new", size, options));
        return Tuple.of(kind, ErlangAtomics.new_(n, java.util.List.of()));
    }

    /** As {@code :counters.get/2}: the counter at {@code index} (from 1). */
    @Doc("The value of the counter at index (from 1).")
    public static Number get(Object ref, Object index) {
        ErlangAtomics.Array a = array(ref, "get", ref, index);
        return a.values().get(slot(a, index, "get", ref, index));
    }

    /** As {@code :counters.add/3}: adds {@code incr}; {@code :ok}. */
    @Doc("Adds incr to the counter at index; returns :ok.")
    public static Atom add(Object ref, Object index, Object incr) {
        ErlangAtomics.Array a = array(ref, "add", ref, index, incr);
        a.values().addAndGet(slot(a, index, "add", ref, index, incr), amount(incr, "add", ref, index, incr));
        return Atom.of("ok");
    }

    /** As {@code :counters.sub/3}: subtracts {@code decr}; {@code :ok}. */
    @Doc("Subtracts decr from the counter at index; returns :ok.")
    public static Atom sub(Object ref, Object index, Object decr) {
        ErlangAtomics.Array a = array(ref, "sub", ref, index, decr);
        a.values().addAndGet(slot(a, index, "sub", ref, index, decr), -amount(decr, "sub", ref, index, decr));
        return Atom.of("ok");
    }

    /** As {@code :counters.put/3}: sets the counter; {@code :ok}. */
    @Doc("Sets the counter at index to value; returns :ok.")
    public static Atom put(Object ref, Object index, Object value) {
        ErlangAtomics.Array a = array(ref, "put", ref, index, value);
        int i = slot(a, index, "put", ref, index, value);
        a.values().set(i, ErlangAtomics.bits(a, value, () -> call("put", ref, index, value)));
        return Atom.of("ok");
    }

    /** As {@code :counters.info/1}: {@code %{size: n, max: m, min: m, memory: bytes}}. */
    @Doc("Information about the counters: %{size:, max:, min:, memory:}.")
    public static MapTerm info(Object ref) {
        return ErlangAtomics.info(array(ref, "info", ref));
    }

    private static ErlangAtomics.Array array(Object ref, String fun, Object... args) {
        Object inner = Values.normalize(ref) instanceof Tuple t && t.size() == 2 && (ATOMICS.equals(t.get(0)) || WRITE_CONCURRENCY.equals(t.get(0)))
                ? t.get(1) : null;
        return ErlangAtomics.array(inner, () -> call(fun, args));
    }

    private static int slot(ErlangAtomics.Array a, Object index, String fun, Object... args) {
        return ErlangAtomics.slot(a, index, () -> call(fun, args));
    }

    private static long amount(Object value, String fun, Object... args) {
        return ErlangAtomics.increment(value, () -> call(fun, args));
    }

    private static String call(String fun, Object... args) {
        return ErlangArgs.call(":counters." + fun, args);
    }
}
