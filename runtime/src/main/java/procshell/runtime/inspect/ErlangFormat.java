package procshell.runtime.inspect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/**
 * A term in Erlang's syntax, as {@code io_lib:format("~tp", [term])} writes it on one line (the
 * BEAM breaks a term longer than its line; this does not): {@code {put,2}}, {@code [hello,2]},
 * {@code 'Elixir.S'}, {@code <<"text">>}, {@code "abc"} for a printable charlist,
 * {@code #{a => 1}}, {@code <0.96.0>}, {@code #Fun<erl_eval.42.3316493>}. OTP's own messages print
 * terms so ({@code :sys.trace/2}'s {@code *DBG*} lines).
 */
public final class ErlangFormat {
    private static final Pattern PLAIN_ATOM = Pattern.compile("[a-z][A-Za-z0-9_@]*");
    private static final Set<String> RESERVED = Set.of("after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr",
            "bxor", "case", "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive", "rem",
            "try", "when", "xor");
    /** Elixir's text of a fun: {@code #Function<42.3316493/1 in :erl_eval.expr/6>} or {@code #Function<0.12/1 in Foo.bar/1>}. */
    private static final Pattern FUN = Pattern.compile("#Function<(\\d+)\\.(\\d+)/\\d+ in :?([^ ]+?)\\.[^./ ]+/\\d+>");
    /** Elixir's text of a remote capture: {@code &Enum.map/2} or {@code &:lists.reverse/1}. */
    private static final Pattern CAPTURE = Pattern.compile("&:?(.+)\\.([^.]+)/(\\d+)");

    private ErlangFormat() {}

    /**
     * The term as Erlang's {@code ~tp} writes it on one line.
     *
     * @param term any term; a value of another kind is written as Elixir's {@code inspect} does
     * @return the text, e.g. {@code {get,#Fun<erl_eval.42.3316493>}}
     */
    public static String format(Object term) {
        StringBuilder out = new StringBuilder();
        write(term, out);
        return out.toString();
    }

    private static void write(Object term, StringBuilder out) {
        if (term == null) out.append("nil");
        else if (term instanceof Boolean b) out.append(b);
        else if (term instanceof Atom a) atom(a.name(), out);
        else if (Terms.isInteger(term)) out.append(term);
        else if (Terms.isFloat(term)) out.append(Inspect.floatToString(((Number) term).doubleValue()));
        else if (term instanceof String s) binary(s, out);
        else if (term instanceof Tuple t) {
            out.append('{');
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) out.append(',');
                write(t.get(i), out);
            }
            out.append('}');
        } else if (term instanceof Pid p) out.append(p.toString().substring("#PID".length()));
        else if (term instanceof Ref r) out.append("#Ref").append(r.toString().substring("#Reference".length()));
        else if (term instanceof List<?> l) list(l, out);
        else if (term instanceof Map<?, ?> m) {
            out.append("#{");
            boolean first = true;
            for (Map.Entry<?, ?> e : Inspect.sortedEntries(m)) {
                if (!first) out.append(',');
                first = false;
                write(e.getKey(), out);
                out.append(" => ");
                write(e.getValue(), out);
            }
            out.append('}');
        } else other(Inspect.inspect(term), out);
    }

    /** A fun or capture in Erlang's text; anything else as Elixir shows it. */
    private static void other(String elixir, StringBuilder out) {
        Matcher f = FUN.matcher(elixir);
        if (f.matches()) {
            out.append("#Fun<");
            moduleName(f.group(3), out);
            out.append('.').append(f.group(1)).append('.').append(f.group(2)).append('>');
            return;
        }
        Matcher c = CAPTURE.matcher(elixir);
        if (c.matches()) {
            out.append("fun ");
            moduleName(c.group(1), out);
            out.append(':');
            atom(c.group(2), out);
            out.append('/').append(c.group(3));
            return;
        }
        out.append(elixir);
    }

    /** {@code erl_eval} stays; an Elixir module {@code Foo.Bar} is the atom {@code 'Elixir.Foo.Bar'}. */
    private static void moduleName(String name, StringBuilder out) {
        atom(Character.isUpperCase(name.charAt(0)) ? "Elixir." + name : name, out);
    }

    private static void atom(String name, StringBuilder out) {
        if (PLAIN_ATOM.matcher(name).matches() && !RESERVED.contains(name)) {
            out.append(name);
            return;
        }
        out.append('\'');
        name.codePoints().forEach(c -> escaped(c, '\'', out));
        out.append('\'');
    }

    private static void binary(String s, StringBuilder out) {
        if (!s.isEmpty() && s.codePoints().allMatch(ErlangFormat::printable)) {
            out.append("<<\"");
            s.codePoints().forEach(c -> escaped(c, '"', out));
            out.append(s.chars().allMatch(c -> c < 128) ? "\">>" : "\"/utf8>>");
            return;
        }
        out.append("<<");
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) out.append(',');
            out.append(bytes[i] & 0xff);
        }
        out.append(">>");
    }

    private static void list(List<?> l, StringBuilder out) {
        if (!l.isEmpty() && l.stream().allMatch(x -> x instanceof Long n && n <= Integer.MAX_VALUE && printable(n.intValue())
                || x instanceof Integer i && printable(i))) {
            out.append('"');
            for (Object x : l) escaped(((Number) x).intValue(), '"', out);
            out.append('"');
            return;
        }
        out.append('[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) out.append(',');
            write(l.get(i), out);
        }
        out.append(']');
    }

    /** As io_lib's printable unicode characters (with the escapes it writes). */
    private static boolean printable(int c) {
        return (c >= 32 && c != 127 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE) || (c > 0xFFFF && c <= 0x10FFFF)
                || c == '\n' || c == '\r' || c == '\t' || c == 0x0B || c == '\b' || c == '\f' || c == 0x1B || c == 7;
    }

    private static void escaped(int c, char quote, StringBuilder out) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case 0x1B -> out.append("\\e");
            case 7 -> out.append("\\^G");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c == quote) out.append('\\');
                out.appendCodePoint(c);
            }
        }
    }
}
