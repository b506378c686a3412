package procshell.shell.iex;

import static procshell.shell.iex.Enumerables.call;
import static procshell.shell.iex.Enumerables.iterator;
import static procshell.shell.iex.Enumerables.truthy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.table.TermCompare;
import procshell.shell.eval.Arithmetic;

/**
 * Elixir's {@code Stream} module (1.14): lazy enumerables ({@link LazyStream}). Nothing is computed
 * until an {@code Enum} function (or {@code Stream.run/1}) pulls, and then only as far as it
 * pulls, so {@code Stream.iterate(0, f) |> Enum.take(3)} and {@code Stream.cycle/1} terminate.
 */
@Doc("""
    Lazy enumerables: composed now, computed when Enum pulls from them (only as far as needed).

    ## Examples

        ps> Stream.iterate(1, &(&1 * 2)) |> Enum.take(5)
        [1, 2, 4, 8, 16]
    """)
@ElixirName("Stream")
public final class ElixirStream {
    private static final Atom HALT = Atom.of("halt");

    private ElixirStream() {}

    /** A stream whose walks apply {@code op} to a fresh walk of the source. */
    private static LazyStream over(Object enumerable, Function<Iterator<Object>, Iterator<Object>> op) {
        return new LazyStream(() -> op.apply(iterator(enumerable)));
    }

    private static long count(Object n, String function, int arity, boolean negativeOk) {
        if (!ElixirEnum.isInt(n) || !negativeOk && ((Number) n).longValue() < 0) throw new FunctionClauseError("Stream." + function, arity);
        return ((Number) n).longValue();
    }

    // ---- generators ---------------------------------------------------------------------------

    /** {@code start, f(start), f(f(start)), ...}, as {@code Stream.iterate/2}. */
    @Doc("Emits start, then the function applied to the previous element, forever.")
    public static LazyStream iterate(Object start, Object fun) {
        return new LazyStream(() -> {
            Object[] current = {null};
            boolean[] first = {true};
            return Pull.of(() -> {
                current[0] = first[0] ? start : call(fun, current[0]);
                first[0] = false;
                return current[0];
            });
        });
    }

    /** The elements over and over, as {@code Stream.cycle/1}; ArgumentError for an empty one. */
    @Doc("Cycles through the enumerable forever.")
    public static LazyStream cycle(Object enumerable) {
        return new LazyStream(() -> {
            Iterator<?>[] it = {iterator(enumerable)};
            return Pull.of(() -> {
                if (!it[0].hasNext()) {
                    it[0] = iterator(enumerable);
                    if (!it[0].hasNext()) throw new ArgumentError("cannot cycle over an empty enumerable");
                }
                return it[0].next();
            });
        });
    }

    /** {@code fun.()} forever, as {@code Stream.repeatedly/1}. */
    @Doc("Emits the function's result, forever.")
    public static LazyStream repeatedly(Object fun) {
        return new LazyStream(() -> Pull.of(() -> call(fun)));
    }

    /** Elements from {@code fun(acc)} returning {@code {element, acc}} or nil, as {@code Stream.unfold/2}. */
    @Doc("Emits elements from an accumulator: the function returns {element, next acc} or nil to stop.")
    public static LazyStream unfold(Object acc, Object fun) {
        return new LazyStream(() -> {
            Object[] a = {acc};
            boolean[] done = {false};
            return Pull.of(() -> {
                if (done[0]) return Pull.END;
                Object r = call(fun, a[0]);
                if (r == null) {
                    done[0] = true;
                    return Pull.END;
                }
                Tuple t = (Tuple) r;
                a[0] = t.get(1);
                return t.get(0);
            });
        });
    }

    private static void pause(long ms) {
        try {
            Process.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new procshell.shell.eval.Interrupted("interrupted");
        }
    }

    /** 0, 1, 2, ... one every {@code n} ms, as {@code Stream.interval/1}. */
    @Doc("Emits 0, 1, 2, ... one every n milliseconds.")
    public static LazyStream interval(Object ms) {
        long n = count(ms, "interval", 1, false);
        return new LazyStream(() -> {
            long[] i = {0};
            return Pull.of(() -> {
                pause(n);
                return Arithmetic.integer(i[0]++);
            });
        });
    }

