package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.iex.Operators;

/**
 * Compiles Elixir expressions (quoted form) to Groovy expressions. An expression that Groovy can
 * only write as statements ({@code case}, {@code receive}, a match) writes them to the current
 * {@link Block} and is then the variable holding its value; arguments evaluated before such a
 * statement are saved in variables first, so evaluation keeps Elixir's order.
 */
final class Compiler {
    static final String OPS = "procshell.shell.iex.Ops";

    final Unit unit;
    final PatternCompiler patterns;
    final ControlCompiler control;
    final ModuleCompiler modules;
    /** The function being compiled (for local and tail calls); null at the prompt. */
    FunctionContext function;
    /** The module being compiled; null at the prompt. */
    ModuleContext module;
    /** The attributes the function being compiled sees (as set before its clauses); null for the module's latest. */
    java.util.Map<String, Object> attributesInScope;
    /** Modules imported at the prompt ({@code import Foo}). */
    final List<Import> promptImports = new ArrayList<>();

    /** The frames iex shows under a module's call of a function it neither defines nor imports. */
    private static final List<String> UNDEFINED_LOCAL_FRAMES = List.of(
            "(elixir 1.14.0) src/elixir_locals.erl:115: anonymous fn/4 in :elixir_locals.ensure_no_undefined_local/3",
            "(elixir 1.14.0) src/elixir_erl_compiler.erl:12: anonymous fn/2 in :elixir_erl_compiler.spawn/1");

    Compiler(Unit unit) {
        this.unit = unit;
        this.patterns = new PatternCompiler(unit, this);
        this.control = new ControlCompiler(this);
        this.modules = new ModuleCompiler(this);
    }

    /** The function being compiled: its Groovy parameters are reassigned by a tail call when it loops. */
    record FunctionContext(String name, int arity, List<String> parameters, boolean loops, String display) {}

    // ---- entry points -------------------------------------------------------------------------

    /** Compiles an expression not in tail position. */
    String expr(Object ast, Scope s, Block b) {
        return expr(ast, s, b, false);
    }

    /**
     * Compiles an expression.
     *
     * @param tail true when its value is the value of the function being compiled (a self call
     *             there loops instead of calling)
     * @return a Groovy expression for its value, to evaluate after the statements written to b
     */
    String expr(Object ast, Scope s, Block b, boolean tail) {
        // the statements written from here on (those using this value too) come from its line
        Block.at(Quoted.line(ast));
        return compile(ast, s, b, tail);
    }

    private String compile(Object ast, Scope s, Block b, boolean tail) {
        if (ast == null) return "null";
        if (ast instanceof Boolean v) return v.toString();
        if (ast instanceof Number || ast instanceof String || ast instanceof Atom) return literal(ast);
        if (ast instanceof List<?> l) return list(l, s, b);
        if (ast instanceof Tuple t && t.size() == 2) return OPS + ".tuple(" + String.join(", ", exprs(java.util.Arrays.asList(t.get(0), t.get(1)), s, b)) + ")";
        if (!Quoted.isNode(ast)) throw new CompileError(0, "invalid quoted expression: " + procshell.shell.iex.Kernel.inspect(ast));
        if (Quoted.isVar(ast)) return variable(ast, s, b, tail);
        Object head = Quoted.head(ast);
        List<Object> args = Quoted.args(ast);
        if (head instanceof Tuple) return dotCall(ast, s, b, tail);
        return call(((Atom) head).name(), args, ast, s, b, tail);
    }

    /** A literal term: nil, booleans, numbers, strings, atoms. */
    String literal(Object v) {
        if (v == null) return "null";
        if (v instanceof Boolean x) return x.toString();
        if (v instanceof Double d) return Groovy.floating(d);
        if (v instanceof Number n) return Groovy.integer(n);
        if (v instanceof String s) return Groovy.string(s);
        if (v instanceof Atom a) return unit.atom(a.name());
        throw new IllegalArgumentException("not a literal: " + v);
    }

    /** A short description of a quoted expression for error messages. */
    static String describe(Object ast) {
        String n = Quoted.name(ast);
        return n != null ? n : procshell.shell.iex.Kernel.inspect(ast);
    }

