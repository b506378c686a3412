package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.iex.Ops;

/**
 * {@code defmodule} without Groovy: the module's functions planned from the quoted form as
 * {@link DirectFunction}s (clauses on the direct path's patterns and control flow), its class
 * written as bytecode ({@link ModuleClassWriter}) and registered in the session's module table
 * ({@link Ops#defineModule}), so that compiled code, {@code Ops.call}, the facades and stack
 * frames find it as they find a class {@link ModuleCompiler} compiled. It means what
 * {@link ModuleCompiler} compiles: {@code def}/{@code defp} of several clauses with guards and
 * default arguments, attributes (read in bodies as last set before the function's last clause),
 * {@code use GenServer}/{@code Supervisor}/{@code Agent}/{@code Task} (Elixir's default
 * callbacks and {@code child_spec/1}), {@code defstruct}, {@code alias}/{@code import}/
 * {@code require}, the module's other expressions run in order, self tail calls as loops. Each
 * {@code def} is compiled to a JVM method of the module's class ({@link FunctionCompiler}), whose
 * calls of the module's functions are JVM calls (so a recursion takes a small frame per level);
 * the forms it does not compile itself are planned by the direct evaluator and called from it.
 *
 * <p>What it does not take is left to the compiler ({@link DirectPlanner.Unsupported}), counted
 * by reason ({@link #fallbacks}): a nested module, macros, a recursion through the direct
 * evaluator (a fn or a form the method leaves to it: its frames would take far more stack than
 * compiled ones, and a 10,000,000-deep recursion must still succeed), any form the direct path
 * lacks, every compile-time error.
 */
final class DirectModule {
    private static final Map<String, LongAdder> FALLBACKS = new ConcurrentHashMap<>();

