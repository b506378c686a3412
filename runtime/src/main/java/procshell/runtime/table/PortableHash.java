package procshell.runtime.table;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/**
 * The BEAM's portable term hash ({@code make_hash2}, behind {@code :erlang.phash2/1,2}), value for
 * value: Bob Jenkins' 96-bit mix over each term's parts, atoms by their table hash (hashpjw over
 * the name), small integers, bignums by 64-bit digits, floats by their two 32-bit halves,
 * binaries by blocks of 12 bytes, lists with their byte elements packed four at a time, tuples
 * after their arity, and maps as the xor of their key-value pairs' hashes (so key order does not
 * matter). Pids and references hash by their numbers, which differ from any BEAM's anyway.
 */
public final class PortableHash {
    private static final int HCONST = 0x9e3779b9;
    private static final int HCONST_2 = 0x3c6ef372;
    private static final int HCONST_3 = 0xdaa66d2b;
    private static final int HCONST_4 = 0x78dde6e4;
    private static final int HCONST_5 = 0x1715609d;
    private static final int HCONST_7 = 0x5384540f;
    private static final int HCONST_9 = 0x8ff34781;
    private static final int HCONST_10 = 0x2e2ac13a;
    private static final int HCONST_11 = 0xcc623af3;
    private static final int HCONST_12 = 0x6a99b4ac;
    private static final int HCONST_13 = 0x08d12e65;
    private static final int HCONST_14 = 0xa708a81e;
    private static final int HCONST_15 = 0x454021d7;
    private static final int HCONST_16 = 0xe3779b90;
    private static final int HCONST_19 = 0xbe1e08bb;
    /** The tag value of {@code []} (erl_term.h's NIL_DEF), what a list's end mixes in. */
    private static final int NIL_DEF = 2;
    /** What {@code []} hashes to when it is the whole term. */
    private static final int NIL_ALONE = (int) 3468870702L;

    private static final Object MAP_TAIL = new Object();
    private static final Object MAP_PAIR = new Object();

    private PortableHash() {}

    /** The hash of a term in 0..2^32-1, as {@code make_hash2}. */
    public static long hash(Object term) {
        return new PortableHash.State().run(term) & 0xffffffffL;
    }

    /** {@code :erlang.phash2/1}: the hash in 0..2^27-1. */
    public static long phash2(Object term) {
        return hash(term) & ((1L << 27) - 1);
    }

    /** {@code :erlang.phash2/2}: the hash in 0..range-1 (range 1..2^32). */
    public static long phash2(Object term, long range) {
        return hash(term) % range;
    }

    /** The atom table's hash of a name: hashpjw over its UTF-8 bytes, two-byte Latin-1 letters as one. */
    static int atomHash(String name) {
        byte[] p = name.getBytes(StandardCharsets.UTF_8);
        int h = 0;
        for (int i = 0; i < p.length; i++) {
            int v = p[i] & 0xff;
            if (i + 1 < p.length && (v & 0xfe) == 0xc2 && (p[i + 1] & 0xc0) == 0x80) {
                v = ((v << 6) | (p[i + 1] & 0x3f)) & 0xff;
                i++;
            }
            h = (h << 4) + v;
            int g = h & 0xf0000000;
            if (g != 0) {
                h ^= g >>> 24;
                h ^= g;
            }
        }
        return h;
    }

    /** One hashing: the running hash, the pairs' xor, and the stack of parts still to hash. */
    private static final class State {
        int hash;
        int xorPairs;
        final Deque<Object> stack = new ArrayDeque<>();

        private void mix2(int e1, int e2, int aconst) {
            hash = mixAbc(aconst + e1, aconst + e2, hash)[2];
        }

        private void mix(int e, int aconst) {
            mix2(e, 0, aconst);
        }