    /**
     * Compiles expressions in order. When a later one writes statements, the earlier values are
     * saved in variables before them, so that they are evaluated first as in Elixir.
     */
    List<String> exprs(List<?> asts, Scope s, Block b) {
        List<String> out = new ArrayList<>(asts.size());
        for (Object a : asts) {
            Block sub = new Block();
            String e = expr(a, s, sub);
            if (!sub.isEmpty()) {
                for (int i = 0; i < out.size(); i++) out.set(i, spill(out.get(i), b));
                b.append(sub);
            }
            out.add(e);
        }
        return out;
    }

    /** The value in a variable (written to b) unless it is a name or literal already. */
    String spill(String expr, Block b) {
        if (Groovy.isTrivial(expr)) return expr;
        String t = unit.fresh("t");
        b.line("def " + t + " = " + expr + ";");
        return t;
    }

    /** Evaluates an expression for its effects only. */
    void statement(String expr, Block b) {
        if (Groovy.isTrivial(expr) || expr.startsWith("{")) return;
        b.line(expr + ";");
    }

    /** A block of expressions: the value of the last. */
    String block(List<Object> exprs, Scope s, Block b, boolean tail) {
        if (exprs.isEmpty()) return "null";
        for (int i = 0; i < exprs.size() - 1; i++) statement(expr(exprs.get(i), s, b), b);
        return expr(exprs.get(exprs.size() - 1), s, b, tail);
    }

    // ---- data ---------------------------------------------------------------------------------

    private String list(List<?> l, Scope s, Block b) {
        if (!l.isEmpty() && Quoted.isCall(l.get(l.size() - 1), "|", 2)) {
            List<Object> items = new ArrayList<>(l.subList(0, l.size() - 1));
            List<Object> bar = Quoted.args(l.get(l.size() - 1));
            items.add(bar.get(0));
            items.add(bar.get(1));
            List<String> e = exprs(items, s, b);
            String tail = e.remove(e.size() - 1);
            return OPS + ".cons(" + tail + (e.isEmpty() ? "" : ", " + String.join(", ", e)) + ")";
        }
        return OPS + ".list(" + String.join(", ", exprs(l, s, b)) + ")";
    }

    private String map(List<Object> args, Scope s, Block b) {
        if (args.size() == 1 && Quoted.isCall(args.get(0), "|", 2)) {
            List<Object> bar = Quoted.args(args.get(0));
            List<Object> items = new ArrayList<>();
            items.add(bar.get(0));
            for (Object kv : (List<?>) bar.get(1)) {
                items.add(((Tuple) kv).get(0));
                items.add(((Tuple) kv).get(1));
            }
            return OPS + ".mapUpdate(" + String.join(", ", exprs(items, s, b)) + ")";
        }
        List<Object> items = new ArrayList<>();
        for (Object kv : args) {
            items.add(((Tuple) kv).get(0));
            items.add(((Tuple) kv).get(1));
        }
        return OPS + ".map(" + String.join(", ", exprs(items, s, b)) + ")";
    }

    private String struct(List<Object> args, Scope s, Block b) {
        String module = expr(args.get(0), s, b);
        List<Object> inner = Quoted.args(args.get(1));
        if (inner.size() == 1 && Quoted.isCall(inner.get(0), "|", 2)) return map(inner, s, b);
        List<Object> items = new ArrayList<>();
        for (Object kv : inner) {
            items.add(((Tuple) kv).get(0));
            items.add(((Tuple) kv).get(1));
        }
        List<String> e = exprs(items, s, b);
        return OPS + ".struct(" + module + (e.isEmpty() ? "" : ", " + String.join(", ", e)) + ")";
    }

    /** A string with interpolations: {@code "a#{x}"} is {@code <<"a", Kernel.to_string(x)::binary>>}. */
    private String binary(List<Object> parts, Scope s, Block b, int line) {
        List<Object> items = Quoted.interpolationParts(parts);
        if (items == null) return BinaryCompiler.build(this, parts, s, b, line);
        if (items.size() == 1 && items.get(0) instanceof String str) return Groovy.string(str);
        return OPS + ".interpolate(" + String.join(", ", exprs(items, s, b)) + ")";
    }

