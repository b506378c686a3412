package procshell.shell.iex;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code h(...)} prints, rendered from the {@link Doc} texts as iex renders docs (in iex's
 * colours when the console has colours): a heading centred on the line (80 columns, or the terminal's width if narrower) ({@code Registry}, {@code Registry.lookup/2}),
 * then the text with its paragraphs re-flowed to that width; indented code (the
 * {@code ## Examples} sessions) and list items are kept as written.
 *
 * <p>References as typed after {@code h}: {@code Registry}, {@code Registry.lookup},
 * {@code Registry.lookup/2}, {@code :ets.lookup}, {@code spawn} (a Kernel or iex helper).
 * Unknown ones get iex's messages: {@code Could not load module Nope, got: nofile},
 * {@code No documentation for Registry.nope was found}.
 */
final class Docs {
    /** iex's width for docs on a terminal at least this wide. */
    static final int WIDTH = 80;

    // iex's default doc colours (IEx.Config: doc_title, doc_headings, doc_code, doc_inline_code)
    private static final String TITLE = "\u001b[7m\u001b[33m";
    private static final String HEADINGS = "\u001b[33m";
    private static final String CODE = "\u001b[36m";
    private static final String RESET = "\u001b[0m";

    /** An example's prompt as the docs write it: {@code     ps> Registry.lookup(...)}. */
    private static final java.util.regex.Pattern PS_PROMPT = java.util.regex.Pattern.compile("^(\\s+)ps>(?= |$)");

    private final int width;
    private final boolean colors;

    /** Docs rendered for lines of at most {@code width} columns (iex: the terminal's, at most 80). */
    Docs(int width) {
        this(width, false);
    }

    /**
     * Docs for {@code width} columns; with {@code colors}, in iex's colours: the title in reverse
     * yellow, {@code ##} headings yellow, code cyan, and {@code `inline code`} cyan without its
     * backticks (iex shows the backticks only without colours).
     */
    Docs(int width, boolean colors) {
        this.width = Math.max(20, Math.min(WIDTH, width));
        this.colors = colors;
    }

    /** The text of {@code h(reference)}. */
    String about(String reference) {
        String ref = reference.strip();
        int arity = -1;
        int slash = ref.lastIndexOf('/');
        if (slash > 0 && ref.substring(slash + 1).matches("\\d+")) {
            arity = Integer.parseInt(ref.substring(slash + 1));
            ref = ref.substring(0, slash);
        }
        String module;
        String function;
        int dot = ref.lastIndexOf('.');
        String last = dot < 0 ? ref : ref.substring(dot + 1);
        if (ref.startsWith(":")) {
            int first = ref.indexOf('.');
            module = first < 0 ? ref : ref.substring(0, first);
            function = first < 0 ? null : ref.substring(first + 1);
        } else if (!last.isEmpty() && !Character.isUpperCase(last.charAt(0))) {
            module = dot < 0 ? null : ref.substring(0, dot);
            function = last;
        } else {
            module = ref;
            function = null;
        }
        if (module == null) return function(null, null, function, arity, ref, reference);
        ShellModules.Module m = ShellModules.find(module);
        if (m == null) return "Could not load module " + module + ", got: nofile\n";
        if (function == null) return module(m.name(), m.cls());
        return function(m.name(), m.cls(), function, arity, ref, reference);
    }

    /** The text of {@code h(Module)} for a class (an Elixir-named module, or one typed at the prompt). */
    String about(Class<?> cls) {
        ShellModules.Module m = ShellModules.find(cls);
        String name = Modules.moduleName(cls);
        return m != null ? module(m.name(), m.cls()) : name + " was not compiled with docs\n";
    }

    private String module(String name, Class<?> cls) {
        Doc doc = cls.getAnnotation(Doc.class);
        if (doc == null) return name + " was not compiled with docs\n";
        return "\n" + heading(name) + "\n\n" + body(doc.value());
    }

    private String function(String module, Class<?> cls, String name, int arity, String ref, String asTyped) {
        // overloads of one name: each documented one with the arities that share its text
        Map<String, List<Integer>> byText = new LinkedHashMap<>();
        List<Integer> undocumented = new ArrayList<>();
        // no module: Kernel's functions and the other helpers imported into every input
        List<ShellModules.Function> functions = cls == null ? ShellModules.kernelFunctions() : ShellModules.functions(cls);
        for (ShellModules.Function f : functions) {
            if (!f.name().equals(name) || (arity >= 0 && f.arity() != arity)) continue;
            Doc d = docOf(f.method().getDeclaringClass(), f);
            if (d == null) undocumented.add(f.arity());
            else byText.computeIfAbsent(d.value(), k -> new ArrayList<>()).add(f.arity());
        }
        if (byText.isEmpty()) {
            String shown = arity >= 0 ? ref + "/" + arity : ref;
            return "No documentation for " + shown + " was found\n";
        }
        if (!undocumented.isEmpty()) byText.values().iterator().next().addAll(undocumented);
        StringBuilder out = new StringBuilder();
        String prefix = module == null ? "" : module + ".";
        byText.forEach((text, arities) -> {
            out.append('\n');
            java.util.Set<String> headings = new java.util.LinkedHashSet<>();
            List<String> specs = new ArrayList<>();
            String since = null;
            for (int a : arities.stream().sorted().toList()) {
                DocFacts.Facts facts = facts(module, name, a);
                if (facts == null || facts.signatures().isEmpty()) {
                    headings.add(prefix + name + "/" + a);
                    continue;
                }
                headings.addAll(facts.signatures());
                for (String spec : facts.specs()) {
                    if (!specs.contains(spec)) specs.add(spec);
                }
                if (since == null) since = facts.since();
            }
            for (String h : headings) out.append(heading(h)).append('\n');
            out.append('\n');
            // iex: the specs indented by two, then the metadata ("since"), each block followed by an empty line
            for (String spec : specs) out.append("  ").append(spec.replace("\n", "\n  ")).append('\n');
            if (!specs.isEmpty()) out.append('\n');
            if (since != null) out.append("since: ").append(since).append("\n\n");
            out.append(body(text));
        });
        return out.toString();
    }

    /**
     * Elixir's facts of a function (signature, specs, since): a module's own, and for a function
     * called without a module Kernel's or iex's helpers'; none for Erlang modules (OTP ships no docs here).
     */
    private static DocFacts.Facts facts(String module, String name, int arity) {
        if (module == null) {
            DocFacts.Facts k = DocFacts.of("Kernel", name, arity);
            return k != null ? k : DocFacts.of("IEx.Helpers", name, arity);
        }
        return module.startsWith(":") ? null : DocFacts.of(module, name, arity);
    }

    /**
     * The doc of a function: the method's own, else that of another overload of the same name
     * (overloads share the first one's text).
     */
    private static Doc docOf(Class<?> cls, ShellModules.Function f) {
        Doc d = f.method().getAnnotation(Doc.class);
        if (d != null) return d;
        for (Method m : cls.getDeclaredMethods()) {
            if (ShellModules.elixirName(m.getName()).equals(f.name()) && m.getParameterCount() == f.arity()) {
                Doc o = m.getAnnotation(Doc.class);
                if (o != null) return o;
            }
        }
        return null;
    }

    /** The summary of a doc text (its first paragraph, on one line), or null. */
    static String summary(Doc doc) {
        if (doc == null) return null;
        String t = doc.value().strip();
        int end = t.indexOf("\n\n");
        return (end < 0 ? t : t.substring(0, end)).replaceAll("\\s*\n\\s*", " ").strip();
    }

    /**
     * The doc of a module's function by name (any arity), or null; for a null class, of a
     * function called without a module (Kernel's and the other imported helpers').
     */
    static Doc docOf(Class<?> cls, String name) {
        for (ShellModules.Function f : cls == null ? ShellModules.kernelFunctions() : ShellModules.functions(cls)) {
            if (f.name().equals(name)) {
                Doc d = docOf(f.method().getDeclaringClass(), f);
                if (d != null) return d;
            }
        }
        return null;
    }

    /** A heading centred on the line, as iex centres {@code def lookup(registry, key)}. */
    String heading(String text) {
        String centred = " ".repeat(Math.max(0, (width - text.length()) / 2)) + text;
        return colors ? TITLE + centred + RESET : centred;
    }

    /** A doc text: paragraphs re-flowed to the width; code (indented) and list items as written. */
    String body(String text) {
        String[] lines = text.strip().split("\n", -1);
        StringBuilder out = new StringBuilder();
        StringBuilder para = new StringBuilder();
        for (String raw : lines) {
            // examples are sessions at iex's prompt (the docs were written with "ps>")
            String line = PS_PROMPT.matcher(raw.stripTrailing()).replaceFirst("$1iex>");
            boolean verbatim = line.startsWith("    ") || line.startsWith("#") || line.startsWith("* ") || line.startsWith("- ")
                    || line.startsWith("  ");
            if (line.isEmpty() || verbatim) {
                flush(para, out);
                out.append(verbatim(line)).append('\n');
            } else {
                if (!para.isEmpty()) para.append(' ');
                para.append(line.strip());
            }
        }
        flush(para, out);
        return out.append('\n').toString();
    }

    /** A line kept as written: code cyan, a {@code ##} heading yellow (with colours). */
    private String verbatim(String line) {
        if (!colors || line.isEmpty()) return line;
        if (line.startsWith("    ")) return CODE + line + RESET;
        if (line.startsWith("#")) return HEADINGS + line + RESET;
        return inlineCode(line, new boolean[1]);
    }

    private void flush(StringBuilder para, StringBuilder out) {
        if (para.isEmpty()) return;
        int col = 0;
        boolean[] inCode = {false}; // an `inline code` span may run over several words
        for (String word : para.toString().split(" +")) {
            int shown = colors ? word.replace("`", "").length() : word.length();
            if (col > 0 && col + 1 + shown > width) {
                out.append('\n');
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(colors ? inlineCode(word, inCode) : word);
            col += shown;
        }
        out.append('\n');
        para.setLength(0);
    }

    /** Text with its {@code `code`} spans cyan and their backticks dropped, as iex shows them. */
    private static String inlineCode(String text, boolean[] inCode) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        if (inCode[0]) b.append(CODE);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '`') {
                b.append(c);
                continue;
            }
            inCode[0] = !inCode[0];
            b.append(inCode[0] ? CODE : RESET);
        }
        if (inCode[0]) b.append(RESET);
        return b.toString();
    }

    /**
     * The text of {@code h()}: what the shell is, the functions callable without a module with
     * their summaries, and the modules with theirs.
     */
    String overview() {
        StringBuilder out = new StringBuilder();
        out.append('\n').append(heading("procshell")).append("\n\n");
        out.append(body("""
                Welcome to procshell, an iex-like shell over a BEAM-like runtime. Type Elixir, as
                in iex: defmodule Counter do use GenServer ... end defines a module, and a
                paste of study notes runs expression by expression. Pure Groovy can be typed
                as a ~G sigil (~G\"\"\" ... \"\"\"), for those who want the engine underneath.

                Use h/1 for the documentation of a module or function:

                    ps> h(Registry)
                    ps> h(Registry.lookup)
                    ps> h(:ets.insert/2)

                Tab completes modules, functions, variables and atoms. Ctrl-C stops a running
                evaluation; Ctrl-D leaves.
                """).stripTrailing()).append("\n\n");
        out.append("Functions you can call without a module:\n\n");
        List<String[]> rows = new ArrayList<>();
        ShellModules.aritiesByName(ShellModules.kernelFunctions()).forEach((name, arities) -> {
            String a = String.join(",", arities.stream().map(String::valueOf).toList());
            rows.add(new String[] {"`" + name + "/" + a + "`", lowerSummary(summary(docOf(null, name)))});
        });
        table(rows, out);
        out.append("\nModules:\n\n");
        rows.clear();
        for (ShellModules.Module m : ShellModules.all()) {
            rows.add(new String[] {"`" + m.name() + "`", lowerSummary(summary(m.cls().getAnnotation(Doc.class)))});
        }
        table(rows, out);
        return out.append('\n').toString();
    }

    /** iex's list style: {@code * `v/1` - retrieves the nth value}, the dashes aligned, wrapped at the width. */
    private void table(List<String[]> rows, StringBuilder out) {
        int w = 0;
        for (String[] r : rows) w = Math.max(w, r[0].length());
        for (String[] r : rows) {
            String lead = "  * " + r[0] + " ".repeat(w - r[0].length()) + " - ";
            StringBuilder line = new StringBuilder(lead);
            for (String word : r[1].split(" +")) {
                if (line.length() + 1 + word.length() > width && line.length() > lead.length()) {
                    out.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder("    ");
                }
                if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') line.append(' ');
                line.append(word);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String lowerSummary(String s) {
        if (s == null || s.isEmpty()) return "";
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return Character.isUpperCase(t.charAt(0)) && (t.length() < 2 || !Character.isUpperCase(t.charAt(1)))
                ? Character.toLowerCase(t.charAt(0)) + t.substring(1) : t;
    }
}
