package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Compiles {@code defmodule} to a Groovy class annotated {@code @ElixirName}: each function
 * (name/arity) is one {@code public static} method (private for {@code defp}) taking one
 * {@code Object} per argument, its clauses tried in order; a function that calls itself in tail
 * position is a loop. Default arguments give the shorter arities; {@code use GenServer} (and
 * Supervisor, Agent, Task) adds Elixir's default callbacks and {@code child_spec/1} unless the
 * module defines them. The module's other expressions run in the script where it is defined,
 * which then registers the class under the module's atom.
 */
final class ModuleCompiler {
    private static final String OPS = Compiler.OPS;
    private final Compiler c;
    private int classes;

    ModuleCompiler(Compiler compiler) {
        this.c = compiler;
    }

    String defmodule(List<Object> args, Scope s, Block b, int line) {
        Object alias = args.get(0);
        if (!Quoted.isAlias(alias) && !(alias instanceof Atom)) {
            throw new CompileError(line, "invalid module name: " + c.describe(alias));
        }
        String name;
        if (alias instanceof Atom a) {
            name = a.name().startsWith("Elixir.") ? a.name().substring(7) : a.name();
        } else {
            String expanded = c.aliasName(alias, s).substring(7);
            // a nested defmodule Inner inside Outer is Outer.Inner, and Inner is its alias there
            boolean nested = c.module != null && Quoted.args(alias).get(0) instanceof Atom first && s.aliasOf(first.name()) == null;
            name = nested ? c.module.name() + "." + expanded : expanded;
            if (nested) {
                String first = ((Atom) Quoted.args(alias).get(0)).name();
                s.alias(first, c.module.name() + "." + first);
                c.module.scope().alias(first, c.module.name() + "." + first);
            }
        }
        String className = name.replaceAll("[^A-Za-z0-9_]", "_") + "__" + c.unit.id + "_" + (++classes);
        Scope moduleScope = new Scope();
        moduleScope.inheritAliases(c.module != null ? c.module.scope() : s);
        ModuleContext m = new ModuleContext(name, className, moduleScope);
        ModuleContext outerModule = c.module;
        Compiler.FunctionContext outerFunction = c.function;
        c.module = m;
        c.function = null;
        String atom = c.unit.atom("Elixir." + name);
        try {
            List<Object> body = Quoted.exprs(Quoted.keyword(args.get(1), "do"));
            collect(body, m);
            String last = "null";
            Block moduleCode = new Block();
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (Object item : body) last = item(item, m, moduleCode, attrs);
            StringBuilder cls = new StringBuilder();
            cls.append("@procshell.shell.iex.ElixirName(").append(Groovy.string(name)).append(")\n");
            cls.append("final class ").append(className).append(" {\n");
            // Elixir checks for undefined local functions once the module is expanded: the first
            // is the error, the others warnings printed before it
            CompileError undefined = null;
            for (ModuleContext.Def d : m.defs.values()) {
                try {
                    cls.append(method(m, d));
                } catch (CompileError e) {
                    if (!e.atModuleEnd()) throw e;
                    undefined = undefined == null ? e : undefined.after("warning: " + e.description() + "\n  iex:" + e.line());
                }
            }
            if (undefined != null) throw undefined;
            cls.append(defaultArityMethods(m));
            cls.append("}\n");
            c.unit.classes.add(cls.toString());
            c.unit.modules.add(new CompiledInput.Module(name, className));
            b.append(moduleCode);
            b.line(OPS + ".defineModule(" + atom + ", " + className + ", " + line + ");");
            return OPS + ".moduleResult(" + atom + ", " + className + ", " + last + ")";
        } finally {
            c.module = outerModule;
            c.function = outerFunction;
        }
    }

    // ---- gathering the functions --------------------------------------------------------------

