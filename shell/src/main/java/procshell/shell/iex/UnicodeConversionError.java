package procshell.shell.iex;

/**
 * Elixir's UnicodeConversionError, raised when chardata holds bytes that are no valid UTF-8, e.g.
 * {@code to_string([<<255>>])} gives {@code invalid encoding starting at <<255>>} (the bytes from
 * the first invalid one on), as {@code List.to_string/1} and {@code :unicode.characters_to_binary/1}.
 */
@ElixirName("UnicodeConversionError")
public class UnicodeConversionError extends RuntimeException {
    /** @param message Elixir's message, e.g. {@code "invalid encoding starting at <<255>>"} */
    public UnicodeConversionError(String message) {
        super(message, null, false, true);
    }
}
