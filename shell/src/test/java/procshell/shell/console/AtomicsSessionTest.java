package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code :atomics}, {@code :counters} and {@code Bitwise} at the prompt, against what iex printed
 * for the same lines ({@code iex-reference/atomics.txt}): put, get, add/sub with and without the
 * new value, exchange and compare_exchange, wrapping around at 2^63 and below 0 unsigned,
 * {@code info/1}; the BEAM's ArgumentErrors for a bad index, value, size or reference; counters
 * as {@code {:atomics, ref}} updated by ten processes at once (none lost); Bitwise's functions and
 * operators after {@code import Bitwise}, and its ArithmeticError.
 */
@Timeout(120)
class AtomicsSessionTest {

    @Test
    void atomicsCountersAndBitwiseAsInIex() {
        IexSessionCheck.against("atomics.txt").everyInput().check();
    }
}
