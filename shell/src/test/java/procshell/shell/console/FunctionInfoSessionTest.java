package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Elixir's {@code Function} module and {@code :erlang.fun_info/1,2}, against what iex printed for
 * the same lines ({@code iex-reference/function_info.txt}): a fn typed at the prompt is a local fun
 * of {@code erl_eval} ({@code :"-expr/6-fun-3-"}, index 42, uniq 3316493), a capture of a remote
 * function an external fun, a fn of a module names its function ({@code :"-g/0-fun-0-"});
 * {@code Function.capture/3}, {@code Function.identity/1}, and the BEAM's badarg for a term that is
 * no fun or an unknown item.
 */
@Timeout(120)
class FunctionInfoSessionTest {

    @Test
    void functionInfoAnswersAsTheBeamDoes() {
        IexSessionCheck.against("function_info.txt").everyInput().check();
    }
}
