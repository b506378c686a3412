package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Protocols at the prompt, against what iex printed for the same lines
 * ({@code iex-reference/protocols.txt}): {@code defprotocol} and {@code defimpl} print the modules
 * they define, dispatch goes by built-in type and by struct, a missing implementation raises
 * Protocol.UndefinedError with iex's frames ({@code Size.impl_for!/1}, {@code Size.size/1}),
 * {@code @fallback_to_any} reaches the {@code Any} implementation, {@code for: [Integer, Float]}
 * defines one module each, a {@code defimpl String.Chars} nested in a struct's module serves
 * {@code to_string} and interpolation, and a {@code defimpl Inspect} is how the struct prints.
 */
@Timeout(180)
class ProtocolsSessionTest {

    @Test
    void protocolsDispatchAndPrintAsInIex() {
        IexSessionCheck.against("protocols.txt").everyInput().check();
    }
}
