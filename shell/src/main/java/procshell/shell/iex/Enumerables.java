package procshell.shell.iex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Enumerable} protocol over the shell's terms: lists, maps (entries as
 * {@code {key, value}} in map order), ranges, MapSets and streams. Anything else raises
 * {@code Protocol.UndefinedError} as Elixir does.
 */
final class Enumerables {
    private Enumerables() {}

    /**
     * A walk over the elements, lazy for streams and ranges.
     *
     * @throws ProtocolUndefinedError when the term is not enumerable
     */
    static Iterator<Object> iterator(Object enumerable) {
        Object e = enumerable;
        if (e instanceof LazyStream s) return s.iterator();
        if (e instanceof Map<?, ?> m) {
            if (RangeTerm.is(e)) return RangeTerm.iterator(e);
            if (MapSetTerm.is(e)) return MapSetTerm.elements(e).iterator();
            if (Structs.structOf(e) != null) throw notEnumerable("Enumerable", e);
            List<Object> entries = new ArrayList<>(m.size());
            for (Map.Entry<?, ?> en : procshell.runtime.inspect.Inspect.sortedEntries(m)) {
                entries.add(Tuple.of(Values.normalize(en.getKey()), Values.normalize(en.getValue())));
            }
            return entries.iterator();
        }
        if (e instanceof List<?> l) {
            Iterator<?> it = l.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Object next() {
                    return Values.normalize(it.next());
                }
            };
        }
        if (e instanceof procshell.runtime.dist.ImproperList il) return improper(il);
        throw notEnumerable("Enumerable", e);
    }

    /** The heads of {@code [1, 2 | 3]}, then the BEAM's error at its tail (Enumerable.List's reduce finds no clause for it). */
    private static Iterator<Object> improper(procshell.runtime.dist.ImproperList list) {
        Iterator<Object> heads = list.elements().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (!heads.hasNext()) throw new FunctionClauseError("Enumerable.List.reduce", 3);
                return true;
            }

            @Override
            public Object next() {
                hasNext();
                return heads.next();
            }
        };
    }

    /** The elements as a new mutable list. */
    static List<Object> toList(Object enumerable) {
        if (enumerable instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(Values.normalize(o));
            return out;
        }
        List<Object> out = listFor(enumerable);
        for (Iterator<Object> it = iterator(enumerable); it.hasNext();) out.add(it.next());
        return out;
    }

    /**
     * A new list for the elements of {@code enumerable}; for a range, whose size is known, checked
     * first to fit in the node's memory.
     *
     * @throws procshell.runtime.node.SystemLimitException when a range's elements cannot fit
     */
    static List<Object> listFor(Object enumerable) {
        if (!RangeTerm.is(enumerable)) return new ArrayList<>();
        long n = RangeTerm.size(enumerable);
        procshell.runtime.process.HeapGuard.ensureRoomForList(n);
        return new ArrayList<>((int) Math.min(n, 1 << 16));
    }

    /** The elements as an Iterable (for {@code for} loops over a term). */
    static Iterable<Object> each(Object enumerable) {
        Iterator<Object> it = iterator(enumerable);
        return () -> it;
    }

    /** The number of elements, without walking lists, maps and ranges. */
    static long count(Object enumerable) {
        if (enumerable instanceof Collection<?> c) return c.size();
        if (enumerable instanceof procshell.runtime.dist.ImproperList) return Erlang.length(enumerable); // raises, as length/1
        if (RangeTerm.is(enumerable)) return RangeTerm.size(enumerable);
        if (MapSetTerm.is(enumerable)) return ((Map<?, ?>) ((Map<?, ?>) enumerable).get(MapSetTerm.MAP)).size();
        if (enumerable instanceof Map<?, ?> m && Structs.structOf(m) == null) return m.size();
        long n = 0;
        for (Iterator<Object> it = iterator(enumerable); it.hasNext(); it.next()) n++;
        return n;
    }

    /** Elixir's truthiness: anything but nil and false. */
    static boolean truthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v);
    }

    /**
     * {@code fun.(args)}.
     *
     * @throws BadFunctionError when fun is no function; BadArityError when its arity differs
     */
    static Object call(Object fun, Object... args) {
        return Values.normalize(Ops.apply(fun, args));
    }

    /** {@code Protocol.UndefinedError} for a term that does not implement the protocol. */
    static ProtocolUndefinedError notEnumerable(String protocol, Object term) {
        Atom struct = Structs.structOf(term);
        if (struct != null) {
            String name = procshell.runtime.inspect.Inspect.inspectAtom(struct);
            return new ProtocolUndefinedError(protocol, term, name + " (a struct)");
        }
        return new ProtocolUndefinedError(protocol, term, typeName(term));
    }

    /** The type Elixir names in protocol errors: {@code Atom}, {@code BitString}, {@code Tuple}, ... */
    static String typeName(Object e) {
        if (e == null || e instanceof Boolean || e instanceof Atom) return "Atom";
        if (e instanceof CharSequence || e instanceof byte[] || e instanceof procshell.runtime.node.Bitstring) return "BitString";
        if (e instanceof Integer || e instanceof Long || e instanceof java.math.BigInteger) return "Integer";
        if (e instanceof Number) return "Float";
        if (e instanceof Tuple) return "Tuple";
        if (e instanceof Pid) return "PID";
        if (e instanceof Ref) return "Reference";
        if (e instanceof List<?>) return "List";
        if (e instanceof Map<?, ?>) return "Map";
        return "Function";
    }

    /** An iterator that yields nothing. */
    static Iterator<Object> empty() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return false;
            }

            @Override
            public Object next() {
                throw new NoSuchElementException();
            }
        };
    }
}
