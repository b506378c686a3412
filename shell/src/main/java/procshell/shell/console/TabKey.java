package procshell.shell.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Buffer;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;

import procshell.shell.iex.DocFacts;
import procshell.shell.iex.Modules;
import procshell.shell.iex.ShellModules;

/**
 * The Tab key, as in iex (whose Erlang line editor completes with {@code IEx.Autocomplete}):
 * <ul>
 * <li>the candidates ({@link ShellCompleter}) that start with the fragment typed before the
 * cursor are kept; when they share a longer beginning, the fragment becomes it ({@code Reg}
 * becomes {@code Registr} if nothing else fits, {@code Enum.map_j} becomes {@code Enum.map_join});
 * <li>otherwise they are listed below the line in iex's columns (sorted, each column 4 wider than
 * the longest name, at most 79 characters a row), and the prompt comes back with the input;
 * <li>right after {@code Mod.fun(} or a comma in its arguments, the call's signatures are listed
 * ({@code map(enumerable, fun)}), Elixir's ({@link DocFacts}) for the arities this shell has,
 * with what only this shell can offer there (registered names, registry keys, tables).
 * </ul>
 */
final class TabKey {
    static final String WIDGET = "iex-complete";
    /** The Erlang line editor's row length for lists of matches. */
    private static final int ROW = 79;

    private final Shell owner;
    private final ShellCompleter completer;

    TabKey(Shell owner) {
        this.owner = owner;
        this.completer = new ShellCompleter(owner);
    }

    /**
     * Binds Tab in every key map of {@code reader}.
     *
     * @param echo the input as the screen shows it, its prompts included, for a list printed below it
     */
    void install(LineReader reader, UnaryOperator<String> echo) {
        reader.getWidgets().put(WIDGET, () -> {
            Buffer buffer = reader.getBuffer();
            String line = buffer.toString();
            Outcome o = press(line, buffer.cursor());
            if (o.replacement() != null) {
                buffer.backspace(o.replaced());
                buffer.write(o.replacement());
            } else if (o.listing() != null) {
                reader.printAbove(echo.apply(line) + "\n" + o.listing());
            }
            return true;
        });
        for (KeyMap<Binding> keys : reader.getKeyMaps().values()) {
            if (keys.getBound("\t") != null) keys.bind(new Reference(WIDGET), "\t");
        }
    }

    /**
     * What Tab does.
     *
     * @param replaced    how many characters before the cursor the replacement replaces
     * @param replacement the text to put there, or null
     * @param listing     what to list below the line (no trailing newline), or null
     */
    record Outcome(int replaced, String replacement, String listing) {}

    /** What Tab does on {@code line} with the cursor at {@code cursor}. */
    Outcome press(String line, int cursor) {
        CompletionInput in = CompletionInput.of(line, cursor);
        String fragment = in.fragment();
        Map<String, Completion> matching = new LinkedHashMap<>(); // by display: one entry each
        for (Completion c : completer.candidates(in)) {
            if (c.value().startsWith(fragment)) matching.putIfAbsent(c.display() + "\u0000" + c.value(), c);
        }
        List<Completion> found = new ArrayList<>(matching.values());
        List<String> signatures = in.call() != null && fragment.isEmpty() && !in.inString()
                ? signatures(in.call().module(), in.call().function()) : List.of();
        if (!signatures.isEmpty()) {
            String list = found.isEmpty() ? "" : "\n" + columns(found);
            return new Outcome(0, null, String.join("\n", signatures) + list);
        }
        if (found.isEmpty()) return new Outcome(0, null, null);
        String common = found.get(0).value();
        for (Completion c : found) common = commonPrefix(common, c.value());
        if (common.length() > fragment.length()) return new Outcome(fragment.length(), common, null);
        if (found.size() == 1) return new Outcome(0, null, null);
        return new Outcome(0, null, columns(found));
    }

    private static String commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) n++;
        return a.substring(0, n);
    }

    /**
     * The candidates in columns as the Erlang line editor lays them out: sorted, row by row, each
     * padded to the longest plus 4, a row ending once another would pass 79 characters; a full
     * last row is followed by an empty line, as there.
     */
    static String columns(List<Completion> found) {
        Set<String> sorted = new TreeSet<>();
        for (Completion c : found) sorted.add(c.display());
        int width = 0;
        for (String s : sorted) width = Math.max(width, s.length());
        width = width < ROW - 8 ? width + 4 : ROW;
        StringBuilder out = new StringBuilder();
        int len = 0;
        for (String s : sorted) {
            if (len + width > ROW) {
                out.append('\n');
                len = 0;
            }
            out.append(s).append(" ".repeat(Math.max(0, width - s.length())));
            len += width;
        }
        if (len + width > ROW) out.append('\n');
        return out.toString().replaceAll(" +(\n|$)", "$1");
    }

    /** The signatures of {@code module.function} (module null: Kernel's and iex's helpers), sorted. */
    List<String> signatures(String module, String function) {
        List<ShellModules.Function> functions;
        if (module == null) {
            functions = ShellModules.kernelFunctions();
        } else if (ShellModules.find(module) instanceof ShellModules.Module m) {
            functions = m.functions();
        } else {
            functions = List.of();
            for (Class<?> c : owner.evaluator().definedClasses()) {
                if (Modules.moduleName(c).equals(module)) functions = ShellCompleter.staticFunctions(c);
            }
        }
        Set<String> out = new TreeSet<>();
        for (ShellModules.Function f : functions) {
            if (!f.name().equals(function)) continue;
            DocFacts.Facts facts = null;
            if (module == null) {
                facts = DocFacts.of("Kernel", function, f.arity());
                if (facts == null) facts = DocFacts.of("IEx.Helpers", function, f.arity());
            } else if (!module.startsWith(":")) {
                facts = DocFacts.of(module, function, f.arity());
            }
            if (facts != null) out.addAll(facts.calls());
            else out.add(function + "/" + f.arity());
        }
        return new ArrayList<>(out);
    }
}
