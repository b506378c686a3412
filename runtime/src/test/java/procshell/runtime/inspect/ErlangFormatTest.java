package procshell.runtime.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Terms in Erlang's syntax, each expected text being what OTP 25 printed for the same term with
 * {@code IO.puts(:io_lib.format("~tp", [term]))} (elixir 1.14).
 */
class ErlangFormatTest {
    @Test
    void binariesAndCharlists() {
        assertEquals("<<\"abc\">>", ErlangFormat.format("abc"));
        assertEquals("<<\"héllo\"/utf8>>", ErlangFormat.format("héllo"));
        assertEquals("<<\"a\\nb\\\"\">>", ErlangFormat.format("a\nb\""));
        assertEquals("<<>>", ErlangFormat.format(""));
        assertEquals("\"hi\"", ErlangFormat.format(List.of(104L, 105L)));
        assertEquals("\"é\"", ErlangFormat.format(List.of(233L)));
        assertEquals("[1,2]", ErlangFormat.format(List.of(1L, 2L)));
        assertEquals("[]", ErlangFormat.format(List.of()));
    }

    @Test
    void atomsTuplesAndMaps() {
        assertEquals("{ok,'Elixir.S','hello world','and',nil,true}",
                ErlangFormat.format(Tuple.of(Atom.OK, Atom.of("Elixir.S"), Atom.of("hello world"), Atom.of("and"), null, true)));
        assertEquals("a@b", ErlangFormat.format(Atom.of("a@b")));
        assertEquals("'A'", ErlangFormat.format(Atom.of("A")));
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(Atom.of("b"), 1L);
        m.put(Atom.of("a"), List.of(Tuple.of(Atom.of("x"), 1L)));
        assertEquals("#{a => [{x,1}],b => 1}", ErlangFormat.format(m));
        assertEquals("#{}", ErlangFormat.format(Map.of()));
        assertEquals("{}", ErlangFormat.format(Tuple.of()));
    }

    @Test
    void numbers() {
        assertEquals("-5", ErlangFormat.format(-5L));
        assertEquals("1.0e10", ErlangFormat.format(1.0e10));
        assertEquals("0.1", ErlangFormat.format(0.1));
    }
}
