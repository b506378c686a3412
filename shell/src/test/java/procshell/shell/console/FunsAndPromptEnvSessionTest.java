package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How fns print and what the prompt remembers, against what iex printed for the same lines
 * ({@code iex-reference/funs_and_env.txt}): a fn typed at the prompt is an {@code erl_eval} fun
 * ({@code #Function<42.3316493/1 in :erl_eval.expr/6>}, the index by arity), a capture of a
 * remote function prints as itself ({@code &Enum.map/2}, after an alias {@code &String.upcase/1}),
 * a fn of a module names its function and its number in the module
 * ({@code #Function<1.UNIQ/1 in MyApp.Foo.a/0>}; the inputs show all but the uniq, which the BEAM takes from the code); and
 * {@code alias} and {@code import} at the prompt hold for the inputs after them and for a module
 * defined there.
 */
@Timeout(120)
class FunsAndPromptEnvSessionTest {

    @Test
    void fnsPrintAsIexPrintsThemAndThePromptKeepsItsAliasesAndImports() {
        IexSessionCheck.against("funs_and_env.txt").everyInput().check();
    }
}
