package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a {@code <<>>} expression that is not a plain string ({@code <<1, 2>>},
 * {@code <<x::16-little, rest::binary>>}, {@code <<c::utf8>>}) to a chain of
 * {@code procshell.shell.iex.BitBuilder} calls, one per segment, in Elixir's evaluation order
 * (each segment's value, then its size). Its value is a {@code String} when the result is valid
 * UTF-8, else a {@code procshell.runtime.node.Bitstring}.
 */
final class BinaryCompiler {
    private static final String BUILDER = "procshell.shell.iex.BitBuilder";

    private BinaryCompiler() {
    }

    /** The Groovy expression building the bitstring of the segments of a {@code <<>>} node. */
    static String build(Compiler c, List<Object> parts, Scope s, Block b, int line) {
        List<BinarySegment> segments = new ArrayList<>();
        List<Object> exprs = new ArrayList<>();
        for (Object part : parts) {
            BinarySegment seg = BinarySegment.read(part, line);
            if (seg.value() instanceof String text && seg.type().startsWith("utf")) {
                // a literal string as utf8/16/32: one segment per code point
                text.codePoints().forEach(cp -> {
                    segments.add(new BinarySegment(cp, seg.type(), null, 1, false, seg.little()));
                    exprs.add(cp);
                    exprs.add(null);
                });
                continue;
            }
            if (seg.value() instanceof String && (!seg.isBinaryLike() || seg.size() != null)) {
                throw new CompileError(line, "literal string in bitstring supports only endianness and type specifiers, which must be one of:"
                        + " little, big, native, utf8, utf16, utf32, bits, bytes, binary or bitstring");
            }
            if (seg.value() instanceof List<?>) {
                throw new CompileError(line, "invalid literal " + procshell.shell.iex.Kernel.inspect(seg.value()) + " in <<>>");
            }
            segments.add(seg);
            exprs.add(seg.value());
            exprs.add(seg.size());
        }
        List<String> values = c.exprs(exprs, s, b);
        StringBuilder out = new StringBuilder("new " + BUILDER + "()");
        for (int i = 0; i < segments.size(); i++) {
            BinarySegment seg = segments.get(i);
            String v = values.get(2 * i);
            String size = values.get(2 * i + 1);
            out.append(switch (seg.type()) {
                case "integer" -> ".integer(" + v + ", " + size + ", " + seg.unit() + ", " + seg.signed() + ", " + seg.little() + ")";
                case "float" -> ".floating(" + v + ", " + size + ", " + seg.unit() + ", " + seg.little() + ")";
                case "binary", "bitstring" -> ".binary(" + v + ", " + size + ", " + seg.unit() + ")";
                default -> ".utf(" + v + ", " + seg.type().substring(3) + ", " + seg.little() + ")";
            });
        }
        return out.append(".done()").toString();
    }
}
