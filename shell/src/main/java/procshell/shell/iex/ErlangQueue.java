package procshell.shell.iex;

import static procshell.shell.iex.ErlangArgs.call;
import static procshell.shell.iex.ErlangArgs.fun;

import java.util.ArrayList;
import java.util.List;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ErlangError;
import procshell.runtime.table.TermCompare;

/**
 * Erlang's {@code :queue} (OTP 25's {@code queue.erl}): a queue is the tuple {@code {rear, front}}
 * of two lists, exactly as the BEAM builds it, so that it prints as iex prints it
 * ({@code {[3, 2], [1]}}) and every operation moves elements between the lists as the Erlang code
 * does. A term that is no queue is a {@code badarg} (ArgumentError {@code argument error}); an
 * empty queue where an element is needed the error {@code :empty}.
 */
@Doc("""
    The :queue module: Erlang's FIFO queues ({rear, front} lists): new, in, out,
    len, to_list, from_list, peek, get, drop, reverse, join, split, filter, fold, ...
    """)
@ElixirName(":queue")
public final class ErlangQueue {
    private static final Atom VALUE = Atom.of("value");
    private static final Atom EMPTY = Atom.of("empty");

    private ErlangQueue() {}

    /** The queue's rear and front lists, or null when the term is no queue. */
    private static List<?>[] parts(Object q) {
        if (q instanceof Tuple t && t.size() == 2 && t.get(0) instanceof List<?> r && t.get(1) instanceof List<?> f) {
            return new List<?>[] {r, f};
        }
        return null;
    }

    private static List<?>[] queue(Object q) {
        List<?>[] p = parts(q);
        if (p == null) throw ArgumentError.badarg();
        return p;
    }

    private static Tuple q(List<?> rear, List<?> front) {
        return Tuple.of(new ArrayList<>(rear), new ArrayList<>(front));
    }

    private static List<Object> reversed(List<?> l) {
        List<Object> out = new ArrayList<>(l);
        java.util.Collections.reverse(out);
        return out;
    }

    /** Moves half of the rear list to the front, as queue.erl's r2f/1. */
    private static Tuple r2f(List<?> r) {
        if (r.isEmpty()) return q(List.of(), List.of());
        if (r.size() == 1) return q(List.of(), r);
        if (r.size() == 2) return q(List.of(r.get(0)), List.of(r.get(1)));
        int n = r.size() / 2;
        return q(r.subList(0, n), reversed(r.subList(n, r.size())));
    }

    /** Moves half of the front list to the rear, as queue.erl's f2r/1. */
    private static Tuple f2r(List<?> f) {
        if (f.isEmpty()) return q(List.of(), List.of());
        if (f.size() == 1) return q(f, List.of());
        if (f.size() == 2) return q(List.of(f.get(1)), List.of(f.get(0)));
        int n = f.size() / 2;
        return q(reversed(f.subList(n, f.size())), f.subList(0, n));
    }

    private static ErlangError empty() {
        return new ErlangError(EMPTY);
    }

    /** {@code queue:new/0}: {@code {[], []}}. */
    @Doc("""
        Returns an empty queue: {[], []}.
        """)
    public static Tuple new_() {
        return q(List.of(), List.of());
    }

    /** {@code queue:is_queue/1}. */
    @Doc("""
        Returns true if the term looks like a queue ({list, list}).
        """)
    public static boolean is_queue(Object q) {
        return parts(q) != null;
    }

    /** {@code queue:is_empty/1}. */
    @Doc("""
        Returns true if the queue is empty.
        """)
    public static boolean is_empty(Object q) {
        List<?>[] p = queue(q);
        return p[0].isEmpty() && p[1].isEmpty();
    }

    /** {@code queue:len/1}. */
    @Doc("""
        Returns the number of elements of the queue.
        """)
    public static int len(Object q) {
        List<?>[] p = queue(q);
        return p[0].size() + p[1].size();
    }

    /** {@code queue:to_list/1}: front to rear. */
    @Doc("""
        Returns the elements of the queue, front first.
        """)
    public static List<Object> to_list(Object q) {
        List<?>[] p = queue(q);
        List<Object> out = new ArrayList<>(p[1]);
        out.addAll(reversed(p[0]));
        return out;
    }