    /** The module atom's name of an alias {@code Foo.Bar} ({@code Elixir.Foo.Bar}), after the scope's aliases. */
    String aliasName(Object ast, Scope s) {
        List<String> segments = new ArrayList<>();
        List<Object> parts = Quoted.args(ast);
        for (int i = 0; i < parts.size(); i++) {
            Object p = parts.get(i);
            if (p instanceof Atom a) {
                String seg = a.name();
                if (i == 0 && s.aliasOf(seg) != null) segments.add(s.aliasOf(seg));
                else segments.add(seg);
            } else if (Quoted.isVar(p) && "__MODULE__".equals(Quoted.name(p)) || Quoted.isCall(p, "__MODULE__", 0)) {
                if (module == null) throw new CompileError(Quoted.line(ast), "__MODULE__ is not available outside a module");
                segments.add(module.name());
            } else {
                throw new CompileError(Quoted.line(ast), "an alias must expand to an atom at compilation time");
            }
        }
        return "Elixir." + String.join(".", segments);
    }

    // ---- variables and calls ------------------------------------------------------------------

    private String variable(Object ast, Scope s, Block b, boolean tail) {
        String name = Quoted.name(ast);
        if (name.equals("__MODULE__")) return module == null ? "null" : unit.atom("Elixir." + module.name());
        if (name.equals("__CALLER__") || name.equals("__ENV__") || name.equals("__DIR__")) {
            throw new CompileError(Quoted.line(ast), name + " is not supported by procshell");
        }
        String v = s.lookup(name);
        if (v != null) return v;
        if (name.startsWith("_") && !name.equals("_")) {
            throw new CompileError(Quoted.line(ast), "undefined variable \"" + name + "\"");
        }
        if (name.equals("_")) {
            throw new CompileError(Quoted.line(ast), "invalid use of _. _ can only be used inside patterns to ignore values and cannot"
                    + " be used in expressions. Make sure you are inside a pattern or change it accordingly");
        }
        // Elixir reads an unbound name as a call without parentheses
        return localCall(name, List.of(), ast, s, b, tail);
    }

    private String call(String name, List<Object> args, Object ast, Scope s, Block b, boolean tail) {
        int line = Quoted.line(ast);
        switch (name) {
            case "__block__": return block(args, s, b, tail);
            case "=": return match(args.get(0), args.get(1), s, b);
            case "{}": return OPS + ".tuple(" + String.join(", ", exprs(args, s, b)) + ")";
            case "%{}": return map(args, s, b);
            case "%": return struct(args, s, b);
            case "<<>>": return binary(args, s, b, line);
            case "__aliases__": return unit.atom(aliasName(ast, s));
            case "__MODULE__": return module == null ? "null" : unit.atom("Elixir." + module.name());
            case "fn": return control.fn(args, s, b, line);
            case "&": return control.capture(args.get(0), s, b, line);
            case "case": return control.caseExpr(args, s, b, tail);
            case "cond": return control.cond(args, s, b, tail);
            case "if": return control.ifExpr(args, s, b, tail, true);
            case "unless": return control.ifExpr(args, s, b, tail, false);
            case "with": return control.with(args, s, b, tail);
            case "for": return control.forExpr(args, s, b, line);
            case "try": return control.tryExpr(args, s, b);
            case "receive": return control.receive(args, s, b, tail);
            case "match?": if (args.size() == 2) return control.matchQ(args.get(0), args.get(1), s, b); break;
            case "defmodule": return modules.defmodule(args, s, b, line);
            case "def", "defp", "defmacro", "defmacrop", "defstruct", "defexception", "defdelegate", "defguard":
                throw new procshell.shell.iex.ArgumentError("cannot invoke " + name + "/" + args.size() + " outside module");
            case "alias": return alias(args, s, line);
            case "require": return args.isEmpty() ? "null" : expr(args.get(0), s, b);
            case "import": return importModule(args, s, line);
            case "@": return modules.readAttribute(args.get(0), s, b, line);
            case "|>": return expr(pipe(args.get(0), args.get(1), line), s, b, tail);
            case "^": throw new CompileError(line, "cannot use ^" + Quoted.name(args.get(0)) + " outside of match clauses");
            case "raise": return raise(args, s, b, line);
            case "reraise": return OPS + ".raise(" + exprs(args.subList(0, 1), s, b).get(0) + ")";
            case "throw": if (args.size() == 1) return OPS + ".doThrow(" + expr(args.get(0), s, b) + ")"; break;
            case "super", "quote", "unquote": throw new CompileError(line, name + " is not supported by procshell");
            default: break;
        }
        String op = operator(name, args, s, b, line);
        if (op != null) return op;
        if (name.startsWith("sigil_") && args.size() == 2) return sigil(name.substring(6), args, s, b, line);
        return localCall(name, args, ast, s, b, tail);
    }

