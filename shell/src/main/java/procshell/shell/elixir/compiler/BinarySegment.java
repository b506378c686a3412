package procshell.shell.elixir.compiler;

import java.util.List;

import procshell.runtime.node.Atom;

/**
 * One segment of a {@code <<>>} (expression or pattern), read from its quoted form
 * {@code value::spec}: the type ({@code integer}, {@code float}, {@code binary}/{@code bytes},
 * {@code bitstring}/{@code bits}, {@code utf8}/{@code utf16}/{@code utf32}), the size (a quoted
 * expression, or null for the type's default), the unit, signedness and endianness, as Elixir's
 * {@code elixir_bitstring} reads them ({@code size(n)}, {@code unit(u)}, a bare integer for the
 * size, {@code size*unit}, specifiers joined with {@code -}).
 *
 * @param value  the quoted value (or pattern) of the segment
 * @param type   one of integer, float, binary, bitstring, utf8, utf16, utf32
 * @param size   the quoted size expression, or null when none was given
 * @param unit   the unit in bits (the type's default when none was given)
 * @param signed true for {@code signed}
 * @param little true for {@code little} (and {@code native}: the JVM's hosts are little-endian x86/ARM)
 */
record BinarySegment(Object value, String type, Object size, int unit, boolean signed, boolean little) {

    /**
     * Reads one segment of a {@code <<>>} node.
     *
     * @throws CompileError for a specifier Elixir does not know, or a conflicting one
     */
    static BinarySegment read(Object ast, int line) {
        Object value = ast;
        Object spec = null;
        if (Quoted.isCall(ast, "::", 2)) {
            value = Quoted.args(ast).get(0);
            spec = Quoted.args(ast).get(1);
        }
        Reader r = new Reader(line);
        if (spec != null) r.spec(spec);
        String type = r.type;
        if (type == null) {
            if (value instanceof String) type = "binary";
            else if (value instanceof Double) type = "float";
            else type = "integer";
        }
        if ((r.size != null || r.unit != null) && type.startsWith("utf")) {
            throw new CompileError(line, "size and unit are not supported on " + type + " types");
        }
        int defaultUnit = type.equals("binary") ? 8 : 1;
        if (r.unit != null && r.unit != defaultUnit && (type.equals("binary") || type.equals("bitstring"))) {
            throw new CompileError(line, "conflicting unit specification for bit field: \"" + r.unit + "\" and \"" + defaultUnit + "\"");
        }
        int unit = r.unit != null ? r.unit : defaultUnit;
        Object size = r.size;
        if (size == null && type.equals("integer")) size = 8;
        if (size == null && type.equals("float")) size = 64;
        if (type.equals("float") && size instanceof Integer n && n * unit != 16 && n * unit != 32 && n * unit != 64) {
            throw new CompileError(line, "float requires size*unit to be 16, 32, or 64 (default), got: " + n * unit);
        }
        return new BinarySegment(value, type, size, unit, r.signed, r.little);
    }

    /** True for binary and bitstring segments: their default size is the whole value (or the rest, in a pattern). */
    boolean isBinaryLike() {
        return type.equals("binary") || type.equals("bitstring");
    }

    /** Collects the specifiers of one segment. */
    private static final class Reader {
        private final int line;
        String type;
        Object size;
        Integer unit;
        boolean signed;
        boolean little;

        Reader(int line) {
            this.line = line;
        }

        void spec(Object spec) {
            if (Quoted.isCall(spec, "-", 2)) {
                spec(Quoted.args(spec).get(0));
                spec(Quoted.args(spec).get(1));
                return;
            }
            if (spec instanceof Integer n) {
                size = n;
                return;
            }
            if (Quoted.isCall(spec, "*", 2)) {
                List<Object> a = Quoted.args(spec);
                size = a.get(0);
                if (!(a.get(1) instanceof Integer u)) throw new CompileError(line, "unit in bitstring expects an integer as argument, got: " + describe(a.get(1)));
                unit = u;
                return;
            }
            String name = Quoted.name(spec);
            List<Object> args = Quoted.isNode(spec) && Quoted.args(spec) instanceof List<?> l ? Quoted.args(spec) : List.of();
            if (name == null) throw new CompileError(line, "unknown bitstring specifier: " + describe(spec));
            switch (name) {
                case "size" -> {
                    if (args.size() != 1) throw new CompileError(line, "unknown bitstring specifier: " + describe(spec));
                    size = args.get(0);
                }
                case "unit" -> {
                    if (args.size() != 1 || !(args.get(0) instanceof Integer u)) {
                        throw new CompileError(line, "unit in bitstring expects an integer as argument, got: " + describe(args.isEmpty() ? spec : args.get(0)));
                    }
                    unit = u;
                }
                case "integer", "float", "utf8", "utf16", "utf32" -> type(name);
                case "binary", "bytes" -> type("binary");
                case "bitstring", "bits" -> type("bitstring");
                case "signed" -> signed = true;
                case "unsigned" -> signed = false;
                case "big" -> little = false;
                case "little", "native" -> little = true;
                default -> throw new CompileError(line, "unknown bitstring specifier: " + name + "()");
            }
        }

        private void type(String t) {
            if (type != null && !type.equals(t)) {
                throw new CompileError(line, "conflicting type specification for bit field: \"" + type + "\" and \"" + t + "\"");
            }
            type = t;
        }

        private static String describe(Object ast) {
            return ast instanceof Atom a ? ":" + a.name() : procshell.shell.iex.Kernel.inspect(ast);
        }
    }
}
