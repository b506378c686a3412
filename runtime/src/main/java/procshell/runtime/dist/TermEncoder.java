package procshell.runtime.dist;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/**
 * Writes runtime terms in Erlang's external term format, byte for byte as
 * {@code :erlang.term_to_binary/1} of OTP 25 writes them: atoms as (SMALL_)ATOM_UTF8_EXT, integers
 * as SMALL_INTEGER/INTEGER/SMALL_BIG/LARGE_BIG, floats as NEW_FLOAT_EXT, strings, byte arrays and bitstrings as
 * BINARY_EXT (BIT_BINARY_EXT), a list of integers 0..255 as STRING_EXT, small maps with keys in term order, pids as
 * NEW_PID_EXT and references as NEWER_REFERENCE_EXT.
 *
 * <p>What is no term (a Groovy closure, a Java object) is refused with a
 * {@link TermFormatException}: it cannot leave the node.
 */
public final class TermEncoder {
    private static volatile java.util.function.Function<Object, Object> fallback;
    /** The node the term being encoded on this thread goes to, for the fallback ({@link #destination()}). */
    private static final ThreadLocal<Atom> DESTINATION = new ThreadLocal<>();

    private final NodeTable nodes;
    private final boolean lenient;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<String> replaced = new ArrayList<>();
    private boolean latin1Atoms;
    private int depth;
    private Atom peer;

    /** @param nodes names the nodes of pids and references */
    public TermEncoder(NodeTable nodes) {
        this(nodes, false);
    }

    /**
     * @param nodes   names the nodes of pids and references
     * @param lenient true to write what is no term as its inspected text (a binary) instead of
     *                refusing it, for signals that must go out whatever they hold (an exit reason:
     *                the process is dead and cannot be told); {@link #replaced()} then names them
     */
    public TermEncoder(NodeTable nodes, boolean lenient) {
        this.nodes = nodes;
        this.lenient = lenient;
    }

    /**
     * Names the node the encoded terms go to, so that what depends on it (the identity of the
     * peer's {@code erl_eval}, for a fn typed at the shell) is written for that node.
     *
     * @param node the peer's name, or null when the bytes go nowhere in particular
     * @return this encoder
     */
    public TermEncoder to(Atom node) {
        this.peer = node;
        return this;
    }

    /**
     * The node that the term being encoded on this thread goes to (see {@link #to}), or null when
     * none is known ({@code term_to_binary}): for the fallback, while it runs.
     */
    public static Atom destination() {
        return DESTINATION.get();
    }

    /** What the last {@link #encode} wrote as text because it is no term (lenient encoders only). */
    public List<String> replaced() {
        return List.copyOf(replaced);
    }

    /**
     * Sets the JVM-wide translation for objects that are no runtime term, tried before refusing
     * them: the shell turns its module classes into module atoms this way. It returns the term to
     * send instead, or the object itself when it has none.
     *
     * @param f the translation, or null for none
     */
    public static void setFallback(java.util.function.Function<Object, Object> f) {
        fallback = f;
    }

    /**
     * Encodes {@code term} with the version byte, as {@code :erlang.term_to_binary/1}.
     *
     * @throws TermFormatException when the term holds something that cannot be sent
     */
    public byte[] encode(Object term) {
        out.reset();
        replaced.clear();
        depth = 0;
        out.write(ExtTag.VERSION);
        Atom outer = DESTINATION.get();
        DESTINATION.set(peer);
        try {
            term(term);
        } catch (StackOverflowError e) {
            throw new TermFormatException("cannot send a term nested this deeply");
        } finally {
            DESTINATION.set(outer);
        }
        return out.toByteArray();
    }

