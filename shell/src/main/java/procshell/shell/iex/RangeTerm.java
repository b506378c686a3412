package procshell.shell.iex;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

import procshell.runtime.node.Atom;
import procshell.shell.eval.Arithmetic;

/**
 * Elixir's ranges as terms: the struct {@code %Range{first: f, last: l, step: s}} (a map, as on
 * the BEAM, so {@code is_map(1..3)} holds), with integer bounds. Walks and counts them as
 * {@code Enumerable.Range} does: {@code 1..0//1} is empty, {@code 10..1//-3} is 10, 7, 4, 1.
 */
final class RangeTerm {
    static final Atom FIRST = Atom.of("first");
    static final Atom LAST = Atom.of("last");
    static final Atom STEP = Atom.of("step");

    private RangeTerm() {}

    /** The struct {@code first..last//step}; the caller has checked the three are integers, step not 0. */
    static MapTerm of(long first, long last, long step) {
        MapTerm m = new MapTerm();
        m.put(Structs.STRUCT, Structs.RANGE);
        m.put(FIRST, Arithmetic.integer(first));
        m.put(LAST, Arithmetic.integer(last));
        m.put(STEP, Arithmetic.integer(step));
        return m;
    }

    /** True when the term is a range struct with integer fields. */
    static boolean is(Object term) {
        return Structs.is(term, Structs.RANGE) && term instanceof Map<?, ?> m && m.get(FIRST) instanceof Number
                && m.get(LAST) instanceof Number && m.get(STEP) instanceof Number;
    }

    static long first(Object range) {
        return ((Number) ((Map<?, ?>) range).get(FIRST)).longValue();
    }

    static long last(Object range) {
        return ((Number) ((Map<?, ?>) range).get(LAST)).longValue();
    }

    static long step(Object range) {
        return ((Number) ((Map<?, ?>) range).get(STEP)).longValue();
    }

    /** The number of elements, as {@code Range.size/1}. */
    static long size(Object range) {
        long f = first(range);
        long l = last(range);
        long s = step(range);
        if (s > 0 && f > l || s < 0 && f < l) return 0;
        return Math.abs((l - f) / s) + 1;
    }

    /** The i-th element (0-based, {@code i < size}). */
    static long at(Object range, long i) {
        return first(range) + i * step(range);
    }

    /** True when the integer is one of the range's elements. */
    static boolean contains(Object range, Object x) {
        if (!(x instanceof Integer || x instanceof Long)) return false;
        long v = ((Number) x).longValue();
        long f = first(range);
        long s = step(range);
        long n = size(range);
        if (n == 0) return false;
        long l = f + (n - 1) * s;
        boolean within = s > 0 ? v >= f && v <= l : v <= f && v >= l;
        return within && (v - f) % s == 0;
    }

    /** The elements in order, one reduction each. */
    static Iterator<Object> iterator(Object range) {
        long f = first(range);
        long s = step(range);
        long n = size(range);
        return new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Object next() {
                if (i >= n) throw new NoSuchElementException();
                // computed, not held: a long walk counts reductions, so it is preempted and Ctrl-C stops it
                procshell.runtime.process.Reductions.tick();
                return Arithmetic.integer(f + s * i++);
            }
        };
    }

    /** As Elixir's {@code Inspect.Range}: {@code 1..3}, {@code 1..10//2}, {@code 3..1//-1}, {@code 1..0//1}. */
    static String inspect(Object range) {
        long s = step(range);
        boolean plain = s == 1 && last(range) >= first(range);
        return first(range) + ".." + last(range) + (plain ? "" : "//" + s);
    }
}
