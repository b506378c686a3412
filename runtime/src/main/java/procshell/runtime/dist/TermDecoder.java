package procshell.runtime.dist;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Reads Erlang's external term format ({@code :erlang.binary_to_term/1}) into runtime terms:
 * atoms ({@code true}/{@code false}/{@code nil} become {@link Boolean}/null), integers
 * ({@code Integer}, {@code Long} or {@code BigInteger}, the smallest that fits), floats
 * ({@code Double}), binaries and bitstrings ({@code String} when valid UTF-8, else {@code Bitstring}), tuples,
 * lists ({@link ImproperList} when the tail is not {@code []}; STRING_EXT as a list of integers),
 * maps, pids, references ({@link RemoteRef} for another node's), ports ({@link ExternalPort}) and
 * funs ({@link OpaqueTerm}).
 *
 * <p>Hostile input is expected: every length is checked against the bytes left before anything is
 * allocated, nesting is bounded by {@link #MAX_DEPTH}, a compressed term may not inflate past
 * {@code maxBytes}, and any violation is a {@link TermFormatException} naming the offset. Nothing
 * is ever decoded with Java serialization. One decoder reads one buffer; it is not thread-safe.
 */
public final class TermDecoder {
    /** Deepest nesting of tuples, lists and maps accepted. */
    public static final int MAX_DEPTH = 512;

    private static volatile java.util.function.Function<FunTerm, Object> funReader;

    private final NodeTable nodes;
    private final int maxBytes;
    private ByteBuffer in;
    private int depth;

    /**
     * @param nodes    translates pids and references; its node's atom table interns atoms
     * @param maxBytes the largest term accepted, in bytes (also the limit for a compressed term's
     *                 inflated size)
     */
    public TermDecoder(NodeTable nodes, int maxBytes) {
        this.nodes = nodes;
        this.maxBytes = maxBytes;
    }

    /**
     * Sets the JVM-wide reader of arriving funs: given a NEW_FUN_EXT's fields, it returns the term
     * that stands for the fun here (the shell makes an {@code erl_eval} fun a callable fn), or null
     * to keep it as an {@link OpaqueTerm} that travels on unchanged.
     *
     * @param reader the reader, or null for none
     */
    public static void setFunReader(java.util.function.Function<FunTerm, Object> reader) {
        funReader = reader;
    }

    /**
     * Decodes a whole buffer that starts with the version byte 131, as {@code binary_to_term/1}.
     *
     * @throws TermFormatException when the bytes are not exactly one valid term
     */
    public Object decode(byte[] data) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        Object term = decodeVersioned(buf);
        if (buf.hasRemaining()) throw new TermFormatException(buf.remaining() + " bytes left after the term");
        return term;
    }

    /**
     * Decodes one versioned term at the buffer's position and advances past it (a distribution
     * frame holds two in a row: the control message, then the message).
     *
     * @throws TermFormatException when the bytes there are no valid term
     */
    public Object decodeVersioned(ByteBuffer buf) {
        if (buf.remaining() > maxBytes) throw new TermFormatException("term of " + buf.remaining() + " bytes exceeds the limit of " + maxBytes);
        in = buf;
        depth = 0;
        int version = u8();
        if (version != ExtTag.VERSION) throw error("version byte " + version + ", expected 131");
        return bare();
    }

    /**
     * Decodes one term without a version byte of its own at the buffer's position, as the terms
     * that follow a distribution header are written, and advances past it.
     *
     * @throws TermFormatException when the bytes there are no valid term
     */
    public Object decodeBare(ByteBuffer buf) {
        if (buf.remaining() > maxBytes) throw new TermFormatException("term of " + buf.remaining() + " bytes exceeds the limit of " + maxBytes);
        in = buf;
        depth = 0;
        return bare();
    }

    private Object bare() {
        try {
            if (peek() == ExtTag.COMPRESSED) {
                in.get();
                return inflated();
            }
            return term();
        } catch (StackOverflowError e) {
            // MAX_DEPTH keeps well inside a normal stack; this guards a thread with a small one
            throw new TermFormatException("malformed external term: nested too deeply for this thread's stack");
        }
    }

    private Object inflated() {
        long size = u32();
        if (size > maxBytes) throw error("compressed term inflates to " + size + " bytes, over the limit of " + maxBytes);
        byte[] out = new byte[(int) size];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in.slice());
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                n += got;
            }
            if (n != out.length || !inflater.finished()) throw error("compressed term does not inflate to its stated size " + size);
            in.position(in.position() + (int) inflater.getBytesRead());
        } catch (DataFormatException e) {
            throw error("compressed term is no valid zlib data (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
        ByteBuffer outer = in;
        in = ByteBuffer.wrap(out);
        Object term = term();
        if (in.hasRemaining()) throw new TermFormatException(in.remaining() + " bytes left after the compressed term");
        in = outer;
        return term;
    }

    private Object term() {
        int at = in.position();
        int tag = u8();
        return switch (tag) {
            case ExtTag.SMALL_INTEGER -> u8();
            case ExtTag.INTEGER -> s32();
            case ExtTag.SMALL_BIG -> big(u8());
            case ExtTag.LARGE_BIG -> big(length(u32(), 1));
            case ExtTag.NEW_FLOAT -> {
                need(8);
                yield in.getDouble();
            }
            case ExtTag.FLOAT -> oldFloat();
            case ExtTag.ATOM, ExtTag.SMALL_ATOM -> atom(tag == ExtTag.ATOM ? u16() : u8(), false);
            case ExtTag.ATOM_UTF8, ExtTag.SMALL_ATOM_UTF8 -> atom(tag == ExtTag.ATOM_UTF8 ? u16() : u8(), true);
            case ExtTag.SMALL_TUPLE -> tuple(u8());
            case ExtTag.LARGE_TUPLE -> tuple(length(u32(), 1));
            case ExtTag.NIL -> List.of();
            case ExtTag.STRING -> charList(u16());
            case ExtTag.LIST -> list(length(u32(), 1));
            case ExtTag.BINARY -> binary(length(u32(), 1));
            case ExtTag.MAP -> map(length(u32(), 2));
            case ExtTag.NEW_PID, ExtTag.PID -> {
                Atom node = nodeAtom();
                long id = u32();
                long serial = u32();
                int creation = tag == ExtTag.NEW_PID ? (int) u32() : u8();
                if (serial > Integer.MAX_VALUE) throw error("pid serial " + serial + " out of range", at);
                yield nodes.pid(node, id, serial, creation);
            }
            case ExtTag.NEWER_REFERENCE, ExtTag.NEW_REFERENCE -> {
                int len = u16();
                if (len < 1 || len > 5) throw error("reference with " + len + " id words", at);
                Atom node = nodeAtom();
                int creation = tag == ExtTag.NEWER_REFERENCE ? (int) u32() : u8();
                int[] ids = new int[len];
                for (int i = 0; i < len; i++) ids[i] = (int) u32();
                yield nodes.ref(node, creation, ids);
            }
            case ExtTag.REFERENCE -> {
                Atom node = nodeAtom();
                int id = (int) u32();
                yield nodes.ref(node, u8(), new int[] {id});
            }
            case ExtTag.V4_PORT -> {
                Atom node = nodeAtom();
                need(8);
                long id = in.getLong();
                yield new ExternalPort(node, id, (int) u32());
            }
            case ExtTag.NEW_PORT, ExtTag.PORT -> {
                Atom node = nodeAtom();
                long id = u32();
                yield new ExternalPort(node, id, tag == ExtTag.NEW_PORT ? (int) u32() : u8());
            }
            case ExtTag.NEW_FUN -> {
                long size = u32();
                if (size < 34) throw error("fun of " + size + " bytes", at);
                need(size - 4);
                int end = in.position() + (int) (size - 4);
                int arity = u8();
                need(24);
                byte[] uniq = new byte[16];
                in.get(uniq);
                long index = u32();
                long numFree = u32();
                Object module = term();
                Object oldIndex = term();
                Object oldUniq = term();
                Object pid = term();
                if (numFree > end - in.position()) throw error("fun with " + numFree + " free variables in " + size + " bytes", at);
                List<Object> free = new ArrayList<>();
                for (long i = 0; i < numFree; i++) free.add(term());
                if (in.position() != end) throw error("fun of " + size + " bytes whose fields end elsewhere", at);
                byte[] encoded = copy(at, in.position());
                String shown = "#Function<external>";
                if (module instanceof Atom m && oldIndex instanceof Number oi && oldUniq instanceof Number ou) {
                    FunTerm f = new FunTerm(m, arity, uniq, index, oi.longValue(), ou.longValue(), pid, free, encoded);
                    java.util.function.Function<FunTerm, Object> reader = funReader;
                    Object fun = reader == null ? null : reader.apply(f);
                    if (fun != null) yield fun;
                    shown = f.toString(); // as iex shows a fun whose module is not loaded
                }
                yield new OpaqueTerm(shown, encoded, module instanceof Atom m ? Tuple.of(m, null, arity) : null);
            }
            case ExtTag.EXPORT -> {
                Object m = term();
                Object f = term();
                Object a = term();
                yield new OpaqueTerm("&" + procshell.runtime.inspect.Inspect.inspect(m) + "."
                        + (f instanceof Atom fa ? fa.name() : String.valueOf(f)) + "/" + a, copy(at, in.position()),
                        m instanceof Atom && f instanceof Atom && a instanceof Integer ? Tuple.of(m, f, a) : null);
            }
            case ExtTag.BIT_BINARY -> {
                int len = length(u32(), 1);
                int bits = u8();
                if (bits < 1 || bits > 8) throw error("bitstring with " + bits + " bits in its last byte", at);
                need(len);
                byte[] bytes = new byte[len];
                in.get(bytes);
                yield procshell.runtime.node.Bitstring.of(bytes, len == 0 ? 0 : (long) len * 8 - (8 - bits));
            }
            case ExtTag.ATOM_CACHE_REF -> throw error("atom cache reference, but no atom cache was negotiated", at);
            case ExtTag.LOCAL -> throw error("LOCAL_EXT term, which only its own node can decode", at);
            default -> throw error("unknown tag " + tag, at);
        };
    }

    private Object big(int n) {
        int sign = u8();
        if (sign > 1) throw error("big integer sign byte " + sign);
        need(n);
        byte[] be = new byte[n + 1]; // a leading zero keeps BigInteger's magnitude positive
        for (int i = 0; i < n; i++) be[n - i] = in.get();
        BigInteger v = new BigInteger(be);
        if (sign == 1) v = v.negate();
        if (v.bitLength() < 32) return v.intValue();
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private Object oldFloat() {
        need(31);
        byte[] text = new byte[31];
        in.get(text);
        int end = 0;
        while (end < 31 && text[end] != 0) end++;
        try {
            return Double.parseDouble(new String(text, 0, end, StandardCharsets.ISO_8859_1).trim());
        } catch (NumberFormatException e) {
            throw error("FLOAT_EXT text is no number");
        }
    }

    private Object atom(int len, boolean utf8) {
        need(len);
        byte[] bytes = new byte[len];
        in.get(bytes);
        String name;
        if (utf8) {
            try {
                name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw error("atom is no valid UTF-8");
            }
        } else {
            name = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (name.codePointCount(0, name.length()) > 255) throw error("atom of more than 255 characters");
        return switch (name) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "nil" -> null;
            default -> nodes.local().atoms().intern(name);
        };
    }

    private Atom nodeAtom() {
        int at = in.position();
        Object node = term();
        if (!(node instanceof Atom a)) throw error("node name is no atom", at);
        return a;
    }

    private Tuple tuple(int arity) {
        enter();
        Object[] elements = new Object[arity];
        for (int i = 0; i < arity; i++) elements[i] = term();
        depth--;
        return Tuple.of(elements);
    }

    private List<Object> charList(int len) {
        need(len);
        List<Object> out = new ArrayList<>(len);
        for (int i = 0; i < len; i++) out.add(in.get() & 0xff);
        return Collections.unmodifiableList(out);
    }

    private Object list(int len) {
        enter();
        List<Object> out = new ArrayList<>(len);
        for (int i = 0; i < len; i++) out.add(term());
        Object tail = term();
        depth--;
        if (tail instanceof List<?> l && l.isEmpty()) return Collections.unmodifiableList(out);
        if (len == 0) throw error("list of no elements with a tail");
        return new ImproperList(out, tail);
    }

    private Object binary(int len) {
        need(len);
        byte[] bytes = new byte[len];
        in.get(bytes);
        return procshell.runtime.node.Bitstring.of(bytes);
    }

    private Map<Object, Object> map(int arity) {
        enter();
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < arity; i++) {
            Object k = term();
            Object v = term();
            if (out.containsKey(k)) throw error("map with a duplicate key");
            out.put(k, v);
        }
        depth--;
        return Collections.unmodifiableMap(out);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) throw error("terms nested deeper than " + MAX_DEPTH);
    }

    /** A count of items of at least {@code minBytes} each: rejected when the data cannot hold them. */
    private int length(long count, int minBytes) {
        if (count * minBytes > in.remaining()) throw error("length " + count + " exceeds the " + in.remaining() + " bytes left");
        return (int) count;
    }

    private void need(long n) {
        if (n > in.remaining()) throw error("truncated: " + n + " bytes needed, " + in.remaining() + " left");
    }

    private void skip(long n) {
        need(n);
        in.position(in.position() + (int) n);
    }

    private byte[] copy(int from, int to) {
        byte[] b = new byte[to - from];
        in.get(from, b);
        return b;
    }

    private int peek() {
        need(1);
        return in.get(in.position()) & 0xff;
    }

    private int u8() {
        need(1);
        return in.get() & 0xff;
    }

    private int u16() {
        need(2);
        return in.getShort() & 0xffff;
    }

    private int s32() {
        need(4);
        return in.getInt();
    }

    private long u32() {
        need(4);
        return Integer.toUnsignedLong(in.getInt());
    }

    private TermFormatException error(String what) {
        return error(what, in.position());
    }

    private static TermFormatException error(String what, int at) {
        return new TermFormatException("malformed external term: " + what + " (at byte " + at + ")");
    }
}
