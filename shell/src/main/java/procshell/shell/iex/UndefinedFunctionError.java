package procshell.shell.iex;

/**
 * Elixir's UndefinedFunctionError, e.g.
 * {@code function :gproc.reg/1 is undefined (module :gproc is not available)}.
 */
public class UndefinedFunctionError extends RuntimeException implements BeamFrames {
    private final java.util.List<String> frames;
    private final String blame;

    /** @param message the full message as Elixir words it */
    public UndefinedFunctionError(String message) {
        this(message, java.util.List.of());
    }

    /**
     * @param message the full message as Elixir words it
     * @param frames  the stack lines iex shows above the typed code's, e.g. {@code Foo.bar()}
     */
    public UndefinedFunctionError(String message, java.util.List<String> frames) {
        this(message, "", frames);
    }

    /**
     * @param message the full message as Elixir words it ({@code Exception.message/1})
     * @param blame   what iex adds when it prints the error ({@code Exception.blame/3}), e.g.
     *                {@code . Did you mean:\n\n      * connect/1\n}; empty for nothing
     * @param frames  the stack lines iex shows above the typed code's, e.g. {@code Foo.bar()}
     */
    public UndefinedFunctionError(String message, String blame, java.util.List<String> frames) {
        super(message, null, false, true);
        this.blame = blame;
        this.frames = java.util.List.copyOf(frames);
    }

    /** What iex appends to the message when it prints the error: the same name's other arities. */
    public String blame() {
        return blame;
    }

    /**
     * A call of a function of a module that does not exist, as Elixir raises it for
     * {@code Foo.bar(1)}: {@code function Foo.bar/1 is undefined (module Foo is not available)},
     * with the call itself, {@code Foo.bar(1)}, as the stack line.
     *
     * @param module the module atom, e.g. {@code Foo} ({@code :"Elixir.Foo"})
     */
    public static UndefinedFunctionError moduleNotAvailable(Object module, String function, Object[] args) {
        String m = Kernel.inspect(module);
        java.util.StringJoiner call = new java.util.StringJoiner(", ", m + "." + function + "(", ")");
        for (Object a : args) call.add(Kernel.inspect(a));
        return new UndefinedFunctionError("function " + m + "." + function + "/" + args.length + " is undefined (module " + m
                + " is not available)", java.util.List.of(call.toString()));
    }

    @Override
    public java.util.List<String> beamFrames() {
        return frames;
    }
}
