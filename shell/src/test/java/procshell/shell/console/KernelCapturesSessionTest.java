package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Captures of imported functions against what iex printed for the same lines
 * ({@code iex-reference/kernel_captures.txt}): {@code &inspect/1} is {@code &Kernel.inspect/1},
 * a function Elixir inlines is the Erlang one ({@code &length/1}, {@code &Kernel.length/1} and
 * {@code &(&1 + &2)} are {@code &:erlang.length/1} and {@code &:erlang.+/2},
 * {@code &Map.keys/1} is {@code &:maps.keys/1}), a macro's capture ({@code &to_string/1}) is an
 * erl_eval fn; in a module's function too, and after {@code import List}.
 */
@Timeout(120)
class KernelCapturesSessionTest {

    @Test
    void capturesOfImportedAndInlinedFunctionsPrintAsInIex() {
        IexSessionCheck.against("kernel_captures.txt").everyInput().check();
    }
}
