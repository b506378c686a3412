package procshell.shell.iex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Tuple;

/**
 * Elixir's {@code Regex} (1.14's {@code lib/regex.ex}): {@code ~r/.../opts} values, a struct
 * {@code %Regex{opts, re_pattern, re_version, source}} that prints as {@code ~r/\d+/}, and the
 * functions over them, with PCRE's answers in byte offsets ({@link RegexPattern} runs them).
 *
 * <pre>
 * iex> Regex.run(~r/c(d)/, "abcd")
 * ["cd", "d"]
 * iex> Regex.replace(~r/a(b|d)c/, "abcadc", "[\\1]")
 * "[b][d]"
 * </pre>
 */
@Doc("""
    Regular expressions (PCRE syntax) written ~r/.../ with options i, m, s, x, u: compile,
    match?, run, scan, replace, split, named_captures, names, escape.
    """)
@ElixirName("Regex")
public final class ElixirRegex {
    private static final Atom REGEX = Atom.of("Elixir.Regex");
    private static final Atom OPTS = Atom.of("opts");
    private static final Atom SOURCE = Atom.of("source");
    private static final Tuple VERSION = Tuple.of("8.44 2020-02-12", Atom.of("little"));

    /** The frame iex shows under a Regex.CompileError. */
    static final String COMPILE_FRAME = "(elixir 1.14.0) lib/regex.ex:231: Regex.compile!/2";

    private ElixirRegex() {}

    // ---- making -------------------------------------------------------------------------------

    @Doc("Compiles the source into a regex: {:ok, regex}, or {:error, {reason, position}}. Options: a string of i, m, s, x, u, f, U.")
    public static Object compile(Object source) {
        return compile(source, "");
    }

    /** {@code Regex.compile/2}: {@code {:ok, regex}} or {@code {:error, {'missing )', 1}}} / {@code {:error, {:invalid_option, "z"}}}. */
    public static Object compile(Object source, Object options) {
        String s = ElixirString.str(source, "Regex", "compile", 2);
        Object opts = procshell.shell.eval.Values.normalize(options);
        String flags = flags(opts);
        if (flags == null) throw new FunctionClauseError("Regex.compile", 2);
        if (flags.startsWith("!")) return Tuple.of(Atom.of("error"), Tuple.of(Atom.of("invalid_option"), flags.substring(1)));
        try {
            RegexPattern p = RegexPattern.of(s, flags);
            return Tuple.of(Atom.of("ok"), struct(s, opts, p, flags.indexOf('u') >= 0));
        } catch (RegexPattern.Invalid e) {
            return Tuple.of(Atom.of("error"), Tuple.of(charlist(e.reason), e.position));
        }
    }

    @Doc("Compiles the source into a regex, raising Regex.CompileError when it does not compile.")
    public static Object compile_bang(Object source) {
        return compile_bang(source, "");
    }

    /** {@code Regex.compile!/2}. */
    public static Object compile_bang(Object source, Object options) {
        Object r = compile(source, options);
        Tuple t = (Tuple) r;
        if (t.get(0) == Atom.of("ok")) return t.get(1);
        Tuple why = (Tuple) t.get(1);
        if (why.get(0) == Atom.of("invalid_option")) throw new RegexCompileError("invalid option " + Kernel.inspect(why.get(1)), List.of(COMPILE_FRAME));
        throw new RegexCompileError(text(why.get(0)) + " at position " + why.get(1), List.of(COMPILE_FRAME));
    }

    /** The struct: {@code %Regex{opts, re_pattern, re_version, source}}. */
    private static MapTerm struct(String source, Object opts, RegexPattern p, boolean unicode) {
        MapTerm m = new MapTerm();
        m.put(Structs.STRUCT, REGEX);
        m.put(OPTS, opts);
        byte[] src = source.getBytes(StandardCharsets.UTF_8);
        byte[] image = new byte[src.length + 4];
        System.arraycopy("ERCP".getBytes(StandardCharsets.US_ASCII), 0, image, 0, 4);
        System.arraycopy(src, 0, image, 4, src.length);
        m.put(Atom.of("re_pattern"), Tuple.of(Atom.of("re_pattern"), p.groups, unicode ? 1 : 0, 0, Bitstring.of(image)));
        m.put(Atom.of("re_version"), VERSION);
        m.put(SOURCE, source);
        return m;
    }

