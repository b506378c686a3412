package procshell.shell.elixir.compiler;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.shell.iex.FunOrigin.Capture;
import procshell.shell.iex.Ops;

/**
 * A {@code fn} evaluated directly. As a compiled fn, it is a Groovy Closure of its arity (what the
 * facades, {@code spawn} and {@code f.(x)} call), counts a reduction per call, tries its clauses
 * in order (patterns, then guard) and raises FunctionClauseError when none matches, and sees the
 * variables as they were when it was made (it keeps a copy of the slots; a call works on a copy
 * of that, so that calls from several processes do not meet).
 */
final class DirectFun extends groovy.lang.Closure<Object> implements procshell.shell.elixir.erl.QuotedFun, procshell.shell.iex.FunOrigin {
    private final Object[] env;
    private final int arity;
    private final List<DirectControl.Planned> clauses;
    /** The function of a module it is written in (null at the prompt). */
    private final Owner owner;

    /**
     * Where a fn written in a module's function stands: its name in errors
     * ({@code anonymous fn/1 in Mod.fun/2}), its line, the module and function it is written in
     * ({@code M}, {@code M.fun/2}) and its number among the module's fns.
     */
    record Owner(String display, int line, String module, String definedIn, int index) {}

    /** The remote function it captures ({@code &Enum.map/2}); null for any other fn. */
    private final Capture capture;

    /** A fn typed at the prompt, as typed, and the slots of the variables it could read: how it goes to another node (null in a module). */
    private final Object quoted;
    private final java.util.Map<String, Integer> visible;
    /** A fn typed at the prompt: its clauses' JVM code once it is made ({@link PromptFnCode}); null in a module. */
    private final PromptFnCode code;
    /** The values its JVM code reads, taken from {@code env} when first needed. */
    private Object[] captured;

    DirectFun(Object[] env, int arity, List<DirectControl.Planned> clauses, Owner owner) {
        this(env, arity, clauses, owner, null, java.util.Map.of(), null, null);
    }

    /** A fn typed at the prompt: its quoted form, the slots of the variables it could read, its JVM code to be. */
    DirectFun(Object[] env, int arity, List<DirectControl.Planned> clauses, Object quoted, java.util.Map<String, Integer> visible, PromptFnCode code) {
        this(env, arity, clauses, null, quoted, visible, null, code);
    }

    /** This fn as the capture {@code &module.function/arity} it was written as. */
    DirectFun capturing(Atom module, Atom function) {
        return new DirectFun(env, arity, clauses, owner, quoted, visible, new Capture(module, function, arity), code);
    }

    private DirectFun(Object[] env, int arity, List<DirectControl.Planned> clauses, Owner owner, Object quoted,
            java.util.Map<String, Integer> visible, Capture capture, PromptFnCode code) {
        super(null);
        this.code = code;
        this.capture = capture;
        this.owner = owner;
        this.quoted = quoted;
        this.visible = visible;
        this.env = env;
        this.arity = arity;
        this.clauses = clauses;
        maximumNumberOfParameters = arity;
        parameterTypes = new Class<?>[arity];
        java.util.Arrays.fill(parameterTypes, Object.class);
    }

    /** The fn as typed at the prompt; null for a fn of a module (it goes to other nodes as a fun of that module). */
    @Override
    public Object quoted() {
        return quoted;
    }

    @Override
    public java.util.Map<String, Object> bindings() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        visible.forEach((name, slot) -> out.put(name, env[slot]));
        return out;
    }

    @Override
    public Capture capture() {
        return capture;
    }

    @Override
    public String module() {
        return owner == null ? null : owner.module();
    }

    @Override
    public String definedIn() {
        return owner == null ? null : owner.definedIn();
    }

    @Override
    public int index() {
        return owner == null ? 0 : owner.index();
    }

    /** What iex names a fn typed at the prompt in a FunctionClauseError. */
    static String display(int arity) {
        return ":erl_eval.\"-inside-an-interpreted-fun-\"/" + arity;
    }

    @Override
    public Object call() {
        return call(new Object[0]);
    }

    @Override
    public Object call(Object argument) {
        return call(new Object[] {argument});
    }

    @Override
    public Object call(Object... arguments) {
        if (arguments == null) arguments = new Object[] {null};
        if (arguments.length != arity) {
            // as Groovy calls a closure of one parameter without arguments: with nil
            if (arity != 1 || arguments.length != 0) throw new groovy.lang.MissingMethodException("doCall", DirectFun.class, arguments);
            arguments = new Object[] {null};
        }
        CompiledFn.Body body = code == null ? null : code.body();
        if (body != null) return compiled(body, arguments); // its code counts the reduction
        if (procshell.runtime.process.Reductions.check()) throw new procshell.shell.eval.Interrupted("interrupted");
        Object[] e = env.clone();
        try {
            Object v = DirectControl.firstMatch(clauses, e, arguments);
            if (v == DirectControl.NO_MATCH) {
                if (owner == null) return Ops.functionClause(display(arity), null, arguments);
                return Ops.functionClause(owner.display(), "iex:" + owner.line() + ": " + owner.display(), arguments);
            }
            return v;
        } catch (Throwable t) {
            throw DirectExpr.<RuntimeException>rethrow(t);
        }
    }

    /** A call of the fn's JVM code, with the values it reads. */
    private Object compiled(CompiledFn.Body body, Object[] arguments) {
        Object[] c = captured;
        if (c == null) captured = c = code.captured(env);
        return switch (arity) {
            case 0 -> body.doCall(c);
            case 1 -> body.doCall(c, arguments[0]);
            case 2 -> body.doCall(c, arguments[0], arguments[1]);
            default -> body.doCall(c, arguments[0], arguments[1], arguments[2]);
        };
    }

    /** What Groovy's own dispatch of a closure call looks for. */
    public Object doCall(Object... arguments) {
        return call(arguments);
    }
}
