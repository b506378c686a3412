package procshell.shell.console;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import procshell.shell.iex.Modules;
import procshell.shell.iex.ShellModules;

/**
 * Tab completion at the prompt, as iex's: the word before the cursor ({@link IexParser#word})
 * completes to
 * <ul>
 * <li>{@code Mod.fu} - the functions of module {@code Mod} (an Elixir-named module such as
 * {@code Registry}, or a class typed in the session), listed as {@code name/arity} and inserted
 * with their opening parenthesis: {@code Registry.lo} becomes {@code Registry.lookup(};
 * <li>{@code :mod.fu} - the functions of an Erlang module ({@code :ets.lookup(});
 * <li>{@code :na} - the Erlang modules and the atoms of the node's atom table (registered names
 * are atoms too);
 * <li>anything else - bindings, modules, classes typed in the session, Kernel's and iex's
 * helpers, Groovy keywords.
 * </ul>
 * Nothing completes inside a string.
 */
final class ShellCompleter implements Completer {
    private static final Pattern PLAIN_ATOM = Pattern.compile("[a-z_][A-Za-z0-9_@]*[?!]?");
    private static final Set<String> KEYWORDS = Set.of("class", "def", "static", "extends", "implements", "new",
            "return", "if", "else", "while", "for", "true", "false", "nil", "import", "try", "catch", "finally", "throw");

    private final Shell owner;

    ShellCompleter(Shell owner) {
        this.owner = owner;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (IexParser.inString(line.line(), line.cursor())) return;
        candidates.addAll(candidates(line.word().substring(0, line.wordCursor())));
    }

    /** The candidates for the word before the cursor (also what tests ask directly). */
    List<Candidate> candidates(String word) {
        List<Candidate> out = new ArrayList<>();
        int dot = word.lastIndexOf('.');
        if (dot > 0) {
            String module = word.substring(0, dot);
            ShellModules.Module m = ShellModules.find(module);
            if (m != null) {
                functions(module, ShellModules.functions(m.cls()), out);
            } else if (!module.startsWith(":")) {
                Class<?> c = sessionClass(module);
                if (c != null) functions(module, staticFunctions(c), out);
            }
        } else if (word.startsWith(":")) {
            for (ShellModules.Module m : ShellModules.erlangModules()) out.add(word(m.name()));
            Set<String> atoms = new TreeSet<>();
            String prefix = word.substring(1);
            for (String a : owner.node().atoms().names()) {
                if (a.startsWith(prefix) && PLAIN_ATOM.matcher(a).matches()) atoms.add(a);
            }
            for (String a : atoms) out.add(word(":" + a));
        } else {
            for (String v : owner.evaluator().variableNames()) out.add(word(v));
            for (ShellModules.Module m : ShellModules.elixirModules()) out.add(word(m.name()));
            for (Class<?> c : owner.evaluator().definedClasses()) out.add(word(Modules.moduleName(c)));
            ShellModules.aritiesByName(ShellModules.kernelFunctions())
                    .forEach((name, arities) -> out.add(function("", name, arities)));
            for (String k : KEYWORDS) out.add(new Candidate(k, k, null, null, null, null, true));
        }
        return out;
    }

    private static void functions(String module, List<ShellModules.Function> functions, List<Candidate> out) {
        ShellModules.aritiesByName(functions).forEach((name, arities) -> out.add(function(module + ".", name, arities)));
    }

    /** One candidate per name, shown as iex lists it ({@code start_link/1 start_link/2}), inserted with "(". */
    private static Candidate function(String prefix, String name, List<Integer> arities) {
        StringBuilder display = new StringBuilder();
        for (int a : arities) {
            if (!display.isEmpty()) display.append(' ');
            display.append(name).append('/').append(a);
        }
        return new Candidate(prefix + name + "(", display.toString(), null, null, null, null, false);
    }

    /** A name completed without a trailing space, so that a dot, comma or bracket can follow. */
    private static Candidate word(String value) {
        return new Candidate(value, value, null, null, null, null, false);
    }

    private Class<?> sessionClass(String name) {
        for (Class<?> c : owner.evaluator().definedClasses()) {
            if (Modules.moduleName(c).equals(name)) return c;
        }
        return null;
    }

    /** The static functions a class typed in the session declares (not Groovy's generated ones). */
    private static List<ShellModules.Function> staticFunctions(Class<?> c) {
        List<ShellModules.Function> out = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            int mod = m.getModifiers();
            if (!Modifier.isStatic(mod) || !Modifier.isPublic(mod) || m.isSynthetic() || m.getName().contains("$")
                    || m.getName().equals("main")) continue;
            if (seen.add(m.getName() + "/" + m.getParameterCount())) {
                out.add(new ShellModules.Function(ShellModules.elixirName(m.getName()), m.getParameterCount(), m));
            }
        }
        out.sort(java.util.Comparator.comparing(ShellModules.Function::name).thenComparing(ShellModules.Function::arity));
        return out;
    }
}
