package procshell.shell.elixir.compiler;

import java.util.List;

import procshell.runtime.node.Atom;

/**
 * Compiles a {@code <<>>} pattern ({@code <<a, rest::binary>>}, {@code <<len::8, data::binary-size(len)>>},
 * {@code <<"he", rest::bits>>}, {@code <<c::utf8, _::binary>>}) to the steps of a {@link Pattern}:
 * a {@code procshell.shell.iex.BitReader} over the subject, one read per segment, a test that
 * each read matched, the segment's own pattern (a variable, {@code _}, a literal, a pin) on the
 * value read, and a last test that the whole subject was read. A size may name a variable bound
 * earlier in the same pattern or in the scope.
 */
final class BinaryPattern {
    private static final String READER = "procshell.shell.iex.BitReader";

    private final Compiler compiler;
    private final PatternCompiler patterns;

    BinaryPattern(Compiler compiler, PatternCompiler patterns) {
        this.compiler = compiler;
        this.patterns = patterns;
    }

    /** Adds the steps matching the segments of a {@code <<>>} node against {@code subject}. */
    void match(List<Object> parts, String subject, Scope scope, Pattern p, int line) {
        String r = compiler.unit.fresh("r");
        p.bind(r, READER + ".of(" + subject + ")");
        p.test(r + " != null");
        segments(parts, r, scope, p, line);
        p.test(r + ".atEnd()");
    }

    /** True for a binary generator of a comprehension: {@code <<c <- bin>>}, {@code <<r::4, g::4 <- bin>>}. */
    static boolean isGenerator(Object qualifier) {
        if (!Quoted.isCall(qualifier, "<<>>")) return false;
        List<Object> parts = Quoted.args(qualifier);
        return !parts.isEmpty() && Quoted.isCall(parts.get(parts.size() - 1), "<-", 2);
    }

    /**
     * Opens the loop of a binary generator ({@link #isGenerator}): the segments are read from the
     * bitstring over and over while they match, each round binding them in {@code scope}; the
     * caller writes the body and closes one block.
     *
     * @throws procshell.shell.iex.ArgumentError at run time when the generator's value is no bitstring
     */
    void generator(Object qualifier, Scope scope, Block b) {
        int line = Quoted.line(qualifier);
        List<Object> parts = new java.util.ArrayList<>(Quoted.args(qualifier));
        List<Object> arrow = Quoted.args(parts.remove(parts.size() - 1));
        parts.add(arrow.get(0));
        String r = compiler.unit.fresh("r");
        b.line("def " + r + " = " + READER + ".generator(" + compiler.expr(arrow.get(1), scope, b) + ");");
        b.open("while (true) {");
        Pattern p = new Pattern();
        segments(parts, r, scope, p, line);
        p.require(b, "break;");
        p.bindIn(scope);
    }

    /** The steps reading each segment from the reader {@code r} and matching its value. */
    private void segments(List<Object> parts, String r, Scope scope, Pattern p, int line) {
        for (int i = 0; i < parts.size(); i++) {
            BinarySegment seg = BinarySegment.read(parts.get(i), line);
            boolean last = i == parts.size() - 1;
            if (seg.isBinaryLike() && seg.size() == null && !last && !(seg.value() instanceof String)) {
                throw new CompileError(line, "a binary field without size is only allowed at the end of a binary pattern,"
                        + " at the right side of binary concatenation and never allowed in binary generators");
            }
            if (seg.value() instanceof String text) {
                literal(text, seg, r, p);
                continue;
            }
            String size = seg.size() == null ? "null" : size(seg.size(), scope, p, line);
            String read = switch (seg.type()) {
                case "integer" -> r + ".integer(" + size + ", " + seg.unit() + ", " + seg.signed() + ", " + seg.little() + ")";
                case "float" -> r + ".floating(" + size + ", " + seg.unit() + ", " + seg.little() + ")";
                case "binary", "bitstring" -> r + ".binary(" + size + ", " + seg.unit() + ")";
                default -> r + ".utf(" + seg.type().substring(3) + ", " + seg.little() + ")";
            };
            String v = compiler.unit.fresh("t");
            p.bind(v, read);
            p.test(READER + ".ok(" + v + ")");
            Object value = seg.value();
            if (Quoted.isVar(value) && "_".equals(Quoted.name(value))) continue;
            patterns.match(value, v, scope, p);
        }
    }

    /** A literal string segment: its bytes (or code points, for utf types) read and compared. */
    private void literal(String text, BinarySegment seg, String r, Pattern p) {
        if (seg.type().startsWith("utf")) {
            text.codePoints().forEach(cp -> {
                String v = compiler.unit.fresh("t");
                p.bind(v, r + ".utf(" + seg.type().substring(3) + ", " + seg.little() + ")");
                p.test("procshell.shell.iex.Ops.same(" + v + ", " + cp + ")");
            });
            return;
        }
        String v = compiler.unit.fresh("t");
        long bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        p.bind(v, r + ".binary(" + bytes + ", 8)");
        p.test("procshell.shell.iex.Ops.same(" + v + ", " + Groovy.string(text) + ")");
    }

    /** A size: an integer, a variable bound earlier in this pattern or in scope, or a pinned one. */
    private String size(Object ast, Scope scope, Pattern p, int line) {
        if (ast instanceof Integer n) return n.toString();
        Object var = Quoted.isCall(ast, "^", 1) ? Quoted.args(ast).get(0) : ast;
        if (Quoted.isVar(var)) {
            String name = Quoted.name(var);
            String bound = p.variables.get(name);
            if (bound == null) bound = scope.lookup(name);
            if (bound == null) throw new CompileError(line, "undefined variable \"" + name + "\" in bitstring segment");
            return bound;
        }
        if (ast instanceof Atom || !Quoted.isNode(ast)) {
            throw new CompileError(line, "size in bitstring expects an integer or a variable as argument, got: " + compiler.describe(ast));
        }
        return compiler.expr(ast, scope, new Block());
    }
}
