package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code if} and {@code unless} typed at the prompt, against iex's ({@code iex-reference/if.txt}):
 * the {@code do:}/{@code else:} form and the {@code do ... else ... end} form on one line and over
 * several, Elixir's truthiness (0 is true, only nil and false are false), nil without an else,
 * tuples as branch values, and an if in a fn.
 */
@Timeout(30)
class IfSessionTest {

    @Test
    void bothFormsWithElixirsTruthiness() {
        String multiLine = "if 0 do\n  :zero\nelse\n  :no\nend";
        IexSessionCheck.against("if.txt")
                .same("if true, do: 1, else: 2")
                .same("if nil do :a else :b end")
                .same("if false, do: 1")
                .same("unless false, do: :u")
                .same(multiLine)
                .same("if 1 do end")
                .same("unless nil do :a else :b end")
                .same("if true do {:a, 1} else {:b, 2} end")
                // a fn prints differently
                .extra("f = fn x -> if x > 1, do: :big, else: :small end; :ok", ":ok")
                .same("f.(3)")
                .same("if false do {:a, 1} else {:b, 2} end")
                .same("x = 7")
                .same("if x > 5, do: {:big, x}, else: :small")
                .check();
    }
}