    /** {@code queue:from_list/1}. */
    @Doc("""
        Returns a queue of the list's elements (the head at the front).
        """)
    public static Tuple from_list(Object list) {
        if (!(list instanceof List<?> l)) throw ArgumentError.badarg();
        return f2r(l);
    }

    /** {@code queue:member/2} (exact match). */
    @Doc("""
        Returns true if the item is in the queue.
        """)
    public static boolean member(Object item, Object q) {
        List<?>[] p = queue(q);
        for (List<?> l : p) for (Object o : l) if (TermCompare.exactEquals(o, item)) return true;
        return false;
    }

    /** {@code queue:in/2}: the item at the rear. */
    @Doc("""
        Puts the item at the rear of the queue.
        """)
    public static Tuple in(Object item, Object q) {
        List<?>[] p = queue(q);
        if (p[0].size() == 1 && p[1].isEmpty()) return q(List.of(item), p[0]);
        List<Object> r = new ArrayList<>();
        r.add(item);
        r.addAll(p[0]);
        return q(r, p[1]);
    }

    /** {@code queue:in_r/2}: the item at the front. */
    @Doc("""
        Puts the item at the front of the queue.
        """)
    public static Tuple in_r(Object item, Object q) {
        List<?>[] p = queue(q);
        if (p[0].isEmpty() && p[1].size() == 1) return q(p[1], List.of(item));
        List<Object> f = new ArrayList<>();
        f.add(item);
        f.addAll(p[1]);
        return q(p[0], f);
    }

    /** {@code queue:out/1}: {@code {{:value, item}, queue}} from the front, or {@code {:empty, queue}}. */
    @Doc("""
        Takes the item at the front: {{:value, item}, rest}, or {:empty, queue}.
        """)
    public static Tuple out(Object q) {
        List<?>[] p = queue(q);
        List<?> r = p[0], f = p[1];
        if (r.isEmpty() && f.isEmpty()) return Tuple.of(EMPTY, q);
        if (f.isEmpty()) {
            if (r.size() == 1) return Tuple.of(Tuple.of(VALUE, r.get(0)), new_());
            List<Object> rev = reversed(r.subList(1, r.size()));
            return Tuple.of(Tuple.of(VALUE, rev.get(0)), q(List.of(r.get(0)), rev.subList(1, rev.size())));
        }
        if (f.size() == 1) return Tuple.of(Tuple.of(VALUE, f.get(0)), r2f(r));
        return Tuple.of(Tuple.of(VALUE, f.get(0)), q(r, f.subList(1, f.size())));
    }

    /** {@code queue:out_r/1}: as out/1 from the rear. */
    @Doc("""
        Takes the item at the rear: {{:value, item}, rest}, or {:empty, queue}.
        """)
    public static Tuple out_r(Object q) {
        List<?>[] p = queue(q);
        List<?> r = p[0], f = p[1];
        if (r.isEmpty() && f.isEmpty()) return Tuple.of(EMPTY, q);
        if (r.isEmpty()) {
            if (f.size() == 1) return Tuple.of(Tuple.of(VALUE, f.get(0)), new_());
            List<Object> rev = reversed(f.subList(1, f.size()));
            return Tuple.of(Tuple.of(VALUE, rev.get(0)), q(rev.subList(1, rev.size()), List.of(f.get(0))));
        }
        if (r.size() == 1) return Tuple.of(Tuple.of(VALUE, r.get(0)), f2r(f));
        return Tuple.of(Tuple.of(VALUE, r.get(0)), q(r.subList(1, r.size()), f));
    }

    /** {@code queue:get/1}: the front item; error {@code :empty} when empty. */
    @Doc("""
        Returns the item at the front (error :empty for an empty queue).
        """)
    public static Object get(Object q) {
        List<?>[] p = queue(q);
        if (p[0].isEmpty() && p[1].isEmpty()) throw empty();
        if (!p[1].isEmpty()) return p[1].get(0);
        return p[0].get(p[0].size() - 1);
    }

    /** {@code queue:get_r/1}: the rear item. */
    @Doc("""
        Returns the item at the rear (error :empty for an empty queue).
        """)
    public static Object get_r(Object q) {
        List<?>[] p = queue(q);
        if (p[0].isEmpty() && p[1].isEmpty()) throw empty();
        if (!p[0].isEmpty()) return p[0].get(0);
        return p[1].get(p[1].size() - 1);
    }