    /** {@code left |> f(args)} is {@code f(left, args)}. */
    private Object pipe(Object left, Object right, int line) {
        if (!Quoted.isNode(right) || Quoted.isCall(right, "fn") || Quoted.isCall(right, "&")) {
            throw new CompileError(line, "cannot pipe " + describe(left) + " into " + describe(right)
                    + ", can only pipe into local calls foo(), remote calls Foo.bar() or anonymous function calls foo.()");
        }
        Tuple node = (Tuple) right;
        List<Object> args = new ArrayList<>();
        args.add(left);
        if (node.get(2) instanceof List<?> l) args.addAll(l);
        return Tuple.of(node.get(0), node.get(1), args);
    }

    private String alias(List<Object> args, Scope s, int line) {
        Object target = args.get(0);
        if (!Quoted.isAlias(target)) throw new CompileError(line, "alias expects an alias, got: " + describe(target));
        String full = aliasName(target, s).substring("Elixir.".length());
        Object as = args.size() > 1 ? Quoted.keyword(args.get(1), "as") : null;
        String short_ = as != null && Quoted.isAlias(as) ? ((Atom) Quoted.args(as).get(0)).name() : full.substring(full.lastIndexOf('.') + 1);
        s.alias(short_, full);
        if (module != null) module.scope().alias(short_, full);
        return unit.atom("Elixir." + full);
    }

    private String importModule(List<Object> args, Scope s, int line) {
        Object target = args.get(0);
        String name = Quoted.isAlias(target) ? aliasName(target, s) : target instanceof Atom a ? a.name() : null;
        if (name != null) {
            Import imported = Import.of(name, args.size() > 1 ? args.get(1) : null);
            CompileError undefined = imported.undefinedOnly(line);
            if (undefined != null) throw undefined;
            Import.add(module != null ? module.imports() : promptImports, imported);
        }
        return name == null ? "null" : unit.atom(name);
    }

    private String raise(List<Object> args, Scope s, Block b, int line) {
        List<String> e = exprs(args, s, b);
        if (e.size() == 1) return OPS + ".raise(" + e.get(0) + ")";
        if (e.size() == 2) return OPS + ".raise(" + e.get(0) + ", " + e.get(1) + ")";
        throw CompileError.undefinedFunction(line, "raise", args.size());
    }

    /**
     * A lower-case sigil's text with its escapes applied, as the sigil does when it runs
     * ({@code ~s(a\tb)} is {@code "a<tab>b"}; {@code ~r} keeps the regex's own escapes); an upper-case
     * sigil's as typed.
     */
    static Object unescaped(String letter, Object content) {
        if (!Quoted.isCall(content, "<<>>") || !"scwr".contains(letter)) return content;
        List<Object> parts = new ArrayList<>();
        for (Object p : Quoted.args(content)) {
            if (p instanceof String text) {
                parts.add(letter.equals("r") ? procshell.shell.elixir.reader.Escapes.unescapeRegex(text) : procshell.shell.elixir.reader.Escapes.unescape(text));
            } else {
                parts.add(p);
            }
        }
        return Tuple.of(Quoted.head(content), Quoted.meta(content), parts);
    }

