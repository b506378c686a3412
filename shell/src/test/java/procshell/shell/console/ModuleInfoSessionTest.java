package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code __info__/1} and {@code module_info/0,1} of modules defined at the prompt, against what
 * iex printed for the same lines ({@code iex-reference/module_info.txt}): the public functions by
 * name then arity ({@code __struct__/0,1} of a struct, the callbacks {@code use GenServer}
 * defines), the struct's fields, the exports with {@code __info__/1} and {@code module_info/0,1},
 * Elixir's FunctionClauseError for an unknown key and the BEAM's badarg with its frames.
 */
@Timeout(120)
class ModuleInfoSessionTest {

    @Test
    void modulesDefinedAtThePromptAnswerInfoAsElixirsDo() {
        IexSessionCheck.against("module_info.txt").everyInput().check();
    }
}