    /** {@code queue:peek/1}: {@code {:value, item}} or {@code :empty}. */
    @Doc("""
        Returns {:value, item} for the front item, or :empty.
        """)
    public static Object peek(Object q) {
        List<?>[] p = queue(q);
        if (p[0].isEmpty() && p[1].isEmpty()) return EMPTY;
        return Tuple.of(VALUE, get(q));
    }

    /** {@code queue:peek_r/1}. */
    @Doc("""
        Returns {:value, item} for the rear item, or :empty.
        """)
    public static Object peek_r(Object q) {
        List<?>[] p = queue(q);
        if (p[0].isEmpty() && p[1].isEmpty()) return EMPTY;
        return Tuple.of(VALUE, get_r(q));
    }

    /** {@code queue:drop/1}: without the front item. */
    @Doc("""
        Returns the queue without its front item (error :empty for an empty queue).
        """)
    public static Tuple drop(Object q) {
        List<?>[] p = queue(q);
        if (p[0].isEmpty() && p[1].isEmpty()) throw empty();
        return (Tuple) out(q).get(1);
    }

    /** {@code queue:drop_r/1}: without the rear item. */
    @Doc("""
        Returns the queue without its rear item (error :empty for an empty queue).
        """)
    public static Tuple drop_r(Object q) {
        List<?>[] p = queue(q);
        if (p[0].isEmpty() && p[1].isEmpty()) throw empty();
        return (Tuple) out_r(q).get(1);
    }

    /** {@code queue:reverse/1}. */
    @Doc("""
        Returns the queue in reverse order.
        """)
    public static Tuple reverse(Object q) {
        List<?>[] p = queue(q);
        return q(p[1], p[0]);
    }

    /** {@code queue:join/2}: q1's items, then q2's. */
    @Doc("""
        Returns q1's items followed by q2's.
        """)
    public static Tuple join(Object q1, Object q2) {
        List<?>[] a = parts(q1), b = parts(q2);
        if (a == null || b == null) throw ArgumentError.badarg();
        if (b[0].isEmpty() && b[1].isEmpty()) return (Tuple) q1;
        if (a[0].isEmpty() && a[1].isEmpty()) return (Tuple) q2;
        List<Object> f = new ArrayList<>(a[1]);
        f.addAll(reversed(a[0]));
        f.addAll(b[1]);
        return q(b[0], f);
    }

    /** {@code queue:split/2}: {@code {first n items, the rest}}. */
    @Doc("""
        Splits the queue after n items: {q_first, q_rest}.
        """)
    public static Tuple split(Object n, Object q) {
        List<?>[] p = parts(q);
        if (p == null || !ErlangArgs.isInt(n) || ErlangArgs.clamp(n) < 0) throw ArgumentError.badarg();
        long k = ErlangArgs.clamp(n);
        List<?> r = p[0], f = p[1];
        if (k == 0) return Tuple.of(new_(), q);
        int lf = f.size();
        if (k < lf) {
            List<Object> r2 = reversed(f.subList(1, (int) k));
            return Tuple.of(q(r2, List.of(f.get(0))), q(r, f.subList((int) k, lf)));
        }
        if (k > lf) {
            long m = r.size() - (k - lf);
            if (m < 0) throw ArgumentError.badarg();
            if (m == 0) return Tuple.of(q, new_());
            List<Object> f2 = reversed(r.subList(1, (int) m));
            return Tuple.of(q(r.subList((int) m, r.size()), f), q(List.of(r.get(0)), f2));
        }
        return Tuple.of(f2r(f), r2f(r));
    }

    /** {@code queue:filter/2}: the fun answers true, false, or a list of items to put instead. */
    @Doc("""
        Keeps the items for which fun.(item) is true (a list result replaces the item).
        """)
    public static Tuple filter(Object fun, Object q) {
        Closure<?> c = fun(fun, 1);
        List<?>[] p = parts(q);
        if (c == null || p == null) throw ArgumentError.badarg();
        List<Object> f = new ArrayList<>();
        for (Object x : p[1]) f.addAll(filtered(c, x));
        List<Object> r = new ArrayList<>();
        for (int i = p[0].size() - 1; i >= 0; i--) {
            List<Object> got = filtered(c, p[0].get(i));
            java.util.Collections.reverse(got);
            r.addAll(0, got);
        }
        if (r.isEmpty()) return f2r(f);
        if (f.isEmpty()) return r2f(r);
        return q(r, f);
    }