    /** A sigil's modifiers (its second argument, a charlist) as text: {@code ~r/a/iu} has {@code "iu"}. */
    static String modifiers(List<?> modifiers) {
        StringBuilder b = new StringBuilder();
        for (Object m : modifiers) b.appendCodePoint(((Number) m).intValue());
        return b.toString();
    }

    private String sigil(String letter, List<Object> args, Scope s, Block b, int line) {
        Object content = unescaped(letter, args.get(0));
        List<?> modifiers = (List<?>) args.get(1);
        String text = Quoted.isCall(content, "<<>>") ? binary(Quoted.args(content), s, b, line) : expr(content, s, b);
        switch (letter) {
            case "s", "S": return text;
            case "r", "R": return OPS + ".regex(" + text + ", " + Groovy.string(modifiers(modifiers)) + ", " + line + ")";
            case "c", "C": return "procshell.shell.iex.ElixirString.to_charlist(" + text + ")";
            case "D", "T", "N", "U": return OPS + ".calendarSigil(" + Groovy.string(letter) + ", " + text + ")";
            case "w", "W": {
                char mod = modifiers.isEmpty() ? 's' : (char) ((Number) modifiers.get(0)).intValue();
                List<Object> words = new ArrayList<>();
                if (Quoted.isCall(content, "<<>>") && Quoted.args(content).size() == 1 && Quoted.args(content).get(0) instanceof String str) {
                    for (String w : str.trim().split("\\s+")) {
                        if (w.isEmpty()) continue;
                        words.add(mod == 'a' ? Atom.of(w) : w);
                    }
                    if (mod == 'c') return OPS + ".list(" + String.join(", ", words.stream().map(w -> "procshell.shell.iex.ElixirString.to_charlist("
                            + literal(w) + ")").toList()) + ")";
                    return OPS + ".list(" + String.join(", ", words.stream().map(this::literal).toList()) + ")";
                }
                throw new CompileError(line, "~w with interpolation is not supported by procshell");
            }
            default: throw CompileError.undefinedFunction(line, "sigil_" + letter, 2);
        }
    }

    /** An operator, or null when the name is none (or not with this many operands). */
    private String operator(String name, List<Object> args, Scope s, Block b, int line) {
        if (args.size() == 1) {
            Object a = args.get(0);
            if (name.equals("-") && a instanceof Number n && !(a instanceof Double)) return Groovy.integer(procshell.shell.eval.Arithmetic.negate(n));
            if (name.equals("-") && a instanceof Double d) return Groovy.floating(-d);
            String fn = Operators.unary(name);
            return fn == null ? null : OPS + "." + fn + "(" + expr(a, s, b) + ")";
        }
        if (args.size() != 2) return null;
        String fn = Operators.binary(name);
        if (fn != null) {
            List<String> e = exprs(args, s, b);
            return OPS + "." + fn + "(" + e.get(0) + ", " + e.get(1) + ")";
        }
        return CallTargets.isShortCircuit(name) ? shortCircuit(name, args.get(0), args.get(1), s, b) : null;
    }

    /** {@code and}, {@code or} (strict on the left), {@code &&}, {@code ||} (truthiness): the right side runs only when needed. */
    private String shortCircuit(String op, Object left, Object right, Scope s, Block b) {
        String l = spill(expr(left, s, b), b);
        Block rb = new Block();
        String r = expr(right, s.copy(), rb);
        String test = switch (op) {
            case "and" -> OPS + ".strictLeft(" + l + ", 'and')";
            case "or" -> "!" + OPS + ".strictLeft(" + l + ", 'or')";
            case "&&" -> OPS + ".truthy(" + l + ")";
            default -> "!" + OPS + ".truthy(" + l + ")";
        };
        if (rb.isEmpty()) return "(" + test + " ? " + r + " : " + l + ")";
        String v = unit.fresh("r");
        b.line("def " + v + " = " + l + ";");
        b.open("if (" + test + ") {");
        b.append(rb);
        b.line(v + " = " + r + ";");
        b.close("}");
        return v;
    }

