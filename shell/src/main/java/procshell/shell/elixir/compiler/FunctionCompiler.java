package procshell.shell.elixir.compiler;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import groovyjarjarasm.asm.ConstantDynamic;
import groovyjarjarasm.asm.Handle;
import groovyjarjarasm.asm.Label;
import groovyjarjarasm.asm.Opcodes;
import groovyjarjarasm.asm.Type;
import groovyjarjarasm.asm.tree.LdcInsnNode;
import groovyjarjarasm.asm.tree.MethodNode;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.iex.Modules;
import procshell.shell.iex.Operators;
import procshell.shell.iex.Ops;

/**
 * Compiles a function of a module defined without Groovy ({@link DirectModule}) to JVM bytecode,
 * straight from its clauses' quoted form: the static method of the module's class that takes one
 * {@code Object} per argument. Its clauses are tried in order on the pattern steps
 * {@link PatternCompiler} plans for the other paths (the same {@link Ops} tests in the same order),
 * guards as the direct path runs them (one that raises is false); the module's own calls are
 * {@code invokestatic}s (so a recursion takes one small JVM frame per level, as deep as the
 * thread's stack), a self call in tail position a jump back to the clauses, and operators,
 * {@code if}/{@code unless}, {@code case}, {@code and}/{@code or}, blocks and {@code =} are code
 * of the method. Each expression carries its Elixir line (file {@code iex}), so a stack frame reads
 * {@code iex:LINE: Mod.fun/arity}. As compiled code: a reduction ({@link ModuleRuntime#enter}, then
 * {@link ModuleRuntime#reduce}) at the function's entry and at each turn of a self tail call.
 *
 * <p>Any other form is planned by the direct evaluator ({@link DirectPlanner}, with the same
 * variable slots: the method keeps the function's variables in the activation's slot array) and
 * called from the method; its value in tail position may be a self tail call to loop on
 * ({@link ModuleRuntime#tailArgs}). Literals and those planned expressions are dynamic constants of
 * the class ({@link ModuleRuntime#constant}).
 */
final class FunctionCompiler {
    private static final String OBJECT = "java/lang/Object";
    private static final String OBJECT_D = "Ljava/lang/Object;";
    private static final String RUNTIME = Type.getInternalName(ModuleRuntime.class);
    private static final String OPS = Type.getInternalName(Ops.class);
    private static final String CONTEXT_D = Type.getDescriptor(procshell.runtime.process.ProcessContext.class);
    private static final String BOOTSTRAP_HEAD = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;";
    private static final Handle CONSTANT = new Handle(Opcodes.H_INVOKESTATIC, RUNTIME, "constant", BOOTSTRAP_HEAD + "I)Ljava/lang/Object;", false);
    private static final Handle ATOM = new Handle(Opcodes.H_INVOKESTATIC, RUNTIME, "atom", BOOTSTRAP_HEAD + "Ljava/lang/String;)Ljava/lang/Object;", false);
    /** The forms {@link DirectPlanner} treats itself before a call of the module's own function of that name. */
    private static final Set<String> PLANNER_FORMS = Set.of("__block__", "=", "{}", "%{}", "<<>>", "__aliases__", "__MODULE__", "@", "%", "fn",
            "defmodule", "&", "if", "unless", "case", "cond", "with", "for", "try", "receive", "match?", "|>", "raise", "throw", "def", "defp",
            "defmacro", "defmacrop", "defstruct", "defexception", "defdelegate", "defguard", "alias", "require", "import", "^", "reraise",
            "super", "quote", "unquote", "|", "::");

    private final DirectModule module;
    /** The module class's internal name. */
    private final String owner;
    /** The class's constants (literals, planned expressions), numbered by position. */
    private final List<Object> constants;

    // the function being compiled
    private DirectFunction fn;
    private DirectPlanner planner;
    private MethodNode mn;
    private int env;
    private int nextLocal;
    private Label loop;
    /** The local holding the process context the method's entry read ({@link ModuleRuntime#enter}), for its loops' reductions. */
    private int context;
    private int line;
    /**
     * True while compiling with the variables in JVM locals (a slot's local is {@code env + 1 + slot}):
     * the function then needs no slot array, as long as nothing is left to the direct evaluator.
     */
    private boolean inLocals;
    /** The local of the first parameter: 0 in a function's static method, 2 in a fn's {@code doCall(this, captured, ...)}. */
    private int paramBase;
    /** True while compiling a fn's clauses (no self tail call of the function there). */
    private boolean inFn;
    /** True when compiling a fn typed at the prompt ({@link #promptFn}): a class of its own, named and framed as erl_eval's fn. */
    private boolean promptFn;

    // integers kept unboxed (UnboxedIntegers): only in a function's own method with its variables in locals
    /** Where the long locals of unboxed integers are numbered until the end (renumbered after the slots' locals). */
    private static final int LONGS = 50_000;
    /** True while the method's integers may stay unboxed. */
    private boolean unboxed;
    /** The parameters a self tail call passes a sum, a difference or a product in: their values may be unboxed. */
    private boolean[] unboxedParams = new boolean[0];
    /** The slots whose values may be unboxed. */
    private Set<Integer> unboxedSlots = new java.util.HashSet<>();
    /** The long locals used (numbered from {@link #LONGS}), each set to 0 at the method's start. */
    private java.util.SortedSet<Integer> longLocals = new java.util.TreeSet<>();
    /** While matching a function's clauses: the long locals of the subjects that are unboxed parameters, by subject name. */
    private Map<String, Integer> subjectLongs = Map.of();

    /** Thrown when a function compiled with its variables in locals needs the direct evaluator, which reads slots. */
    private static final class NeedsSlots extends RuntimeException {
        static final NeedsSlots INSTANCE = new NeedsSlots();

        private NeedsSlots() {
            super(null, null, false, false);
        }
    }

    /**
     * @param module    the module being planned (its functions, aliases, attributes, tail calls)
     * @param owner     the internal name of the module's class
     * @param constants where the code's constants go (the class's {@value ModuleRuntime#CONSTANTS})
     */
    FunctionCompiler(DirectModule module, String owner, List<Object> constants) {
        this.module = module;
        this.owner = owner;
        this.constants = constants;
    }

    /**
     * Compiles the clauses of a fn typed at the prompt ({@link PromptFnCode}) to a class of its own,
     * as a module's fn's ({@link CompiledFn.Body}): the values of the variables it reads come in
     * {@code doCall}'s array, in the order given. Its FunctionClauseError names erl_eval's fn, and its
     * frames are no Elixir code (the calling {@link DirectFun}'s frame stands for it, as when
     * interpreted).
     *
     * @param captured the names of the input's variables it reads
     * @return its code, or null when it has a form the compiled code leaves to the direct evaluator,
     *         reads {@code __MODULE__} or an attribute, or the prompt imports modules (they stay interpreted)
     */
    static CompiledFn.Body promptFn(List<ControlCompiler.Clause> clauses, int arity, int line, List<String> captured, PromptEnv prompt) {
        if (arity > 3 || !prompt.imports().isEmpty()) return null;
        for (ControlCompiler.Clause c : clauses) {
            if (mentions(c.patterns(), "__MODULE__", "@") || mentions(c.guard(), "__MODULE__", "@") || mentions(c.body(), "__MODULE__", "@")) return null;
        }
        DirectModule m = DirectModule.forPromptFn(prompt);
        List<Object> constants = new ArrayList<>();
        String name = "procshell/shell/fn/PromptFn__" + new Unit().id;
        FunctionCompiler c = new FunctionCompiler(m, name, constants);
        c.planner = new DirectPlanner(m);
        c.inLocals = true;
        c.promptFn = true;
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (String v : captured) slots.put(v, c.planner.slot());
        try {
            c.fnBody(name, arity, clauses, slots, DirectFun.display(arity), line);
        } catch (NeedsSlots | DirectPlanner.Unsupported e) {
            return null;
        }
        return ModuleClassWriter.promptFn(name, m.fnClasses.get(name), constants);
    }

    /** True when a quoted form holds a node named one of these ({@code __MODULE__}, {@code @}). */
    private static boolean mentions(Object ast, String... names) {
        if (ast instanceof List<?> l) {
            for (Object o : l) if (mentions(o, names)) return true;
        } else if (ast instanceof Tuple t) {
            if (t.size() == 3 && t.get(0) instanceof Atom a && List.of(names).contains(a.name())) return true;
            for (int i = 0; i < t.size(); i++) if (mentions(t.get(i), names)) return true;
        }
        return false;
    }

    /** The JVM descriptor of a module function of this arity. */
    static String descriptor(int arity) {
        return "(" + OBJECT_D.repeat(arity) + ")" + OBJECT_D;
    }

    /**
     * Compiles a function's clauses to its method.
     *
     * @param f       the function ({@link DirectModule#current} while compiling)
     * @param planner the planner of its code (slots, and the forms left to the direct evaluator)
     * @param clauses its clauses, in order
     * @param first   the line of its first clause (its FunctionClauseError's frame)
     * @return the method, to add to the module's class
     * @throws DirectPlanner.Unsupported when a form is the compiler's
     */
    MethodNode compile(DirectFunction f, java.util.function.Supplier<DirectPlanner> planners, List<ControlCompiler.Clause> clauses, int first) {
        int[] mark = module.fnMark();
        try {
            return compile(f, planners.get(), clauses, first, true);
        } catch (NeedsSlots e) {
            module.rewind(mark); // its fns are numbered again, as written
            return compile(f, planners.get(), clauses, first, false);
        }
    }