    /** Module definitions left to the compiler since the JVM started, by reason. */
    static Map<String, Long> fallbacks() {
        Map<String, Long> out = new java.util.TreeMap<>();
        FALLBACKS.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Counts a module definition left to the compiler, and leaves it there. */
    private static DirectPlanner.Unsupported fallback(String reason) {
        FALLBACKS.computeIfAbsent(reason, k -> new LongAdder()).increment();
        return DirectPlanner.Unsupported.INSTANCE;
    }

    final String name;
    private final String atomName;
    /** Short alias to full name (without {@code Elixir.}). */
    private final Map<String, String> aliases = new LinkedHashMap<>();
    /** Imported modules' atom names, in order. */
    final List<Import> imports = new ArrayList<>();
    /** The functions by {@code name/arity}, those reached through default arguments too. */
    private final Map<String, DirectFunction> functions = new LinkedHashMap<>();
    /** How many fns the functions have (each numbered, as Groovy numbers a method's closures). */
    private int closures;
    /** How many fns the module's functions have made so far (numbered as the BEAM numbers a module's funs). */
    private int funs;
    /** The lines of the functions, whose frames are made with the module's class. */
    private final List<DirectLine> lines = new ArrayList<>();
    /** Who calls whom through the direct evaluator (not a self tail call). */
    private final Map<DirectFunction, Set<DirectFunction>> calls = new IdentityHashMap<>();
    /** Who calls whom in compiled code ({@link FunctionCompiler}): a JVM call, one small frame per level. */
    private final Map<DirectFunction, Set<DirectFunction>> compiledCalls = new IdentityHashMap<>();
    /** The module class's name, chosen when planning (its compiled code calls its methods by it). */
    private final String className;
    /** The constants of the compiled code, by number ({@link ModuleRuntime#constant}). */
    private final List<Object> constants = new ArrayList<>();
    /** The functions' compiled methods. */
    private final Map<DirectFunction, groovyjarjarasm.asm.tree.MethodNode> methods = new IdentityHashMap<>();
    /** True while a function is compiled: its own lines are the lines of its method, not frames of their own. */
    private boolean compiling;
    /** The attributes as set so far (the module body's reads). */
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    /** The next fn's number among the module's, from 0 in the order they are written. */
    int nextFun() {
        return funs++;
    }

    /** The classes of the fns compiled to JVM code ({@link CompiledFn.Body}), by internal name, in the order written. */
    final Map<String, byte[]> fnClasses = new LinkedHashMap<>();
    /** The fn whose clauses are being compiled to a class of their own (0: none): its lines are its method's, not frames. */
    int compiledClosure;

    /** Where the numbering of fns stands ({@link #rewind}): the module's funs, the functions' closures, the fn classes written. */
    int[] fnMark() {
        return new int[] {funs, closures, fnClasses.size()};
    }

    /** Numbers the fns again from a mark, dropping the fn classes written since (a function compiled again). */
    void rewind(int[] mark) {
        funs = mark[0];
        closures = mark[1];
        java.util.Iterator<String> names = fnClasses.keySet().iterator();
        for (int i = 0; names.hasNext(); i++) {
            names.next();
            if (i >= mark[2]) names.remove();
        }
    }

    // the function being planned
    DirectFunction current;
    private Map<String, Object> visibleAttributes;
    private final Set<Object> tails = Collections.newSetFromMap(new IdentityHashMap<>());

    private DirectModule(String name) {
        this.name = name;
        this.atomName = "Elixir." + name;
        this.className = name.replaceAll("[^A-Za-z0-9_]", "_") + "__" + new Unit().id + "_1";
    }

    /**
     * What the compiler of a fn typed at the prompt sees as its module ({@link FunctionCompiler#promptFn}):
     * no function, the prompt's aliases.
     */
    static DirectModule forPromptFn(PromptEnv prompt) {
        DirectModule m = new DirectModule("iex");
        m.aliases.putAll(prompt.aliases());
        return m;
    }

    /** A {@code def} clause as gathered. */
    private record DefClause(List<Object> params, Object guard, Object body, Map<String, Object> attributes, int line) {}

    /** A function's clauses and default arguments, gathered from its {@code def}s in body order. */
    private static final class Def {
        final String name;
        final int arity;
        final boolean priv;
        final List<DefClause> clauses = new ArrayList<>();
        final Map<Integer, Object> defaults = new LinkedHashMap<>();
        int line;

        Def(String name, int arity, boolean priv) {
            this.name = name;
            this.arity = arity;
            this.priv = priv;
        }
    }

    /**
     * Plans {@code defmodule Name do ... end} typed at the prompt.
     *
     * @param args    the {@code defmodule} node's arguments
     * @param line    its line
     * @param prompt  the prompt's aliases and imports: the name and the body see them
     * @return the definition: evaluated, it runs the body, defines and registers the module and
     *         answers {@code {:module, Name, <<bytes>>, last}}
     * @throws DirectPlanner.Unsupported when the module is the compiler's
     */
    static DirectExpr plan(List<Object> args, int line, PromptEnv prompt) {
        if (args.size() != 2 || !Quoted.hasKeyword(args.get(1), "do")) throw fallback("malformed");
        Object alias = args.get(0);
        String name;
        if (alias instanceof Atom a) name = a.name().startsWith("Elixir.") ? a.name().substring(7) : a.name();
        else if (Quoted.isAlias(alias)) name = DirectPlanner.aliasName(alias, prompt.aliases()).substring(7);
        else throw fallback("module name");
        DirectModule m = new DirectModule(name);
        m.aliases.putAll(prompt.aliases());
        m.imports.addAll(prompt.imports());
        try {
            return m.planBody(Quoted.exprs(Quoted.keyword(args.get(1), "do")), line);
        } catch (DirectPlanner.Unsupported e) {
            if (!m.refused) fallback("a form the direct path lacks, or a compile error");
            throw e;
        } catch (RuntimeException e) {
            throw fallback("malformed");
        }
    }

    /** Set once this module was refused with a reason (counted). */
    private boolean refused;

    /** Leaves this module to the compiler, counted under the reason. */
    private DirectPlanner.Unsupported refuse(String reason) {
        refused = true;
        return fallback(reason);
    }

    private DirectExpr planBody(List<Object> moduleBody, int line) {
        List<Object> body = withDelegates(moduleBody);
        Map<String, Def> defs = new LinkedHashMap<>();
        Map<String, Integer> defaultArities = new LinkedHashMap<>();
        List<Tuple> uses = new ArrayList<>();
        Object struct = null;
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (Object item : body) {
            String n = Quoted.name(item);
            if (n == null || !Quoted.isNode(item) || Quoted.isVar(item)) continue;
            List<Object> args = Quoted.args(item);
            switch (n) {
                case "def", "defp" -> addClause(item, args, n.equals("defp"), defs, defaultArities, attrs);
                case "@" -> {
                    Object set = args.get(0);
                    if (Quoted.args(set) != null && Quoted.args(set).size() == 1) attrs.put(Quoted.name(set), Quoted.args(set).get(0));
                }
                case "use" -> uses.add((Tuple) item);
                case "defstruct" -> struct = args.get(0);
                case "defmodule" -> throw refuse("nested module");
                case "defmacro", "defmacrop", "defguard", "defguardp", "defdelegate", "defexception", "defimpl", "defprotocol",
                        "defoverridable", "quote", "unquote" -> throw refuse(n);
                default -> { }
            }
        }
        for (Def d : defs.values()) {
            if (d.clauses.isEmpty()) throw refuse("a def without a body");
            function(d.name, d.arity, d.priv, d.line);
        }
        for (Map.Entry<String, Integer> e : defaultArities.entrySet()) {
            if (functions.containsKey(e.getKey())) continue;
            String fn = e.getKey().substring(0, e.getKey().lastIndexOf('/'));
            int arity = Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf('/') + 1));
            Def full = defs.get(fn + "/" + e.getValue());
            function(fn, arity, full.priv, full.line);
        }
        // the module body, in order: aliases, imports and attributes as they come; values of each item
        List<DirectExpr> items = new ArrayList<>();
        DirectPlanner bodyPlanner = planner();
        for (Object item : body) items.add(item(item, bodyPlanner));
        if (struct != null) structFunction(struct);
        for (Tuple use : uses) useDefaults(use);
        for (Def d : defs.values()) planFunction(d);
        for (Map.Entry<String, Integer> e : defaultArities.entrySet()) {
            DirectFunction f = functions.get(e.getKey());
            if (!f.isDefined()) planDefaults(f, defs.get(f.name + "/" + e.getValue()));
        }
        if (recursive()) throw refuse("recursion");
        List<DirectFunction> all = new ArrayList<>(new java.util.LinkedHashSet<>(functions.values()));
        ModuleClassWriter.Verified verified;
        try {
            verified = ModuleClassWriter.verify(name, className, all, methods, fnClasses);
        } catch (LinkageError e) {
            throw refuse("code the JVM refused");
        }
        int bodySlots = bodyPlanner.slots();
        String moduleName = name;
        List<DirectLine> frames = List.copyOf(lines);
        Map<String, byte[]> fns = new LinkedHashMap<>(fnClasses);
        return env -> {
            Object[] benv = new Object[bodySlots];
            Object last = null;
            for (DirectExpr item : items) last = item.eval(benv);
            Class<?> cls = ModuleClassWriter.define(moduleName, className, all, frames, methods, fns, constants, verified);
            Atom module = Ops.atom(atomName);
            Ops.defineModule(module, cls, line);
            return Ops.moduleResult(module, cls, last);
        };
    }

    /** The {@code def}s that stand for a {@code defdelegate} (its value in the body is {@code [name: arity]}). */
    private final Set<Object> delegates = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The body with each {@code defdelegate} as the {@code def} it defines. */
    private List<Object> withDelegates(List<Object> body) {
        List<Object> out = new ArrayList<>(body.size());
        for (Object item : body) {
            if (!Quoted.isCall(item, "defdelegate", 2)) {
                out.add(item);
                continue;
            }
            Object def = delegate(item);
            delegates.add(def);
            out.add(def);
        }
        return out;
    }

    /**
     * {@code defdelegate f(a, b \\ 1), to: Mod, as: :g} is {@code def f(a, b \\ 1), do: Mod.g(a, b)}
     * (as Elixir's Kernel.defdelegate/2 defines it); any other form is the compiler's.
     */
    private Object delegate(Object item) {
        List<Object> args = Quoted.args(item);
        Object head = args.get(0);
        if (!(args.get(1) instanceof List<?> opts) || !Quoted.isNode(head) || Quoted.isVar(head) || !(Quoted.head(head) instanceof Atom name)
                || name.name().equals("when")) {
            throw refuse("defdelegate");
        }
        Object to = Quoted.keyword(opts, "to");
        Object as = Quoted.keyword(opts, "as");
        for (Object kv : opts) {
            if (!(kv instanceof Tuple t) || !(t.get(0) instanceof Atom k) || !k.name().equals("to") && !k.name().equals("as")) throw refuse("defdelegate");
        }
        if (to == null || as != null && !(as instanceof Atom)) throw refuse("defdelegate");
        List<Object> callArgs = new ArrayList<>();
        for (Object p : Quoted.args(head) == null ? List.of() : Quoted.args(head)) {
            Object v = Quoted.isCall(p, "\\\\", 2) ? Quoted.args(p).get(0) : p;
            if (!Quoted.isVar(v)) throw refuse("defdelegate");
            callArgs.add(v);
        }
        List<?> meta = Quoted.meta(item);
        Object call = Tuple.of(Tuple.of(Atom.of("."), meta, List.of(to, as != null ? as : name)), meta, callArgs);
        return Tuple.of(Atom.of("def"), meta, List.of(head, List.of(Tuple.of(Atom.of("do"), call))));
    }

    private DirectFunction function(String fn, int arity, boolean priv, int line) {
        DirectFunction f = new DirectFunction(fn, arity, priv, name + "." + fn + "/" + arity, line);
        functions.put(fn + "/" + arity, f);
        return f;
    }

    /** A planner of this module's code. */
    private DirectPlanner planner() {
        return new DirectPlanner(this);
    }

    private void addClause(Object item, List<Object> args, boolean priv, Map<String, Def> defs, Map<String, Integer> defaultArities,
            Map<String, Object> attrs) {
        Object head = args.get(0);
        Object guard = null;
        if (Quoted.isCall(head, "when", 2)) {
            guard = Quoted.args(head).get(1);
            head = Quoted.args(head).get(0);
        }
        String fn = Quoted.name(head);
        if (fn == null || !Quoted.isNode(head) || Quoted.head(head) instanceof Tuple) throw refuse("a def's head");
        List<Object> params = Quoted.args(head) == null ? List.of() : Quoted.args(head);
        int arity = params.size();
        Def d = defs.computeIfAbsent(fn + "/" + arity, k -> new Def(fn, arity, priv));
        if (d.clauses.isEmpty()) d.line = Quoted.line(item);
        List<Object> patterns = ModuleContext.patternsWithoutDefaults(params, d.defaults);
        for (int k = arity - d.defaults.size(); k < arity; k++) defaultArities.put(fn + "/" + k, arity);
        if (args.size() < 2) return; // a head only: declares the defaults
        if (!(args.get(1) instanceof List<?> opts) || !Quoted.hasKeyword(opts, "do")) throw refuse("a def's body");
        Object body = Quoted.keyword(opts, "do");
        if (Quoted.hasKeyword(opts, "rescue") || Quoted.hasKeyword(opts, "catch") || Quoted.hasKeyword(opts, "after")) {
            body = Tuple.of(Atom.of("try"), List.of(), List.of(new ArrayList<>(opts)));
        }
        d.clauses.add(new DefClause(patterns, guard, body, new LinkedHashMap<>(attrs), Quoted.line(item)));
    }

    // ---- the module body ----------------------------------------------------------------------

    private DirectExpr item(Object item, DirectPlanner p) {
        String n = Quoted.isNode(item) && !Quoted.isVar(item) ? Quoted.name(item) : null;
        List<Object> args = n != null ? Quoted.args(item) : null;
        if (n != null && args != null) {
            switch (n) {
                case "def", "defp" -> {
                    Object head = args.get(0);
                    if (Quoted.isCall(head, "when", 2)) head = Quoted.args(head).get(0);
                    int arity = Quoted.args(head) == null ? 0 : Quoted.args(head).size();
                    if (delegates.contains(item)) {
                        String fn = Quoted.name(head);
                        return env -> List.of(Tuple.of(Ops.atom(fn), arity));
                    }
                    return constant(Tuple.of(Atom.of(Quoted.name(head)), arity));
                }
                case "@" -> {
                    Object set = args.get(0);
                    if (Quoted.args(set) != null && Quoted.args(set).size() == 1) {
                        attributes.put(Quoted.name(set), Quoted.args(set).get(0));
                        return constant(Atom.of("ok"));
                    }
                }
                case "use" -> {
                    return constant(Atom.of("ok"));
                }
                case "defstruct" -> {
                    // its value is the struct with its defaults, as Elixir's defstruct returns it
                    DirectExpr fields = p.expr(args.get(0), new LinkedHashMap<>());
                    String module = atomName;
                    return env -> Ops.fields(Ops.atom(module), fields.eval(env));
                }
                case "alias" -> {
                    return alias(args);
                }
                case "import" -> {
                    Object target = args.get(0);
                    String imported = Quoted.isAlias(target) ? aliasName(target) : target instanceof Atom a ? a.name() : null;
                    if (imported == null) return constant(null);
                    Import next = Import.of(imported, args.size() > 1 ? args.get(1) : null);
                    if (next.undefinedOnly(0) != null) throw fallback("an import of what is undefined");
                    Import.add(imports, next);
                    return constant(Atom.of(imported));
                }
                case "require" -> {
                    if (args.isEmpty()) return constant(null);
                    return p.expr(args.get(0), new LinkedHashMap<>());
                }
                default -> { }
            }
        }
        visibleAttributes = null;
        return p.expr(item, new LinkedHashMap<>());
    }

    private DirectExpr alias(List<Object> args) {
        Object target = args.get(0);
        if (!Quoted.isAlias(target)) throw refuse("alias");
        String full = aliasName(target).substring(7);
        Object as = args.size() > 1 ? Quoted.keyword(args.get(1), "as") : null;
        String short_ = as != null && Quoted.isAlias(as) ? ((Atom) Quoted.args(as).get(0)).name() : full.substring(full.lastIndexOf('.') + 1);
        aliases.put(short_, full);
        return constant(Atom.of("Elixir." + full));
    }

    private static DirectExpr constant(Object v) {
        // atoms are interned in the node's table when evaluated, as the compiled input's constants are
        if (v instanceof Atom a) return env -> Ops.atom(a.name());
        if (v instanceof Tuple t && t.get(0) instanceof Atom a) {
            Object second = t.get(1);
            return env -> Tuple.of(Ops.atom(a.name()), second);
        }
        return DirectExpr.constant(v);
    }

    /** The module atom's name of an alias in this module ({@code Elixir.Foo.Bar}), after its aliases. */
    String aliasName(Object ast) {
        List<String> segments = new ArrayList<>();
        List<Object> parts = Quoted.args(ast);
        for (int i = 0; i < parts.size(); i++) {
            Object part = parts.get(i);
            if (part instanceof Atom a) {
                String seg = a.name();
                segments.add(i == 0 && aliases.containsKey(seg) ? aliases.get(seg) : seg);
            } else if (Quoted.isVar(part) && "__MODULE__".equals(Quoted.name(part)) || Quoted.isCall(part, "__MODULE__", 0)) {
                segments.add(name);
            } else {
                throw DirectPlanner.Unsupported.INSTANCE;
            }
        }
        return "Elixir." + String.join(".", segments);
    }

    /** The module's atom name ({@code Elixir.Hello}). */
    String atomName() {
        return atomName;
    }

    /**
     * {@code @name} read: the value it was set to (as the function's last clause saw it, or as the
     * body has it so far), planned to evaluate at each read as the compiled module does; nil when never set.
     */
    DirectExpr attribute(Object ref, DirectPlanner p) {
        Object value = attributeValue(ref);
        return value == null ? DirectExpr.constant(null) : p.expr(value, new LinkedHashMap<>());
    }

    /**
     * What a read of an attribute ({@code @limit}) evaluates, in a scope of its own: its value's
     * quoted form as set where it is read, null when it is not set (nil).
     *
     * @throws DirectPlanner.Unsupported for {@code @name(args)}, the compiler's error
     */
    Object attributeValue(Object ref) {
        if (Quoted.args(ref) != null && !Quoted.args(ref).isEmpty()) throw DirectPlanner.Unsupported.INSTANCE; // the compiler's error
        Map<String, Object> visible = visibleAttributes != null ? visibleAttributes : attributes;
        return visible.get(Quoted.name(ref));
    }

    // ---- functions ----------------------------------------------------------------------------

    /** The function {@code name/arity} of this module, or null. */
    DirectFunction function(String fn, int arity) {
        return functions.get(fn + "/" + arity);
    }

    /**
     * A call of this module's function from the one being planned; a self call in tail position
     * (marked by {@link #markTail}) answers the next turn's arguments instead of calling.
     */
    DirectExpr localCall(DirectFunction target, DirectExpr[] args, Object ast) {
        if (current != null && target == current && ast != null && tails.contains(ast)) {
            return env -> new DirectFunction.TailCall(DirectExpr.values(args, env));
        }
        if (current != null) calls.computeIfAbsent(current, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(target);
        return env -> target.invoke(DirectExpr.values(args, env));
    }

    /** True when the node is a self call in tail position of the function being planned. */
    boolean isTail(Object ast) {
        return tails.contains(ast);
    }

    /** Marks a node standing for a tail node ({@code x |> f()} read as {@code f(x)}). */
    void markTail(Object ast) {
        tails.add(ast);
    }

    /** Numbers a fn written in the function being planned (its frames are named after it). */
    int closure(int arity) {
        return ++closures;
    }

    /** An expression of the function being planned on a line of its own, run through a frame of that line. */
    DirectExpr line(DirectExpr body, int closure, int closureArity, int line) {
        if (compiling && closure == compiledClosure) return body;
        DirectLine l = new DirectLine(body, current, closure, closureArity, line);
        lines.add(l);
        return l;
    }

    private void planFunction(Def d) {
        DirectFunction f = functions.get(d.name + "/" + d.arity);
        current = f;
        tails.clear();
        for (DefClause c : d.clauses) tailCalls(c.body(), d.name, d.arity);
        visibleAttributes = d.clauses.get(d.clauses.size() - 1).attributes();
        compiling = true;
        try {
            List<ControlCompiler.Clause> clauses = new ArrayList<>();
            for (DefClause c : d.clauses) clauses.add(new ControlCompiler.Clause(c.params(), c.guard(), c.body()));
            methods.put(f, new FunctionCompiler(this, className, constants).compile(f, this::planner, clauses, d.clauses.get(0).line()));
            f.compiled();
        } finally {
            current = null;
            visibleAttributes = null;
            compiling = false;
        }
    }

    /** {@code def f(a, b \\ 1)} also defines {@code f/1}, calling {@code f(a, 1)} (the default evaluated at each call). */
    private void planDefaults(DirectFunction f, Def full) {
        int given = f.arity - (full.arity - full.defaults.size());
        DirectPlanner p = planner();
        DirectExpr[] defaults = new DirectExpr[full.arity];
        int[] from = new int[full.arity];
        int next = 0;
        int used = 0;
        current = f;
        for (int i = 0; i < full.arity; i++) {
            if (full.defaults.containsKey(i) && used++ >= given) {
                defaults[i] = p.expr(full.defaults.get(i), new LinkedHashMap<>());
                from[i] = -1;
            } else {
                from[i] = next++;
            }
        }
        current = null;
        DirectFunction target = functions.get(full.name + "/" + full.arity);
        calls.computeIfAbsent(f, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(target);
        int slots = p.slots();
        f.define(args -> {
            Object[] env = new Object[slots];
            Object[] all = new Object[from.length];
            for (int i = 0; i < all.length; i++) all[i] = from[i] < 0 ? defaults[i].eval(env) : args[from[i]];
            return target.invoke(all);
        });
    }

    /** {@code defstruct fields}: {@code __struct__/0}, the fields evaluated at each call. */
    private void structFunction(Object fields) {
        if (functions.containsKey("__struct__/0")) return;
        DirectFunction f = function("__struct__", 0, false, 0);
        DirectPlanner p = planner();
        DirectExpr value = p.expr(fields, new LinkedHashMap<>());
        int slots = p.slots();
        f.define(args -> Ops.fields(Ops.atom(atomName), value.eval(new Object[slots])));
    }

    /** {@code use GenServer} and friends: Elixir's default callbacks and {@code child_spec/1}, unless defined. */
    private void useDefaults(Tuple use) {
        List<Object> args = Quoted.args(use);
        Object target = args.get(0);
        if (!Quoted.isAlias(target)) throw refuse("use");
        String used = aliasName(target).substring(7);
        List<String> extra = switch (used) {
            case "Supervisor" -> List.of("type", "supervisor");
            case "Task" -> List.of("restart", "temporary");
            case "GenServer", "Agent" -> List.of();
            default -> throw refuse("use " + used);
        };
        DirectPlanner p = planner();
        DirectExpr overrides = p.expr(args.size() > 1 ? args.get(1) : List.of(), new LinkedHashMap<>());
        int slots = p.slots();
        String mod = atomName;
        define("child_spec", 1, a -> {
            Atom self = Ops.atom(mod);
            List<Object> spec = new ArrayList<>(List.of(Ops.atom("id"), self, Ops.atom("start"),
                    Ops.tuple(self, Ops.atom("start_link"), Ops.list(a[0]))));
            for (String e : extra) spec.add(Ops.atom(e));
            return Ops.childSpec(Ops.map(spec.toArray()), overrides.eval(new Object[slots]));
        });
        if (!used.equals("GenServer")) return;
        // Elixir's defaults, which log (handle_info) or raise from lib/gen_server.ex (handle_call, handle_cast)
        define("handle_call", 3, a -> procshell.shell.iex.GenServer._default_handle_call(Ops.atom(mod), a[0], a[1], a[2]));
        define("handle_cast", 2, a -> procshell.shell.iex.GenServer._default_handle_cast(Ops.atom(mod), a[0], a[1]));
        define("handle_info", 2, a -> procshell.shell.iex.GenServer._default_handle_info(Ops.atom(mod), a[0], a[1]));
        define("terminate", 2, a -> Ops.atom("ok"));
        define("code_change", 3, a -> Ops.tuple(Ops.atom("ok"), a[1]));
    }

    private void define(String fn, int arity, DirectFunction.Body body) {
        if (functions.containsKey(fn + "/" + arity)) return;
        function(fn, arity, false, 0).define(body);
    }

    /** Marks the self calls in tail position of a body (as {@link TailCalls} finds them for the compiler). */
    private void tailCalls(Object body, String fn, int arity) {
        if (body == null || !Quoted.isNode(body)) return;
        String n = Quoted.name(body);
        List<Object> args = Quoted.args(body);
        if (n == null || args == null) return;
        switch (n) {
            case "__block__" -> {
                if (!args.isEmpty()) tailCalls(args.get(args.size() - 1), fn, arity);
            }
            case "case", "receive", "cond" -> {
                for (Object opts : args) {
                    if (!(opts instanceof List<?>)) continue;
                    for (String key : new String[] {"do", "after"}) {
                        for (Object arrow : Quoted.clauses(Quoted.keyword(opts, key))) tailCalls(Quoted.args(arrow).get(1), fn, arity);
                    }
                }
            }
            case "if", "unless" -> {
                if (args.size() == 2) {
                    tailCalls(Quoted.keyword(args.get(1), "do"), fn, arity);
                    tailCalls(Quoted.keyword(args.get(1), "else"), fn, arity);
                }
            }
            case "with" -> {
                Object opts = args.get(args.size() - 1);
                tailCalls(Quoted.keyword(opts, "do"), fn, arity);
                for (Object arrow : Quoted.clauses(Quoted.keyword(opts, "else"))) tailCalls(Quoted.args(arrow).get(1), fn, arity);
            }
            case "|>" -> {
                Object right = args.size() == 2 ? args.get(1) : null;
                if (fn.equals(Quoted.name(right)) && Quoted.args(right) != null && Quoted.args(right).size() + 1 == arity) tails.add(body);
            }
            default -> {
                if (n.equals(fn) && args.size() == arity) tails.add(body);
            }
        }
    }

    /** Records a call of {@code target} compiled in the function being planned. */
    void compiledCall(DirectFunction target) {
        if (current != null) compiledCalls.computeIfAbsent(current, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(target);
    }

    /**
     * True when a recursion goes through the direct evaluator: some function reaches itself through
     * a call the evaluator makes (its frames would take far more stack than compiled ones). A
     * recursion of compiled calls only is fine.
     */
    private boolean recursive() {
        for (Map.Entry<DirectFunction, Set<DirectFunction>> e : calls.entrySet()) {
            for (DirectFunction callee : e.getValue()) {
                if (reaches(callee, e.getKey(), Collections.newSetFromMap(new IdentityHashMap<>()))) return true;
            }
        }
        return false;
    }

    /** True when {@code from} calls {@code to}, directly or not, by any call. */
    private boolean reaches(DirectFunction from, DirectFunction to, Set<DirectFunction> seen) {
        if (from == to) return true;
        if (!seen.add(from)) return false;
        for (Map<DirectFunction, Set<DirectFunction>> graph : List.of(calls, compiledCalls)) {
            for (DirectFunction g : graph.getOrDefault(from, Set.of())) {
                if (reaches(g, to, seen)) return true;
            }
        }
        return false;
    }
}