    /** {@code pattern = expr}: raises MatchError when it does not match; binds the pattern's variables. */
    String match(Object pattern, Object value, Scope s, Block b) {
        String v = expr(value, s, b);
        if (Quoted.isVar(pattern) && !"_".equals(Quoted.name(pattern)) && !"__MODULE__".equals(Quoted.name(pattern))) {
            String var = unit.variable(Quoted.name(pattern));
            b.line("def " + var + " = " + v + ";");
            s.bind(Quoted.name(pattern), var);
            return var;
        }
        String t = unit.fresh("t");
        b.line("def " + t + " = " + v + ";");
        Pattern p = patterns.compile(pattern, t, s);
        p.require(b, OPS + ".matchError(" + t + ");");
        p.bindIn(s);
        return t;
    }

    /** {@code f.(args)}, {@code Mod.fun(args)}, {@code term.key}, {@code term[key]}. */
    private String dotCall(Object ast, Scope s, Block b, boolean tail) {
        Tuple dot = (Tuple) Quoted.head(ast);
        List<Object> args = Quoted.args(ast);
        List<Object> dargs = Quoted.args(dot);
        int line = Quoted.line(ast);
        if (dargs.size() == 1) {
            List<Object> all = new ArrayList<>();
            all.add(dargs.get(0));
            all.addAll(args);
            List<String> e = exprs(all, s, b);
            return OPS + ".apply(" + String.join(", ", e) + ")";
        }
        Object left = dargs.get(0);
        String fun = ((Atom) dargs.get(1)).name();
        String moduleName = left instanceof Atom a ? a.name()
                : Quoted.isAlias(left) ? aliasName(left, s)
                : Quoted.isCall(left, "__MODULE__", 0) || Quoted.isVar(left) && "__MODULE__".equals(Quoted.name(left)) && module != null
                        ? "Elixir." + module.name() : null;
        if (moduleName == null) {
            List<Object> all = new ArrayList<>();
            all.add(left);
            all.addAll(args);
            List<String> e = exprs(all, s, b);
            if (args.isEmpty() && Boolean.TRUE.equals(Quoted.keyword(Quoted.meta(ast), "no_parens"))) {
                return OPS + ".dot(" + e.get(0) + ", " + Groovy.string(fun) + ")";
            }
            return OPS + ".call(" + e.get(0) + ", " + Groovy.string(fun) + (args.isEmpty() ? "" : ", " + String.join(", ", e.subList(1, e.size()))) + ")";
        }
        return remoteCall(moduleName, fun, args, s, b, tail, line);
    }

    /** {@code Mod.fun(args)} with the module known at compile time. */
    String remoteCall(String moduleName, String fun, List<Object> args, Scope s, Block b, boolean tail, int line) {
        if (moduleName.equals("Elixir.Access") && fun.equals("get") && args.size() == 2) {
            List<String> e = exprs(args, s, b);
            return OPS + ".access(" + e.get(0) + ", " + e.get(1) + ")";
        }
        if (moduleName.equals("Elixir.Kernel")) return kernelCall(fun, args, s, b, line, true);
        if (module != null && moduleName.equals("Elixir." + module.name()) && module.defines(fun, args.size())) {
            return localCall(fun, args, null, s, b, false);
        }
        List<String> e = exprs(args, s, b);
        String facade = facade(moduleName, fun, args.size());
        if (facade != null) return facade + "(" + String.join(", ", e) + ")";
        return OPS + ".call(" + unit.atom(moduleName) + ", " + Groovy.string(fun) + (e.isEmpty() ? "" : ", " + String.join(", ", e)) + ")";
    }

    /** The Groovy callee of a shell facade's function ({@code procshell.shell.iex.ElixirString.upcase}), or null. */
    private static String facade(String moduleName, String fun, int arity) {
        java.lang.reflect.Method m = CallTargets.facade(moduleName, fun, arity);
        return m == null ? null : CallTargets.callee(m);
    }

