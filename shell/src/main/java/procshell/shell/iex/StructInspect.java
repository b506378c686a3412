package procshell.shell.iex;

import procshell.runtime.inspect.InspectOptions;

/**
 * How Elixir's {@code Inspect} implementations print the standard terms the shell builds:
 * {@code 1..3} and {@code 1..10//2} for ranges, {@code MapSet.new([1, 2])} for sets, {@code ~r/\d+/} for regexes, and streams.
 * An instance, not static functions, so that it is not taken for a module at the prompt.
 */
public final class StructInspect {
    /** The one instance. */
    public static final StructInspect INSTANCE = new StructInspect();

    private StructInspect() {}

    /** The inspected form of a range, MapSet or stream, or null when the term is none of them. */
    public String inspect(Object term, InspectOptions opts) {
        if (RangeTerm.is(term)) return RangeTerm.inspect(term);
        if (MapSetTerm.is(term)) return MapSetTerm.inspect(term, opts);
        if (term instanceof LazyStream s) return s.toString();
        if (ElixirRegex.is(term)) return ElixirRegex.inspect(term);
        if (CalendarTerms.kind(term) != null) return CalendarTerms.inspect(term);
        return null;
    }

    /**
     * A struct as its own {@code Inspect} implementation prints it ({@code defimpl Inspect, for:
     * Point}), or null when it has none that returns a string.
     */
    public String own(Object term, InspectOptions opts) {
        return ElixirProtocol.inspect(term, opts);
    }

    /**
     * A struct's fields in their defstruct order, as Elixir prints a struct, or null for one not
     * defined in the shell.
     *
     * @param module the struct's module atom ({@code Elixir.User})
     */
    public java.util.List<Object> fieldOrder(procshell.runtime.node.Atom module) {
        java.util.List<Object> defined = Structs.fields(module);
        return defined != null ? defined : ExceptionStructs.fieldOrder(module);
    }

    /** The struct a raised error stands for ({@code %KeyError{key: :a, term: %{}, message: nil}}), as {@link ExceptionStructs#of}. */
    public java.util.Map<?, ?> exceptionStruct(Throwable e) {
        return ExceptionStructs.of(e);
    }
}