    private MethodNode compile(DirectFunction f, DirectPlanner planner, List<ControlCompiler.Clause> clauses, int first, boolean locals) {
        this.fn = f;
        this.planner = planner;
        this.inLocals = locals;
        this.paramBase = 0;
        this.inFn = false;
        this.pinned = 0;
        this.unboxed = locals;
        this.unboxedSlots = new java.util.HashSet<>();
        this.longLocals = new java.util.TreeSet<>();
        this.unboxedParams = new boolean[f.arity];
        if (locals) for (ControlCompiler.Clause c : clauses) unboxedSelfCallArguments(c.body(), f, unboxedParams);
        int access = (f.priv ? Opcodes.ACC_PRIVATE : Opcodes.ACC_PUBLIC) | Opcodes.ACC_STATIC;
        mn = new MethodNode(Opcodes.ASM9, access, Modules.javaName(f.name), descriptor(f.arity), null, null);
        env = f.arity;
        // in locals: the slots' locals come first, the temporaries after them (numbered once all slots are known)
        nextLocal = locals ? TEMPORARIES : f.arity + 1;
        line = 0;
        mn.visitCode();
        at(first);
        enter();
        loop = new Label();
        mn.visitLabel(loop);
        LdcInsnNode slots = slotArray();
        for (ControlCompiler.Clause c : clauses) {
            if (c.patterns().size() != f.arity) throw DirectPlanner.Unsupported.INSTANCE;
        }
        clauses(clauses, Map.of(), f.display, first);
        finish(slots);
        return mn;
    }

    /** In slot mode: a new slot array in {@code env}, its size (the ldc) patched by {@link #finish}; null with the variables in locals. */
    private LdcInsnNode slotArray() {
        if (inLocals) return null;
        mn.visitLdcInsn(0);
        LdcInsnNode size = (LdcInsnNode) mn.instructions.getLast();
        mn.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
        mn.visitVarInsn(Opcodes.ASTORE, env);
        return size;
    }