    /** A call without a module: the module's own function, a Kernel function, an imported one. */
    String localCall(String name, List<Object> args, Object ast, Scope s, Block b, boolean tail) {
        int line = ast == null ? 0 : Quoted.line(ast);
        int arity = args.size();
        if (module != null && module.defines(name, arity)) {
            FunctionContext f = function;
            if (tail && f != null && f.loops() && f.name().equals(name) && f.arity() == arity) {
                List<String> e = exprs(args, s, b);
                List<String> temps = new ArrayList<>();
                for (String x : e) {
                    String t = unit.fresh("t");
                    b.line("def " + t + " = " + x + ";");
                    temps.add(t);
                }
                for (int i = 0; i < arity; i++) b.line(f.parameters().get(i) + " = " + temps.get(i) + ";");
                b.line("continue;");
                return "null";
            }
            return module.className() + "." + module.javaName(name, arity) + "(" + String.join(", ", exprs(args, s, b)) + ")";
        }
        try {
            return kernelCall(name, args, s, b, line, false);
        } catch (CompileError e) {
            // (in a module's function the planner's warnings say it: UnusedVariables)
            if (!Quoted.isVar(ast) || module != null) throw e;
            throw e.after("warning: variable \"" + name + "\" does not exist and is being expanded to \"" + name
                    + "()\", please use parentheses to remove the ambiguity or change the variable name\n  iex:" + line);
        }
    }

    /** A call of Kernel's {@code name/arity} (an Ops function, an operator, a Kernel function), or null when Kernel has none. */
    private String kernelTarget(String name, List<Object> args, Scope s, Block b, int line, boolean qualified) {
        String ops = CallTargets.opsKernel(name, args.size());
        if (ops != null) return OPS + "." + ops + "(" + String.join(", ", exprs(args, s, b)) + ")";
        if (qualified) {
            String op = operator(name, args, s, b, line);
            if (op != null) return op;
        }
        java.lang.reflect.Method kernel = CallTargets.kernelFunction(name, args.size());
        return kernel == null ? null : CallTargets.callee(kernel) + "(" + String.join(", ", exprs(args, s, b)) + ")";
    }

    /** The imports a call sees: the prompt's, then in a module its own, as a module's environment starts from the prompt's. */
    List<Import> importsInScope() {
        if (module == null) return promptImports;
        List<Import> all = new ArrayList<>(promptImports);
        for (Import imported : module.imports()) Import.add(all, imported);
        return all;
    }

    private String kernelCall(String name, List<Object> args, Scope s, Block b, int line, boolean qualified) {
        int arity = args.size();
        String helper = qualified ? null : IexHelperCalls.call(name, args);
        if (helper != null) return helper;
        List<Import> inScope = importsInScope();
        CompileError ambiguous = qualified ? null : Import.ambiguity(name, arity, inScope, line, module != null);
        if (ambiguous != null) throw ambiguous;
        if (qualified || Import.kernelAllows(name, arity, inScope)) {
            String kernel = kernelTarget(name, args, s, b, line, qualified);
            if (kernel != null) return kernel;
        }
        List<Import> imports = new ArrayList<>();
        for (Import i : inScope) if (i.mayDefine(name, arity)) imports.add(i);
        for (Import imported : imports) {
            String facade = facade(imported.module(), name, arity);
            if (facade != null) return facade + "(" + String.join(", ", exprs(args, s, b)) + ")";
        }
        if (!imports.isEmpty() && !qualified) {
            List<String> e = exprs(args, s, b);
            return OPS + ".call(" + unit.atom(imports.get(imports.size() - 1).module()) + ", " + Groovy.string(name)
                    + (e.isEmpty() ? "" : ", " + String.join(", ", e)) + ")";
        }
        if (qualified) {
            return OPS + ".call(" + unit.atom("Elixir.Kernel") + ", " + Groovy.string(name)
                    + (arity == 0 ? "" : ", " + String.join(", ", exprs(args, s, b))) + ")";
        }
        if (module != null) {
            throw CompileError.undefinedLocal(line, name, arity, module.name(), UNDEFINED_LOCAL_FRAMES);
        }
        throw CompileError.undefinedFunction(line, name, arity);
    }
}
