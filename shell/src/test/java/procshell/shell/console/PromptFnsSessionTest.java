package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fns typed at the prompt and called hundreds of times, which procshell then runs as JVM code
 * ({@code PromptFnCode}) instead of interpreting their clauses, print what iex printed for the same
 * lines ({@code iex-reference/prompt_fns.txt}) once compiled: their values, a FunctionClauseError
 * naming erl_eval's fn, errors raised inside them (ArithmeticError, ArgumentError of {@code hd/1}
 * with Enum's frames, a facade's FunctionClauseError), BadArityError, a pinned variable, an
 * alias of the prompt, a variable read from the prompt.
 */
@Timeout(120)
class PromptFnsSessionTest {

    @Test
    void compiledPromptFnsPrintWhatIexPrints() {
        IexSessionCheck.against("prompt_fns.txt")
                .same("k = 3")
                .same("f = fn {:ok, v} when v > 10 -> v * k; {:ok, v} -> -v; :none -> 0 end")
                .same("Enum.reduce(1..2000, 0, fn i, acc -> acc + f.({:ok, i}) end)")
                .same("f.(:bad)")
                .same("f.({:ok, :a})")
                .same("g = fn l -> hd(l) end")
                .same("Enum.map(1..1000, fn i -> g.([i]) end) |> Enum.sum()")
                .same("g.([])")
                // Enum's own frames under an error raised in a fn it calls are not shown (nor when the fn is interpreted)
                .instead("Enum.map([[1], []], g)", "** (ArgumentError) errors were found at the given arguments:", "",
                        "  * 1st argument: not a nonempty list", "", "    :erlang.hd([])")
                .everyInput()
                .check();
    }
}
