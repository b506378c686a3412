package procshell.shell.elixir.compiler;

import java.util.List;
import java.util.Map;

/**
 * The JVM code of a {@code fn} typed at the prompt, made once the fn has been called often
 * ({@value #CALLS} calls of the fns one {@code fn} expression made): until then its clauses are
 * interpreted ({@link DirectFun}), which costs nothing to prepare, so an input whose fn runs a few
 * times waits for no compiler; a fn given to a long {@code Enum.reduce} then runs as a module's fn
 * does ({@link FunctionCompiler#promptFn}). One per {@code fn} expression of an input, shared by
 * every fn it makes (each passes its own captured values), and by every process that calls them.
 *
 * <p>The fn keeps what it is to the rest of the shell: the same {@link DirectFun} (its quoted form
 * for other nodes, its FunctionClauseError as erl_eval's, its frame), a reduction per call. A fn
 * with a form the compiled code leaves to the direct evaluator ({@code receive}, {@code try}, a fn
 * inside it, an import's function, ...) stays interpreted.
 *
 * <p>The compiled clauses are kept by what they were made from (the clauses' quoted form without
 * its metadata, the names of the variables read, the prompt's aliases): the same fn typed again (an
 * input run again, a line recalled from the history) runs that code, warm for the JIT, from its
 * first call.
 */
final class PromptFnCode {
    /** How many calls of its fns make a fn expression compiled. */
    static final int CALLS = 500;

    private final List<ControlCompiler.Clause> clauses;
    private final int arity;
    private final int line;
    private final PromptEnv prompt;
    /** The variables of the input the fn reads, by name, and their slots in the input's variables. */
    private final Map<String, Integer> captured;
    private int calls;
    /** The compiled clauses; null until compiled. */
    private volatile CompiledFn.Body body;
    private volatile boolean refused;
    /** What the compiled clauses are kept by in {@link #MADE}. */
    private final List<Object> key;

    /** The compiled clauses of the latest fns, by what they were made from (a fn that stays interpreted: {@link #REFUSED}). */
    private static final Map<List<Object>, Object> MADE = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Object> eldest) {
            return size() > 256;
        }
    });
    private static final Object REFUSED = new Object();

    /**
     * @param clauses  the fn's clauses
     * @param arity    its arity
     * @param line     its line
     * @param visible  the input's variables it could read, by name, and their slots
     * @param arrows   its clauses' quoted form (what names it reads)
     * @param prompt   the prompt's aliases and imports
     */
    PromptFnCode(List<ControlCompiler.Clause> clauses, int arity, int line, Map<String, Integer> visible, Object arrows, PromptEnv prompt) {
        this.clauses = clauses;
        this.arity = arity;
        this.line = line;
        this.prompt = prompt;
        java.util.Set<String> used = new java.util.HashSet<>();
        FunctionCompiler.varNames(arrows, used);
        Map<String, Integer> read = new java.util.LinkedHashMap<>();
        visible.forEach((name, slot) -> {
            if (used.contains(name)) read.put(name, slot);
        });
        this.captured = read;
        this.key = List.of(withoutMeta(arrows), List.copyOf(read.keySet()), prompt.aliases(), prompt.imports().isEmpty());
        Object made = MADE.get(key);
        if (made instanceof CompiledFn.Body b) body = b;
        else if (made == REFUSED) refused = true;
    }

    /** A quoted form with every node's metadata empty (lines and columns differ between inputs typing the same fn). */
    private static Object withoutMeta(Object ast) {
        if (ast instanceof List<?> l) {
            List<Object> out = new java.util.ArrayList<>(l.size());
            for (Object o : l) out.add(withoutMeta(o));
            return out;
        }
        if (ast instanceof procshell.runtime.node.Tuple t) {
            Object[] out = new Object[t.size()];
            for (int i = 0; i < out.length; i++) out[i] = t.size() == 3 && i == 1 && t.get(1) instanceof List<?> ? List.of() : withoutMeta(t.get(i));
            return procshell.runtime.node.Tuple.of(out);
        }
        return ast;
    }

    /**
     * The compiled clauses once the fns have been called {@value #CALLS} times (compiled then, in
     * the calling process); null before, and for a fn that stays interpreted. Counts a call.
     */
    CompiledFn.Body body() {
        CompiledFn.Body b = body;
        if (b != null || refused) return b;
        if (++calls < CALLS) return null; // a lost increment between processes only delays the compile
        synchronized (this) {
            if (body == null && !refused) {
                body = FunctionCompiler.promptFn(clauses, arity, line, List.copyOf(captured.keySet()), prompt);
                refused = body == null;
                MADE.put(key, refused ? REFUSED : body);
            }
        }
        return body;
    }

    /** The values the compiled clauses read, in their order, from a fn's copy of the input's variables. */
    Object[] captured(Object[] env) {
        Object[] out = new Object[captured.size()];
        int i = 0;
        for (int slot : captured.values()) out[i++] = env[slot];
        return out;
    }
}
