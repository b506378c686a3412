package procshell.shell.iex;

import java.util.List;
import java.util.Map;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code String.Chars} protocol as Java text, for the shell's own code (interpolation,
 * IO, error messages); {@link Kernel#to_string} is the function a person calls.
 */
final class StringChars {
    private StringChars() {}

    /**
     * The term as Java text, as {@link Kernel#to_string} gives it for every term that is not a binary of
     * invalid UTF-8 (whose bytes a Java string cannot hold).
     *
     * @throws IllegalArgumentException for a list that is not chardata, as {@code List.to_string/1}
     * @throws ProtocolUndefinedError for terms without {@code String.Chars}
     */
    static String text(Object term) {
        Object t = Values.normalize(term);
        if (t == null) return "";
        if (t instanceof String s) return s;
        if (t instanceof Atom a) return a.name();
        if (t instanceof Boolean || t instanceof Character) return String.valueOf(t);
        if (t instanceof Class<?> c) {
            String n = Modules.moduleName(c);
            return n.startsWith(":") ? n.substring(1) : "Elixir." + n;
        }
        // Float.to_string's shortest form: "#{1.0e10}" is "1.0e10" where inspect spells it out
        if (procshell.shell.eval.Arithmetic.isFloat(t)) return ElixirFloat.to_string(t);
        if (t instanceof Number) return Kernel.inspect(t);
        if (CalendarTerms.kind(t) != null) return CalendarTerms.text(t);
        Atom impl = ElixirProtocol.structImplementation("String.Chars", t);
        if (impl != null) return text(ElixirProtocol.call(impl, "to_string", t));
        if (Structs.structOf(t) != null) throw Enumerables.notEnumerable("String.Chars", t);
        String type = t instanceof Tuple ? "Tuple" : t instanceof Pid ? "PID" : t instanceof Ref ? "Reference"
                : t instanceof Map<?, ?> ? "Map"
                : t instanceof Closure<?> ? "Function" : null;
        if (type != null) {
            throw new ProtocolUndefinedError("String.Chars", t, type);
        }
        if (t instanceof List<?> l) {
            StringBuilder b = new StringBuilder();
            if (!chardata(l, b)) {
                throw new IllegalArgumentException("cannot convert the given list to a string.\n\n"
                        + "To be converted to a string, a list must either be empty or only\n"
                        + "contain the following elements:\n\n"
                        + "  * strings\n"
                        + "  * integers representing Unicode code points\n"
                        + "  * a list containing one of these three elements\n\n"
                        + "Please check the given list or call inspect/1 to get the list representation, got:\n\n"
                        + Kernel.inspect(t) + "\n");
            }
            return b.toString();
        }
        return String.valueOf(t);
    }

    private static boolean chardata(List<?> list, StringBuilder out) {
        for (Object o : list) {
            Object e = Values.normalize(o);
            if (e instanceof String s) {
                out.append(s);
            } else if (e instanceof procshell.runtime.node.Bitstring b && procshell.runtime.node.Bitstring.isBinary(b)) {
                throw new UnicodeConversionError("invalid encoding starting at " + Kernel.inspect(InvalidUtf8.invalidTail(b)));
            } else if (e instanceof Integer || e instanceof Long) {
                long cp = ((Number) e).longValue();
                if (cp < 0 || cp > Character.MAX_CODE_POINT) return false;
                out.appendCodePoint((int) cp);
            } else if (e instanceof List<?> inner) {
                if (!chardata(inner, out)) return false;
            } else {
                return false;
            }
        }
        return true;
    }
}
