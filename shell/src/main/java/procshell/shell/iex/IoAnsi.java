package procshell.shell.iex;

/** Elixir's {@code IO.ANSI}: the escape sequences of text attributes and colours. */
@Doc("""
    ANSI escape sequences for colours and text attributes.
    """)
@ElixirName("IO.ANSI")
public final class IoAnsi {
    private IoAnsi() {}

    private static String sgr(int code) {
        return "\u001b[" + code + "m";
    }

    /** {@code IO.ANSI.reset/0}. */
    @Doc("Resets all attributes.")
    public static String reset() {
        return sgr(0);
    }

    /** {@code IO.ANSI.bright/0}. */
    @Doc("Bright (increased intensity) or bold.")
    public static String bright() {
        return sgr(1);
    }

    /** {@code IO.ANSI.red/0}. */
    @Doc("Sets the foreground colour to red.")
    public static String red() {
        return sgr(31);
    }

    /** {@code IO.ANSI.green/0}. */
    @Doc("Sets the foreground colour to green.")
    public static String green() {
        return sgr(32);
    }

    /** {@code IO.ANSI.yellow/0}. */
    @Doc("Sets the foreground colour to yellow.")
    public static String yellow() {
        return sgr(33);
    }

    /** {@code IO.ANSI.blue/0}. */
    @Doc("Sets the foreground colour to blue.")
    public static String blue() {
        return sgr(34);
    }

    /** {@code IO.ANSI.cyan/0}. */
    @Doc("Sets the foreground colour to cyan.")
    public static String cyan() {
        return sgr(36);
    }

    /** {@code IO.ANSI.clear/0}. */
    @Doc("Clears the screen.")
    public static String clear() {
        return "\u001b[2J";
    }
}
