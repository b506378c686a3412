package procshell.shell.console;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import procshell.runtime.node.Atom;
import procshell.shell.iex.Modules;
import procshell.shell.iex.ShellModules;

/**
 * Tab completion at the prompt, as iex's ({@code IEx.Autocomplete}): JLine completes a unique
 * prefix and lists the candidates when several fit. What the fragment before the cursor
 * ({@link CompletionInput}) completes to:
 * <ul>
 * <li>{@code Mod.fu} - the functions of {@code Mod}, one candidate per arity, listed as iex
 * lists them ({@code map_join/2  map_join/3}) and inserted as the name ({@code Enum.map_join});
 * {@code Mod.} also lists the modules nested in it ({@code Task.Supervisor});
 * <li>{@code :mod.fu} - the functions of an Erlang module;
 * <li>{@code :na} - the Erlang modules, and what only this shell can list: registered process
 * names, named ETS tables and {@code :global} names that start so;
 * <li>{@code var.ke} - the keys of the map (or fields of the struct) bound to {@code var};
 * <li>a name - variables, modules (Elixir's and those defined at the prompt), Kernel's functions
 * and macros and iex's helpers;
 * <li>an argument ({@link ArgumentCompletions}): registry names and keys in
 * {@code Registry.lookup(MyReg, }, table names in {@code :ets.lookup(}, names in
 * {@code GenServer.call(} and {@code :global.whereis_name(}.
 * </ul>
 * Nothing else completes inside a string. Tab right after {@code Mod.fun(} shows the
 * signatures too ({@link TabKey}).
 */
final class ShellCompleter {
    /** Kernel's macros and special forms iex completes beside its functions, with their arities. */
    private static final Map<String, List<Integer>> MACROS = Map.ofEntries(
            Map.entry("case", List.of(2)), Map.entry("cond", List.of(1)), Map.entry("receive", List.of(1)),
            Map.entry("try", List.of(1)), Map.entry("for", List.of(1)), Map.entry("with", List.of(1)),
            Map.entry("fn", List.of(1)), Map.entry("if", List.of(2)), Map.entry("unless", List.of(2)),
            Map.entry("defmodule", List.of(2)), Map.entry("def", List.of(1, 2)), Map.entry("defp", List.of(1, 2)),
            Map.entry("defstruct", List.of(1)), Map.entry("alias", List.of(1, 2)), Map.entry("import", List.of(1, 2)),
            Map.entry("require", List.of(1, 2)), Map.entry("raise", List.of(1, 2)), Map.entry("reraise", List.of(2, 3)),
            Map.entry("quote", List.of(1, 2)), Map.entry("unquote", List.of(1)), Map.entry("use", List.of(1, 2)));

    private final Shell owner;

    ShellCompleter(Shell owner) {
        this.owner = owner;
    }

    /**
     * Every candidate for the input before the cursor, whatever the fragment typed so far
     * ({@link TabKey} keeps those that start with it).
     */
    List<Completion> candidates(String line, int cursor) {
        return candidates(CompletionInput.of(line, cursor));
    }

    /** Every candidate for this input. */
    List<Completion> candidates(CompletionInput in) {
        List<Completion> out = new ArrayList<>();
        if (in.call() != null) new ArgumentCompletions(owner.node(), owner.evaluator()).add(in, out);
        if (in.inString()) return out;
        String word = in.fragment();
        int dot = word.lastIndexOf('.');
        if (dot > 0) {
            String left = word.substring(0, dot);
            if (Character.isLowerCase(left.charAt(0)) || left.charAt(0) == '_') {
                MapKeys.add(owner.evaluator(), left, out);
            } else {
                moduleFunctions(left, out);
                if (!left.startsWith(":")) modules(left + ".", out);
            }
        } else if (word.startsWith(":")) {
            for (ShellModules.Module m : ShellModules.erlangModules()) out.add(new Completion(m.name(), m.name().substring(1)));
            for (String name : new NodeNames(owner.node()).atoms()) out.add(new Completion(":" + name, name));
        } else if (!word.isEmpty() || in.call() == null) {
            for (String v : new TreeSet<>(owner.evaluator().variableNames())) {
                if (!v.equals("out")) out.add(word(v));
            }
            modules("", out);
            ShellModules.aritiesByName(ShellModules.kernelFunctions()).forEach((name, arities) -> functions("", name, arities, out));
            MACROS.forEach((name, arities) -> functions("", name, arities, out));
        }
        return out;
    }

    /** The functions of {@code module} (a facade, an Erlang module or one defined at the prompt). */
    private void moduleFunctions(String module, List<Completion> out) {
        ShellModules.Module m = ShellModules.find(module);
        List<ShellModules.Function> fs = m != null ? ShellModules.functions(m.cls())
                : sessionClass(module) instanceof Class<?> c ? staticFunctions(c) : List.of();
        ShellModules.aritiesByName(fs).forEach((name, arities) -> functions(module + ".", name, arities, out));
    }

    /**
     * The modules under {@code prefix} ({@code ""} or {@code "Task."}): the next segment of each
     * name, so that {@code Ta} offers {@code Task} and {@code Task.} offers {@code Task.Supervisor}.
     */
    private void modules(String prefix, List<Completion> out) {
        Set<String> names = new LinkedHashSet<>();
        for (ShellModules.Module m : ShellModules.elixirModules()) names.add(m.name());
        for (Class<?> c : owner.evaluator().definedClasses()) names.add(Modules.moduleName(c));
        for (String registered : new NodeNames(owner.node()).modules()) names.add(registered);
        Set<String> segments = new TreeSet<>();
        for (String n : names) {
            if (!n.startsWith(prefix) || n.length() == prefix.length() || n.startsWith(":")) continue;
            int next = n.indexOf('.', prefix.length());
            segments.add(next < 0 ? n : n.substring(0, next));
        }
        for (String s : segments) out.add(new Completion(s, s.substring(prefix.length())));
    }

    /** One candidate per arity, shown as iex lists them ({@code map_join/2}), inserted as the bare name. */
    private static void functions(String prefix, String name, List<Integer> arities, List<Completion> out) {
        for (int a : arities) {
            out.add(new Completion(prefix + name, name + "/" + a));
        }
    }

    /** A name listed as it is inserted. */
    static Completion word(String value) {
        return new Completion(value, value);
    }

    private Class<?> sessionClass(String name) {
        for (Class<?> c : owner.evaluator().definedClasses()) {
            if (Modules.moduleName(c).equals(name)) return c;
        }
        return null;
    }

    /** The functions a module typed at the prompt defines (its public static methods, not Groovy's own). */
    static List<ShellModules.Function> staticFunctions(Class<?> c) {
        List<ShellModules.Function> out = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            int mod = m.getModifiers();
            if (!Modifier.isStatic(mod) || !Modifier.isPublic(mod) || m.isSynthetic() || m.getName().contains("$")
                    || m.getName().startsWith("_") || m.getName().equals("main")) continue;
            if (seen.add(m.getName() + "/" + m.getParameterCount())) {
                out.add(new ShellModules.Function(ShellModules.elixirName(m.getName()), m.getParameterCount(), m));
            }
        }
        out.sort(Comparator.comparing(ShellModules.Function::name).thenComparing(ShellModules.Function::arity));
        return out;
    }

    /** The Atom of a module name as typed: {@code MyReg} is {@code :"Elixir.MyReg"}, {@code :reg} is {@code :reg}. */
    static Atom atomOf(String typed) {
        if (typed.startsWith(":")) return Atom.of(typed.substring(1).replace("\"", ""));
        return Atom.of("Elixir." + typed);
    }
}