    /** {@code 0} after {@code n} ms, as {@code Stream.timer/1}. */
    @Doc("Emits 0 after n milliseconds.")
    public static LazyStream timer(Object ms) {
        long n = count(ms, "timer", 1, false);
        return new LazyStream(() -> {
            boolean[] done = {false};
            return Pull.of(() -> {
                if (done[0]) return Pull.END;
                done[0] = true;
                pause(n);
                return 0;
            });
        });
    }

    /**
     * Elements from a resource, as {@code Stream.resource/3}: {@code start.()} opens it,
     * {@code next(acc)} returns {@code {elements, acc}} or {@code {:halt, acc}}, {@code after(acc)}
     * closes it when the elements run out.
     */
    @Doc("Emits elements from a resource: start, next ({elements, acc} or {:halt, acc}), after.")
    public static LazyStream resource(Object start, Object next, Object after) {
        return new LazyStream(() -> {
            Object[] acc = {null};
            boolean[] started = {false};
            boolean[] done = {false};
            ArrayDeque<Object> buffer = new ArrayDeque<>();
            return Pull.of(() -> {
                if (!started[0]) {
                    acc[0] = call(start);
                    started[0] = true;
                }
                while (buffer.isEmpty()) {
                    if (done[0]) return Pull.END;
                    Tuple t = (Tuple) call(next, acc[0]);
                    acc[0] = t.get(1);
                    if (HALT.equals(t.get(0))) {
                        done[0] = true;
                        call(after, acc[0]);
                        return Pull.END;
                    }
                    buffer.addAll(Enumerables.toList(t.get(0)));
                }
                return buffer.poll();
            });
        });
    }

    // ---- transformations ----------------------------------------------------------------------

    /** {@code fun} applied lazily, as {@code Stream.map/2}. */
    @Doc("Maps the function over the elements, lazily.")
    public static LazyStream map(Object enumerable, Object fun) {
        return over(enumerable, it -> Pull.of(() -> it.hasNext() ? call(fun, it.next()) : Pull.END));
    }

    /** The elements for which {@code fun} is truthy, lazily, as {@code Stream.filter/2}. */
    @Doc("Keeps the elements for which the function is truthy, lazily.")
    public static LazyStream filter(Object enumerable, Object fun) {
        return keep(enumerable, fun, true);
    }

    /** The elements for which {@code fun} is falsy, lazily, as {@code Stream.reject/2}. */
    @Doc("Drops the elements for which the function is truthy, lazily.")
    public static LazyStream reject(Object enumerable, Object fun) {
        return keep(enumerable, fun, false);
    }

    private static LazyStream keep(Object enumerable, Object fun, boolean truthy) {
        return over(enumerable, it -> Pull.of(() -> {
            while (it.hasNext()) {
                Object x = it.next();
                if (truthy(call(fun, x)) == truthy) return x;
            }
            return Pull.END;
        }));
    }

    /** Calls {@code fun} on each element as it passes, as {@code Stream.each/2}. */
    @Doc("Calls the function on each element as it passes, lazily.")
    public static LazyStream each(Object enumerable, Object fun) {
        return over(enumerable, it -> Pull.of(() -> {
            if (!it.hasNext()) return Pull.END;
            Object x = it.next();
            call(fun, x);
            return x;
        }));
    }

    /** The first {@code n} (negative: the last n), as {@code Stream.take/2}. */
    @Doc("Takes n elements (the last n when negative), lazily.")
    public static LazyStream take(Object enumerable, Object n) {
        long k = count(n, "take", 2, true);
        if (k < 0) return new LazyStream(() -> ElixirEnum.take(enumerable, n).iterator());
        return over(enumerable, it -> {
            long[] taken = {0};
            return Pull.of(() -> taken[0]++ < k && it.hasNext() ? it.next() : Pull.END);
        });
    }

    /** The leading elements for which {@code fun} is truthy, as {@code Stream.take_while/2}. */
    @Doc("Takes elements while the function is truthy, lazily.")
    public static LazyStream take_while(Object enumerable, Object fun) {
        return over(enumerable, it -> {
            boolean[] done = {false};
            return Pull.of(() -> {
                if (done[0] || !it.hasNext()) return Pull.END;
                Object x = it.next();
                if (truthy(call(fun, x))) return x;
                done[0] = true;
                return Pull.END;
            });
        });
    }

