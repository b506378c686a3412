package procshell.runtime.inspect;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Small classification helpers over the runtime's Java representation of terms. */
final class Terms {
    private Terms() {
    }

    /** True for the Java types that carry an Erlang integer. */
    static boolean isInteger(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof BigInteger
                || o instanceof Short || o instanceof Byte;
    }

    /**
     * True for the Java types that carry an Erlang float. A BigDecimal (what Groovy makes of a
     * decimal literal) is one too: it prints and compares as the double nearest to it.
     */
    static boolean isFloat(Object o) {
        return o instanceof Double || o instanceof Float || o instanceof BigDecimal;
    }

    /** The integer value of an object for which {@link #isInteger} holds. */
    static BigInteger toBigInteger(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }

    /** The value of an integer term that fits an int (possibly negative), or -1 for anything else. */
    static int asInt(Object o) {
        if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return ((Number) o).intValue();
        }
        if (o instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (o instanceof BigInteger b && b.signum() >= 0 && b.bitLength() < 31) {
            return b.intValue();
        }
        return -1;
    }
}