        int run(Object term) {
            Object t = term;
            while (true) {
                part(t);
                // the common tail: take the next part, closing maps' pairs on the way
                while (true) {
                    if (stack.isEmpty()) return hash;
                    Object next = stack.pop();
                    if (next == MAP_TAIL) {
                        hash = (Integer) stack.pop();
                        mix(xorPairs, HCONST_19);
                        xorPairs = (Integer) stack.pop();
                    } else if (next == MAP_PAIR) {
                        xorPairs ^= hash;
                        hash = 0;
                    } else {
                        t = next;
                        break;
                    }
                }
            }
        }

        /** Hashes one part; compound parts push what follows onto the stack. */
        private void part(Object t) {
            if (t instanceof Rest r) {
                list(r.list(), r.from(), r.end());
                return;
            }
            if (t == null || t instanceof Boolean || t instanceof Atom) {
                String name = t == null ? "nil" : t instanceof Atom a ? a.name() : t.toString();
                int hv = atomHash(name);
                if (hash == 0) hash = hv;
                else mix(hv, HCONST_3);
            } else if (t instanceof Integer || t instanceof Long || t instanceof Short || t instanceof Byte) {
                integer(((Number) t).longValue());
            } else if (t instanceof BigInteger b) {
                if (b.bitLength() < 64) integer(b.longValue());
                else bignum(b);
            } else if (t instanceof Double || t instanceof Float) {
                double d = ((Number) t).doubleValue();
                if (d == 0.0) d = 0.0;
                long bits = Double.doubleToRawLongBits(d);
                mix2((int) (bits >>> 32), (int) bits, HCONST_12);
            } else if (t instanceof CharSequence s) {
                binary(s.toString().getBytes(StandardCharsets.UTF_8));
            } else if (t instanceof procshell.runtime.node.Bitstring bits) {
                bitstring(bits);
            } else if (t instanceof Tuple tuple) {
                mix(tuple.size(), HCONST_9);
                for (int i = tuple.size() - 1; i >= 0; i--) stack.push(nullSafe(tuple.get(i)));
            } else if (t instanceof List<?> l) {
                list(l, 0, null);
            } else if (t instanceof procshell.runtime.dist.ImproperList il) {
                list(il.elements(), 0, nullSafe(il.tail()));
            } else if (t instanceof Map<?, ?> m) {
                mix(m.size(), HCONST_16);
                if (m.isEmpty()) return;
                stack.push(xorPairs);
                stack.push(hash);
                stack.push(MAP_TAIL);
                hash = 0;
                xorPairs = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    stack.push(MAP_PAIR);
                    stack.push(nullSafe(e.getValue()));
                    stack.push(nullSafe(e.getKey()));
                }
            } else if (t instanceof Pid p) {
                mix((int) p.number(), HCONST_5);
            } else if (t instanceof Ref r) {
                mix((int) r.id(), HCONST_7);
            } else {
                // a fun: by its identity, as an external fun's name would be
                mix(System.identityHashCode(t), HCONST_14);
            }
        }

        private void integer(long v) {
            if (v >= -(1L << 27) && v < (1L << 27)) {
                int y = (int) v;
                if (y < 0) mix(-y, HCONST);
                mix(y, HCONST);
                return;
            }
            if (v == Long.MIN_VALUE) {
                bignum(BigInteger.valueOf(v));
                return;
            }
            long abs = Math.abs(v);
            mix2((int) abs, (int) (abs >>> 32), v < 0 ? HCONST_10 : HCONST_11);
        }

        private void bignum(BigInteger b) {
            int con = b.signum() < 0 ? HCONST_10 : HCONST_11;
            BigInteger m = b.abs();
            do {
                long digit = m.longValue();
                mix2((int) digit, (int) (digit >>> 32), con);
                m = m.shiftRight(64);
            } while (m.signum() > 0);
        }