    private void collect(List<Object> body, ModuleContext m) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        List<Tuple> uses = new ArrayList<>();
        for (Object item : body) {
            String n = Quoted.name(item);
            if (n == null || Quoted.args(item) == null) continue;
            List<Object> args = Quoted.args(item);
            switch (n) {
                case "def", "defp" -> addClause(item, args, n.equals("defp"), m, attrs);
                case "@" -> {
                    Object set = args.get(0);
                    if (Quoted.args(set) != null && Quoted.args(set).size() == 1) attrs.put(Quoted.name(set), Quoted.args(set).get(0));
                }
                case "use" -> uses.add((Tuple) item);
                case "defstruct" -> {
                    ModuleContext.Def d = new ModuleContext.Def("__struct__", 0, false);
                    d.source = "    static Object '__struct__'() {\n        return " + OPS + ".fields(" + c.unit.atom("Elixir." + m.name()) + ", "
                            + c.expr(args.get(0), new Scope(), new Block()) + ");\n    }\n";
                    m.defs.put("__struct__/0", d);
                }
                default -> { }
            }
        }
        for (Tuple use : uses) useDefaults(use, m);
    }

    private void addClause(Object item, List<Object> args, boolean priv, ModuleContext m, Map<String, Object> attrs) {
        Object head = args.get(0);
        Object guard = null;
        if (Quoted.isCall(head, "when", 2)) {
            guard = Quoted.args(head).get(1);
            head = Quoted.args(head).get(0);
        }
        String name = Quoted.name(head);
        List<Object> params = Quoted.args(head) == null ? List.of() : Quoted.args(head);
        int arity = params.size();
        String key = name + "/" + arity;
        ModuleContext.Def d = m.defs.computeIfAbsent(key, k -> new ModuleContext.Def(name, arity, priv));
        List<Object> patterns = ModuleContext.patternsWithoutDefaults(params, d.defaults);
        for (int k = arity - d.defaults.size(); k < arity; k++) m.defaultArities.put(name + "/" + k, arity);
        if (args.size() < 2) return; // a head only: declares the defaults
        Object body = Quoted.keyword(args.get(1), "do");
        if (Quoted.hasKeyword(args.get(1), "rescue") || Quoted.hasKeyword(args.get(1), "catch") || Quoted.hasKeyword(args.get(1), "after")) {
            List<Object> opts = new ArrayList<>((List<?>) args.get(1));
            body = Tuple.of(Atom.of("try"), List.of(), List.of(opts));
        }
        d.clauses.add(new ModuleContext.DefClause(patterns, guard, body, new LinkedHashMap<>(attrs), Quoted.line(item)));
    }

    /** {@code use GenServer} and friends: Elixir's default callbacks and {@code child_spec/1}. */
    private void useDefaults(Tuple use, ModuleContext m) {
        List<Object> args = Quoted.args(use);
        Object target = args.get(0);
        String used = Quoted.isAlias(target) ? c.aliasName(target, m.scope()).substring(7) : c.describe(target);
        Object opts = args.size() > 1 ? args.get(1) : List.of();
        String mod = c.unit.atom("Elixir." + m.name());
        List<String> spec = new ArrayList<>(List.of(c.unit.atom("id"), mod, c.unit.atom("start"),
                OPS + ".tuple(" + mod + ", " + c.unit.atom("start_link") + ", " + OPS + ".list(arg))"));
        switch (used) {
            case "Supervisor" -> spec.addAll(List.of(c.unit.atom("type"), c.unit.atom("supervisor")));
            case "Task" -> spec.addAll(List.of(c.unit.atom("restart"), c.unit.atom("temporary")));
            case "GenServer", "Agent" -> { }
            default -> throw new CompileError(Quoted.line(use), "procshell supports use GenServer, Supervisor, Agent and Task, not use " + used);
        }
        String overrides = c.expr(opts, new Scope(), new Block());
        define(m, "child_spec", 1, "    static Object 'child_spec'(Object arg) {\n        return " + OPS + ".childSpec(" + OPS + ".map("
                + String.join(", ", spec) + "), " + overrides + ");\n    }\n");
        if (!used.equals("GenServer")) return;
        // Elixir's defaults, which log (handle_info) or raise from lib/gen_server.ex (handle_call, handle_cast)
        String facade = "procshell.shell.iex.GenServer";
        define(m, "handle_call", 3, "    static Object 'handle_call'(Object msg, Object from, Object state) {\n        return " + facade
                + "._default_handle_call(" + mod + ", msg, from, state);\n    }\n");
        define(m, "handle_cast", 2, "    static Object 'handle_cast'(Object msg, Object state) {\n        return " + facade
                + "._default_handle_cast(" + mod + ", msg, state);\n    }\n");
        define(m, "handle_info", 2, "    static Object 'handle_info'(Object msg, Object state) {\n        return " + facade
                + "._default_handle_info(" + mod + ", msg, state);\n    }\n");
        define(m, "terminate", 2, "    static Object 'terminate'(Object reason, Object state) {\n        return " + c.unit.atom("ok") + ";\n    }\n");
        define(m, "code_change", 3, "    static Object 'code_change'(Object old, Object state, Object extra) {\n        return " + OPS + ".tuple("
                + c.unit.atom("ok") + ", state);\n    }\n");
    }

    private static void define(ModuleContext m, String name, int arity, String source) {
        if (m.defs.containsKey(name + "/" + arity)) return;
        ModuleContext.Def d = new ModuleContext.Def(name, arity, false);
        d.source = source;
        m.defs.put(name + "/" + arity, d);
    }

    // ---- the module body ----------------------------------------------------------------------

    /** One expression of the body, in order; returns its value's Groovy expression. */
    private String item(Object item, ModuleContext m, Block b, Map<String, Object> attrs) {
        String n = Quoted.name(item);
        List<Object> args = Quoted.isNode(item) ? Quoted.args(item) : null;
        if (n != null && args != null) {
            switch (n) {
                case "def", "defp" -> {
                    Object head = args.get(0);
                    if (Quoted.isCall(head, "when", 2)) head = Quoted.args(head).get(0);
                    int arity = Quoted.args(head) == null ? 0 : Quoted.args(head).size();
                    return OPS + ".tuple(" + c.unit.atom(Quoted.name(head)) + ", " + arity + ")";
                }
                case "@" -> {
                    Object set = args.get(0);
                    if (Quoted.args(set) != null && Quoted.args(set).size() == 1) {
                        m.attributes.put(Quoted.name(set), Quoted.args(set).get(0));
                        attrs.put(Quoted.name(set), Quoted.args(set).get(0));
                        return c.unit.atom("ok");
                    }
                }
                case "use" -> {
                    return c.unit.atom("ok");
                }
                case "defstruct" -> {
                    // its value is the struct with its defaults, as Elixir's defstruct returns it
                    return OPS + ".fields(" + c.unit.atom("Elixir." + m.name()) + ", " + c.expr(args.get(0), new Scope(), b) + ")";
                }
                default -> { }
            }
        }
        Scope s = m.scope().copy();
        String v = c.expr(item, s, b);
        m.scope().inheritAliases(s);
        return c.spill(v, b);
    }

    /** An attribute read {@code @name}: the value it was last set to (nil when never). */
    String readAttribute(Object ref, Scope s, Block b, int line) {
        if (c.module == null) throw new CompileError(line, "cannot invoke @/1 outside module");
        String name = Quoted.name(ref);
        if (Quoted.args(ref) != null && !Quoted.args(ref).isEmpty()) {
            throw new CompileError(line, "cannot set attribute @" + name + " inside function/macro");
        }
        Map<String, Object> visible = c.attributesInScope != null ? c.attributesInScope : c.module.attributes;
        Object value = visible.get(name);
        return value == null ? "null" : c.expr(value, new Scope(), b);
    }

    // ---- methods ------------------------------------------------------------------------------

    private String method(ModuleContext m, ModuleContext.Def d) {
        if (d.source != null) return d.source;
        if (d.clauses.isEmpty()) {
            throw new CompileError(0, "implementation not provided for predefined def " + d.name + "/" + d.arity);
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < d.arity; i++) params.add(c.unit.fresh("p"));
        boolean loops = false;
        for (ModuleContext.DefClause cl : d.clauses) loops |= TailCalls.callsItself(cl.body(), d.name, d.arity);
        String display = m.name() + "." + d.name + "/" + d.arity;
        Compiler.FunctionContext outer = c.function;
        c.function = new Compiler.FunctionContext(d.name, d.arity, params, loops, display);
        Map<String, Object> outerAttrs = c.attributesInScope;
        try {
            Block body = new Block();
            if (loops) body.open("while (true) {");
            List<ControlCompiler.Clause> clauses = new ArrayList<>();
            for (ModuleContext.DefClause cl : d.clauses) clauses.add(new ControlCompiler.Clause(cl.params(), cl.guard(), cl.body()));
            c.attributesInScope = d.clauses.get(d.clauses.size() - 1).attributes();
            String args = String.join(", ", params);
            String r = c.control.clauses(params, clauses, m.scope().copy(), body, true,
                    OPS + ".functionClause(" + Groovy.string(display) + ", " + Groovy.string("iex:" + d.clauses.get(0).line() + ": " + display)
                            + (params.isEmpty() ? "" : ", " + args) + ");");
            body.line("return " + r + ";");
            if (loops) body.close("}");
            StringBuilder out = new StringBuilder("    ").append(d.priv ? "private " : "").append("static Object ")
                    .append(m.javaName(d.name, d.arity)).append("(")
                    .append(String.join(", ", params.stream().map(p -> "Object " + p).toList())).append(") {\n");
            for (String l : body.text().split("\n")) if (!l.isEmpty()) out.append("        ").append(l).append("\n");
            return out.append("    }\n").toString();
        } finally {
            c.function = outer;
            c.attributesInScope = outerAttrs;
        }
    }

    /** {@code def f(a, b \\ 1)} also defines {@code f/1}, calling {@code f(a, 1)}. */
    private String defaultArityMethods(ModuleContext m) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Integer> e : m.defaultArities.entrySet()) {
            if (m.defs.containsKey(e.getKey())) continue;
            String name = e.getKey().substring(0, e.getKey().lastIndexOf('/'));
            int arity = Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf('/') + 1));
            ModuleContext.Def full = m.defs.get(name + "/" + e.getValue());
            int given = arity - (full.arity - full.defaults.size());
            List<String> params = new ArrayList<>();
            for (int i = 0; i < arity; i++) params.add(c.unit.fresh("p"));
            Block body = new Block();
            List<String> callArgs = new ArrayList<>();
            int next = 0;
            int defaultsUsed = 0;
            for (int i = 0; i < full.arity; i++) {
                if (full.defaults.containsKey(i) && defaultsUsed++ >= given) {
                    callArgs.add(c.spill(c.expr(full.defaults.get(i), new Scope(), body), body));
                } else {
                    callArgs.add(params.get(next++));
                }
            }
            out.append("    ").append(full.priv ? "private " : "").append("static Object ").append(m.javaName(name, arity)).append("(")
                    .append(String.join(", ", params.stream().map(p -> "Object " + p).toList())).append(") {\n");
            for (String l : body.text().split("\n")) if (!l.isEmpty()) out.append("        ").append(l).append("\n");
            out.append("        return ").append(m.className()).append(".").append(m.javaName(name, full.arity)).append("(")
                    .append(String.join(", ", callArgs)).append(");\n    }\n");
        }
        return out.toString();
    }
}
