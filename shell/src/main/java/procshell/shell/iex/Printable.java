package procshell.shell.iex;

/** The code points Elixir's {@code String.printable?/1} accepts. */
final class Printable {
    private Printable() {}

    /** True for 0x20..0x7E, 0xA0..0xD7FF, 0xE000..0xFFFD, 0x10000..0x10FFFF and {@code \n\r\t\v\b\f\e\d\a}. */
    static boolean is(int cp) {
        return cp >= 0x20 && cp <= 0x7E || cp >= 0xA0 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF
                || cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x0B || cp == '\b' || cp == '\f' || cp == 0x1B || cp == 0x7F || cp == 0x07;
    }
}