    /**
     * The clauses in order against the parameters (from local {@code paramBase}), each in a scope
     * starting from {@code outer}; FunctionClauseError naming {@code display} at {@code first} when none matches.
     */
    private void clauses(List<ControlCompiler.Clause> clauses, Map<String, Integer> outer, String display, int first) {
        int[] params = new int[clauses.get(0).patterns().size()];
        for (int i = 0; i < params.length; i++) params[i] = paramBase + i;
        for (ControlCompiler.Clause c : clauses) {
            Label next = new Label();
            Map<String, Integer> scope = pattern(c.patterns(), params, new LinkedHashMap<>(outer), next);
            if (c.guard() != null) guard(c.guard(), scope, next);
            tail(c.body(), scope);
            mn.visitLabel(next);
        }
        at(first);
        mn.visitLdcInsn(display);
        if (promptFn) mn.visitInsn(Opcodes.ACONST_NULL); // erl_eval's fn: no frame of its own
        else mn.visitLdcInsn("iex:" + first + ": " + display);
        array(params);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "functionClause", "(Ljava/lang/String;Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/Object;", false);
        mn.visitInsn(Opcodes.ARETURN);
    }

    /**
     * The method's entry: its reduction, and the process context kept in a local of its own for
     * the reductions of its loops ({@link #reduce()}).
     */
    private void enter() {
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "enter", "()" + CONTEXT_D, false);
        context = nextLocal++;
        mn.visitVarInsn(Opcodes.ASTORE, context);
    }

    /** A loop's turn: one reduction, counted in the context the entry read ({@link ModuleRuntime#reduce(procshell.runtime.process.ProcessContext)}). */
    private void reduce() {
        mn.visitVarInsn(Opcodes.ALOAD, context);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "reduce", "(" + CONTEXT_D + ")V", false);
    }

    /** Ends the method: the slot array's size (slot mode) or the temporaries after the slots' locals. */
    private void finish(LdcInsnNode slots) {
        mn.visitMaxs(0, 0);
        mn.visitEnd();
        if (slots != null) {
            slots.cst = Math.max(1, planner.slots());
            return;
        }
        groovyjarjarasm.asm.tree.InsnList zeros = new groovyjarjarasm.asm.tree.InsnList();
        for (int l : longLocals) {
            zeros.add(new groovyjarjarasm.asm.tree.InsnNode(Opcodes.LCONST_0));
            zeros.add(new groovyjarjarasm.asm.tree.VarInsnNode(Opcodes.LSTORE, l));
        }
        mn.instructions.insert(zeros); // every path then finds them set, as the verifier asks
        renumberTemporaries(env + 1 + planner.slots());
    }

    /** Where the temporaries' locals start while the slots' number is unknown (renumbered at the end). */
    private static final int TEMPORARIES = 60_000;

    /** Moves the long locals of unboxed integers down to just after the slots' locals, and the temporaries after them. */
    private void renumberTemporaries(int first) {
        int longs = longLocals.isEmpty() ? 0 : longLocals.last() - LONGS + 2;
        for (groovyjarjarasm.asm.tree.AbstractInsnNode i = mn.instructions.getFirst(); i != null; i = i.getNext()) {
            if (!(i instanceof groovyjarjarasm.asm.tree.VarInsnNode v)) continue;
            if (v.var >= TEMPORARIES) v.var = v.var - TEMPORARIES + first + longs;
            else if (v.var >= LONGS) v.var = v.var - LONGS + first;
        }
    }

    // ---- patterns and guards ------------------------------------------------------------------

    /**
     * Matches the subjects (in these locals) against the patterns, one each, jumping to
     * {@code fail} at the first failed test; the variables bound go to new slots.
     *
     * @return the scope of the code that runs on a match
     */
    private Map<String, Integer> pattern(List<Object> patterns, int[] subjects, Map<String, Integer> scope, Label fail) {
        if (DirectPattern.hasSegments(patterns)) throw DirectPlanner.Unsupported.INSTANCE;
        Scope names = new Scope();
        for (String name : scope.keySet()) names.bind(name, name);
        PatternCompiler compiler = new PatternCompiler(new Unit(), null);
        Pattern p = new Pattern();
        Map<String, Integer> locals = new HashMap<>();
        Map<String, Integer> longs = new HashMap<>();
        try {
            for (int i = 0; i < subjects.length; i++) {
                locals.put("subject" + i, subjects[i]);
                if (isUnboxedParam(subjects[i])) longs.put("subject" + i, paramLong(subjects[i]));
                compiler.match(patterns.get(i), "subject" + i, names, p);
            }
        } catch (CompileError e) {
            throw DirectPlanner.Unsupported.INSTANCE; // the compiler reports it
        }
        if (!p.isDirect()) throw DirectPlanner.Unsupported.INSTANCE;
        Map<String, Integer> slots = new HashMap<>();
        Map<String, Integer> outerLongs = subjectLongs;
        subjectLongs = longs;
        try {
            steps(p, locals, slots, scope, fail);
        } finally {
            subjectLongs = outerLongs;
        }
        Map<String, Integer> after = new LinkedHashMap<>(scope);
        p.variables.forEach((name, v) -> after.put(name, slots.get(v)));
        return after;
    }

    /** A pattern's steps: a test jumps to {@code fail} when it fails, a binding takes a new slot (both locals of an unboxed parameter). */
    private void steps(Pattern p, Map<String, Integer> locals, Map<String, Integer> slots, Map<String, Integer> scope, Label fail) {
        for (Pattern.Step s : p.steps) {
            if (!s.isTest() && s.term() instanceof Pattern.Ref r && subjectLongs.containsKey(r.variable())) {
                mn.visitVarInsn(Opcodes.ALOAD, locals.get(r.variable()));
                mn.visitVarInsn(Opcodes.LLOAD, subjectLongs.get(r.variable()));
                int slot = planner.slot();
                storePair(slot);
                slots.put(s.variable(), slot);
                continue;
            }
            Class<?> type = term(s.term(), locals, slots, scope);
            if (s.isTest()) {
                if (type != boolean.class) mn.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "passes", "(Ljava/lang/Object;)Z", false);
                mn.visitJumpInsn(Opcodes.IFEQ, fail);
            } else {
                box(type);
                int slot = planner.slot();
                store(slot);
                slots.put(s.variable(), slot);
            }
        }
    }

    /** Pushes a pattern step's term; answers its JVM type (boolean for a test's verdict, else Object). */
    private Class<?> term(Pattern.Term t, Map<String, Integer> locals, Map<String, Integer> slots, Map<String, Integer> scope) {
        switch (t) {
            case Pattern.Ref r -> {
                Integer local = locals.get(r.variable());
                if (local != null) {
                    mn.visitVarInsn(Opcodes.ALOAD, local);
                    Integer l = subjectLongs.get(r.variable());
                    if (l != null) {
                        mn.visitVarInsn(Opcodes.LLOAD, l);
                        UnboxedIntegers.box(mn);
                    }
                } else {
                    load(slots.get(r.variable()));
                }
            }
            case Pattern.Literal l -> literal(l.value());
            case Pattern.Pinned p -> {
                Integer slot = scope.get(p.name());
                if (slot == null) throw DirectPlanner.Unsupported.INSTANCE;
                load(slot);
            }
            case Pattern.Expression e -> value(e.ast(), scope);
            case Pattern.Call c -> {
                if (c.method().equals("same") && c.owner() == Ops.class && c.args().get(1) instanceof Pattern.Literal l
                        && l.value() instanceof Number n && !(n instanceof Double) && DirectPlanner.integerLiteral(n) instanceof Integer k) {
                    if (c.args().get(0) instanceof Pattern.Ref r && locals.containsKey(r.variable()) && subjectLongs.containsKey(r.variable())) {
                        mn.visitVarInsn(Opcodes.ALOAD, locals.get(r.variable()));
                        mn.visitVarInsn(Opcodes.LLOAD, subjectLongs.get(r.variable()));
                        mn.visitLdcInsn(k);
                        mn.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "isInteger", "(Ljava/lang/Object;JI)Z", false);
                        return boolean.class;
                    }
                    box(term(c.args().get(0), locals, slots, scope));
                    mn.visitLdcInsn(k);
                    mn.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "isInteger", "(Ljava/lang/Object;I)Z", false);
                    return boolean.class;
                }
                Method m = only(c.owner(), c.method(), c.args().size());
                if (m == null) throw new IllegalStateException("no single " + c.owner().getSimpleName() + "." + c.method());
                Class<?>[] types = m.getParameterTypes();
                for (int i = 0; i < types.length; i++) {
                    Pattern.Term a = c.args().get(i);
                    if (types[i] == int.class && a instanceof Pattern.Literal l && l.value() instanceof Integer n) {
                        mn.visitLdcInsn(n);
                    } else if (types[i] == String.class && a instanceof Pattern.Literal l && l.value() instanceof String s) {
                        mn.visitLdcInsn(s);
                    } else if (types[i] == Object.class) {
                        box(term(a, locals, slots, scope));
                    } else {
                        throw new IllegalStateException("a pattern step's argument of type " + types[i]);
                    }
                }
                mn.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(m.getDeclaringClass()), m.getName(), Type.getMethodDescriptor(m), false);
                return m.getReturnType() == boolean.class ? boolean.class : Object.class;
            }
            case Pattern.Raw r -> throw DirectPlanner.Unsupported.INSTANCE;
        }
        return Object.class;
    }

    /** A guard: passes on {@code true} only, one that raises fails; {@code a when b} passes when either does. */
    private void guard(Object guard, Map<String, Integer> scope, Label fail) {
        List<Object> alternatives = new ArrayList<>();
        while (Quoted.isCall(guard, "when", 2)) {
            alternatives.add(Quoted.args(guard).get(0));
            guard = Quoted.args(guard).get(1);
        }
        alternatives.add(guard);
        Label pass = new Label();
        for (Object alternative : alternatives) {
            Label start = new Label();
            Label end = new Label();
            Label raised = new Label();
            Label next = new Label();
            mn.visitTryCatchBlock(start, end, raised, "java/lang/RuntimeException");
            mn.visitLabel(start);
            value(alternative, new LinkedHashMap<>(scope));
            mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "isTrue", "(Ljava/lang/Object;)Z", false);
            mn.visitLabel(end);
            mn.visitJumpInsn(Opcodes.IFNE, pass);
            mn.visitJumpInsn(Opcodes.GOTO, next);
            mn.visitLabel(raised);
            mn.visitInsn(Opcodes.POP);
            mn.visitLabel(next);
        }
        mn.visitJumpInsn(Opcodes.GOTO, fail);
        mn.visitLabel(pass);
    }

    // ---- expressions in tail position ---------------------------------------------------------

    /** Code that returns the value of {@code ast}, or loops when it is a self tail call. */
    private void tail(Object ast, Map<String, Integer> scope) {
        String name = Quoted.isNode(ast) && !Quoted.isVar(ast) && !(Quoted.head(ast) instanceof Tuple) ? Quoted.name(ast) : null;
        List<Object> args = name != null ? Quoted.args(ast) : null;
        if (name != null && args != null) {
            switch (name) {
                case "__block__" -> {
                    if (!args.isEmpty()) {
                        for (int i = 0; i < args.size() - 1; i++) effect(args.get(i), scope);
                        tail(args.get(args.size() - 1), scope);
                        return;
                    }
                }
                case "if", "unless" -> {
                    if (args.size() == 2 && IfArguments.valid(args.get(1)) && args.get(1) instanceof List<?> options) {
                        ifExpr(args.get(0), options, scope, name.equals("if"), Quoted.line(ast), true);
                        return;
                    }
                }
                case "case" -> {
                    if (caseShape(args)) {
                        caseExpr(args, scope, Quoted.line(ast), true);
                        return;
                    }
                }
                case "|>" -> {
                    Object piped = pipe(args.get(0), args.get(1));
                    if (module.isTail(ast)) module.markTail(piped);
                    tail(piped, scope);
                    return;
                }
                case "cond" -> {
                    if (args.size() == 1 && condShape(args.get(0))) {
                        cond(args.get(0), scope, Quoted.line(ast), true);
                        return;
                    }
                }
                default -> {
                    if (!inFn && name.equals(fn.name) && args.size() == fn.arity && module.isTail(ast) && module.function(name, args.size()) == fn) {
                        selfTailCall(args, scope, Quoted.line(ast));
                        return;
                    }
                }
            }
        }
        boolean planned = value(ast, scope);
        if (planned && !inFn) loopOnTailCall();
        mn.visitInsn(Opcodes.ARETURN);
    }

    /** The arguments of the next turn, evaluated left to right, become the parameters; one reduction; back to the clauses. */
    private void selfTailCall(List<Object> args, Map<String, Integer> scope, int at) {
        int[] temps = new int[args.size()];
        int[] longs = new int[args.size()];
        for (int i = 0; i < temps.length; i++) {
            if (isUnboxedParam(i)) {
                pair(args.get(i), scope);
                longs[i] = longTemp();
                mn.visitVarInsn(Opcodes.LSTORE, longs[i]);
            } else {
                value(args.get(i), scope);
            }
            temps[i] = nextLocal++;
            mn.visitVarInsn(Opcodes.ASTORE, temps[i]);
        }
        for (int i = 0; i < temps.length; i++) {
            mn.visitVarInsn(Opcodes.ALOAD, temps[i]);
            mn.visitVarInsn(Opcodes.ASTORE, i);
            if (isUnboxedParam(i)) {
                mn.visitVarInsn(Opcodes.LLOAD, longs[i]);
                mn.visitVarInsn(Opcodes.LSTORE, paramLong(i));
            }
        }
        at(at);
        reduce();
        mn.visitJumpInsn(Opcodes.GOTO, loop);
    }

    /** With a value on the stack from the direct evaluator in tail position: a self tail call it answered loops. */
    private void loopOnTailCall() {
        Label value = new Label();
        mn.visitInsn(Opcodes.DUP);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "tailArgs", "(Ljava/lang/Object;)[Ljava/lang/Object;", false);
        mn.visitInsn(Opcodes.DUP);
        mn.visitJumpInsn(Opcodes.IFNULL, value);
        int next = nextLocal++;
        mn.visitVarInsn(Opcodes.ASTORE, next);
        mn.visitInsn(Opcodes.POP);
        for (int i = 0; i < fn.arity; i++) {
            mn.visitVarInsn(Opcodes.ALOAD, next);
            mn.visitLdcInsn(i);
            mn.visitInsn(Opcodes.AALOAD);
            mn.visitVarInsn(Opcodes.ASTORE, i);
        }
        reduce();
        mn.visitJumpInsn(Opcodes.GOTO, loop);
        mn.visitLabel(value);
        mn.visitInsn(Opcodes.POP);
    }

    // ---- values -------------------------------------------------------------------------------

    /**
     * Pushes the value of {@code ast}; what it binds is bound in {@code scope}.
     *
     * @return true when the direct evaluator computes it (in tail position it may answer a self tail call)
     */
    private boolean value(Object ast, Map<String, Integer> scope) {
        if (ast == null) {
            mn.visitInsn(Opcodes.ACONST_NULL);
            return false;
        }
        if (ast instanceof Boolean || ast instanceof String || ast instanceof Number || ast instanceof Atom) {
            literal(ast);
            return false;
        }
        if (ast instanceof List<?> l && (l.isEmpty() || !Quoted.isCall(l.get(l.size() - 1), "|", 2))) {
            opsArray("list", l, scope);
            return false;
        }
        if (ast instanceof List<?> l) {
            cons(l, scope);
            return false;
        }
        if (ast instanceof Tuple t && t.size() == 2) {
            opsArray("tuple", java.util.Arrays.asList(t.get(0), t.get(1)), scope);
            return false;
        }
        if (!Quoted.isNode(ast)) return planned(ast, scope);
        int at = Quoted.line(ast);
        if (Quoted.isVar(ast)) {
            String name = Quoted.name(ast);
            Integer slot = scope.get(name);
            if (slot != null && !name.equals("__MODULE__")) {
                load(slot);
                return false;
            }
            if (name.equals("__MODULE__")) {
                mn.visitLdcInsn(new ConstantDynamic("atom", OBJECT_D, ATOM, module.atomName()));
                return false;
            }
            if (slot == null && module.function(name, 0) != null) {
                localCall(module.function(name, 0), List.of(), scope, at);
                return false;
            }
            return planned(ast, scope);
        }
        if (Quoted.head(ast) instanceof Tuple) return dotCall(ast, scope);
        String name = Quoted.name(ast);
        List<Object> args = Quoted.args(ast);
        switch (name) {
            case "__block__" -> {
                if (args.isEmpty()) {
                    mn.visitInsn(Opcodes.ACONST_NULL);
                    return false;
                }
                for (int i = 0; i < args.size() - 1; i++) effect(args.get(i), scope);
                value(args.get(args.size() - 1), scope);
                return false;
            }
            case "=" -> {
                match(args.get(0), args.get(1), scope, at);
                return false;
            }
            case "{}" -> {
                opsArray("tuple", args, scope);
                return false;
            }
            case "%{}" -> {
                if (map(args, scope, at)) return false;
                return planned(ast, scope);
            }
            case "if", "unless" -> {
                if (args.size() == 2 && IfArguments.valid(args.get(1)) && args.get(1) instanceof List<?> options) {
                    ifExpr(args.get(0), options, scope, name.equals("if"), at, false);
                    return false;
                }
                return planned(ast, scope);
            }
            case "case" -> {
                if (!caseShape(args)) return planned(ast, scope);
                caseExpr(args, scope, at, false);
                return false;
            }
            case "|>" -> {
                return value(pipe(args.get(0), args.get(1)), scope);
            }
            case "__aliases__" -> {
                // Foo.Bar, after the module's aliases: an atom literal (the planner's error when __MODULE__ is in it)
                mn.visitLdcInsn(new ConstantDynamic("atom", OBJECT_D, ATOM, module.aliasName(ast)));
                return false;
            }
            case "%" -> {
                if (struct(args, scope, at)) return false;
                return planned(ast, scope);
            }
            case "@" -> {
                // an attribute read: its value's form, compiled where it is read, as the planner plans it
                if (args.size() != 1) return planned(ast, scope);
                Object attribute = module.attributeValue(args.get(0));
                int outerPinned = pinned;
                at(at);
                pinned = line; // the value's form carries the lines where it was set: it runs at the line that reads it
                try {
                    return value(attribute, new LinkedHashMap<>());
                } finally {
                    pinned = outerPinned;
                }
            }
            case "for" -> {
                if (forExpr(args, scope, at)) return false;
                return planned(ast, scope);
            }
            case "fn" -> {
                if (fnExpr(args, scope, at, null)) return false;
                return planned(ast, scope);
            }
            case "&" -> {
                Object clause = args.size() == 1 ? ControlCompiler.captureClause(args.get(0)) : null;
                ControlCompiler.RemoteCapture remote = clause == null ? null : ControlCompiler.RemoteCapture.of(args.get(0));
                // &m.upcase/1 is :erlang.make_fun(m, :upcase, 1): the planner's
                if (clause != null && (remote == null || !Quoted.isVar(remote.left())) && fnExpr(List.of(clause), scope, at > 0 ? at : line, ControlCompiler.captureTarget(args.get(0), module::aliasName, module.imports))) {
                    return false;
                }
                return planned(ast, scope);
            }
            case "cond" -> {
                if (args.size() != 1 || !condShape(args.get(0))) return planned(ast, scope);
                cond(args.get(0), scope, at, false);
                return false;
            }
            default -> { }
        }
        if (PLANNER_FORMS.contains(name) || name.startsWith("sigil_")) return planned(ast, scope);
        DirectFunction local = module.function(name, args.size());
        if (local != null) {
            localCall(local, args, scope, at);
            return false;
        }
        if (args.size() == 1 && name.equals("-") && args.get(0) instanceof Number n) {
            literal(n instanceof Double d ? (Object) (-d) : procshell.shell.eval.Arithmetic.negate(n));
            return false;
        }
        String op = args.size() == 2 ? Operators.binary(name) : args.size() == 1 ? Operators.unary(name) : null;
        Method m = op == null ? null : only(op.equals("add") || op.equals("sub") ? ModuleRuntime.class : Ops.class, op, args.size());
        if (m != null && objectsOnly(m) && args.size() == 2 && unboxed && (mayBeUnboxed(args.get(0), scope) || mayBeUnboxed(args.get(1), scope))
                && (UnboxedIntegers.isArithmetic(op) || UnboxedIntegers.isComparison(op))) {
            if (UnboxedIntegers.isArithmetic(op)) {
                pair(ast, scope);
                UnboxedIntegers.box(mn);
            } else {
                int[] operands = operands(args, scope, at);
                UnboxedIntegers.comparison(mn, op, operands[0], operands[1], operands[2], operands[3], m);
            }
            return false;
        }
        if (m != null && objectsOnly(m)) {
            call(m, args, scope, at);
            return false;
        }
        if (args.size() == 2 && CallTargets.isShortCircuit(name)) {
            shortCircuit(name, args, scope, at);
            return false;
        }
        if (name.startsWith("is_") && IexHelperCalls.call(name, args) == null) {
            Method guardFn = CallTargets.kernelFunction(name, args.size());
            if (guardFn != null && only(guardFn.getDeclaringClass(), name, args.size()) != null && objectsOnly(guardFn)) {
                call(guardFn, args, scope, at);
                return false;
            }
        }
        if (op == null && !CallTargets.isShortCircuit(name) && kernelCall(name, args, scope, at)) return false;
        return planned(ast, scope);
    }

    /**
     * A call without a module of a function of {@link Ops} or Kernel ({@code length(l)},
     * {@code tl(l)}, {@code elem(t, 1)}), as the planner resolves it ({@link DirectPlanner}'s
     * {@code kernelCall}): a call site of that Java method ({@link FacadeCalls}).
     *
     * @return false when it is another (an iex helper, an import, an undefined function), nothing emitted
     */
    private boolean kernelCall(String name, List<Object> args, Map<String, Integer> scope, int at) {
        if (IexHelperCalls.call(name, args) != null || !Import.kernelAllows(name, args.size(), module.imports)) return false;
        String ops = CallTargets.opsKernel(name, args.size());
        Method target = ops != null ? DirectCall.method(Ops.class, ops, args.size()) : CallTargets.kernelFunction(name, args.size());
        if (target == null) return false;
        facadeCall(target, args, scope, at);
        return true;
    }

    private static final String FUNCTION_CLAUSE_ERROR = Type.getInternalName(procshell.shell.iex.FunctionClauseError.class);

    /**
     * A call of a facade's, Kernel's or Ops' Java method: an {@code invokestatic} when it is the only
     * method the call can mean and takes Objects (its FunctionClauseError explained by a handler
     * beside it, {@link FacadeCalls#explained}), else through its call site ({@link FacadeCalls}).
     */
    private void facadeCall(Method m, List<Object> args, Map<String, Integer> scope, int at) {
        at(at);
        if (!DirectCall.isAlone(m, args.size()) || !objectsOnly(m)) {
            for (Object a : args) value(a, scope);
            at(at);
            FacadeCalls.emit(mn, m, args.size());
            return;
        }
        int[] temps = new int[args.size()];
        for (int i = 0; i < temps.length; i++) {
            value(args.get(i), scope);
            temps[i] = nextLocal++;
            mn.visitVarInsn(Opcodes.ASTORE, temps[i]);
        }
        at(at);
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label after = new Label();
        mn.visitTryCatchBlock(start, end, handler, FUNCTION_CLAUSE_ERROR);
        mn.visitLabel(start);
        for (int t : temps) mn.visitVarInsn(Opcodes.ALOAD, t);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(m.getDeclaringClass()), m.getName(), Type.getMethodDescriptor(m), false);
        box(m.getReturnType());
        mn.visitLabel(end);
        mn.visitJumpInsn(Opcodes.GOTO, after);
        mn.visitLabel(handler);
        mn.visitLdcInsn(Type.getType(m.getDeclaringClass()));
        mn.visitLdcInsn(m.getName());
        array(temps);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(FacadeCalls.class), "explained",
                "(L" + FUNCTION_CLAUSE_ERROR + ";Ljava/lang/Class;Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/RuntimeException;", false);
        mn.visitInsn(Opcodes.ATHROW);
        mn.visitLabel(after);
    }

    /** {@code Mod.fun(args)} of this module ({@code __MODULE__.fun}, or its name) is a call of its function; other dot calls are planned. */
    private boolean dotCall(Object ast, Map<String, Integer> scope) {
        Tuple dot = (Tuple) Quoted.head(ast);
        List<Object> dargs = Quoted.isCall(dot, ".") ? Quoted.args(dot) : null;
        if (dargs != null && dargs.size() == 2 && dargs.get(1) instanceof Atom fun) {
            Object left = dargs.get(0);
            boolean self = Quoted.isCall(left, "__MODULE__", 0) || Quoted.isVar(left) && "__MODULE__".equals(Quoted.name(left))
                    || Quoted.isAlias(left) && module.atomName().equals(aliasOrNull(left));
            DirectFunction target = self ? module.function(fun.name(), Quoted.args(ast).size()) : null;
            if (target != null) {
                localCall(target, Quoted.args(ast), scope, Quoted.line(ast));
                return false;
            }
            if (Quoted.args(ast).isEmpty() && Boolean.TRUE.equals(Quoted.keyword(Quoted.meta(ast), "no_parens"))
                    && Quoted.isVar(left) && !"__MODULE__".equals(Quoted.name(left)) && scope.containsKey(Quoted.name(left))) {
                // var.field: Ops.dot (a map's value, a KeyError, or a call of a module held in the variable), as the planner's
                value(left, scope);
                mn.visitLdcInsn(new ConstantDynamic("atom", OBJECT_D, ATOM, fun.name()));
                mn.visitLdcInsn(fun.name());
                at(Quoted.line(ast));
                mn.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "dot", "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;", false);
                return false;
            }
            if (remoteCall(left, fun.name(), Quoted.args(ast), scope, Quoted.line(ast))) return false;
        }
        if (dargs != null && dargs.size() == 1) {
            // f.(args): the fn first, then the arguments, as the planner's
            int at = Quoted.line(ast);
            value(dargs.get(0), scope);
            array(Quoted.args(ast), scope);
            at(at);
            mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "apply", "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false);
            return false;
        }
        return planned(ast, scope);
    }

    /**
     * {@code Mod.fun(args)} of another module named by an alias or an atom, as the planner's
     * {@code remoteCall}: {@code Access.get} is {@code Ops.access}, a facade's function its call
     * site ({@link FacadeCalls}), any other module's {@code Ops.call} (the module table at run time).
     *
     * @return false when it is another form (left to the planner), nothing emitted
     */
    private boolean remoteCall(Object left, String fun, List<Object> args, Map<String, Integer> scope, int at) {
        String moduleName = left instanceof Atom a ? a.name() : Quoted.isAlias(left) ? module.aliasName(left) : null;
        if (moduleName == null || moduleName.equals("Elixir.Kernel") || moduleName.equals(module.atomName())) return false;
        if (moduleName.equals("Elixir.Access") && fun.equals("get") && args.size() == 2) {
            facadeCall(DirectCall.method(Ops.class, "access", 2), args, scope, at);
            return true;
        }
        Method facade = CallTargets.facade(moduleName, fun, args.size());
        if (facade != null) {
            facadeCall(facade, args, scope, at);
            return true;
        }
        mn.visitLdcInsn(new ConstantDynamic("atom", OBJECT_D, ATOM, moduleName));
        mn.visitLdcInsn(fun);
        array(args, scope);
        at(at);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "call", "(Ljava/lang/Object;Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/Object;", false);
        return true;
    }

    private String aliasOrNull(Object alias) {
        try {
            return module.aliasName(alias);
        } catch (DirectPlanner.Unsupported e) {
            return null;
        }
    }

    /** A call of one of the module's functions: a JVM call of its method. */
    private void localCall(DirectFunction target, List<Object> args, Map<String, Integer> scope, int at) {
        at(at);
        for (Object a : args) value(a, scope);
        at(at);
        module.compiledCall(target);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, owner, Modules.javaName(target.name), descriptor(target.arity), false);
    }

    /** A call of a static method taking and answering Objects (a boolean answer boxed). */
    private void call(Method m, List<Object> args, Map<String, Integer> scope, int at) {
        at(at);
        for (Object a : args) value(a, scope);
        at(at);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(m.getDeclaringClass()), m.getName(), Type.getMethodDescriptor(m), false);
        box(m.getReturnType());
    }

    /** {@code Ops.tuple(...)} / {@code Ops.list(...)} of the elements' values. */
    private void opsArray(String method, List<?> elements, Map<String, Integer> scope) {
        array(elements, scope);
        String type = method.equals("tuple") ? "Lprocshell/runtime/node/Tuple;" : "Ljava/util/List;";
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, method, "([Ljava/lang/Object;)" + type, false);
    }

    /** An {@code Object[]} of the elements' values, on the stack. */
    private void array(List<?> elements, Map<String, Integer> scope) {
        mn.visitLdcInsn(elements.size());
        mn.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
        for (int i = 0; i < elements.size(); i++) {
            mn.visitInsn(Opcodes.DUP);
            mn.visitLdcInsn(i);
            value(elements.get(i), scope);
            mn.visitInsn(Opcodes.AASTORE);
        }
    }

    /**
     * {@code %{k => v, ...}} as {@code Ops.map(k, v, ...)} and {@code %{m | k => v}} as
     * {@code Ops.mapUpdate(m, k, v, ...)}, called straight from the method (the planner's form is
     * a reflective call and keeps the function's variables out of JVM locals).
     *
     * @return false when the form is another (left to the planner), nothing emitted
     */
    private boolean map(List<Object> args, Map<String, Integer> scope, int at) {
        Object base = null;
        List<?> pairs = args;
        if (args.size() == 1 && Quoted.isCall(args.get(0), "|", 2)) {
            List<Object> bar = Quoted.args(args.get(0));
            if (!(bar.get(1) instanceof List<?> l)) return false;
            base = bar.get(0);
            pairs = l;
        }
        List<Object> flat = new ArrayList<>();
        for (Object kv : pairs) {
            if (!(kv instanceof Tuple t) || t.size() != 2) return false;
            flat.add(t.get(0));
            flat.add(t.get(1));
        }
        if (base != null) value(base, scope);
        array(flat, scope);
        at(at);
        String map = "Lprocshell/shell/iex/MapTerm;";
        if (base == null) mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "map", "([Ljava/lang/Object;)" + map, false);
        else mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "mapUpdate", "(Ljava/lang/Object;[Ljava/lang/Object;)" + map, false);
        return true;
    }

    private static final String COMPILED_FN = Type.getInternalName(CompiledFn.class);
    private static final String BODY = Type.getInternalName(CompiledFn.Body.class);

    /**
     * {@code fn clauses end} (or a capture, {@code &(&1 + 1)}, {@code &Enum.map/2}) of 0 to 3
     * arguments: its clauses are a class of their own ({@link CompiledFn.Body}, named and numbered
     * as the direct evaluator's fn frames are), made here into a {@link CompiledFn} with the values
     * of the variables it reads.
     *
     * @param capture the remote function a capture names ({@code [Enum, map]}), or null
     * @return false when it is left to the planner (nothing emitted): another arity, a form the
     *         clauses' compiler does not take
     */
    private boolean fnExpr(List<Object> arrows, Map<String, Integer> scope, int at, Atom[] capture) {
        List<ControlCompiler.Clause> clauses = new ArrayList<>();
        for (Object a : arrows) {
            if (!Quoted.isCall(a, "->", 2) || !(Quoted.args(a).get(0) instanceof List<?>)) return false;
            clauses.add(ControlCompiler.Clause.of(a));
        }
        if (clauses.isEmpty() || module.current == null) return false;
        int arity = clauses.get(0).patterns().size();
        for (ControlCompiler.Clause c : clauses) if (c.patterns().size() != arity) return false;
        if (arity > 3) return false;
        int[] mark = module.fnMark();
        DirectFunction outer = module.current;
        int index = capture == null ? module.nextFun() : 0; // before the fns inside it; a remote capture is no fun of the module's (the BEAM's numbering)
        String display = "anonymous fn/" + arity + " in " + outer.display;
        DirectFun.Owner owner = new DirectFun.Owner(display, at, module.name, outer.display, index);
        java.util.Set<String> used = new java.util.HashSet<>();
        varNames(arrows, used);
        Map<String, Integer> captured = new LinkedHashMap<>();
        scope.forEach((name, slot) -> {
            if (used.contains(name) && !name.equals("__MODULE__")) captured.put(name, slot);
        });
        String body;
        try {
            body = planner.inClosure(arity, () -> fnBody(this.owner + "$_" + Modules.javaName(fn.name) + "_closure" + planner.closure(), arity, clauses,
                    captured, display, at));
        } catch (DirectPlanner.Unsupported e) {
            module.rewind(mark);
            return false;
        }
        at(at);
        mn.visitTypeInsn(Opcodes.NEW, COMPILED_FN);
        mn.visitInsn(Opcodes.DUP);
        mn.visitFieldInsn(Opcodes.GETSTATIC, body, "INSTANCE", "L" + BODY + ";");
        slotArray(captured.values().stream().mapToInt(Integer::intValue).toArray());
        constant(new CompiledFn.Info(arity, owner, capture == null ? null : new procshell.shell.iex.FunOrigin.Capture(capture[0], capture[1], arity)));
        mn.visitMethodInsn(Opcodes.INVOKESPECIAL, COMPILED_FN, "<init>", "(L" + BODY + ";[Ljava/lang/Object;Ljava/lang/Object;)V", false);
        return true;
    }

    /**
     * Compiles a fn's clauses to the {@code doCall(captured, args...)} of a class of its own, which
     * goes to the module's {@link DirectModule#fnClasses}: the captured values to their slots, a
     * reduction, the clauses in order, FunctionClauseError when none matches.
     *
     * @param name the class's internal name
     * @return the class's internal name
     */
    private String fnBody(String name, int arity, List<ControlCompiler.Clause> clauses, Map<String, Integer> captured, String display, int at) {
        MethodNode outerMethod = mn;
        int outerEnv = env;
        int outerNext = nextLocal;
        int outerLine = line;
        int outerBase = paramBase;
        boolean outerInFn = inFn;
        Label outerLoop = loop;
        int outerContext = context;
        int outerCompiled = module.compiledClosure;
        int outerPinned = pinned;
        boolean outerUnboxed = unboxed;
        Set<Integer> outerUnboxedSlots = unboxedSlots;
        java.util.SortedSet<Integer> outerLongs = longLocals;
        unboxed = false; // a fn's slots are numbered as the function's: it reads captured values boxed
        unboxedSlots = new java.util.HashSet<>();
        longLocals = new java.util.TreeSet<>();
        pinned = 0; // a fn's lines are its own, even in a for
        module.compiledClosure = planner.closure();
        try {
            mn = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, "doCall",
                    "([Ljava/lang/Object;" + OBJECT_D.repeat(arity) + ")" + OBJECT_D, null, null);
            paramBase = 2;
            inFn = true;
            env = paramBase + arity;
            nextLocal = inLocals ? TEMPORARIES : env + 1;
            line = 0;
            loop = null;
            mn.visitCode();
            at(at);
            enter();
            LdcInsnNode slots = slotArray();
            int i = 0;
            for (int slot : captured.values()) {
                mn.visitVarInsn(Opcodes.ALOAD, 1);
                mn.visitLdcInsn(i++);
                mn.visitInsn(Opcodes.AALOAD);
                store(slot);
            }
            clauses(clauses, captured, display, at);
            finish(slots);
            module.fnClasses.put(name, ModuleClassWriter.fnClass(name, promptFn ? null : owner, BODY, arity, mn));
            return name;
        } finally {
            mn = outerMethod;
            env = outerEnv;
            nextLocal = outerNext;
            line = outerLine;
            paramBase = outerBase;
            inFn = outerInFn;
            loop = outerLoop;
            context = outerContext;
            module.compiledClosure = outerCompiled;
            pinned = outerPinned;
            unboxed = outerUnboxed;
            unboxedSlots = outerUnboxedSlots;
            longLocals = outerLongs;
        }
    }

    /** The names of the variables a form mentions (a fn's, to copy the values of those bound outside it). */
    static void varNames(Object ast, java.util.Set<String> out) {
        if (ast instanceof List<?> l) {
            for (Object o : l) varNames(o, out);
        } else if (ast instanceof Tuple t) {
            if (Quoted.isVar(ast)) {
                out.add(Quoted.name(ast));
                return;
            }
            for (int i = 0; i < t.size(); i++) {
                if (t.size() != 3 || i != 1) varNames(t.get(i), out); // not a node's metadata
            }
        }
    }

    /**
     * {@code %Mod{k: v}} as {@code Ops.struct(Mod, k, v, ...)}, {@code %Mod{s | k: v}} as the
     * update of the map {@code s} ({@code Ops.mapUpdate}), as the planner's.
     *
     * @return false when the form is another (left to the planner), nothing emitted
     */
    private boolean struct(List<Object> args, Map<String, Integer> scope, int at) {
        if (args.size() != 2 || !Quoted.isCall(args.get(1), "%{}")) return false;
        List<Object> inner = Quoted.args(args.get(1));
        if (inner.size() == 1 && Quoted.isCall(inner.get(0), "|", 2)) return map(inner, scope, at);
        List<Object> items = new ArrayList<>();
        items.add(args.get(0));
        for (Object kv : inner) {
            if (!(kv instanceof Tuple t) || t.size() != 2) return false;
            items.add(t.get(0));
            items.add(t.get(1));
        }
        facadeCall(DirectCall.method(Ops.class, "struct", items.size()), items, scope, at);
        return true;
    }

    /**
     * {@code for} of generators ({@code pattern <- enumerable}, a guard allowed) and filters, with
     * {@code into:}, {@code uniq:} or {@code reduce:}, as the planner's: nested JVM loops over
     * {@code Ops.enumerate}, a reduction per element, an element whose pattern or guard fails
     * skipped, the values gathered in order (or the accumulator through the {@code reduce}'s
     * clauses, CaseClauseError when none matches). What runs inside is reported at the line of the
     * {@code for}, as the planner's (which has no frames inside it).
     *
     * @return false when the form is another (left to the planner), nothing emitted
     */
    private boolean forExpr(List<Object> rawArgs, Map<String, Integer> scope, int at) {
        List<Object> args = ControlCompiler.mergeOptions(rawArgs);
        if (args.isEmpty() || !(args.get(args.size() - 1) instanceof List<?> opts) || !Quoted.hasKeyword(opts, "do")) return false;
        for (Object o : opts) {
            if (!(o instanceof Tuple t) || t.size() != 2 || !(t.get(0) instanceof Atom)) return false;
        }
        if (!passes(() -> ForOptions.check(opts, 0))) return false;
        boolean reduce = Quoted.hasKeyword(opts, "reduce");
        boolean into = Quoted.hasKeyword(opts, "into");
        boolean uniq = Boolean.TRUE.equals(Quoted.keyword(opts, "uniq"));
        List<ControlCompiler.Clause> reducer = reduce ? ControlCompiler.clausesOf(Quoted.keyword(opts, "do")) : null;
        if (reduce) {
            for (ControlCompiler.Clause c : reducer) if (c.patterns().size() != 1) return false;
        }
        int outerPinned = pinned;
        at(at);
        pinned = line;
        try {
            int acc = nextLocal++;
            int collectable = nextLocal++;
            int list = nextLocal++;
            if (reduce) {
                value(Quoted.keyword(opts, "reduce"), scope);
                mn.visitVarInsn(Opcodes.ASTORE, acc);
            }
            if (into) {
                value(Quoted.keyword(opts, "into"), scope);
                mn.visitVarInsn(Opcodes.ASTORE, collectable);
            }
            mn.visitTypeInsn(Opcodes.NEW, "java/util/ArrayList");
            mn.visitInsn(Opcodes.DUP);
            mn.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/util/ArrayList", "<init>", "()V", false);
            mn.visitVarInsn(Opcodes.ASTORE, list);
            Label done = new Label();
            Label next = done; // where an exhausted generator or a failed filter goes on: the enclosing generator's next element
            Map<String, Integer> fs = new LinkedHashMap<>(scope);
            for (Object q : args.subList(0, args.size() - 1)) {
                if (!Quoted.isCall(q, "<-", 2)) {
                    value(q, fs);
                    mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "truthy", "(Ljava/lang/Object;)Z", false);
                    mn.visitJumpInsn(Opcodes.IFEQ, next);
                    continue;
                }
                Object pattern = Quoted.args(q).get(0);
                Object guard = null;
                if (Quoted.isCall(pattern, "when", 2)) {
                    guard = Quoted.args(pattern).get(1);
                    pattern = Quoted.args(pattern).get(0);
                }
                value(Quoted.args(q).get(1), fs);
                mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "enumerate", "(Ljava/lang/Object;)Ljava/lang/Iterable;", false);
                mn.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/lang/Iterable", "iterator", "()Ljava/util/Iterator;", true);
                int it = nextLocal++;
                mn.visitVarInsn(Opcodes.ASTORE, it);
                Label head = new Label();
                mn.visitLabel(head);
                mn.visitVarInsn(Opcodes.ALOAD, it);
                mn.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/Iterator", "hasNext", "()Z", true);
                mn.visitJumpInsn(Opcodes.IFEQ, next);
                mn.visitVarInsn(Opcodes.ALOAD, it);
                mn.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/Iterator", "next", "()Ljava/lang/Object;", true);
                int element = nextLocal++;
                mn.visitVarInsn(Opcodes.ASTORE, element);
                reduce();
                fs = pattern(List.of(pattern), new int[] {element}, fs, head);
                if (guard != null) guard(guard, fs, head);
                next = head;
            }
            if (reduce) {
                for (ControlCompiler.Clause c : reducer) {
                    Label other = new Label();
                    Map<String, Integer> cs = pattern(c.patterns(), new int[] {acc}, new LinkedHashMap<>(fs), other);
                    if (c.guard() != null) guard(c.guard(), cs, other);
                    value(c.body(), cs);
                    mn.visitVarInsn(Opcodes.ASTORE, acc);
                    mn.visitJumpInsn(Opcodes.GOTO, next);
                    mn.visitLabel(other);
                }
                mn.visitVarInsn(Opcodes.ALOAD, acc);
                mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "caseClause", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                mn.visitInsn(Opcodes.POP);
            } else {
                mn.visitVarInsn(Opcodes.ALOAD, list);
                value(Quoted.keyword(opts, "do"), fs);
                mn.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/List", "add", "(Ljava/lang/Object;)Z", true);
                mn.visitInsn(Opcodes.POP);
            }
            mn.visitJumpInsn(Opcodes.GOTO, next);
            mn.visitLabel(done);
            if (reduce) {
                mn.visitVarInsn(Opcodes.ALOAD, acc);
            } else if (into) {
                mn.visitVarInsn(Opcodes.ALOAD, collectable);
                mn.visitVarInsn(Opcodes.ALOAD, list);
                mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "into", "(Ljava/lang/Object;Ljava/util/List;)Ljava/lang/Object;", false);
            } else if (uniq) {
                mn.visitVarInsn(Opcodes.ALOAD, list);
                mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "uniq", "(Ljava/util/List;)Ljava/util/List;", false);
            } else {
                mn.visitVarInsn(Opcodes.ALOAD, list);
                mn.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Collections", "unmodifiableList", "(Ljava/util/List;)Ljava/util/List;", false);
            }
            return true;
        } finally {
            pinned = outerPinned;
        }
    }

    /** {@code pattern = value}: a variable takes a new slot; any other pattern raises MatchError when it does not match. */
    private void match(Object pattern, Object valueAst, Map<String, Integer> scope, int at) {
        String name = Quoted.name(pattern);
        if (Quoted.isVar(pattern) && !"_".equals(name) && !"__MODULE__".equals(name) && arithmetic(valueAst) != null) {
            int slot = matchUnboxed(name, valueAst, scope);
            load(slot);
            return;
        }
        value(valueAst, scope);
        if (Quoted.isVar(pattern) && !"_".equals(name) && !"__MODULE__".equals(name)) {
            mn.visitInsn(Opcodes.DUP);
            int slot = planner.slot();
            store(slot);
            scope.put(name, slot);
            return;
        }
        int subject = nextLocal++;
        mn.visitVarInsn(Opcodes.ASTORE, subject);
        Label fail = new Label();
        Label done = new Label();
        Map<String, Integer> after = pattern(List.of(pattern), new int[] {subject}, scope, fail);
        mn.visitVarInsn(Opcodes.ALOAD, subject);
        mn.visitJumpInsn(Opcodes.GOTO, done);
        mn.visitLabel(fail);
        at(at);
        mn.visitVarInsn(Opcodes.ALOAD, subject);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "matchError", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        // matchError raises: nothing after it runs, so the variables the pattern binds are bound wherever the code goes on
        mn.visitInsn(Opcodes.POP);
        mn.visitInsn(Opcodes.ACONST_NULL);
        mn.visitInsn(Opcodes.ATHROW);
        mn.visitLabel(done);
        scope.putAll(after);
    }

    /** {@code if}/{@code unless}: each branch sees a copy of the scope; no {@code else} is nil. */
    private void ifExpr(Object test, List<?> options, Map<String, Integer> scope, boolean when, int at, boolean inTail) {
        at(at);
        value(test, scope);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "truthy", "(Ljava/lang/Object;)Z", false);
        Label other = new Label();
        Label end = new Label();
        mn.visitJumpInsn(when ? Opcodes.IFEQ : Opcodes.IFNE, other);
        branch(Quoted.keyword(options, "do"), new LinkedHashMap<>(scope), inTail, end);
        mn.visitLabel(other);
        branch(Quoted.hasKeyword(options, "else") ? Quoted.keyword(options, "else") : null, new LinkedHashMap<>(scope), inTail, end);
        mn.visitLabel(end);
    }

    /** A branch's code: returns (or loops) in tail position, else leaves its value and goes to {@code end}. */
    private void branch(Object body, Map<String, Integer> scope, boolean inTail, Label end) {
        if (inTail) {
            tail(body, scope);
        } else {
            value(body, scope);
            mn.visitJumpInsn(Opcodes.GOTO, end);
        }
    }

    /** A {@code case} the direct path takes: one subject and a {@code do} of clauses (Elixir's checks pass). */
    private static boolean caseShape(List<Object> args) {
        if (args.size() != 2 || !passes(() -> ClauseChecks.check("case", args.get(1), Set.of("do"), 0))) return false;
        for (ControlCompiler.Clause c : ControlCompiler.clausesOf(Quoted.keyword(args.get(1), "do"))) {
            if (c.patterns().size() != 1) return false;
        }
        return true;
    }

    /** Whether a form passes one of Elixir's compile-time checks; one that fails is the compiler's to report. */
    private static boolean passes(Runnable check) {
        try {
            check.run();
            return true;
        } catch (CompileError e) {
            return false;
        }
    }

    /** {@code case subject do clauses end}: the first clause that matches; CaseClauseError when none. */
    private void caseExpr(List<Object> args, Map<String, Integer> scope, int at, boolean inTail) {
        at(at);
        value(args.get(0), scope);
        int subject = nextLocal++;
        mn.visitVarInsn(Opcodes.ASTORE, subject);
        Label end = new Label();
        for (ControlCompiler.Clause c : ControlCompiler.clausesOf(Quoted.keyword(args.get(1), "do"))) {
            Label next = new Label();
            Map<String, Integer> inner = pattern(c.patterns(), new int[] {subject}, scope, next);
            if (c.guard() != null) guard(c.guard(), inner, next);
            branch(c.body(), inner, inTail, end);
            mn.visitLabel(next);
        }
        at(at);
        mn.visitVarInsn(Opcodes.ALOAD, subject);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "caseClause", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        if (inTail) mn.visitInsn(Opcodes.ARETURN);
        mn.visitLabel(end);
    }

    /** {@code [a, b | tail]}: {@code Ops.cons(tail, a, b)}, the heads evaluated first. */
    private void cons(List<?> l, Map<String, Integer> scope) {
        List<Object> bar = Quoted.args(l.get(l.size() - 1));
        List<Object> heads = new ArrayList<>(l.subList(0, l.size() - 1));
        heads.add(bar.get(0));
        int[] temps = new int[heads.size()];
        for (int i = 0; i < temps.length; i++) {
            value(heads.get(i), scope);
            temps[i] = nextLocal++;
            mn.visitVarInsn(Opcodes.ASTORE, temps[i]);
        }
        value(bar.get(1), scope);
        array(temps);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "cons", "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false);
    }

    /** A {@code cond} the direct path takes: a {@code do} of clauses of one condition each. */
    private static boolean condShape(Object options) {
        if (!(options instanceof List<?>) || !Quoted.hasKeyword(options, "do") || !passes(() -> ClauseChecks.checkCond(options, 0))) return false;
        for (Object arrow : Quoted.clauses(Quoted.keyword(options, "do"))) {
            if (ControlCompiler.Clause.of(arrow).patterns().size() != 1) return false;
        }
        return true;
    }

    /** {@code cond}: the body of the first truthy condition (each clause in a scope of its own); CondClauseError when none. */
    private void cond(Object options, Map<String, Integer> scope, int at, boolean inTail) {
        Label end = new Label();
        for (Object arrow : Quoted.clauses(Quoted.keyword(options, "do"))) {
            ControlCompiler.Clause c = ControlCompiler.Clause.of(arrow);
            Map<String, Integer> inner = new LinkedHashMap<>(scope);
            Label next = new Label();
            at(at);
            value(c.patterns().get(0), inner);
            mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "truthy", "(Ljava/lang/Object;)Z", false);
            mn.visitJumpInsn(Opcodes.IFEQ, next);
            branch(c.body(), inner, inTail, end);
            mn.visitLabel(next);
        }
        at(at);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "condClause", "()Ljava/lang/Object;", false);
        if (inTail) mn.visitInsn(Opcodes.ARETURN);
        mn.visitLabel(end);
    }

    /** {@code and}, {@code or} (strict on the left), {@code &&}, {@code ||} (truthiness); what the right side binds stays in it. */
    private void shortCircuit(String op, List<Object> args, Map<String, Integer> scope, int at) {
        at(at);
        value(args.get(0), scope);
        Label end = new Label();
        mn.visitInsn(Opcodes.DUP);
        boolean strict = op.equals("and") || op.equals("or");
        if (strict) {
            mn.visitLdcInsn(op);
            mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "strictLeft", "(Ljava/lang/Object;Ljava/lang/String;)Z", false);
        } else {
            mn.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "truthy", "(Ljava/lang/Object;)Z", false);
        }
        boolean rightWhenTrue = op.equals("and") || op.equals("&&");
        mn.visitJumpInsn(rightWhenTrue ? Opcodes.IFEQ : Opcodes.IFNE, end);
        mn.visitInsn(Opcodes.POP);
        value(args.get(1), new LinkedHashMap<>(scope));
        mn.visitLabel(end);
    }

    private static final Map<String, java.util.concurrent.atomic.LongAdder> EVALUATED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The forms compiled functions left to the direct evaluator since the JVM started, by the form's
     * name ({@code fn}, {@code receive}, {@code Mod.fun} for a call of a module, {@code var} for a
     * variable): what is still interpreted inside compiled code.
     */
    static Map<String, Long> evaluatorForms() {
        Map<String, Long> out = new java.util.TreeMap<>();
        EVALUATED.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** A form left to the direct evaluator: planned with this function's slots, and called with them. */
    private boolean planned(Object ast, Map<String, Integer> scope) {
        if (inLocals) throw NeedsSlots.INSTANCE;
        EVALUATED.computeIfAbsent(formName(ast), k -> new java.util.concurrent.atomic.LongAdder()).increment();
        DirectExpr e = planner.expr(ast, scope);
        at(Quoted.isNode(ast) ? Quoted.line(ast) : 0);
        constant(e);
        mn.visitVarInsn(Opcodes.ALOAD, env);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(DirectFunction.class), "eval", "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false);
        return true;
    }

    /** The name a form is counted under in {@link #evaluatorForms}. */
    private static String formName(Object ast) {
        if (!Quoted.isNode(ast)) return ast == null ? "nil" : ast.getClass().getSimpleName();
        if (Quoted.isVar(ast)) return "var";
        if (Quoted.head(ast) instanceof Atom a) return a.name();
        return "." + Quoted.args(ast).size();
    }

    /** {@code left |> f(args)} is {@code f(left, args)}; a pipe into anything else is the compiler's error. */
    private static Object pipe(Object left, Object right) {
        if (!Quoted.isNode(right) || Quoted.isVar(right) || Quoted.isCall(right, "fn") || Quoted.isCall(right, "&")) throw DirectPlanner.Unsupported.INSTANCE;
        Tuple node = (Tuple) right;
        List<Object> args = new ArrayList<>();
        args.add(left);
        args.addAll((List<?>) node.get(2));
        return Tuple.of(node.get(0), node.get(1), args);
    }

    // ---- constants, slots, helpers ------------------------------------------------------------

    /** Pushes a literal: nil, a boolean, a string, a number, an atom (interned when first run). */
    private void literal(Object v) {
        if (v == null) {
            mn.visitInsn(Opcodes.ACONST_NULL);
        } else if (v instanceof Boolean b) {
            mn.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/Boolean", b ? "TRUE" : "FALSE", "Ljava/lang/Boolean;");
        } else if (v instanceof String s) {
            mn.visitLdcInsn(s);
        } else if (v instanceof Atom a) {
            mn.visitLdcInsn(new ConstantDynamic("atom", OBJECT_D, ATOM, a.name()));
        } else if (v instanceof Double d) {
            constant(d);
        } else if (v instanceof Number n) {
            constant(DirectPlanner.integerLiteral(n));
        } else {
            constant(v);
        }
    }

    /** Pushes a constant of the class (equal literals share one). */
    private void constant(Object v) {
        int index = -1;
        if (!(v instanceof DirectExpr)) {
            for (int i = 0; i < constants.size(); i++) {
                Object c = constants.get(i);
                if (c != null && c.getClass() == v.getClass() && c.equals(v)) index = i;
            }
        }
        if (index < 0) {
            index = constants.size();
            constants.add(v);
        }
        mn.visitLdcInsn(new ConstantDynamic("c", OBJECT_D, CONSTANT, index));
    }

    private void load(int slot) {
        if (inLocals) {
            mn.visitVarInsn(Opcodes.ALOAD, env + 1 + slot);
            if (unboxedSlots.contains(slot)) {
                mn.visitVarInsn(Opcodes.LLOAD, slotLong(slot));
                UnboxedIntegers.box(mn);
            }
            return;
        }
        mn.visitVarInsn(Opcodes.ALOAD, env);
        mn.visitLdcInsn(slot);
        mn.visitInsn(Opcodes.AALOAD);
    }

    /** Stores the value on the stack in a slot. */
    private void store(int slot) {
        if (inLocals) {
            mn.visitVarInsn(Opcodes.ASTORE, env + 1 + slot);
            return;
        }
        int value = nextLocal++;
        mn.visitVarInsn(Opcodes.ASTORE, value);
        mn.visitVarInsn(Opcodes.ALOAD, env);
        mn.visitLdcInsn(slot);
        mn.visitVarInsn(Opcodes.ALOAD, value);
        mn.visitInsn(Opcodes.AASTORE);
    }

    /** An Object[] of the values of these slots. */
    private void slotArray(int[] slots) {
        mn.visitLdcInsn(slots.length);
        mn.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
        for (int i = 0; i < slots.length; i++) {
            mn.visitInsn(Opcodes.DUP);
            mn.visitLdcInsn(i);
            load(slots[i]);
            mn.visitInsn(Opcodes.AASTORE);
        }
    }

    /** An Object[] of these locals (an unboxed parameter boxed). */
    private void array(int[] locals) {
        mn.visitLdcInsn(locals.length);
        mn.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
        for (int i = 0; i < locals.length; i++) {
            mn.visitInsn(Opcodes.DUP);
            mn.visitLdcInsn(i);
            mn.visitVarInsn(Opcodes.ALOAD, locals[i]);
            if (isUnboxedParam(locals[i])) {
                mn.visitVarInsn(Opcodes.LLOAD, paramLong(locals[i]));
                UnboxedIntegers.box(mn);
            }
            mn.visitInsn(Opcodes.AASTORE);
        }
    }

    // ---- unboxed integers ---------------------------------------------------------------------

    /** The long local beside parameter {@code i}'s (numbered from {@link #LONGS} until the end). */
    private int paramLong(int i) {
        int l = LONGS + 2 * i;
        longLocals.add(l);
        return l;
    }

    /** The long local beside slot {@code slot}'s. */
    private int slotLong(int slot) {
        int l = LONGS + 2 * (fn.arity + slot);
        longLocals.add(l);
        return l;
    }

    /** A temporary long local. */
    private int longTemp() {
        int t = nextLocal;
        nextLocal += 2;
        return t;
    }

    /** True when the JVM local {@code local} is a parameter whose value may be unboxed. */
    private boolean isUnboxedParam(int local) {
        return unboxed && !inFn && local >= 0 && local < unboxedParams.length && unboxedParams[local];
    }

    /** Marks the parameters that a call of {@code f} in {@code ast} passes a sum, a difference or a product in. */
    private void unboxedSelfCallArguments(Object ast, DirectFunction f, boolean[] out) {
        if (ast instanceof List<?> l) {
            for (Object o : l) unboxedSelfCallArguments(o, f, out);
            return;
        }
        if (!(ast instanceof Tuple t)) return;
        if (Quoted.isNode(ast) && !Quoted.isVar(ast) && Quoted.head(ast) instanceof Atom a && a.name().equals(f.name)
                && Quoted.args(ast) instanceof List<?> args && args.size() == f.arity) {
            for (int i = 0; i < args.size(); i++) if (arithmetic(args.get(i)) != null) out[i] = true;
        }
        for (int i = 0; i < t.size(); i++) if (t.size() != 3 || i != 1) unboxedSelfCallArguments(t.get(i), f, out);
    }

    /** The Java method of {@code a + b}, {@code a - b} or {@code a * b} when the method keeps integers unboxed and {@code ast} is one; else null. */
    private Method arithmetic(Object ast) {
        if (!unboxed || inFn || !Quoted.isNode(ast) || Quoted.isVar(ast) || !(Quoted.head(ast) instanceof Atom a)) return null;
        List<Object> args = Quoted.args(ast);
        if (args.size() != 2 || module.function(a.name(), 2) != null) return null;
        String op = Operators.binary(a.name());
        if (!UnboxedIntegers.isArithmetic(op)) return null;
        Method m = only(op.equals("mul") ? Ops.class : ModuleRuntime.class, op, 2);
        return m != null && objectsOnly(m) ? m : null;
    }

    /** True when {@code ast}'s value may be unboxed: a variable of an unboxed slot, or arithmetic on one. */
    private boolean mayBeUnboxed(Object ast, Map<String, Integer> scope) {
        if (inFn) return false;
        if (Quoted.isVar(ast)) {
            Integer slot = scope.get(Quoted.name(ast));
            return slot != null && !"__MODULE__".equals(Quoted.name(ast)) && unboxedSlots.contains(slot);
        }
        return arithmetic(ast) != null && (mayBeUnboxed(Quoted.args(ast).get(0), scope) || mayBeUnboxed(Quoted.args(ast).get(1), scope));
    }

    /** Pushes the pair (Object, long) of {@code ast}'s value ({@link UnboxedIntegers}): unboxed where it can be, else the term and 0. */
    private void pair(Object ast, Map<String, Integer> scope) {
        if (unboxed && !inFn && Quoted.isVar(ast) && mayBeUnboxed(ast, scope)) {
            int slot = scope.get(Quoted.name(ast));
            mn.visitVarInsn(Opcodes.ALOAD, env + 1 + slot);
            mn.visitVarInsn(Opcodes.LLOAD, slotLong(slot));
            return;
        }
        if (unboxed && !inFn && (ast instanceof Integer || ast instanceof Long)) {
            UnboxedIntegers.marker(mn);
            mn.visitLdcInsn(((Number) ast).longValue());
            return;
        }
        Method m = arithmetic(ast);
        if (m != null) {
            int[] operands = operands(Quoted.args(ast), scope, Quoted.line(ast));
            UnboxedIntegers.arithmetic(mn, Operators.binary(Quoted.name(ast)), operands[0], operands[1], operands[2], operands[3], longTemp(), m);
            return;
        }
        value(ast, scope);
        mn.visitInsn(Opcodes.LCONST_0);
    }

    /** The pairs of two operands, evaluated left to right, in locals: {Object a, long a, Object b, long b}. */
    private int[] operands(List<Object> args, Map<String, Integer> scope, int at) {
        int[] out = new int[4];
        at(at);
        for (int i = 0; i < 2; i++) {
            pair(args.get(i), scope);
            out[2 * i + 1] = longTemp();
            mn.visitVarInsn(Opcodes.LSTORE, out[2 * i + 1]);
            out[2 * i] = nextLocal++;
            mn.visitVarInsn(Opcodes.ASTORE, out[2 * i]);
        }
        at(at);
        return out;
    }

    /** Stores the pair on the stack in a new binding of slot {@code slot}, whose value may now be unboxed. */
    private void storePair(int slot) {
        mn.visitVarInsn(Opcodes.LSTORE, slotLong(slot));
        mn.visitVarInsn(Opcodes.ASTORE, env + 1 + slot);
        unboxedSlots.add(slot);
    }

    /** {@code name = a + b}: the variable takes a new slot holding the value unboxed; answers the slot. */
    private int matchUnboxed(String name, Object valueAst, Map<String, Integer> scope) {
        pair(valueAst, scope);
        int slot = planner.slot();
        storePair(slot);
        scope.put(name, slot);
        return slot;
    }

    /** A statement whose value is dropped: a variable bound to arithmetic is not boxed. */
    private void effect(Object ast, Map<String, Integer> scope) {
        if (Quoted.isCall(ast, "=", 2)) {
            Object pattern = Quoted.args(ast).get(0);
            Object valueAst = Quoted.args(ast).get(1);
            String name = Quoted.isVar(pattern) ? Quoted.name(pattern) : null;
            if (name != null && !"_".equals(name) && !"__MODULE__".equals(name) && arithmetic(valueAst) != null) {
                matchUnboxed(name, valueAst, scope);
                return;
            }
        }
        value(ast, scope);
        mn.visitInsn(Opcodes.POP);
    }

    /** Boxes a boolean on the stack. */
    private void box(Class<?> type) {
        if (type == boolean.class) mn.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false);
        else if (type.isPrimitive()) throw new IllegalStateException("a " + type + " answer");
    }

    /** While compiling a {@code for}: the line everything inside it is reported at (0: none). */
    private int pinned;

    /** The code from here on is of this Elixir line (0: unknown, unchanged). */
    private void at(int l) {
        if (pinned > 0) l = pinned;
        if (l <= 0 || l == line) return;
        Label here = new Label();
        mn.visitLabel(here);
        mn.visitLineNumber(l, here);
        line = l;
    }

    /** The public static method of that name and number of parameters when the class has only one (no varargs); else null. */
    private static Method only(Class<?> owner, String name, int params) {
        Method found = null;
        for (Method m : owner.getMethods()) {
            if (!m.getName().equals(name) || !Modifier.isStatic(m.getModifiers())) continue;
            if (m.getParameterCount() != params && !m.isVarArgs()) continue;
            if (found != null || m.isVarArgs()) return null;
            found = m;
        }
        return found;
    }

    /** True when the method takes Objects and answers an Object or a boolean. */
    private static boolean objectsOnly(Method m) {
        for (Class<?> t : m.getParameterTypes()) if (t != Object.class) return false;
        return !m.getReturnType().isPrimitive() || m.getReturnType() == boolean.class;
    }
}
