package procshell.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/**
 * The external term format against the BEAM's own bytes: {@code beam-terms.tsv} holds what
 * {@code :erlang.term_to_binary/2} of OTP 25 wrote for each term (see {@code beam-terms.exs}); every
 * one must decode to the expected Java term and encode back to the same bytes.
 */
class TermCodecTest {
    private static final Map<String, byte[]> BEAM = new LinkedHashMap<>();
    private final Node node = new Node("codec@localhost", 1 << 20);
    private final NodeTable table = new NodeTable(node);

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = TermCodecTest.class.getResourceAsStream("/dist/beam-terms.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                BEAM.put(f[0], HexFormat.of().parseHex(f[1]));
            }
        }
    }

    private Object decode(byte[] b) {
        return new TermDecoder(table, 1 << 20).decode(b);
    }

    private byte[] encode(Object t) {
        return new TermEncoder(table).encode(t);
    }

    /** The BEAM's bytes decode to {@code expected}, and {@code expected} encodes to the BEAM's bytes. */
    private void both(String name, Object expected) {
        byte[] beam = BEAM.get(name);
        assertEquals(expected, decode(beam), name);
        assertEquals(HexFormat.of().formatHex(beam), HexFormat.of().formatHex(encode(expected)), name);
    }

    @Test
    void atoms() {
        both("atom_ok", Atom.OK);
        both("atom_true", true);
        both("atom_nil", null);
        both("atom_unicode", Atom.of("héllo_wörld"));
        both("atom_module", Atom.module("HelloServer"));
        both("atom_long", Atom.of("a".repeat(255)));
        assertEquals(Atom.of("hello"), decode(BEAM.get("latin1_atom")));
        assertThrows(TermFormatException.class, () -> encode(Atom.of("a".repeat(256))));
    }

    @Test
    void integers() {
        both("int_0", 0);
        both("int_255", 255);
        both("int_256", 256);
        both("int_neg1", -1);
        both("int_max32", Integer.MAX_VALUE);
        both("int_min32", Integer.MIN_VALUE);
        both("int_2pow31", 2147483648L);
        both("int_neg2pow31m1", -2147483649L);
        both("int_2pow63", BigInteger.ONE.shiftLeft(63));
        both("int_big", new BigInteger("123456789012345678901234567890123456789"));
        both("int_negbig", new BigInteger("-123456789012345678901234567890123456789"));
        both("int_huge", BigInteger.ONE.shiftLeft(2100));
    }

    @Test
    void floats() {
        both("float_pi", 3.14159);
        both("float_neg", -0.5);
        both("float_zero", 0.0);
        assertEquals(1.5, decode(BEAM.get("old_float")));
    }

    @Test
    void binaries() {
        both("string_hello", "hello");
        both("string_empty", "");
        both("string_unicode", "héllo ✓");
        Object raw = decode(BEAM.get("binary_nonutf8"));
        assertInstanceOf(procshell.runtime.node.Bitstring.class, raw, "bytes that are no UTF-8 are a Bitstring term");
        assertArrayEquals(new byte[] {(byte) 255, 0, 1}, procshell.runtime.node.Bitstring.bytes(raw));
        assertArrayEquals(BEAM.get("binary_nonutf8"), encode(raw));
        assertEquals("abababababab", ((String) decode(BEAM.get("compressed"))).substring(0, 12));
    }

    @Test
    void tuplesListsMaps() {
        both("tuple_empty", Tuple.of());
        both("tuple_ok", Tuple.of(Atom.OK, 123));
        both("tuple_large", Tuple.fromList(IntStream.rangeClosed(1, 300).boxed().toList()));
        both("list_empty", List.of());
        both("list_bytes", List.of(1, 2, 3));
        both("list_charlist", "hello".chars().boxed().toList());
        both("list_mixed", List.of(1, Atom.of("two"), "three", 4.0));
        both("list_big_ints", List.of(1000, 2000));
        both("list_improper", new ImproperList(List.of(1, 2), 3));
        both("list_alias_tag", new ImproperList(List.of(Atom.of("alias")), Atom.of("ref_stand_in")));
        both("list_nested", List.of(List.of(1), List.of(List.of(2)), List.of()));
        both("map_empty", Map.of());
        both("map_atoms", Map.of(Atom.of("id"), 123, Atom.of("name"), "x"));
        both("map_mixed", Map.of(1, Atom.of("a"), Atom.of("b"), 2, "c", List.of(3)));
        both("keyword", List.of(Tuple.of(Atom.of("a"), 1), Tuple.of(Atom.of("b"), 2)));
        both("gen_call", Tuple.of(Atom.of("$gen_call"), Tuple.of(Atom.OK, Atom.of("tag")), Atom.of("hello")));
        both("nested", Tuple.of(Atom.OK, Map.of(Atom.of("list"), List.of(1, Tuple.of(2, 3)), Atom.of("float"), 1.5,
                Atom.of("bin"), "x")));
        assertEquals("[1, 2 | 3]", decode(BEAM.get("list_improper")).toString());
    }

    @Test
    void pidsRefsPortsAndFunsOfAnotherNodeTravelUnchanged() {
        for (String name : List.of("pid", "ref", "port", "fun_export", "fun_local", "bitstring")) {
            Object t = decode(BEAM.get(name));
            assertArrayEquals(BEAM.get(name), encode(t), name);
        }
        assertEquals("<<1::size(3)>>", decode(BEAM.get("bitstring")).toString(), "a bitstring decodes to its term");
        Pid pid = (Pid) decode(BEAM.get("pid"));
        assertEquals("#PID<1.110.0>", pid.toString(), "nonode@nohost is this node's first remote node");
        assertEquals(Atom.of("nonode@nohost"), table.nodeOf(pid));
        assertEquals(pid, decode(BEAM.get("pid")));
        assertInstanceOf(RemoteRef.class, decode(BEAM.get("ref")));
        assertEquals(decode(BEAM.get("ref")), decode(BEAM.get("ref")));
        assertEquals("&:erlang.node/0", decode(BEAM.get("fun_export")).toString());
    }

    @Test
    void localPidsAndRefsComeBackAsThemselves() {
        Pid self = node.pid(0, 42, 0);
        Ref ref = node.makeRef();
        Object back = decode(encode(Tuple.of(self, ref)));
        assertEquals(Tuple.of(self, ref), back);
        assertInstanceOf(Ref.class, ((Tuple) back).get(1));
    }

    @Test
    void closuresCannotBeSent() {
        Runnable r = () -> {};
        TermFormatException e = assertThrows(TermFormatException.class, () -> encode(Tuple.of(Atom.OK, r)));
        assertTrue(e.getMessage().startsWith("cannot send "), e.getMessage());
    }

    @Test
    void malformedInputIsAClearErrorNeverACrash() {
        assertError("version byte 0, expected 131", new byte[] {0, 97, 1});
        assertError("truncated", new byte[] {(byte) 131});
        assertError("unknown tag 200", new byte[] {(byte) 131, (byte) 200});
        assertError("length 4294967295 exceeds", HexFormat.of().parseHex("836CFFFFFFFF"));
        assertError("length 65536 exceeds", HexFormat.of().parseHex("836D00010000"));
        assertError("atom is no valid UTF-8", HexFormat.of().parseHex("837702C328"));
        assertError("compressed term inflates to 4294967295 bytes", HexFormat.of().parseHex("8350FFFFFFFF789C"));
        assertError("bytes left after the term", HexFormat.of().parseHex("83610161"));
        assertError("map with a duplicate key", HexFormat.of().parseHex("837400000002610161026101610"
                + "3"));
        byte[] deep = new byte[1 + 2 * (TermDecoder.MAX_DEPTH + 1) + 1];
        deep[0] = (byte) 131;
        for (int i = 0; i <= TermDecoder.MAX_DEPTH; i++) {
            deep[1 + 2 * i] = (byte) ExtTag.SMALL_TUPLE;
            deep[2 + 2 * i] = 1;
        }
        deep[deep.length - 1] = (byte) ExtTag.NIL;
        assertError("nested deeper than", deep);
        // Every prefix of every BEAM fixture is rejected cleanly.
        for (Map.Entry<String, byte[]> e : BEAM.entrySet()) {
            byte[] b = e.getValue();
            for (int n = 0; n < b.length; n++) {
                byte[] cut = java.util.Arrays.copyOf(b, n);
                assertThrows(TermFormatException.class, () -> decode(cut), e.getKey() + " cut at " + n);
            }
        }
    }

    private void assertError(String expected, byte[] bytes) {
        TermFormatException e = assertThrows(TermFormatException.class, () -> decode(bytes));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void inspectShowsRemoteTermsAsIexDoes() {
        assertEquals("{:ok, [1, 2 | 3]}", Inspect.inspect(Tuple.of(Atom.OK, decode(BEAM.get("list_improper")))));
    }
}
