package procshell.shell.elixir.erl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import procshell.runtime.dist.FunTerm;
import procshell.runtime.global.ResolveMethod;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.shell.iex.MapTerm;

/**
 * An erl_eval fun that arrives (here built as iex would send {@code fn _name, _p1, p2 -> p2 end})
 * is a fn of its arity; as a {@code :global} resolve method it answers what the fn answers, and it
 * goes on byte for byte as it came. A fun of another module stays opaque.
 */
class ArrivedFunTest {
    private static final byte[] UNIQ = ErlEvalIdentity.OTP_25.uniq();

    private static FunTerm erlEval(List<Object> clauses, byte[] encoded) {
        Tuple env = Tuple.of(1, new MapTerm(), Atom.of("none"), Atom.of("none"), new MapTerm(), clauses);
        return new FunTerm(Atom.of("erl_eval"), 3, UNIQ, 40, 40, ErlEvalIdentity.OTP_25.oldUniq(), new Node().pid(0, 1, 0), List.of(env), encoded);
    }

    @Test
    void anErlEvalFunIsAResolveMethodThatAnswersAsTheFn() {
        Object clause = Forms.form("clause", 1, List.of(Forms.var(1, "__name@1"), Forms.var(1, "__p1@1"), Forms.var(1, "_p2@1")), List.of(),
                List.of(Forms.var(1, "_p2@1")));
        byte[] bytes = {112, 1, 2, 3};
        Object fun = ErlEvalFuns.read(erlEval(List.of(clause), bytes));
        ArrivedFun arrived = assertInstanceOf(ArrivedFun.class, fun);
        assertEquals(3, arrived.getMaximumNumberOfParameters());
        Node node = new Node();
        Pid one = node.pid(0, 7, 0);
        Pid two = node.pid(0, 8, 0);
        assertEquals(two, ((ResolveMethod) arrived).resolve(Atom.of("n"), one, two));
        assertArrayEquals(bytes, ((FunTerm) ((ResolveMethod) arrived).onWire()).encoded());
    }

    @Test
    void aFunOfAnotherModuleStaysOpaque() {
        FunTerm other = new FunTerm(Atom.of("Elixir.OnlyHere"), 0, UNIQ, 0, 0, 1, new Node().pid(0, 1, 0), List.of(), null);
        assertNull(ErlEvalFuns.read(other));
    }
}