    private static List<Object> filtered(Closure<?> c, Object x) {
        Object v = call(c, x);
        if (Boolean.TRUE.equals(v)) return new ArrayList<>(java.util.Collections.singletonList(x));
        if (Boolean.FALSE.equals(v)) return new ArrayList<>();
        if (v instanceof List<?> l) return new ArrayList<>(l);
        throw new procshell.shell.eval.CaseClauseError(v);
    }

    /** {@code queue:fold/3}: {@code fun.(item, acc)} front to rear. */
    @Doc("""
        Folds over the queue from front to rear: fun.(item, acc).
        """)
    public static Object fold(Object fun, Object acc, Object q) {
        Closure<?> c = fun(fun, 2);
        List<?>[] p = parts(q);
        if (c == null || p == null) throw ArgumentError.badarg();
        for (Object x : to_list(q)) acc = call(c, x, acc);
        return acc;
    }

    /** {@code queue:any/2}. */
    @Doc("""
        Returns true if pred.(item) is true for some item.
        """)
    public static boolean any(Object pred, Object q) {
        Closure<?> c = fun(pred, 1);
        if (c == null || parts(q) == null) throw ArgumentError.badarg();
        for (Object x : to_list(q)) if (ErlangArgs.bool(call(c, x))) return true;
        return false;
    }

    /** {@code queue:all/2}. */
    @Doc("""
        Returns true if pred.(item) is true for every item.
        """)
    public static boolean all(Object pred, Object q) {
        Closure<?> c = fun(pred, 1);
        if (c == null || parts(q) == null) throw ArgumentError.badarg();
        for (Object x : to_list(q)) if (!ErlangArgs.bool(call(c, x))) return false;
        return true;
    }

    /** {@code queue:delete/2}: without the first item matching exactly. */
    @Doc("""
        Returns the queue without the first occurrence of the item.
        """)
    public static Tuple delete(Object item, Object q) {
        List<?>[] p = queue(q);
        List<Object> f = new ArrayList<>(p[1]);
        for (int i = 0; i < f.size(); i++) {
            if (TermCompare.exactEquals(f.get(i), item)) {
                f.remove(i);
                return f.isEmpty() ? r2f(p[0]) : q(p[0], f);
            }
        }
        List<Object> r = new ArrayList<>(p[0]);
        for (int i = r.size() - 1; i >= 0; i--) {
            if (TermCompare.exactEquals(r.get(i), item)) {
                r.remove(i);
                return r.isEmpty() ? f2r(p[1]) : q(r, p[1]);
            }
        }
        return (Tuple) q;
    }

    // ---- the Okasaki API ----

    /** {@code queue:cons/2}: as in_r/2. */
    @Doc("""
        Puts the item at the front of the queue.
        """)
    public static Tuple cons(Object item, Object q) {
        return in_r(item, q);
    }

    /** {@code queue:head/1}: as get/1. */
    @Doc("""
        Returns the item at the front (error :empty for an empty queue).
        """)
    public static Object head(Object q) {
        return get(q);
    }

    /** {@code queue:tail/1}: as drop/1. */
    @Doc("""
        Returns the queue without its front item.
        """)
    public static Tuple tail(Object q) {
        return drop(q);
    }

    /** {@code queue:snoc/2}: as in/2 with the arguments swapped. */
    @Doc("""
        Puts the item at the rear of the queue.
        """)
    public static Tuple snoc(Object q, Object item) {
        return in(item, q);
    }

    /** {@code queue:last/1}: as get_r/1. */
    @Doc("""
        Returns the item at the rear (error :empty for an empty queue).
        """)
    public static Object last(Object q) {
        return get_r(q);
    }

    /** {@code queue:daeh/1}: as get_r/1. */
    @Doc("""
        Returns the item at the rear (the Okasaki name of last/1).
        """)
    public static Object daeh(Object q) {
        return get_r(q);
    }

    /** {@code queue:init/1}: as drop_r/1. */
    @Doc("""
        Returns the queue without its rear item.
        """)
    public static Tuple init(Object q) {
        return drop_r(q);
    }

    /** {@code queue:liat/1}: as drop_r/1. */
    @Doc("""
        Returns the queue without its rear item (the Okasaki name of init/1).
        """)
    public static Tuple liat(Object q) {
        return drop_r(q);
    }
}
