package procshell.runtime.inspect;

import java.util.Objects;
import java.util.function.Function;

/**
 * Immutable inspect options, the subset of Elixir 1.14's {@code Inspect.Opts} that the runtime
 * uses. Change one with a {@code with...} method, which returns a copy.
 *
 * <p>{@link #DEFAULT} is {@code %Inspect.Opts{}} as {@code inspect/1} uses it: limit 50, printable
 * limit 4096, width 80 but {@code pretty: false} (so no line breaking), charlists inferred, no
 * colours. {@link #IEX} is what iex prints results with: the same with {@code pretty: true}
 * (iex's {@code :inspect} default) and width 80 (iex uses the smaller of 80 and the terminal
 * width); add {@link SyntaxColors#iex()} for a colour terminal.
 */
public final class InspectOptions {
    /** Value of {@link #limit()}, {@link #printableLimit()} or {@link #width()} meaning {@code :infinity}. */
    public static final int INFINITY = Algebra.INFINITY;

    /** How lists of integers print, Elixir's {@code :charlists} option. */
    public enum Charlists {
        /** {@code 'abc'} when every element is a printable ASCII character, else a list. */
        INFER,
        /** Always as a list of integers. */
        AS_LISTS,
        /** As a charlist whenever every element is a Unicode code point. */
        AS_CHARLISTS
    }

    /** How binaries print, Elixir's {@code :binaries} option. */
    public enum Binaries {
        /** {@code "abc"} when the binary is printable UTF-8, else {@code <<...>>}. */
        INFER,
        /** Always as {@code <<...>>}. */
        AS_BINARIES,
        /** Always as a quoted string, bytes that are no UTF-8 escaped as {@code \xFF}. */
        AS_STRINGS
    }

    /** {@code %Inspect.Opts{}}: the options of {@code inspect/1}. */
    public static final InspectOptions DEFAULT =
            new InspectOptions(50, 4096, false, 80, SyntaxColors.none(), Charlists.INFER, null, Binaries.INFER);

    /** iex's result printing without colours: {@link #DEFAULT} with {@code pretty: true}. */
    public static final InspectOptions IEX = DEFAULT.withPretty(true);

    private final int limit;
    private final int printableLimit;
    private final boolean pretty;
    private final int width;
    private final SyntaxColors syntaxColors;
    private final Charlists charlists;
    private final InspectFallback fallback;
    private final Binaries binaries;

    private InspectOptions(int limit, int printableLimit, boolean pretty, int width,
                           SyntaxColors syntaxColors, Charlists charlists, InspectFallback fallback, Binaries binaries) {
        this.binaries = binaries;
        this.limit = limit;
        this.printableLimit = printableLimit;
        this.pretty = pretty;
        this.width = width;
        this.syntaxColors = syntaxColors;
        this.charlists = charlists;
        this.fallback = fallback;
    }

    /** Elements shown in a list, tuple, map or binary before {@code ...}; {@link #INFINITY} for all. */
    public int limit() {
        return limit;
    }

    /** Characters shown of a string or charlist before {@code <> ...} / {@code ++ ...}. */
    public int printableLimit() {
        return printableLimit;
    }

    /** Whether output is broken into lines of {@link #width()} columns. */
    public boolean pretty() {
        return pretty;
    }

    /** The line width used when {@link #pretty()}. */
    public int width() {
        return width;
    }

    /** The width the layout actually uses: {@link #width()} when pretty, else unbounded (as {@code Kernel.inspect/2}). */
    public int layoutWidth() {
        return pretty ? width : INFINITY;
    }

    /** The ANSI colours; {@link SyntaxColors#none()} by default. */
    public SyntaxColors syntaxColors() {
        return syntaxColors;
    }

    /** How lists of integers print. */
    public Charlists charlists() {
        return charlists;
    }

    /** How binaries print. */
    public Binaries binaries() {
        return binaries;
    }

    /** A copy with another binaries mode. */
    public InspectOptions withBinaries(Binaries binaries) {
        Objects.requireNonNull(binaries, "binaries");
        return new InspectOptions(limit, printableLimit, pretty, width, syntaxColors, charlists, fallback, binaries);
    }

    /** The fallback for objects that are not terms, or null to use only the process-wide default. */
    public InspectFallback fallback() {
        return fallback;
    }

    /** A copy with another {@link #limit()} (positive, 0 or {@link #INFINITY}). */
    public InspectOptions withLimit(int limit) {
        requireNonNegative(limit, "limit");
        return limit == this.limit ? this
                : new InspectOptions(limit, printableLimit, pretty, width, syntaxColors, charlists, fallback, binaries);
    }

    /** A copy with another {@link #printableLimit()}. */
    public InspectOptions withPrintableLimit(int printableLimit) {
        requireNonNegative(printableLimit, "printableLimit");
        return new InspectOptions(limit, printableLimit, pretty, width, syntaxColors, charlists, fallback, binaries);
    }

    /** A copy with {@link #pretty()} on or off. */
    public InspectOptions withPretty(boolean pretty) {
        return new InspectOptions(limit, printableLimit, pretty, width, syntaxColors, charlists, fallback, binaries);
    }

    /** A copy with another {@link #width()}; 0 puts every breakable element on its own line. */
    public InspectOptions withWidth(int width) {
        requireNonNegative(width, "width");
        return new InspectOptions(limit, printableLimit, pretty, width, syntaxColors, charlists, fallback, binaries);
    }

    /** A copy with other colours. */
    public InspectOptions withSyntaxColors(SyntaxColors syntaxColors) {
        Objects.requireNonNull(syntaxColors, "syntaxColors");
        return new InspectOptions(limit, printableLimit, pretty, width, syntaxColors, charlists, fallback, binaries);
    }

    /** A copy with another charlist mode. */
    public InspectOptions withCharlists(Charlists charlists) {
        Objects.requireNonNull(charlists, "charlists");
        return new InspectOptions(limit, printableLimit, pretty, width, syntaxColors, charlists, fallback, binaries);
    }

    /** A copy with a fallback for non-term objects (null for none). */
    public InspectOptions withFallback(InspectFallback fallback) {
        return new InspectOptions(limit, printableLimit, pretty, width, syntaxColors, charlists, fallback, binaries);
    }

    /** A copy with a fallback function returning text, or null for objects it does not handle. */
    public InspectOptions withFallback(Function<Object, String> fallback) {
        return withFallback(fallback == null ? null : InspectFallback.of(fallback));
    }

    private static void requireNonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 or INFINITY: " + value);
        }
    }

    @Override
    public String toString() {
        return "InspectOptions[limit=" + show(limit) + ", printableLimit=" + show(printableLimit)
                + ", pretty=" + pretty + ", width=" + show(width) + ", charlists=" + charlists
                + ", colors=" + !syntaxColors.isEmpty() + ", fallback=" + (fallback != null) + "]";
    }

    private static String show(int n) {
        return n == INFINITY ? "infinity" : Integer.toString(n);
    }
}