    /** All but the first {@code n} (negative: the last n), as {@code Stream.drop/2}. */
    @Doc("Drops n elements (the last n when negative), lazily.")
    public static LazyStream drop(Object enumerable, Object n) {
        long k = count(n, "drop", 2, true);
        if (k < 0) return new LazyStream(() -> ElixirEnum.drop(enumerable, n).iterator());
        return over(enumerable, it -> {
            long[] dropped = {0};
            return Pull.of(() -> {
                while (dropped[0] < k && it.hasNext()) {
                    it.next();
                    dropped[0]++;
                }
                return it.hasNext() ? it.next() : Pull.END;
            });
        });
    }

    /** The elements after the leading ones for which {@code fun} is truthy, as {@code Stream.drop_while/2}. */
    @Doc("Drops elements while the function is truthy, lazily.")
    public static LazyStream drop_while(Object enumerable, Object fun) {
        return over(enumerable, it -> {
            boolean[] dropping = {true};
            return Pull.of(() -> {
                while (it.hasNext()) {
                    Object x = it.next();
                    if (dropping[0] && truthy(call(fun, x))) continue;
                    dropping[0] = false;
                    return x;
                }
                return Pull.END;
            });
        });
    }

    /** Every {@code nth} element from the first, as {@code Stream.take_every/2}. */
    @Doc("Takes every nth element, starting with the first, lazily.")
    public static LazyStream take_every(Object enumerable, Object nth) {
        long n = count(nth, "take_every", 2, false);
        return indexed(enumerable, (x, i) -> n != 0 && i % n == 0 ? x : Pull.END, n == 0);
    }

    /** Every {@code nth} element from the first dropped, as {@code Stream.drop_every/2}. */
    @Doc("Drops every nth element, starting with the first, lazily.")
    public static LazyStream drop_every(Object enumerable, Object nth) {
        long n = count(nth, "drop_every", 2, false);
        return indexed(enumerable, (x, i) -> n == 0 || n != 1 && i % n != 0 ? x : Pull.END, false);
    }

    /** {@code fun} applied to every {@code nth} element from the first, as {@code Stream.map_every/3}. */
    @Doc("Maps the function over every nth element, starting with the first, lazily.")
    public static LazyStream map_every(Object enumerable, Object nth, Object fun) {
        long n = count(nth, "map_every", 3, false);
        return indexed(enumerable, (x, i) -> n != 0 && i % n == 0 ? call(fun, x) : x, false);
    }

    /** Each element with its index through {@code f}; {@link Pull#END} skips the element. */
    private interface IndexedStep {
        Object apply(Object element, long index);
    }

    private static LazyStream indexed(Object enumerable, IndexedStep f, boolean empty) {
        return over(enumerable, it -> {
            long[] i = {0};
            return Pull.of(() -> {
                if (empty) return Pull.END;
                while (it.hasNext()) {
                    Object r = f.apply(it.next(), i[0]++);
                    if (r != Pull.END) return r;
                }
                return Pull.END;
            });
        });
    }

    /** {@code {element, index}} pairs (or {@code fun(element, index)}), as {@code Stream.with_index/2}. */
    @Doc("Pairs each element with its index (from the offset), lazily.")
    public static LazyStream with_index(Object enumerable) {
        return with_index(enumerable, 0);
    }

    /** As {@code Stream.with_index/2}. */
    public static LazyStream with_index(Object enumerable, Object offsetOrFun) {
        boolean fun = offsetOrFun instanceof groovy.lang.Closure<?>;
        if (!fun && !ElixirEnum.isInt(offsetOrFun)) throw new FunctionClauseError("Stream.with_index", 2);
        long offset = fun ? 0 : ((Number) offsetOrFun).longValue();
        return indexed(enumerable, (x, i) -> fun ? call(offsetOrFun, x, Arithmetic.integer(i)) : Tuple.of(x, Arithmetic.integer(offset + i)), false);
    }

    /** The enumerables one after the other, lazily, as {@code Stream.concat/1}. */
    @Doc("Concatenates the enumerables, lazily.")
    public static LazyStream concat(Object enumerables) {
        return flat_map(enumerables, Fn.of1(x -> x));
    }

    /** As {@code Stream.concat/2}. */
    public static LazyStream concat(Object first, Object second) {
        return concat(List.of(first, second));
    }

    /** {@code fun}'s enumerables flattened, lazily, as {@code Stream.flat_map/2}. */
    @Doc("Maps the function and flattens the resulting enumerables, lazily.")
    public static LazyStream flat_map(Object enumerable, Object fun) {
        return over(enumerable, it -> {
            Iterator<?>[] inner = {null};
            return Pull.of(() -> {
                while (inner[0] == null || !inner[0].hasNext()) {
                    if (!it.hasNext()) return Pull.END;
                    inner[0] = iterator(call(fun, it.next()));
                }
                return inner[0].next();
            });
        });
    }

