package procshell.shell.elixir.compiler;

import java.util.List;
import java.util.Set;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The checks Elixir's compiler makes on a {@code for}'s options before anything runs, with its
 * CompileError texts: {@code for x <- l, label: 1, do: x} is
 * {@code unsupported option :label given to for}, {@code uniq: 1} is
 * {@code :uniq option for comprehensions only accepts a boolean, got: 1}, and {@code reduce:}
 * beside {@code into:} or {@code uniq:} is
 * {@code cannot use :reduce alongside :into/:uniq in comprehension}.
 */
final class ForOptions {
    /** The keys a {@code for} takes. */
    private static final Set<String> KEYS = Set.of("do", "into", "uniq", "reduce");

    private ForOptions() {}

    /**
     * Checks the options of a {@code for} (its last argument once merged, see
     * {@code ControlCompiler.mergeOptions}).
     *
     * @param options the keyword list as quoted ({@code [do: ..., into: ...]})
     * @param line    the {@code for}'s line, for the error
     * @throws CompileError as Elixir's compiler raises it
     */
    static void check(List<?> options, int line) {
        for (Object o : options) {
            if (o instanceof Tuple kv && kv.size() == 2 && kv.get(0) instanceof Atom key && !KEYS.contains(key.name())) {
                throw new CompileError(line, "unsupported option " + procshell.shell.iex.Kernel.inspect(key) + " given to for");
            }
        }
        if (Quoted.hasKeyword(options, "uniq") && !(Quoted.keyword(options, "uniq") instanceof Boolean)) {
            throw new CompileError(line, ":uniq option for comprehensions only accepts a boolean, got: "
                    + Compiler.describe(Quoted.keyword(options, "uniq")));
        }
        if (Quoted.hasKeyword(options, "reduce") && (Quoted.hasKeyword(options, "into") || Quoted.hasKeyword(options, "uniq"))) {
            throw new CompileError(line, "cannot use :reduce alongside :into/:uniq in comprehension");
        }
    }
}