        private void binary(byte[] k) {
            int con = HCONST_13 + hash;
            if (k.length == 0) {
                hash = con;
                return;
            }
            int a = HCONST, b = HCONST, c = con;
            int i = 0;
            for (; k.length - i >= 12; i += 12) {
                a += le32(k, i);
                b += le32(k, i + 4);
                c += le32(k, i + 8);
                int[] abc = mixAbc(a, b, c);
                a = abc[0];
                b = abc[1];
                c = abc[2];
            }
            c += k.length;
            int rest = k.length - i;
            if (rest >= 11) c += (k[i + 10] & 0xff) << 24;
            if (rest >= 10) c += (k[i + 9] & 0xff) << 16;
            if (rest >= 9) c += (k[i + 8] & 0xff) << 8;
            if (rest >= 8) b += (k[i + 7] & 0xff) << 24;
            if (rest >= 7) b += (k[i + 6] & 0xff) << 16;
            if (rest >= 6) b += (k[i + 5] & 0xff) << 8;
            if (rest >= 5) b += k[i + 4] & 0xff;
            if (rest >= 4) a += (k[i + 3] & 0xff) << 24;
            if (rest >= 3) a += (k[i + 2] & 0xff) << 16;
            if (rest >= 2) a += (k[i + 1] & 0xff) << 8;
            if (rest >= 1) a += k[i] & 0xff;
            hash = mixAbc(a, b, c)[2];
        }

        /** A bitstring: its whole bytes as a binary, then its trailing bits mixed in (make_hash2's HCONST_15). */
        private void bitstring(procshell.runtime.node.Bitstring bits) {
            byte[] all = procshell.runtime.node.Bitstring.bytes(bits);
            int rest = bits.trailingBits();
            binary(rest == 0 ? all : java.util.Arrays.copyOf(all, all.length - 1));
            if (rest > 0) mix2(rest, (all[all.length - 1] & 0xff) >> (8 - rest), HCONST_15);
        }

        private static int le32(byte[] k, int i) {
            return (k[i] & 0xff) | (k[i + 1] & 0xff) << 8 | (k[i + 2] & 0xff) << 16 | (k[i + 3] & 0xff) << 24;
        }

        private static int[] mixAbc(int a, int b, int c) {
            a -= b; a -= c; a ^= (c >>> 13);
            b -= c; b -= a; b ^= (a << 8);
            c -= a; c -= b; c ^= (b >>> 13);
            a -= b; a -= c; a ^= (c >>> 12);
            b -= c; b -= a; b ^= (a << 16);
            c -= a; c -= b; c ^= (b >>> 5);
            a -= b; a -= c; a ^= (c >>> 3);
            b -= c; b -= a; b ^= (a << 10);
            c -= a; c -= b; c ^= (b >>> 15);
            return new int[] {a, b, c};
        }

        /**
         * A list: runs of byte elements packed four to a word, other elements hashed in turn, then
         * {@code []}, or the final tail {@code end} of an improper list (null for a proper one).
         */
        private void list(List<?> l, int from, Object end) {
            int i = from;
            int c = 0, sh = 0;
            while (i < l.size() && isByte(l.get(i))) {
                sh = (sh << 8) + (Integer) l.get(i);
                i++;
                if (c == 3) {
                    mix(sh, HCONST_4);
                    c = 0;
                    sh = 0;
                } else {
                    c++;
                }
            }
            if (c > 0) mix(sh, HCONST_4);
            if (i >= l.size()) {
                if (end == null) nil();
                else part(end);
                return;
            }
            // a non-byte element: it is hashed now, the rest of the list after it
            stack.push(new Rest(l, i + 1, end));
            part(nullSafe(l.get(i)));
        }

        private void nil() {
            if (hash == 0) hash = NIL_ALONE;
            else mix(NIL_DEF, HCONST_2);
        }

        private static boolean isByte(Object o) {
            return o instanceof Integer n && n >= 0 && n <= 255;
        }
    }

    /** The tail of a list from an index (and an improper list's final tail, else null), as a part still to hash. */
    private record Rest(List<?> list, int from, Object end) {}

    /** nil as the atom it is (the stack holds no nulls). */
    private static Object nullSafe(Object o) {
        return o == null ? Atom.of("nil") : o;
    }
}
