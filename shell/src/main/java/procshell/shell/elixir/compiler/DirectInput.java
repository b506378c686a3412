package procshell.shell.elixir.compiler;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procshell.runtime.node.Tuple;

/**
 * A prompt input evaluated straight from its quoted form, without compiling it onto Groovy, as
 * iex evaluates its inputs with {@code erl_eval}: Groovy's compiler takes tens of milliseconds
 * per input once warm and seconds before, while most inputs are a few calls. An input qualifies
 * when it is made of literals, lists, tuples, maps, strings with interpolation, variables,
 * matches {@code pattern = expr}, pipes, operators, {@code f.(args)}, {@code term.key},
 * {@code raise} and {@code throw}, calls of Kernel's functions, the facades' and the session's
 * modules, {@code fn}s, {@code case}, {@code cond}, {@code if}/{@code unless}, {@code with},
 * {@code for}, {@code try}, {@code receive} and {@code match?} ({@link DirectPlanner},
 * {@link DirectControl}); anything else ({@code defmodule}, captures, sigils, an unknown name,
 * a pattern with binaries, ...) is left to {@link ElixirCompiler}, which also reports every
 * compile-time error.
 *
 * <p>Patterns run the steps the compiler plans for them ({@link PatternCompiler},
 * {@link DirectPattern}).
 * <p>Every call is resolved as the compiler resolves it ({@link CallTargets}) and calls the same
 * method with the same arguments in the same order, so an input means the same whichever path
 * evaluates it; a method that Groovy would have to choose among overloads, or convert arguments
 * for, is called through Groovy's own dispatch.
 */
public final class DirectInput {
    /** Where the input's variables live between inputs (the shell's bindings). */
    public interface Variables {
        /** The value of a bound variable. */
        Object get(String name);

        /** Binds a variable, after the input evaluated without raising. */
        void set(String name, Object value);

        /** Variables kept in {@code map} (read and written through). */
        static Variables in(Map<String, Object> map) {
            return new Variables() {
                @Override
                public Object get(String name) {
                    return map.get(name);
                }

                @Override
                public void set(String name, Object value) {
                    map.put(name, value);
                }
            };
        }
    }

    private final DirectExpr body;
    private final int slots;
    /** The shell's variables the input reads, by the slot they are loaded into first. */
    private final Map<String, Integer> initial;
    /** Every variable bound when the input ends, by its slot. */
    private final Map<String, Integer> bound;

    private DirectInput(DirectExpr body, int slots, Map<String, Integer> initial, Map<String, Integer> bound) {
        this.body = body;
        this.slots = slots;
        this.initial = initial;
        this.bound = bound;
    }

    /**
     * Plans an input for direct evaluation.
     *
     * @param quoted         the input's quoted form
     * @param boundVariables the variables bound at the prompt so far
     * @return the planned input, or null when the compiler has to compile it
     */
    public static DirectInput plan(Object quoted, Set<String> boundVariables) {
        return plan(quoted, boundVariables, PromptEnv.EMPTY);
    }

    /**
     * Plans an input for direct evaluation in the prompt's environment (its aliases: an input
     * that itself aliases or imports is the compiler's).
     *
     * @param quoted         the input's quoted form
     * @param boundVariables the variables bound at the prompt so far
     * @param env            the aliases and imports earlier inputs typed
     * @return the planned input, or null when the compiler has to compile it
     */
    public static DirectInput plan(Object quoted, Set<String> boundVariables, PromptEnv env) {
        DirectPlanner p = new DirectPlanner(env);
        Map<String, Integer> scope = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        namesIn(quoted, used);
        for (String name : used) {
            if (boundVariables.contains(name)) scope.put(name, p.slot());
        }
        Map<String, Integer> initial = Map.copyOf(scope);
        try {
            DirectExpr body = p.expr(quoted, scope);
            return new DirectInput(body, p.slots(), initial, scope);
        } catch (DirectPlanner.Unsupported | ClassCastException | IndexOutOfBoundsException e) {
            return null; // the compiler's: a form the direct path lacks, or one malformed (the compiler reports it)
        }
    }

    /**
     * Evaluates the input (in the shell process, as the compiled script would run).
     *
     * @param variables the shell's bindings: read first, written once the input evaluated
     * @return the value of the input's last expression
     * @throws Throwable whatever the input raised, exited or threw, as the compiled input would
     */
    public Object run(Variables variables) throws Throwable {
        // one reduction on entry, as the compiled input's script counts (a kill or Ctrl-C stops it here)
        if (procshell.runtime.process.Reductions.check()) throw new procshell.shell.eval.Interrupted("interrupted");
        Object[] env = new Object[slots];
        for (Map.Entry<String, Integer> e : initial.entrySet()) env[e.getValue()] = variables.get(e.getKey());
        Object value = body.eval(env);
        for (Map.Entry<String, Integer> e : bound.entrySet()) {
            if (!e.getValue().equals(initial.get(e.getKey()))) variables.set(e.getKey(), env[e.getValue()]);
        }
        return value;
    }

    /**
     * The classes of the modules the calling thread defined (by inputs it ran) since it last
     * asked: the shell's evaluator keeps them as the modules typed at the prompt (completion).
     */
    public static List<Class<?>> modulesDefined() {
        return DefinedModules.take();
    }

    /**
     * True for the frame of {@link #run}: what lies under it is the evaluator's, as under a
     * compiled input's script frame (stack traces are cut there, as iex cuts its own frames).
     */
    public static boolean isInputFrame(StackTraceElement frame) {
        return frame.getClassName().equals(DirectInput.class.getName()) && frame.getMethodName().equals("run");
    }

    /**
     * True for the frame of a directly evaluated {@code fn}'s call: as a compiled fn's closure
     * frame, the code typed at the prompt, run by erl_eval.
     */
    public static boolean isFunFrame(StackTraceElement frame) {
        return frame.getClassName().equals(DirectFun.class.getName()) && frame.getMethodName().equals("call");
    }

    /** The names of the variables an expression mentions (bound or read), as the compiler reads them first. */
    private static void namesIn(Object ast, Set<String> out) {
        if (ast instanceof List<?> l) {
            for (Object o : l) namesIn(o, out);
        } else if (ast instanceof Tuple t && t.size() == 2) {
            namesIn(t.get(0), out);
            namesIn(t.get(1), out);
        } else if (Quoted.isVar(ast)) {
            out.add(Quoted.name(ast));
        } else if (Quoted.isNode(ast)) {
            namesIn(Quoted.head(ast), out);
            namesIn(Quoted.args(ast), out);
        }
    }
}
