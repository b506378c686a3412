package procshell.shell.iex;

import java.util.List;

import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Inspect.Opts} from a keyword list ({@code inspect/2}, {@code IO.inspect/2}):
 * {@code limit:}, {@code printable_limit:}, {@code pretty:}, {@code width:}, {@code charlists:};
 * options the shell's printer does not know ({@code label:}, {@code syntax_colors:}, ...) are
 * ignored.
 */
final class InspectOpts {
    private InspectOpts() {}

    /**
     * The options over {@code base}.
     *
     * @throws ArgumentError when the options are not a keyword list
     */
    static InspectOptions from(Object options, InspectOptions base) {
        Object o = Values.normalize(options);
        if (!(o instanceof List<?> l)) throw new ArgumentError("expected a keyword list of inspect options, got: " + Kernel.inspect(o));
        InspectOptions opts = base;
        for (Object e : l) {
            if (!(e instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom key)) continue;
            Object v = t.get(1);
            switch (key.name()) {
                case "limit" -> opts = opts.withLimit(count(v));
                case "printable_limit" -> opts = opts.withPrintableLimit(count(v));
                case "pretty" -> opts = opts.withPretty(Boolean.TRUE.equals(v));
                case "width" -> opts = opts.withWidth(count(v));
                case "charlists" -> opts = opts.withCharlists(switch (v instanceof Atom a ? a.name() : "") {
                    case "as_lists" -> InspectOptions.Charlists.AS_LISTS;
                    case "as_charlists" -> InspectOptions.Charlists.AS_CHARLISTS;
                    default -> InspectOptions.Charlists.INFER;
                });
                case "binaries" -> opts = opts.withBinaries(switch (v instanceof Atom a ? a.name() : "") {
                    case "as_binaries" -> InspectOptions.Binaries.AS_BINARIES;
                    case "as_strings" -> InspectOptions.Binaries.AS_STRINGS;
                    default -> InspectOptions.Binaries.INFER;
                });
                default -> {
                    // other Inspect.Opts (base, structs, syntax_colors) print as the defaults
                }
            }
        }
        return opts;
    }

    private static int count(Object v) {
        if (ElixirEnum.isInt(v)) return (int) Math.min(Integer.MAX_VALUE, ((Number) v).longValue());
        return InspectOptions.INFINITY;
    }
}
