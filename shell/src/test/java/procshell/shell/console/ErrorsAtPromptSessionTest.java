package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inputs that fail at the prompt, against iex's ({@code iex-reference/errors_at_prompt.txt}): the
 * error, the empty line after an error without stack lines, the counter that does not move, and
 * the empty input that is {@code nil}.
 */
@Timeout(20)
class ErrorsAtPromptSessionTest {
    @Test
    void errorsWithoutStackLinesAndEmptyInputs() {
        IexSessionCheck.against("errors_at_prompt.txt")
                .same("1 +\n2")
                .same("raise \"boom\"")
                .same("exit(:reason)")
                .same("")
                .same("   ")
                .same("x = 5")
                .same("{:ok, y} = {:error, 1}")
                .same("IO.puts(\"a\\nb\")")
                .same(":ok")
                .check();
    }

    @Test
    void anUnknownVariableOnTheFirstInput() {
        // iex 1.14's text (shell_exit.txt, iex(3)> x), for an input on line 1
        IexSessionCheck.against("shell_exit.txt")
                .extra("x",
                        "warning: variable \"x\" does not exist and is being expanded to \"x()\", please use parentheses to remove the"
                                + " ambiguity or change the variable name",
                        "  iex:1",
                        "",
                        "** (CompileError) iex:1: undefined function x/0 (there is no such import)",
                        "")
                .extra("foo()", "** (CompileError) iex:1: undefined function foo/0 (there is no such import)", "")
                .check();
    }

    @Test
    void compileErrorsNameTheLineOfThePrompt() {
        IexSessionCheck.against("errors_at_prompt.txt")
                .same("1 +\n2")
                .same("undefined_var")
                .same("foo()")
                .check();
    }

    @Test
    void iexBreak() {
        // As errors_at_prompt.txt shows it: the error, an empty line, the same prompt number again.
        assertEquals("""
                ps(1)> 1 +
                ...(1)> #iex:break
                ** (TokenMissingError) iex:1: incomplete expression

                ps(1)> 1 +
                ...(1)> 2
                3
                """, PipedSession.transcript("1 +", "#iex:break", "1 +", "2"));
    }

    @Test
    void throwATerm() {
        IexSessionCheck.against("errors_at_prompt.txt").same("throw(:ball)").check();
    }

    @Test
    void divisionByZero() {
        IexSessionCheck.against("errors_at_prompt.txt").same("1/0").check();
    }
}
