package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Functions of arity 0 called without parentheses, as iex 1.14 reads them: a name that is no
 * variable calls the imported function ({@code self}, {@code flush}), silently, while an unknown
 * name gets the warning and the CompileError ({@code printf 'self\nflush\nfoo\n' | iex}); a
 * module's function is called too ({@code Node.self}, {@code :math.pi}, {@code Node.alive?}).
 */
class CallsWithoutParenthesesTest {
    @Test
    void selfFlushAndNodeWithoutParenthesesAreCalls() {
        List<List<String>> out = PipedSession.outputs("self", "send(self, :hi)", "flush", "node", "self = 5", "self");
        assertTrue(out.get(0).size() == 1 && out.get(0).get(0).matches("#PID<0\\.\\d+\\.0>"), out.get(0).toString());
        assertEquals(List.of(":hi"), out.get(1));
        assertEquals(List.of(":hi", ":ok"), out.get(2), "flush prints the message, then :ok");
        assertEquals(List.of(":nonode@nohost"), out.get(3));
        assertEquals(List.of("5"), out.get(5), "a variable of that name comes first, as in Elixir");
    }

    @Test
    void anUnknownNameIsStillAnUndefinedFunction() {
        assertEquals(List.of(
                "warning: variable \"foo\" does not exist and is being expanded to \"foo()\", please use parentheses to remove the"
                        + " ambiguity or change the variable name",
                "  iex:1", "", "** (CompileError) iex:1: undefined function foo/0 (there is no such import)", ""),
                PipedSession.outputs("foo").get(0));
    }

    /** iex 1.14: {@code printf ':math.pi\nNode.self\nNode.list\nNode.alive?\n' | iex}. */
    @Test
    void aModulesFunctionOfArityZeroWithoutParentheses() {
        assertEquals(List.of(List.of("3.141592653589793"), List.of(":nonode@nohost"), List.of("[]"), List.of("false"),
                        List.of("6.283185307179586")),
                PipedSession.outputs(":math.pi", "Node.self", "Node.list", "Node.alive?", ":math.pi * 2"));
    }
}