    /** Tuples of corresponding elements, up to the shortest, lazily, as {@code Stream.zip/2}. */
    @Doc("Zips corresponding elements into tuples, lazily, up to the shortest.")
    public static LazyStream zip(Object left, Object right) {
        return zip(List.of(left, right));
    }

    /** As {@code Stream.zip/1}. */
    public static LazyStream zip(Object enumerables) {
        return zip_with(enumerables, Fn.of1(row -> Tuple.of(((List<?>) row).toArray())));
    }

    /** {@code fun(l, r)} over corresponding elements, as {@code Stream.zip_with/3}. */
    @Doc("Zips corresponding elements through the function, lazily.")
    public static LazyStream zip_with(Object left, Object right, Object fun) {
        return zip_with(List.of(left, right), Fn.of1(row -> call(fun, ((List<?>) row).get(0), ((List<?>) row).get(1))));
    }

    /** {@code fun([e1, e2, ...])} over corresponding elements, as {@code Stream.zip_with/2}. */
    public static LazyStream zip_with(Object enumerables, Object fun) {
        return new LazyStream(() -> {
            List<Iterator<Object>> its = new ArrayList<>();
            for (Object e : Enumerables.toList(enumerables)) its.add(iterator(e));
            return Pull.of(() -> {
                if (its.isEmpty()) return Pull.END;
                List<Object> row = new ArrayList<>();
                for (Iterator<Object> it : its) {
                    if (!it.hasNext()) return Pull.END;
                    row.add(it.next());
                }
                return call(fun, row);
            });
        });
    }

    /** Consecutive duplicates collapsed, lazily, as {@code Stream.dedup/1}. */
    @Doc("Removes consecutive duplicates, lazily.")
    public static LazyStream dedup(Object enumerable) {
        return dedup_by(enumerable, Fn.of1(x -> x));
    }

    /** As {@code Stream.dedup_by/2}. */
    @Doc("Removes consecutive elements for which the function returns the same value, lazily.")
    public static LazyStream dedup_by(Object enumerable, Object fun) {
        return over(enumerable, it -> {
            Object[] last = {Pull.END};
            return Pull.of(() -> {
                while (it.hasNext()) {
                    Object x = it.next();
                    Object k = call(fun, x);
                    boolean same = last[0] != Pull.END && TermCompare.exactEquals(k, last[0]);
                    last[0] = k;
                    if (!same) return x;
                }
                return Pull.END;
            });
        });
    }

    /** Duplicates removed, lazily, as {@code Stream.uniq/1}. */
    @Doc("Removes duplicates, lazily.")
    public static LazyStream uniq(Object enumerable) {
        return uniq_by(enumerable, Fn.of1(x -> x));
    }

    /** As {@code Stream.uniq_by/2}. */
    @Doc("Removes elements for which the function returned an already seen value, lazily.")
    public static LazyStream uniq_by(Object enumerable, Object fun) {
        return over(enumerable, it -> {
            java.util.Map<Object, Object> seen = new MapTerm(); // exact keys (1 is not 1.0) in O(1)
            return Pull.of(() -> {
                while (it.hasNext()) {
                    Object x = it.next();
                    Object k = call(fun, x);
                    if (MapSetTerm.containsKey(seen, k)) continue;
                    seen.put(k, true);
                    return x;
                }
                return Pull.END;
            });
        });
    }

    /** The running accumulations from the first element, as {@code Stream.scan/2}. */
    @Doc("Emits the running accumulations, lazily.")
    public static LazyStream scan(Object enumerable, Object fun) {
        return over(enumerable, it -> {
            Object[] acc = {Pull.END};
            return Pull.of(() -> {
                if (!it.hasNext()) return Pull.END;
                Object x = it.next();
                acc[0] = acc[0] == Pull.END ? x : call(fun, x, acc[0]);
                return acc[0];
            });
        });
    }

    /** As {@code Stream.scan/3} from {@code acc}. */
    public static LazyStream scan(Object enumerable, Object acc, Object fun) {
        return over(enumerable, it -> {
            Object[] a = {acc};
            return Pull.of(() -> {
                if (!it.hasNext()) return Pull.END;
                a[0] = call(fun, it.next(), a[0]);
                return a[0];
            });
        });
    }

