package procshell.shell.iex;

/** Errors that Elixir's {@code Enum} module defines. */
final class EnumErrors {
    private EnumErrors() {}

    /** {@code Enum.EmptyError}: {@code Enum.max([])}. */
    @ElixirName("Enum.EmptyError")
    static final class EmptyError extends RuntimeException {
        EmptyError() {
            super("empty error", null, false, false);
        }
    }

    /** {@code Enum.OutOfBoundsError}: {@code Enum.fetch!([1], 5)}. */
    @ElixirName("Enum.OutOfBoundsError")
    static final class OutOfBoundsError extends RuntimeException {
        OutOfBoundsError() {
            super("out of bounds error", null, false, false);
        }
    }
}
