package procshell.runtime.term;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An Elixir list as the BEAM has it: immutable, and {@code [h | t]} built ({@link #cons}) and
 * taken apart ({@link #drop}) in O(1) by sharing the tail, where a copied {@code java.util.List}
 * made every accumulator loop quadratic. It is a {@code java.util.List} like every other list
 * term: {@code equals}/{@code hashCode} are {@code List}'s, so it equals an {@code ArrayList} of
 * the same elements; {@code get(i)}, {@code size()} are O(1) (see the depth bound below); nil
 * ({@code null}) elements are allowed; every mutator throws {@link UnsupportedOperationException}.
 *
 * <p>Layout: the list's first {@code top} elements live in a {@link Buffer} shared by every list
 * consed on the same line, in reverse order ({@code buffer[top - 1]} is the head), followed by
 * {@code rest} (any other list, from index {@code from}). Consing onto the newest list of a
 * buffer appends to it (one CAS on the buffer's fill, amortized O(1)); consing onto an older
 * one (its buffer has grown past it, or another process consed first) copies its buffer part
 * when that part is short, else starts a buffer whose rest is that list. Those chains are kept
 * at most {@value #MAX_DEPTH} deep by merging their shorter upper parts, so {@code get(i)} stays
 * O(1) and a pop/push loop on a long list (which forks at every push) copies each element
 * O(log n) times at most.
 *
 * <p>Thread safety: lists are shared between processes without copying. A buffer slot is written
 * once, by the one thread whose CAS claimed it, before any list covering it exists; a list never
 * reads a slot at or above its {@code top}, so no reader sees a slot being written.
 *
 * <p>Memory: a tail keeps the whole buffer it sits on reachable (as a view of a larger array).
 */
public final class ConsList extends AbstractList<Object> implements RandomAccess {
    /** A fork copies at most this many buffer elements; a longer part becomes a chained rest. */
    private static final int COPY_LIMIT = 16;

    /** The longest chain of rests that are lists of this kind; one more compacts the chain's top. */
    static final int MAX_DEPTH = 24;

    private static final int FIRST_CAPACITY = 4;

    /** Shared growable storage of the lists consed on one line, oldest element first. */
    private static final class Buffer {
        private static final VarHandle FILL;

        static {
            try {
                FILL = MethodHandles.lookup().findVarHandle(Buffer.class, "fill", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** The slots; replaced by a larger copy on growth (by the one thread claiming the slot past its end). */
        volatile Object[] items;

        /** Slots claimed so far; only ever grows, by CAS. */
        @SuppressWarnings("unused") // through FILL
        private volatile int fill;

        Buffer(Object[] items, int fill) {
            this.items = items;
            this.fill = fill;
        }

        /** Claims slot {@code at} (true) when it is the next free one; writes {@code value} there. */
        boolean append(int at, Object value) {
            if (fill != at || !FILL.compareAndSet(this, at, at + 1)) return false;
            Object[] a = items;
            if (at >= a.length) {
                a = Arrays.copyOf(a, Math.max(FIRST_CAPACITY, a.length * 2));
                items = a; // slots below at are the same in both; no list reads at or above at yet
            }
            a[at] = value;
            return true;
        }

        /** Claims the {@code values.length} slots from {@code at} (true) when they are the next free ones; writes them. */
        boolean append(int at, Object[] values) {
            int n = values.length;
            if (fill != at || !FILL.compareAndSet(this, at, at + n)) return false;
            Object[] a = items;
            if (at + n > a.length) {
                a = Arrays.copyOf(a, Math.max(at + n, a.length * 2));
                items = a;
            }
            System.arraycopy(values, 0, a, at, n);
            return true;
        }
    }

    private static final List<Object> NIL = List.of();

    /** Null when {@code top} is 0 (a view of {@code rest} alone). */
    private final Buffer buffer;
    private final int top;
    /** The elements after the buffer's; a list of this kind only with {@code from} 0. */
    private final List<?> rest;
    private final int from;
    private final int size;
    /** How many lists of this kind are chained through {@code rest}. */
    private final int depth;

    private ConsList(Buffer buffer, int top, List<?> rest, int from, int size) {
        this.buffer = buffer;
        this.top = top;
        this.rest = rest;
        this.from = from;
        this.size = size;
        this.depth = rest instanceof ConsList c ? c.depth + 1 : 0;
    }

    /**
     * {@code [head | tail]} (Elixir's cons): O(1) amortized, {@code tail} shared, never copied
     * unless it is a list of this kind that something else was already consed onto.
     *
     * @param head any term (null is nil)
     * @param tail a list, which must not change afterwards (every list term is immutable)
     * @return the new list, of size {@code tail.size() + 1}
     */
    public static List<Object> cons(Object head, List<?> tail) {
        if (tail instanceof ConsList c) return c.push(head);
        List<?> rest = tail.isEmpty() ? NIL : tail instanceof RandomAccess ? tail : Arrays.asList(tail.toArray());
        return new ConsList(start(head), 1, rest, 0, rest.size() + 1);
    }

    /**
     * {@code list} without its first {@code n} elements (Elixir's tail, {@code tl/1} applied
     * {@code n} times): O(1), a view sharing {@code list}'s elements.
     *
     * @throws IndexOutOfBoundsException when {@code n} is negative or above the size
     */
    public static List<Object> drop(List<?> list, int n) {
        if (n < 0 || n > list.size()) throw new IndexOutOfBoundsException("drop " + n + " of " + list.size());
        if (list instanceof ConsList c) return c.drop(n);
        if (n == list.size()) return NIL;
        List<?> rest = list instanceof RandomAccess ? list : Arrays.asList(list.toArray());
        return new ConsList(null, 0, rest, n, list.size() - n);
    }

    /**
     * {@code heads ++ tail} (Elixir's {@code ++}, and {@code [h1, h2 | tail]}): O(heads),
     * {@code tail} shared as {@link #cons} shares it.
     *
     * @param heads the elements in front, in order (copied)
     * @param tail  a list, which must not change afterwards
     * @return the new list ({@code tail} itself when {@code heads} is empty)
     */
    @SuppressWarnings("unchecked")
    public static List<Object> prependAll(List<?> heads, List<?> tail) {
        int n = heads.size();
        if (n == 0) return (List<Object>) tail;
        // buffer order: the last head first
        Object[] reversed = new Object[n];
        int i = n;
        for (Object o : heads) reversed[--i] = o;
        if (tail instanceof ConsList c) return c.pushAll(reversed);
        List<?> rest = tail.isEmpty() ? NIL : tail instanceof RandomAccess ? tail : Arrays.asList(tail.toArray());
        return new ConsList(new Buffer(reversed, n), n, rest, 0, n + rest.size());
    }

    private static Buffer start(Object head) {
        Object[] a = new Object[FIRST_CAPACITY];
        a[0] = head;
        return new Buffer(a, 1);
    }

    private List<Object> push(Object head) {
        if (top == 0) return new ConsList(start(head), 1, rest, from, size + 1);
        if (buffer.append(top, head)) return new ConsList(buffer, top + 1, rest, from, size + 1);
        return fork(new Object[] {head});
    }

    /** The elements of {@code reversed} (last head first) in front of this list. */
    private List<Object> pushAll(Object[] reversed) {
        int n = reversed.length;
        if (top == 0) return new ConsList(new Buffer(reversed, n), n, rest, from, size + n);
        if (buffer.append(top, reversed)) return new ConsList(buffer, top + n, rest, from, size + n);
        return fork(reversed);
    }

    /** Something else was consed onto this list already: the heads go on a buffer of their own. */
    private List<Object> fork(Object[] reversed) {
        if (top <= COPY_LIMIT) return copy(reversed, false);
        if (depth < MAX_DEPTH) {
            Object[] a = Arrays.copyOf(reversed, Math.max(FIRST_CAPACITY, reversed.length));
            return new ConsList(new Buffer(a, reversed.length), reversed.length, this, 0, size + reversed.length);
        }
        return copy(reversed, true);
    }

    /**
     * The heads on a fresh buffer holding this list's buffer part and, when compacting, those
     * of the lists chained below it while each is no longer than what is taken so far (so a
     * chain's parts grow geometrically downwards and each element is copied O(log n) times).
     */
    private List<Object> copy(Object[] reversed, boolean compact) {
        ArrayList<ConsList> parts = new ArrayList<>();
        parts.add(this);
        int taken = top;
        ConsList last = this;
        while (compact && last.rest instanceof ConsList c && c.top <= taken) {
            parts.add(c);
            taken += c.top;
            last = c;
        }
        int n = reversed.length;
        Object[] a = new Object[taken + n + Math.max(FIRST_CAPACITY, Math.min(taken, 1024))];
        int at = 0;
        for (int i = parts.size() - 1; i >= 0; i--) {
            ConsList p = parts.get(i);
            System.arraycopy(p.buffer.items, 0, a, at, p.top);
            at += p.top;
        }
        System.arraycopy(reversed, 0, a, at, n);
        return new ConsList(new Buffer(a, at + n), at + n, last.rest, last.from, size + n);
    }

    private List<Object> drop(int n) {
        if (n == 0) return this;
        if (n < top) return new ConsList(buffer, top - n, rest, from, size - n);
        if (n == size) return NIL;
        int k = n - top;
        if (rest instanceof ConsList c) return c.drop(k);
        return new ConsList(null, 0, rest, from + k, size - n);
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
        if (index < top) return buffer.items[top - 1 - index];
        return rest.get(from + index - top);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public List<Object> subList(int fromIndex, int toIndex) {
        if (toIndex == size && fromIndex >= 0 && fromIndex <= size) return drop(fromIndex);
        return super.subList(fromIndex, toIndex);
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private final Object[] items = top == 0 ? null : buffer.items;
            private int i = top;
            private Iterator<?> restIterator;

            @Override
            public boolean hasNext() {
                return i > 0 || restIterator().hasNext();
            }

            @Override
            public Object next() {
                if (i > 0) return items[--i];
                Iterator<?> r = restIterator();
                if (!r.hasNext()) throw new NoSuchElementException();
                return r.next();
            }

            private Iterator<?> restIterator() {
                if (restIterator == null) restIterator = from == 0 ? rest.iterator() : rest.listIterator(from);
                return restIterator;
            }
        };
    }

    @Override
    public Object[] toArray() {
        Object[] out = new Object[size];
        copyInto(out, 0);
        return out;
    }

    /** Writes this list's elements into {@code out} from index {@code at}. */
    private void copyInto(Object[] out, int at) {
        if (top > 0) {
            Object[] items = buffer.items;
            for (int i = 0; i < top; i++) out[at + i] = items[top - 1 - i];
        }
        if (rest instanceof ConsList c) {
            c.copyInto(out, at + top);
        } else {
            for (int i = at + top, j = from; j < rest.size(); ) out[i++] = rest.get(j++);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof List<?> other) || other.size() != size) return false;
        if (o instanceof ConsList c && c.buffer == buffer && c.top == top && c.rest == rest && c.from == from) return true;
        // by iterators: List's own equals walks a list's get(i), which here may follow a few rests
        Iterator<Object> a = iterator();
        Iterator<?> b = other.iterator();
        while (a.hasNext()) {
            if (!Objects.equals(a.next(), b.next())) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
