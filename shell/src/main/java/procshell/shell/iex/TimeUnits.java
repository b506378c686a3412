package procshell.shell.iex;

import procshell.runtime.node.Atom;

/**
 * The BEAM's time units ({@code :second}, {@code :millisecond}, {@code :microsecond},
 * {@code :nanosecond}, {@code :native}, {@code :perf_counter}, the deprecated plural names, or a
 * positive integer of parts per second) and its clocks: native time is nanoseconds, as on a
 * 64-bit Linux BEAM.
 */
final class TimeUnits {
    /** Native units per second. */
    static final long NATIVE = 1_000_000_000L;
    private static final long START_NANOS = System.nanoTime();
    /** A monotonic clock that starts, as the BEAM's does, far below zero. */
    private static final long MONOTONIC_BASE = -576_460_000_000_000_000L;

    private TimeUnits() {}

    /** Monotonic time in nanoseconds. */
    static long monotonicNanos() {
        return MONOTONIC_BASE + (System.nanoTime() - START_NANOS);
    }

    /** OS time in nanoseconds since the Unix epoch. */
    static long systemNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The parts per second of a unit, or 0 when it is none. */
    static long perSecond(Object unit) {
        if (ErlangArgs.isInt(unit)) return ErlangArgs.clamp(unit) > 0 ? ErlangArgs.clamp(unit) : 0;
        if (!(unit instanceof Atom a)) return 0;
        return switch (a.name()) {
            case "second", "seconds" -> 1;
            case "millisecond", "milli_seconds" -> 1_000;
            case "microsecond", "micro_seconds" -> 1_000_000;
            case "nanosecond", "nano_seconds", "native", "perf_counter" -> NATIVE;
            default -> 0;
        };
    }

    /**
     * A time converted between units, rounded down as {@code erlang:convert_time_unit/3} does.
     *
     * @param errors   where to report a bad target unit
     * @param position the target unit's argument position
     */
    static long convert(long time, long fromPerSecond, Object to, BifErrors errors, int position) {
        long toPerSecond = perSecond(to);
        if (toPerSecond <= 0) throw errors.fail(position, "invalid time unit");
        java.math.BigInteger t = java.math.BigInteger.valueOf(time).multiply(java.math.BigInteger.valueOf(toPerSecond));
        java.math.BigInteger[] qr = t.divideAndRemainder(java.math.BigInteger.valueOf(fromPerSecond));
        java.math.BigInteger q = qr[0];
        if (qr[1].signum() < 0) q = q.subtract(java.math.BigInteger.ONE); // floor, as the BEAM
        return q.longValue();
    }
}
