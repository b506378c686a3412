package procshell.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Tuple;

/**
 * A fun made on this node goes out as a NEW_FUN_EXT whose Size field counts its own bytes, and
 * comes back (through another procshell node) as a fun of its module and arity.
 */
class LocalFunTest {
    @Test
    void aLocalFunIsWrittenAsTheBeamReadsANewFun() {
        Node node = new Node("lf@localhost", 1 << 16);
        try {
            NodeTable table = new NodeTable(node);
            byte[] uniq = new byte[16];
            uniq[0] = 7;
            LocalFun f = new LocalFun(Atom.of("Elixir.OnlyHere"), 2, uniq, null);
            byte[] bytes = new TermEncoder(table).encode(java.util.List.of(f, Atom.OK));
            Object back = new TermDecoder(table, 1 << 20).decode(bytes);
            OpaqueTerm fun = (OpaqueTerm) ((java.util.List<?>) back).get(0);
            assertEquals(Tuple.of(Atom.of("Elixir.OnlyHere"), null, 2), fun.fun());
            assertEquals(Atom.OK, ((java.util.List<?>) back).get(1), "the Size field ends the fun where it ends");
            uniq[1] = 1;
            assertNotEquals(f, new LocalFun(Atom.of("Elixir.OnlyHere"), 2, uniq, null));
        } finally {
            node.shutdown();
        }
    }
}
