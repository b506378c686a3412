package procshell.shell.elixir.compiler;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procshell.runtime.node.Tuple;

/**
 * Compiles what a person types at the prompt, read as Elixir's quoted form
 * ({@code Code.string_to_quoted/2}), to the Groovy source of a script, with Elixir's semantics:
 * pattern matching compiled to tests, variables scoped and rebound as in Elixir (closures keep
 * values), {@code case}/{@code receive}/{@code try} as statements that leave a value, modules as
 * Groovy classes whose self-calls in tail position loop.
 *
 * <p>The script expects the shell's imports only for nothing: every name it uses is qualified.
 * Run it with the session's Binding from a process of the session's node (it calls
 * {@code self()}, the session's module table).
 */
public final class ElixirCompiler {
    private ElixirCompiler() {}

    /**
     * Compiles one prompt input.
     *
     * @param quoted         the input's quoted form (several expressions are a {@code __block__})
     * @param boundVariables the variables bound at the prompt so far (names in the Groovy Binding)
     * @return the script's source and the modules it defines
     * @throws CompileError when the input is not valid Elixir beyond its syntax (an undefined
     *                      function, {@code def} outside a module, a construct procshell lacks)
     */
    public static CompiledInput compileInput(Object quoted, Set<String> boundVariables) {
        return compileInput(quoted, boundVariables, PromptEnv.EMPTY);
    }

    /**
     * Compiles one prompt input in the prompt's environment.
     *
     * @param quoted         the input's quoted form (several expressions are a {@code __block__})
     * @param boundVariables the variables bound at the prompt so far (names in the Groovy Binding)
     * @param env            the aliases and imports earlier inputs typed
     * @return the script's source, the modules it defines and the environment after it
     * @throws CompileError as {@link #compileInput(Object, Set)}
     */
    public static CompiledInput compileInput(Object quoted, Set<String> boundVariables, PromptEnv env) {
        Unit unit = new Unit();
        Compiler c = new Compiler(unit);
        c.promptImports.addAll(env.imports());
        Block main = new Block();
        Scope top = new Scope();
        env.aliases().forEach(top::alias);
        Map<String, String> initial = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        variablesIn(quoted, used);
        for (String name : used) {
            if (!boundVariables.contains(name)) continue;
            String v = unit.variable(name);
            main.line("def " + v + " = this.binding.getVariable(" + Groovy.string(name) + ");");
            top.bind(name, v);
            initial.put(name, v);
        }
        String value = c.expr(quoted, top, main);
        String result = unit.fresh("result");
        main.line("def " + result + " = " + value + ";");
        top.variables().forEach((name, v) -> {
            if (!v.equals(initial.get(name))) main.line("this.binding.setVariable(" + Groovy.string(name) + ", " + v + ");");
        });
        // the classes first, so that their lines (which frames name) do not move with the script's
        StringBuilder source = new StringBuilder();
        Block tables = new Block();
        for (int i = 0; i < unit.classes.size(); i++) {
            int first = (int) source.chars().filter(ch -> ch == '\n').count() + 1;
            String cls = unit.classes.get(i);
            List<Integer> table = LineTable.of(cls, first);
            if (!table.isEmpty()) {
                tables.line(Compiler.OPS + ".lineTable(" + unit.modules.get(i).className() + ", [" + table.stream().map(String::valueOf)
                        .reduce((x, y) -> x + ", " + y).orElse("") + "] as int[]);");
            }
            source.append(cls);
        }
        source.append(unit.constantsSource());
        source.append(tables.text());
        main.line("return " + result + ";");
        source.append(main.text());
        return new CompiledInput(source.toString(), List.copyOf(unit.modules), new PromptEnv(top.aliases(), c.promptImports));
    }

    /** The names of the variables an expression mentions (bound or read). */
    private static void variablesIn(Object ast, Set<String> out) {
        if (ast instanceof List<?> l) {
            for (Object o : l) variablesIn(o, out);
        } else if (ast instanceof Tuple t && t.size() == 2) {
            variablesIn(t.get(0), out);
            variablesIn(t.get(1), out);
        } else if (Quoted.isVar(ast)) {
            out.add(Quoted.name(ast));
        } else if (Quoted.isNode(ast)) {
            variablesIn(Quoted.head(ast), out);
            variablesIn(Quoted.args(ast), out);
        }
    }
}