    /** The option letters of a string or of {@code :re}'s atoms; {@code "!rest"} for an invalid option; null for neither. */
    private static String flags(Object opts) {
        if (opts instanceof String s) {
            for (int i = 0; i < s.length(); i++) if ("uixfUsmr".indexOf(s.charAt(i)) < 0) return "!" + s.substring(i);
            return s;
        }
        if (opts instanceof List<?> l) {
            StringBuilder b = new StringBuilder();
            for (Object o : l) {
                String n = o instanceof Atom a ? a.name() : "";
                switch (n) {
                    case "caseless" -> b.append('i');
                    case "multiline" -> b.append('m');
                    case "dotall" -> b.append('s');
                    case "extended" -> b.append('x');
                    case "unicode", "ucp" -> b.append('u');
                    default -> { }
                }
            }
            return b.toString();
        }
        return null;
    }

    static boolean is(Object term) {
        return Structs.is(term, REGEX) && term instanceof Map<?, ?> m && m.get(SOURCE) instanceof String;
    }

    /** The compiled pattern of a regex (recompiled from its source and options when not cached). */
    static RegexPattern pattern(Object regex) {
        Map<?, ?> m = (Map<?, ?>) regex;
        try {
            return RegexPattern.of((String) m.get(SOURCE), flags(m.get(OPTS)).replace("!", ""));
        } catch (RegexPattern.Invalid e) {
            throw new RegexCompileError(e.reason + " at position " + e.position, List.of(COMPILE_FRAME));
        }
    }

