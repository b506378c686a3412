package procshell.shell.iex;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;

/**
 * Where a fn of the shell comes from, which decides how the BEAM prints it: a capture of a
 * remote function prints as itself ({@code &Enum.map/2}), a fn written in a function of a module
 * names that function and its number among the module's funs
 * ({@code #Function<0.18581596/1 in M.a/0>}), and a fn typed at the prompt is an
 * {@code erl_eval} fun ({@code #Function<42.3316493/1 in :erl_eval.expr/6>}).
 */
public interface FunOrigin {
    /** The remote function it captures ({@code &Enum.map/2}); null for any other fn. */
    Capture capture();

    /**
     * A capture of a remote function, {@code &module.function/arity}.
     *
     * @param module   the module's atom, e.g. {@code :"Elixir.Enum"}
     * @param function the function's name, e.g. {@code :map}
     * @param arity    its arity
     */
    record Capture(Atom module, Atom function, int arity) {
        /** As iex prints it: {@code &Enum.map/2}, {@code &:lists.reverse/1}. */
        public String label() {
            String name = Inspect.inspectAtom(function);
            return "&" + Inspect.inspectAtom(module) + "." + (name.startsWith(":") ? name.substring(1) : name) + "/" + arity;
        }
    }

    /** The module it is written in, as Elixir shows it ({@code "M"}, {@code ":lower"}); null at the prompt. */
    String module();

    /** The function it is written in, as Elixir shows it ({@code "M.a/0"}); null at the prompt. */
    String definedIn();

    /** Its number among the module's funs, from 0 in the order they are written. */
    int index();

    /** The {@code uniq} of OTP 25's (stdlib 4.2) {@code erl_eval}, whose funs a prompt's fns are. */
    long ERL_EVAL_UNIQ = 3316493;

    /** The {@code new_uniq} (MD5 of the code) of OTP 25's {@code erl_eval}. */
    byte[] ERL_EVAL_NEW_UNIQ = {6, 83, 97, (byte) 170, 70, 21, (byte) 144, (byte) 209, (byte) 189, (byte) 241, (byte) 235, 98,
            (byte) 209, (byte) 166, (byte) 235, 8};

    /** The index {@code erl_eval} gives a fun of this arity: {@code 43 - arity} (arity up to 20). */
    static int erlEvalIndex(int arity) {
        return 43 - arity;
    }

    /**
     * A module's {@code uniq}: the BEAM takes it from the module's code; here a number stable for
     * the module's name, of 27 bits as the BEAM's.
     *
     * @param module the module as Elixir shows it, e.g. {@code "MyApp.Foo"}
     */
    static long moduleUniq(String module) {
        int h = module.hashCode() * 0x9E3779B1; // spread short names' hashes over all 27 bits
        return (h ^ (h >>> 15)) & 0x7FFFFFF;
    }
}
