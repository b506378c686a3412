package procshell.shell.elixir.compiler;

import java.util.List;
import java.util.Set;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The shape checks Elixir's compiler makes on {@code case} and {@code receive} before anything
 * runs, with its CompileError texts: {@code case 1 do end} is
 * {@code expected -> clauses for :do in "case"}, {@code case 1 do 1 -> 2 after 3 -> 4 end} is
 * {@code unexpected option :after in "case"}, and a clause with two patterns is
 * {@code expected one argument for :do clauses (->) in "case"}.
 */
final class ClauseChecks {
    private static final Atom ARROW = Atom.of("->");

    private ClauseChecks() {}

    /**
     * Checks the keyword list of a {@code case} or {@code receive}.
     *
     * @param construct "case" or "receive"
     * @param options   the do/after keyword list as quoted
     * @param allowed   the keys the construct takes ({@code do}, and {@code after} for receive)
     * @param line      the construct's line, for the error
     * @throws CompileError as Elixir's compiler raises it
     */
    static void check(String construct, Object options, Set<String> allowed, int line) {
        if (!(options instanceof List<?> keywords)) return;
        for (Object o : keywords) {
            if (!(o instanceof Tuple kv) || kv.size() != 2 || !(kv.get(0) instanceof Atom key)) continue;
            if (!allowed.contains(key.name())) {
                throw new CompileError(line, "unexpected option :" + key.name() + " in \"" + construct + "\"");
            }
            // receive do after 10 -> :t end: an empty do beside an after
            if (construct.equals("receive") && key.name().equals("do") && isEmptyBlock(kv.get(1))) continue;
            if (!(kv.get(1) instanceof List<?> clauses) || clauses.isEmpty() || !clauses.stream().allMatch(ClauseChecks::isArrow)) {
                throw new CompileError(line, "expected -> clauses for :" + key.name() + " in \"" + construct + "\"");
            }
            for (Object clause : clauses) {
                if (Quoted.args(clause).get(0) instanceof List<?> patterns && patterns.size() != 1) {
                    throw new CompileError(line, "expected one argument for :" + key.name() + " clauses (->) in \"" + construct + "\"");
                }
            }
        }
    }

    private static boolean isEmptyBlock(Object q) {
        return Quoted.isNode(q) && Atom.of("__block__").equals(Quoted.head(q)) && Quoted.args(q).isEmpty();
    }

    private static boolean isArrow(Object clause) {
        return Quoted.isNode(clause) && ARROW.equals(Quoted.head(clause)) && Quoted.args(clause).size() == 2;
    }
}