    /** How iex prints a regex: {@code ~r/a\/b/iu}, or {@code Regex.compile!("a", [:caseless])} for options given as a list. */
    static String inspect(Object regex) {
        Map<?, ?> m = (Map<?, ?>) regex;
        String source = (String) m.get(SOURCE);
        Object opts = m.get(OPTS);
        if (opts instanceof List<?>) return "Regex.compile!(" + Kernel.inspect(source) + ", " + Kernel.inspect(opts) + ")";
        StringBuilder b = new StringBuilder("~r/");
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length() && (source.charAt(i + 1) == '\\' || source.charAt(i + 1) == '/')) {
                b.append(source.charAt(i + 1) == '\\' ? "\\\\" : "\\/");
                i++;
                continue;
            }
            switch (c) {
                case '/' -> b.append("\\/");
                case '\u0007' -> b.append("\\a");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\u000b' -> b.append("\\v");
                default -> b.append(c);
            }
        }
        return b.append('/').append(opts).toString();
    }

    // ---- matching -----------------------------------------------------------------------------

    /** A regex and the string it runs on, as a function's clause takes them. */
    private record Subject(RegexPattern pattern, RegexPattern.Text text) {}

    /** The regex's pattern and the string, or the FunctionClauseError of {@code Regex.function/arity}. */
    private static Subject subject(Object regex, Object string, String function, int arity) {
        Object r = procshell.shell.eval.Values.normalize(regex);
        Object s = procshell.shell.eval.Values.normalize(string);
        if (!is(r) || !(s instanceof String text)) throw new FunctionClauseError("Regex." + function, arity);
        return new Subject(pattern(r), new RegexPattern.Text(text));
    }

    @Doc("Returns true when the regex matches the string.")
    public static boolean match_qm(Object regex, Object string) {
        Subject on = subject(regex, string, "match?", 2);
        return !on.pattern().run(on.text(), 0, false).isEmpty();
    }

    @Doc("Runs the regex on the string: the captures of the first match (options return: :index, capture:, offset:), or nil.")
    public static Object run(Object regex, Object string) {
        return run(regex, string, List.of());
    }

    /** {@code Regex.run/3}. */
    public static Object run(Object regex, Object string, Object options) {
        Subject on = subject(regex, string, "run", 3);
        List<int[][]> found = on.pattern().run(on.text(), offset(options), false);
        if (found.isEmpty()) return null;
        return captures(on.pattern(), on.text(), found.get(0), Keyword.get(options, Atom.of("capture"), Atom.of("all")), index(options));
    }

    @Doc("Runs the regex over the whole string: the captures of every match, as a list of lists.")
    public static Object scan(Object regex, Object string) {
        return scan(regex, string, List.of());
    }

    /** {@code Regex.scan/3}. */
    public static Object scan(Object regex, Object string, Object options) {
        Subject on = subject(regex, string, "scan", 3);
        Object capture = Keyword.get(options, Atom.of("capture"), Atom.of("all"));
        boolean index = index(options);
        List<Object> out = new ArrayList<>();
        for (int[][] m : on.pattern().run(on.text(), offset(options), true)) out.add(captures(on.pattern(), on.text(), m, capture, index));
        return out;
    }

    @Doc("The named captures of the first match, as a map of name to capture, or nil.")
    public static Object named_captures(Object regex, Object string) {
        return named_captures(regex, string, List.of());
    }

    /** {@code Regex.named_captures/3}. */
    public static Object named_captures(Object regex, Object string, Object options) {
        Object r = procshell.shell.eval.Values.normalize(regex);
        if (!(procshell.shell.eval.Values.normalize(string) instanceof String)) throw new FunctionClauseError("Regex.named_captures", 3);
        List<Object> names = names(r);
        List<Object> opts = new ArrayList<>(List.of(Tuple.of(Atom.of("capture"), names)));
        if (index(options)) opts.add(Tuple.of(Atom.of("return"), Atom.of("index")));
        Object found = run(r, string, opts);
        if (found == null) return null;
        MapTerm out = new MapTerm();
        List<?> values = (List<?>) found;
        for (int i = 0; i < names.size(); i++) out.put(names.get(i), values.get(i));
        return out;
    }

    @Doc("The names of the regex's named groups, in alphabetical order.")
    public static List<Object> names(Object regex) {
        Object r = procshell.shell.eval.Values.normalize(regex);
        if (!is(r)) throw new FunctionClauseError("Regex.names", 1);
        return new ArrayList<>(pattern(r).names.keySet());
    }

    @Doc("The regex's source.")
    public static Object source(Object regex) {
        Object r = procshell.shell.eval.Values.normalize(regex);
        if (!is(r)) throw new FunctionClauseError("Regex.source", 1);
        return ((Map<?, ?>) r).get(SOURCE);
    }

    @Doc("The regex's options, a string or a list as it was compiled with.")
    public static Object opts(Object regex) {
        Object r = procshell.shell.eval.Values.normalize(regex);
        if (!is(r)) throw new FunctionClauseError("Regex.opts", 1);
        return ((Map<?, ?>) r).get(OPTS);
    }

    @Doc("The regex's compiled form, {:re_pattern, ...}.")
    public static Object re_pattern(Object regex) {
        Object r = procshell.shell.eval.Values.normalize(regex);
        if (!is(r)) throw new FunctionClauseError("Regex.re_pattern", 1);
        return ((Map<?, ?>) r).get(Atom.of("re_pattern"));
    }

    @Doc("Returns true when the term is a regex.")
    public static boolean regex_qm(Object term) {
        return is(procshell.shell.eval.Values.normalize(term));
    }

    @Doc("The version of the regex engine, as OTP 25's :re reports it.")
    public static Object version() {
        return VERSION;
    }

    @Doc("Escapes the string so that a regex matches it literally.")
    public static String escape(Object string) {
        String s = ElixirString.str(string, "Regex", "escape", 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (".^$*+?()[]{}|#-\\\t\n\u000b\f\r ".indexOf(c) >= 0) {
                b.append('\\');
                b.append(switch (c) {
                    case '\t' -> 't';
                    case '\n' -> 'n';
                    case '\u000b' -> 'v';
                    case '\f' -> 'f';
                    case '\r' -> 'r';
                    default -> c;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // ---- replacing and splitting --------------------------------------------------------------

    @Doc("Replaces the matches by the replacement: a string (\\\\N and \\\\g{N} insert capture N) or a function of the captures; global: false replaces the first only.")
    public static String replace(Object regex, Object string, Object replacement) {
        return replace(regex, string, replacement, List.of());
    }

    /** {@code Regex.replace/4}. */
    public static String replace(Object regex, Object string, Object replacement, Object options) {
        Object r = procshell.shell.eval.Values.normalize(regex);
        Object s = procshell.shell.eval.Values.normalize(string);
        Object repl = procshell.shell.eval.Values.normalize(replacement);
        if (!is(r) || !(s instanceof String text) || !(repl instanceof String || repl instanceof Closure<?>)) {
            throw new FunctionClauseError("Regex.replace", 4);
        }
        boolean global = !Boolean.FALSE.equals(Keyword.get(options, Atom.of("global"), Boolean.TRUE));
        RegexPattern.Text subject = new RegexPattern.Text(text);
        List<int[][]> found = pattern(r).run(subject, 0, global);
        if (found.isEmpty()) return text;
        List<Object> parts = repl instanceof String rs ? replacementParts(rs) : null;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length + 16);
        int pos = 0;
        for (int[][] m : found) {
            out.write(bytes, pos, m[0][0] - pos);
            String with;
            if (parts == null) {
                Closure<?> f = (Closure<?>) repl;
                int arity = f.getMaximumNumberOfParameters();
                Object[] args = new Object[arity];
                for (int i = 0; i < arity; i++) args[i] = i < m.length ? group(subject, m[i]) : "";
                with = ElixirString.str(procshell.shell.eval.Values.normalize(f.call(args)), "Regex", "replace", 4);
            } else {
                StringBuilder b = new StringBuilder();
                for (Object part : parts) {
                    if (part instanceof String lit) b.append(lit);
                    else if ((Integer) part < m.length) b.append(group(subject, m[(Integer) part]));
                }
                with = b.toString();
            }
            out.writeBytes(with.getBytes(StandardCharsets.UTF_8));
            pos = m[0][0] + m[0][1];
        }
        out.write(bytes, pos, bytes.length - pos);
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** A replacement string as literals and group numbers: {@code \\1}, {@code \\g{1}}, {@code \\\\} a backslash. */
    private static List<Object> replacementParts(String s) {
        List<Object> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(i + 1);
                if (d == 'g' && i + 2 < s.length() && s.charAt(i + 2) == '{') {
                    int end = s.indexOf('}', i + 3);
                    if (end > i + 3 && s.substring(i + 3, end).chars().allMatch(Character::isDigit)) {
                        flush(parts, lit);
                        parts.add(Integer.parseInt(s.substring(i + 3, end)));
                        i = end + 1;
                        continue;
                    }
                }
                if (d == '\\') {
                    lit.append('\\');
                    i += 2;
                    continue;
                }
                if (d >= '0' && d <= '9') {
                    int j = i + 1;
                    while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                    flush(parts, lit);
                    parts.add(Integer.parseInt(s.substring(i + 1, j)));
                    i = j;
                    continue;
                }
            }
            lit.append(c);
            i++;
        }
        flush(parts, lit);
        return parts;
    }

    private static void flush(List<Object> parts, StringBuilder lit) {
        if (!lit.isEmpty()) parts.add(lit.toString());
        lit.setLength(0);
    }

    @Doc("Splits the string at the regex's matches (options parts:, trim:, on:, include_captures:).")
    public static List<Object> split(Object regex, Object string) {
        return split(regex, string, List.of());
    }

    /** {@code Regex.split/3}. */
    public static List<Object> split(Object regex, Object string, Object options) {
        Object r = procshell.shell.eval.Values.normalize(regex);
        Object s = procshell.shell.eval.Values.normalize(string);
        if (!is(r) || !(s instanceof String text) || !(procshell.shell.eval.Values.normalize(options) instanceof List<?>)) {
            throw new FunctionClauseError("Regex.split", 3);
        }
        boolean trim = Boolean.TRUE.equals(Keyword.get(options, Atom.of("trim"), false));
        if (text.isEmpty()) return trim ? new ArrayList<>() : new ArrayList<>(List.of(""));
        RegexPattern p = pattern(r);
        Object on = Keyword.get(options, Atom.of("on"), Atom.of("first"));
        Object partsOpt = Keyword.get(options, Atom.of("parts"), Atom.of("infinity"));
        int counter = partsOpt instanceof Number n ? n.intValue() : 0;
        boolean withCaptures = Boolean.TRUE.equals(Keyword.get(options, Atom.of("include_captures"), false));
        // each match's split points: the captures named by on:, as {offset, length}
        List<int[]> points = new ArrayList<>();
        RegexPattern.Text subject = new RegexPattern.Text(text);
        for (int[][] m : p.run(subject, 0, true)) {
            for (int g : groupNumbers(p, on, m.length)) points.add(g < m.length ? m[g] : new int[] {-1, 0});
        }
        int bytes = subject.byteLength();
        List<Object> out = new ArrayList<>();
        int offset = 0;
        for (int[] point : points) {
            if (trim && bytes <= offset) return out;
            if (counter == 1) break;
            int pos = point[0];
            if (pos - offset < 0) continue;
            int keep = pos - offset;
            if (withCaptures) {
                if (keep != 0 || !trim) out.add(subject.part(offset, keep));
                out.add(subject.part(pos, point[1]));
                counter--;
            } else if (keep != 0 || !trim) {
                out.add(subject.part(offset, keep));
                counter--;
            }
            offset = pos + point[1];
        }
        if (trim && bytes <= offset) return out;
        out.add(subject.part(offset, bytes - offset));
        return out;
    }

    // ---- captures -----------------------------------------------------------------------------

    /** One match's captures as {@code :re.run}'s {@code capture:} option selects them. */
    private static Object captures(RegexPattern p, RegexPattern.Text text, int[][] m, Object capture, boolean index) {
        capture = procshell.shell.eval.Values.normalize(capture);
        if (capture == Atom.of("none")) return new ArrayList<>();
        boolean all = capture == Atom.of("all") || capture == Atom.of("all_but_first");
        List<Integer> groups = groupNumbers(p, capture, m.length);
        if (all) {
            // PCRE leaves out the groups after the last one that took part
            int last = m.length - 1;
            while (last > 0 && m[last][0] < 0) last--;
            int lastGroup = last;
            groups = groups.stream().filter(g -> g <= lastGroup).toList();
        }
        List<Object> out = new ArrayList<>();
        for (int g : groups) {
            int[] at = g < m.length ? m[g] : new int[] {-1, 0};
            out.add(index ? Tuple.of(at[0], at[1]) : group(text, at));
        }
        return out;
    }

    /** The group numbers a {@code capture:} (or split's {@code on:}) option names. */
    private static List<Integer> groupNumbers(RegexPattern p, Object capture, int count) {
        capture = procshell.shell.eval.Values.normalize(capture);
        List<Integer> out = new ArrayList<>();
        if (capture instanceof Atom a) {
            switch (a.name()) {
                case "all" -> { for (int g = 0; g < count; g++) out.add(g); }
                case "all_but_first" -> { for (int g = 1; g < count; g++) out.add(g); }
                case "first" -> out.add(0);
                case "all_names" -> out.addAll(p.names.values());
                case "none" -> { }
                default -> throw new ArgumentError("argument error");
            }
            return out;
        }
        if (capture instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Number n) out.add(n.intValue());
                else {
                    String name = o instanceof Atom at ? at.name() : o instanceof String s ? s : null;
                    Integer g = name == null ? null : p.names.get(name);
                    out.add(g == null ? Integer.MAX_VALUE : g);
                }
            }
            return out;
        }
        throw new ArgumentError("argument error");
    }

    private static Object group(RegexPattern.Text text, int[] at) {
        return at[0] < 0 ? "" : text.part(at[0], at[1]);
    }

    private static boolean index(Object options) {
        return Atom.of("index").equals(Keyword.get(options, Atom.of("return"), Atom.of("binary")));
    }

    private static int offset(Object options) {
        Object o = Keyword.get(options, Atom.of("offset"), 0);
        return o instanceof Number n ? n.intValue() : 0;
    }

    private static List<Object> charlist(String s) {
        return s.codePoints().boxed().map(c -> (Object) c).toList();
    }

    private static String text(Object charlist) {
        StringBuilder b = new StringBuilder();
        for (Object c : (List<?>) charlist) b.appendCodePoint((Integer) c);
        return b.toString();
    }
}