    private void term(Object t) {
        if (t == null) atom("nil");
        else if (t instanceof Boolean b) atom(b ? "true" : "false");
        else if (t instanceof Atom a) atom(a.name());
        else if (t instanceof Integer || t instanceof Long || t instanceof Short || t instanceof Byte) integer(((Number) t).longValue());
        else if (t instanceof BigInteger b) big(b);
        else if (t instanceof Double || t instanceof Float) {
            out.write(ExtTag.NEW_FLOAT);
            u64(Double.doubleToLongBits(((Number) t).doubleValue()));
        } else if (t instanceof CharSequence cs) binary(cs.toString().getBytes(StandardCharsets.UTF_8));
        else if (t instanceof byte[] b) binary(b);
        else if (t instanceof procshell.runtime.node.Bitstring b) bitstring(b);
        else if (t instanceof Tuple tuple) {
            // {exception, stacktrace}, as a crashed process's exit reason holds it: the shell knows
            // how the BEAM writes it ({%RuntimeError{...}, [{M, f, a, loc}]}, {:undef, ...})
            Object wire = (tuple instanceof procshell.runtime.node.ErrorReason || tuple.size() == 2 && tuple.get(0) instanceof Throwable) && fallback != null
                    ? fallback.apply(tuple) : tuple;
            if (wire != tuple) term(wire);
            else tuple(tuple);
        }
        else if (t instanceof List<?> l) list(l, null);
        else if (t instanceof ImproperList il) list(il.elements(), il);
        else if (t instanceof Map<?, ?> m) map(m);
        else if (t instanceof Pid p) pid(p);
        else if (t instanceof Ref r) ref(nodes.local().name(), nodes.local().creation(), NodeTable.idsOf(r));
        else if (t instanceof RemoteRef r) ref(r.node(), r.creation(), r.ids());
        else if (t instanceof ExternalPort p) port(p);
        else if (t instanceof OpaqueTerm o) out.writeBytes(o.encoded());
        else if (t instanceof LocalFun f) fun(f);
        else if (t instanceof FunTerm f) fun(f);
        else if (fallback != null && fallback.apply(t) != t) term(fallback.apply(t));
        else if (lenient) {
            String text = Inspect.inspect(t);
            replaced.add(text);
            binary(text.getBytes(StandardCharsets.UTF_8));
        } else throw new TermFormatException("cannot send " + describe(t) + " to another node: it is no Erlang term");
    }

    private static String describe(Object t) {
        return Inspect.inspect(t);
    }

    /** NEW_FUN_EXT: Size (itself included), Arity, Uniq, Index, NumFree, Module, OldIndex, OldUniq, Pid. */
    private void fun(LocalFun f) {
        Pid creator = f.creator() != null ? f.creator() : nodes.local().pid(0, 0, 0);
        NodeTable.Entry e = nodes.entry(creator.nodeIndex());
        if (e == null) throw new TermFormatException("cannot send a fun made by " + creator + ": no node is known under its index");
        int oldUniq = f.oldUniq();
        int size = 4 + 1 + 16 + 4 + 4 + atomSize(f.module().name()) + 2 + (oldUniq <= 255 ? 2 : 5) + 1 + atomSize(e.name().name()) + 12;
        out.write(ExtTag.NEW_FUN);
        u32(size);
        out.write(f.arity());
        out.writeBytes(f.uniq());
        u32(0); // index
        u32(0); // no free variables
        atom(f.module().name());
        integer(0); // old index
        integer(oldUniq);
        pid(creator);
    }

    /** A fun with all its fields: its bytes as it arrived, or NEW_FUN_EXT written from its fields and free variables. */
    private void fun(FunTerm f) {
        if (f.encoded() != null) {
            out.writeBytes(f.encoded());
            return;
        }
        out.write(ExtTag.NEW_FUN);
        int sizeAt = out.size();
        u32(0); // the size, known once the rest is written
        out.write(f.arity());
        out.writeBytes(f.uniq());
        u32((int) f.index());
        u32(f.free().size());
        atom(f.module().name());
        integer(f.oldIndex());
        integer(f.oldUniq());
        term(f.pid());
        for (Object v : f.free()) term(v);
        byte[] written = out.toByteArray();
        int size = written.length - sizeAt; // Size counts itself, not the tag
        written[sizeAt] = (byte) (size >>> 24);
        written[sizeAt + 1] = (byte) (size >>> 16);
        written[sizeAt + 2] = (byte) (size >>> 8);
        written[sizeAt + 3] = (byte) size;
        out.reset();
        out.writeBytes(written);
    }

    private static int atomSize(String name) {
        int n = name.getBytes(StandardCharsets.UTF_8).length;
        return (n < 256 ? 2 : 3) + n;
    }

