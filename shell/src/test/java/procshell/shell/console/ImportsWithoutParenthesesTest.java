package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * iex reads a name that is no variable as a call of the imported function of that name with
 * arity 0: {@code self} and {@code flush} without parentheses work, silently, while an unknown
 * name gets the warning and the CompileError (iex 1.14, {@code printf 'self\nflush\nfoo\n' | iex}).
 */
class ImportsWithoutParenthesesTest {
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
}