    /** The separator between elements, lazily, as {@code Stream.intersperse/2}. */
    @Doc("Intersperses the separator between elements, lazily.")
    public static LazyStream intersperse(Object enumerable, Object separator) {
        return over(enumerable, it -> {
            boolean[] first = {true};
            Object[] pending = {Pull.END};
            return Pull.of(() -> {
                if (pending[0] != Pull.END) {
                    Object p = pending[0];
                    pending[0] = Pull.END;
                    return p;
                }
                if (!it.hasNext()) return Pull.END;
                Object x = it.next();
                if (first[0]) {
                    first[0] = false;
                    return x;
                }
                pending[0] = x;
                return separator;
            });
        });
    }

    /** Chunks of {@code count}, lazily, as {@code Stream.chunk_every/2}. */
    @Doc("Emits chunks of count elements (each starting step elements in), lazily.")
    public static LazyStream chunk_every(Object enumerable, Object count) {
        return chunk_every(enumerable, count, count, List.of());
    }

    /** As {@code Stream.chunk_every/3}. */
    public static LazyStream chunk_every(Object enumerable, Object count, Object step) {
        return chunk_every(enumerable, count, step, List.of());
    }

    /** As {@code Stream.chunk_every/4} with a leftover ({@code :discard} drops an incomplete last chunk). */
    public static LazyStream chunk_every(Object enumerable, Object count, Object step, Object leftover) {
        if (!ElixirEnum.isInt(count) || ((Number) count).longValue() <= 0 || !ElixirEnum.isInt(step) || ((Number) step).longValue() <= 0) {
            throw new FunctionClauseError("Stream.chunk_every", 4);
        }
        return new LazyStream(() -> ElixirEnum.chunk_every(enumerable, count, step, leftover).iterator());
    }

    /** Runs of equal {@code fun} values, as {@code Stream.chunk_by/2}. */
    @Doc("Emits runs of elements for which the function returns the same value, lazily.")
    public static LazyStream chunk_by(Object enumerable, Object fun) {
        return over(enumerable, it -> {
            List<Object>[] current = newChunk();
            Object[] key = {Pull.END};
            return Pull.of(() -> {
                while (it.hasNext()) {
                    Object x = it.next();
                    Object k = call(fun, x);
                    if (key[0] == Pull.END || TermCompare.exactEquals(k, key[0])) {
                        key[0] = k;
                        current[0].add(x);
                        continue;
                    }
                    List<Object> done = current[0];
                    current[0] = new ArrayList<>(List.of(x));
                    key[0] = k;
                    return done;
                }
                if (current[0].isEmpty()) return Pull.END;
                List<Object> done = current[0];
                current[0] = new ArrayList<>();
                return done;
            });
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Object>[] newChunk() {
        return new List[] {new ArrayList<>()};
    }

    /** As {@code Stream.chunk_while/4}, computed on the first pull. */
    @Doc("Chunks with an accumulator (see Enum.chunk_while/4), lazily.")
    public static LazyStream chunk_while(Object enumerable, Object acc, Object chunkFun, Object afterFun) {
        return new LazyStream(() -> ElixirEnum.chunk_while(enumerable, acc, chunkFun, afterFun).iterator());
    }

    /**
     * Elements mapped to lists with an accumulator, as {@code Stream.transform/3}: {@code fun}
     * returns {@code {elements, acc}} or {@code {:halt, acc}}.
     */
    @Doc("Transforms each element into zero or more with an accumulator; {:halt, acc} stops.")
    public static LazyStream transform(Object enumerable, Object acc, Object fun) {
        return over(enumerable, it -> {
            Object[] a = {acc};
            boolean[] halted = {false};
            ArrayDeque<Object> buffer = new ArrayDeque<>();
            return Pull.of(() -> {
                while (buffer.isEmpty()) {
                    if (halted[0] || !it.hasNext()) return Pull.END;
                    Tuple t = (Tuple) call(fun, it.next(), a[0]);
                    a[0] = t.get(1);
                    if (HALT.equals(t.get(0))) {
                        halted[0] = true;
                        return Pull.END;
                    }
                    buffer.addAll(Enumerables.toList(t.get(0)));
                }
                return buffer.poll();
            });
        });
    }

    /** Runs the stream for its side effects, as {@code Stream.run/1}; returns {@code :ok}. */
    @Doc("Runs the stream (for its side effects); returns :ok.")
    public static Atom run(Object stream) {
        for (Iterator<Object> it = iterator(stream); it.hasNext();) it.next();
        return Atom.OK;
    }
}