    private void atom(String name) {
        if (latin1Atoms && name.chars().allMatch(c -> c < 256) && name.length() < 256) {
            out.write(ExtTag.ATOM);
            u16(name.length());
            out.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        if (name.codePointCount(0, name.length()) > 255) throw new TermFormatException("atom too long to send: " + name.length() + " characters");
        if (b.length < 256) {
            out.write(ExtTag.SMALL_ATOM_UTF8);
            out.write(b.length);
        } else {
            out.write(ExtTag.ATOM_UTF8);
            u16(b.length);
        }
        out.writeBytes(b);
    }

    private void integer(long v) {
        if (v >= 0 && v <= 255) {
            out.write(ExtTag.SMALL_INTEGER);
            out.write((int) v);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write(ExtTag.INTEGER);
            u32((int) v);
        } else {
            big(BigInteger.valueOf(v));
        }
    }

    private void big(BigInteger v) {
        if (v.bitLength() < 32) {
            integer(v.intValue());
            return;
        }
        byte[] be = v.abs().toByteArray();
        int start = be[0] == 0 ? 1 : 0;
        int n = be.length - start;
        if (n < 256) {
            out.write(ExtTag.SMALL_BIG);
            out.write(n);
        } else {
            out.write(ExtTag.LARGE_BIG);
            u32(n);
        }
        out.write(v.signum() < 0 ? 1 : 0);
        for (int i = be.length - 1; i >= start; i--) out.write(be[i]);
    }

    /** BINARY_EXT, or BIT_BINARY_EXT (bytes, then how many bits of the last byte count) for a bitstring. */
    private void bitstring(procshell.runtime.node.Bitstring b) {
        byte[] bytes = procshell.runtime.node.Bitstring.bytes(b);
        if (b.trailingBits() == 0) {
            binary(bytes);
            return;
        }
        out.write(ExtTag.BIT_BINARY);
        u32(bytes.length);
        out.write(b.trailingBits());
        out.writeBytes(bytes);
    }

    /**
     * Writes atoms as {@code term_to_binary/1} does by default (minor version 1): ATOM_EXT in
     * Latin-1 when every character fits, else the UTF-8 forms the wire uses.
     *
     * @return this encoder
     */
    public TermEncoder latin1Atoms() {
        latin1Atoms = true;
        return this;
    }

    private void binary(byte[] b) {
        out.write(ExtTag.BINARY);
        u32(b.length);
        out.writeBytes(b);
    }

    private void tuple(Tuple t) {
        enter();
        if (t.size() < 256) {
            out.write(ExtTag.SMALL_TUPLE);
            out.write(t.size());
        } else {
            out.write(ExtTag.LARGE_TUPLE);
            u32(t.size());
        }
        for (int i = 0; i < t.size(); i++) term(t.get(i));
        depth--;
    }

    private void list(List<?> elements, ImproperList improper) {
        if (elements.isEmpty() && improper == null) {
            out.write(ExtTag.NIL);
            return;
        }
        if (improper == null && elements.size() <= 0xffff && isByteList(elements)) {
            out.write(ExtTag.STRING);
            u16(elements.size());
            for (Object o : elements) out.write(((Number) o).intValue());
            return;
        }
        enter();
        out.write(ExtTag.LIST);
        u32(elements.size());
        for (Object o : elements) term(o);
        if (improper == null) out.write(ExtTag.NIL);
        else term(improper.tail());
        depth--;
    }

    private static boolean isByteList(List<?> elements) {
        for (Object o : elements) {
            if (!(o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte)) return false;
            long v = ((Number) o).longValue();
            if (v < 0 || v > 255) return false;
        }
        return true;
    }

    private void map(Map<?, ?> m) {
        enter();
        out.write(ExtTag.MAP);
        u32(m.size());
        List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
        // The BEAM writes a small map's keys in term order; larger ones in hash order, which any
        // decoder accepts as well.
        entries.sort((x, y) -> Inspect.compare(x.getKey(), y.getKey()));
        for (Map.Entry<?, ?> e : entries) {
            term(e.getKey());
            term(e.getValue());
        }
        depth--;
    }

    private void pid(Pid p) {
        NodeTable.Entry e = nodes.entry(p.nodeIndex());
        if (e == null) throw new TermFormatException("cannot send " + p + ": no node is known under index " + p.nodeIndex());
        if (p.number() > 0xffffffffL) throw new TermFormatException("cannot send " + p + ": its number exceeds 32 bits");
        out.write(ExtTag.NEW_PID);
        atom(e.name().name());
        u32((int) p.number());
        u32(p.serial());
        u32(e.creation());
    }

    private void ref(Atom node, int creation, int[] ids) {
        out.write(ExtTag.NEWER_REFERENCE);
        u16(ids.length);
        atom(node.name());
        u32(creation);
        for (int id : ids) u32(id);
    }

    private void port(ExternalPort p) {
        boolean small = p.id() >= 0 && p.id() <= 0xffffffffL; // as the BEAM: V4 only for wide ids
        out.write(small ? ExtTag.NEW_PORT : ExtTag.V4_PORT);
        atom(p.node().name());
        if (small) u32((int) p.id());
        else u64(p.id());
        u32(p.creation());
    }

    private void enter() {
        if (++depth > TermDecoder.MAX_DEPTH) throw new TermFormatException("terms nested deeper than " + TermDecoder.MAX_DEPTH);
    }

    private void u16(int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private void u32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private void u64(long v) {
        u32((int) (v >>> 32));
        u32((int) v);
    }
}
