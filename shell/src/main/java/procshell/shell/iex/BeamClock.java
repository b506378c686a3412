package procshell.shell.iex;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import procshell.runtime.node.Atom;
import procshell.shell.eval.Arithmetic;

/**
 * The BEAM's clocks and time units, for {@code System} (and {@code :erlang}'s time functions):
 * the {@code :native} unit is the nanosecond, as on a 64-bit Linux BEAM; monotonic time starts,
 * as the BEAM's does, near {@code -576460752303423488} (the smallest small integer) when the shell
 * starts; system time is the wall clock in nanoseconds since 1970.
 */
final class BeamClock {
    /** Where the BEAM's monotonic clock starts on a 64-bit machine. */
    private static final long MONOTONIC_START = -576_460_752_303_423_488L;
    private static final long BOOT = System.nanoTime();
    private static final AtomicLong UNIQUE = new AtomicLong();

    private BeamClock() {}

    /** Parts per second of a unit atom ({@code :second}, {@code :native}, ...) or positive integer; 0 when it is none. */
    public static long partsPerSecond(Object unit) {
        if (unit instanceof Number n && Arithmetic.isInteger(n)) return n.longValue() > 0 ? n.longValue() : 0;
        if (!(unit instanceof Atom a)) return 0;
        return switch (a.name()) {
            case "second", "seconds" -> 1;
            case "millisecond", "milli_seconds", "milliseconds" -> 1_000;
            case "microsecond", "micro_seconds", "microseconds" -> 1_000_000;
            case "nanosecond", "nano_seconds", "nanoseconds", "native", "perf_counter" -> 1_000_000_000;
            default -> 0;
        };
    }

    /**
     * {@code :erlang.convert_time_unit/3}: {@code time} in {@code from} parts per second to
     * {@code to} parts per second, rounded down (towards minus infinity).
     */
    public static Number convert(Object time, long from, long to) {
        BigInteger t = Arithmetic.big(time);
        BigInteger[] qr = t.multiply(BigInteger.valueOf(to)).divideAndRemainder(BigInteger.valueOf(from));
        BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return Arithmetic.integer(q);
    }

    /** Monotonic time in nanoseconds (the BEAM's {@code :native} unit). */
    public static long monotonicNanos() {
        return MONOTONIC_START + (System.nanoTime() - BOOT);
    }

    /** Wall-clock time in nanoseconds since the Unix epoch. */
    public static long systemNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** A nanosecond figure in {@code to} parts per second, rounded down. */
    public static Number inUnit(long nanos, long to) {
        return convert(nanos, 1_000_000_000L, to);
    }

    /**
     * {@code :erlang.unique_integer/1}: unique in this runtime; with {@code :positive} greater than 0;
     * every result is also larger than the previous one, which satisfies {@code :monotonic}.
     *
     * @throws ArgumentError the BEAM's "not a list" / "invalid modifier"
     */
    public static Number uniqueInteger(Object modifiers, String call) {
        if (!(modifiers instanceof List<?> mods)) throw ArgumentError.badArgument("1st argument: not a list", call);
        boolean positive = false;
        for (Object m : mods) {
            if (Atom.of("positive").equals(m)) positive = true;
            else if (!Atom.of("monotonic").equals(m)) throw ArgumentError.badArgument("1st argument: invalid modifier", call);
        }
        long n = UNIQUE.incrementAndGet();
        return positive ? Arithmetic.integer(n) : Arithmetic.integer(MONOTONIC_START + n);
    }
}
