package procshell.shell.elixir.compiler;

import java.util.List;
import java.util.Set;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The shape checks Elixir's compiler makes on {@code case}, {@code receive}, {@code cond},
 * {@code try} and {@code with} before anything runs, with its CompileError texts:
 * {@code case 1 do end} is {@code expected -> clauses for :do in "case"},
 * {@code case 1 do 1 -> 2 after 3 -> 4 end} is {@code unexpected option :after in "case"}, and a
 * clause with two patterns is {@code expected one argument for :do clauses (->) in "case"}.
 */
final class ClauseChecks {
    private static final Atom ARROW = Atom.of("->");
    private static final String MAPFOLDL = "(stdlib 4.2) lists.erl:";

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
        Set<String> seen = new java.util.HashSet<>();
        int index = 0;
        for (Object o : keywords) {
            if (!(o instanceof Tuple kv) || kv.size() != 2 || !(kv.get(0) instanceof Atom key)) continue;
            String k = key.name();
            String in = " in \"" + construct + "\"";
            if (!allowed.contains(k)) throw new CompileError(line, "unexpected option :" + k + in, frames(index, false));
            if (!seen.add(k)) throw new CompileError(line, "duplicated :" + k + " clauses given for \"" + construct + "\"");
            // receive do after 10 -> :t end: an empty do beside an after
            boolean emptyDo = construct.equals("receive") && k.equals("do") && isEmptyBlock(kv.get(1));
            boolean arrows = kv.get(1) instanceof List<?> cs && !cs.isEmpty() && cs.stream().allMatch(ClauseChecks::isArrow);
            if (k.equals("after")) {
                if (!arrows || ((List<?>) kv.get(1)).size() != 1) {
                    throw new CompileError(line, "expected a single -> clause for :after" + in, frames(index, false));
                }
            } else if (!emptyDo && !arrows) {
                throw new CompileError(line, "expected -> clauses for :" + k + in, frames(index, false));
            }
            if (arrows) {
                for (Object clause : (List<?>) kv.get(1)) {
                    if (Quoted.args(clause).get(0) instanceof List<?> patterns && patterns.size() != 1) {
                        throw new CompileError(line, "expected one argument for :" + k + " clauses (->)" + in, frames(index, true));
                    }
                }
            }
            index++;
        }
    }

    /**
     * Checks the keyword list of a {@code cond}: its {@code do} must be {@code ->} clauses
     * ({@code cond do end} is {@code expected -> clauses for :do in "cond"}).
     *
     * @throws CompileError as Elixir's compiler raises it
     */
    static void checkCond(Object options, int line) {
        check("cond", options, Set.of("do"), line);
    }

    /**
     * Checks the keyword list of a {@code try}: a {@code do} alone is
     * {@code missing :catch/:rescue/:after option in "try"}, and {@code rescue}, {@code catch}
     * and {@code else} must be {@code ->} clauses ({@code expected -> clauses for :rescue in "try"}).
     *
     * @throws CompileError as Elixir's compiler raises it
     */
    static void checkTry(Object options, int line) {
        if (!(options instanceof List<?> keywords)) return;
        if (keywords.size() == 1 && Quoted.hasKeyword(keywords, "do")) {
            throw new CompileError(line, "missing :catch/:rescue/:after option in \"try\"");
        }
        int index = 0;
        for (Object o : keywords) {
            if (o instanceof Tuple kv && kv.size() == 2 && kv.get(0) instanceof Atom key && TRY_CLAUSES.contains(key.name()) && !arrows(kv.get(1))) {
                throw new CompileError(line, "expected -> clauses for :" + key.name() + " in \"try\"", frames(index, false));
            }
            index++;
        }
    }

    private static final Set<String> TRY_CLAUSES = Set.of("rescue", "catch", "else");

    /**
     * Checks a {@code with}'s options: its {@code else} must be {@code ->} clauses
     * ({@code expected -> clauses for :else in "with"}).
     *
     * @throws CompileError as Elixir's compiler raises it
     */
    static void checkWith(Object options, int line) {
        if (Quoted.hasKeyword(options, "else") && !arrows(Quoted.keyword(options, "else"))) {
            throw new CompileError(line, "expected -> clauses for :else in \"with\"");
        }
    }

    /** A non-empty list of {@code ->} clauses. */
    private static boolean arrows(Object value) {
        return value instanceof List<?> cs && !cs.isEmpty() && cs.stream().allMatch(ClauseChecks::isArrow);
    }

    /**
     * The stack lines iex shows under these errors: Elixir's compiler walks the options with
     * {@code :lists.mapfoldl/3}, one frame deeper per option before the failing one, and one
     * more when a clause inside it fails.
     */
    private static List<String> frames(int optionIndex, boolean inClause) {
        List<String> out = new java.util.ArrayList<>();
        out.add(MAPFOLDL + "1462: :lists.mapfoldl_1/3");
        for (int i = 0; i < optionIndex; i++) out.add(MAPFOLDL + "1463: :lists.mapfoldl_1/3");
        if (inClause) out.add(MAPFOLDL + "1462: :lists.mapfoldl_1/3");
        return out;
    }

    private static boolean isEmptyBlock(Object q) {
        return Quoted.isNode(q) && Atom.of("__block__").equals(Quoted.head(q)) && Quoted.args(q).isEmpty();
    }

    private static boolean isArrow(Object clause) {
        return Quoted.isNode(clause) && ARROW.equals(Quoted.head(clause)) && Quoted.args(clause).size() == 2;
    }
}
