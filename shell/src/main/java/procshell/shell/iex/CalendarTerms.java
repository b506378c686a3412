package procshell.shell.iex;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Elixir's calendar structs in the ISO calendar, as maps with Elixir 1.14's fields:
 * {@code %Date{year, month, day, calendar}}, {@code %Time{hour, minute, second, microsecond,
 * calendar}}, {@code %NaiveDateTime{...both}} and {@code %DateTime{...both, time_zone,
 * zone_abbr, utc_offset, std_offset}} (UTC only), {@code microsecond} being {@code {us,
 * precision}}. They print as their sigils ({@code ~D[2024-01-31]}, {@code ~T[10:00:00.123]},
 * {@code ~N[2024-01-31 10:00:00]}, {@code ~U[2024-01-31 10:00:00Z]}) and convert to
 * {@code java.time} for their arithmetic.
 */
final class CalendarTerms {
    static final Atom DATE = Atom.of("Elixir.Date");
    static final Atom TIME = Atom.of("Elixir.Time");
    static final Atom NAIVE = Atom.of("Elixir.NaiveDateTime");
    static final Atom DATE_TIME = Atom.of("Elixir.DateTime");
    private static final Atom ISO = Atom.of("Elixir.Calendar.ISO");
    private static final Atom YEAR = Atom.of("year"), MONTH = Atom.of("month"), DAY = Atom.of("day"), HOUR = Atom.of("hour"),
            MINUTE = Atom.of("minute"), SECOND = Atom.of("second"), MICROSECOND = Atom.of("microsecond"), CALENDAR = Atom.of("calendar"),
            TIME_ZONE = Atom.of("time_zone"), ZONE_ABBR = Atom.of("zone_abbr"), UTC_OFFSET = Atom.of("utc_offset"),
            STD_OFFSET = Atom.of("std_offset");

    static {
        Structs.defineFields(DATE, List.of(YEAR, MONTH, DAY, CALENDAR));
        Structs.defineFields(TIME, List.of(HOUR, MINUTE, SECOND, MICROSECOND, CALENDAR));
        Structs.defineFields(NAIVE, List.of(YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, MICROSECOND, CALENDAR));
        Structs.defineFields(DATE_TIME, List.of(YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, TIME_ZONE, ZONE_ABBR, UTC_OFFSET, STD_OFFSET,
                MICROSECOND, CALENDAR));
    }

    private CalendarTerms() {}

    /** Loads the struct layouts (their field order) before a struct of them is printed. */
    static void init() {
        // the static initializer does the work
    }

    static MapTerm date(LocalDate d) {
        MapTerm m = new MapTerm();
        m.put(Structs.STRUCT, DATE);
        putDate(m, d);
        m.put(CALENDAR, ISO);
        return m;
    }

    static MapTerm time(LocalTime t, int precision) {
        MapTerm m = new MapTerm();
        m.put(Structs.STRUCT, TIME);
        putTime(m, t, precision);
        m.put(CALENDAR, ISO);
        return m;
    }

    static MapTerm naive(LocalDateTime t, int precision) {
        MapTerm m = new MapTerm();
        m.put(Structs.STRUCT, NAIVE);
        putDate(m, t.toLocalDate());
        putTime(m, t.toLocalTime(), precision);
        m.put(CALENDAR, ISO);
        return m;
    }

    static MapTerm utc(LocalDateTime t, int precision) {
        MapTerm m = naive(t, precision);
        m.put(Structs.STRUCT, DATE_TIME);
        m.put(TIME_ZONE, "Etc/UTC");
        m.put(ZONE_ABBR, "UTC");
        m.put(UTC_OFFSET, 0L);
        m.put(STD_OFFSET, 0L);
        return m;
    }

    private static void putDate(MapTerm m, LocalDate d) {
        m.put(YEAR, (long) d.getYear());
        m.put(MONTH, (long) d.getMonthValue());
        m.put(DAY, (long) d.getDayOfMonth());
    }

    private static void putTime(MapTerm m, LocalTime t, int precision) {
        m.put(HOUR, (long) t.getHour());
        m.put(MINUTE, (long) t.getMinute());
        m.put(SECOND, (long) t.getSecond());
        m.put(MICROSECOND, Tuple.of((long) (t.getNano() / 1000), (long) precision));
    }

    /** The struct's module when the term is one of the four ISO structs, else null. */
    static Atom kind(Object term) {
        Object t = Values.normalize(term);
        Atom a = Structs.structOf(t);
        if (!(DATE.equals(a) || TIME.equals(a) || NAIVE.equals(a) || DATE_TIME.equals(a))) return null;
        // one built by %Date{} (or __struct__/0) may lack its fields: it is no date to compute with or print as ~D
        Map<?, ?> m = (Map<?, ?>) t;
        boolean date = TIME.equals(a) || (ElixirEnum.isInt(m.get(YEAR)) && ElixirEnum.isInt(m.get(MONTH)) && ElixirEnum.isInt(m.get(DAY)));
        boolean time = DATE.equals(a) || (ElixirEnum.isInt(m.get(HOUR)) && ElixirEnum.isInt(m.get(MINUTE)) && ElixirEnum.isInt(m.get(SECOND))
                && m.get(MICROSECOND) instanceof Tuple us && us.size() == 2);
        return date && time ? a : null;
    }

    /**
     * The struct with its defaults, as {@code Date.__struct__/0} and kin give it: every field nil
     * but {@code calendar: Calendar.ISO} and {@code microsecond: {0, 0}}. (Elixir's {@code @enforce_keys}
     * check of a {@code %Date{}} literal is not made.)
     */
    static MapTerm blank(Atom kind) {
        MapTerm m = new MapTerm();
        m.put(Structs.STRUCT, kind);
        for (Object field : Structs.fields(kind)) m.put(field, CALENDAR.equals(field) ? ISO : MICROSECOND.equals(field) ? Tuple.of(0L, 0L) : null);
        return m;
    }

    /**
     * The date of a Date, NaiveDateTime or DateTime.
     *
     * @throws FunctionClauseError when the term has no date, naming {@code function}
     */
    static LocalDate toDate(Object term, String function, int arity) {
        Map<?, ?> m = fieldsOf(term, function, arity);
        if (!m.containsKey(YEAR)) throw new FunctionClauseError(function, arity);
        return LocalDate.of(intOf(m, YEAR), intOf(m, MONTH), intOf(m, DAY));
    }

    /** The time of a Time, NaiveDateTime or DateTime. */
    static LocalTime toTime(Object term, String function, int arity) {
        Map<?, ?> m = fieldsOf(term, function, arity);
        if (!m.containsKey(HOUR)) throw new FunctionClauseError(function, arity);
        return LocalTime.of(intOf(m, HOUR), intOf(m, MINUTE), intOf(m, SECOND), microsecondsOf(m) * 1000);
    }

    /** The date and time of a NaiveDateTime or DateTime. */
    static LocalDateTime toDateTime(Object term, String function, int arity) {
        return LocalDateTime.of(toDate(term, function, arity), toTime(term, function, arity));
    }

    /** The microsecond precision (0-6) of a Time, NaiveDateTime or DateTime. */
    static int precision(Object term) {
        Map<?, ?> m = (Map<?, ?>) Values.normalize(term);
        return m.get(MICROSECOND) instanceof Tuple t ? ((Number) t.get(1)).intValue() : 0;
    }

    private static int microsecondsOf(Map<?, ?> m) {
        return m.get(MICROSECOND) instanceof Tuple t ? ((Number) t.get(0)).intValue() : 0;
    }

    private static Map<?, ?> fieldsOf(Object term, String function, int arity) {
        if (!(Values.normalize(term) instanceof Map<?, ?> m) || kind(m) == null) throw new FunctionClauseError(function, arity);
        return m;
    }

    private static int intOf(Map<?, ?> m, Atom key) {
        return ((Number) m.get(key)).intValue();
    }

    /** The text {@code to_string/1} gives: {@code 2024-01-31}, {@code 10:00:00.123}, {@code 2024-01-31 10:00:00Z}. */
    static String text(Object term) {
        Atom k = kind(term);
        if (DATE.equals(k)) return dateText(toDate(term, "Date.to_string", 1));
        if (TIME.equals(k)) return timeText(toTime(term, "Time.to_string", 1), precision(term));
        String both = dateText(toDate(term, "to_string", 1)) + " " + timeText(toTime(term, "to_string", 1), precision(term));
        return DATE_TIME.equals(k) ? both + "Z" : both;
    }

    /** As {@link #text} with a {@code T} between date and time ({@code to_iso8601/1}). */
    static String iso8601(Object term) {
        return text(term).replace(' ', 'T');
    }

    /** The sigil iex prints: {@code ~D[2024-01-31]}, {@code ~U[2024-01-31 10:00:00Z]}. */
    static String inspect(Object term) {
        Atom k = kind(term);
        String sigil = DATE.equals(k) ? "~D" : TIME.equals(k) ? "~T" : NAIVE.equals(k) ? "~N" : "~U";
        return sigil + "[" + text(term) + "]";
    }

    static String dateText(LocalDate d) {
        int y = d.getYear();
        String year = y < 0 ? "-" + String.format("%04d", -y) : String.format("%04d", y);
        return year + String.format("-%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
    }

    static String timeText(LocalTime t, int precision) {
        String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        if (precision == 0) return s;
        return s + "." + String.format("%06d", t.getNano() / 1000).substring(0, precision);
    }

    /** The struct a calendar sigil's text stands for ({@code D}, {@code T}, {@code N} or {@code U}). */
    static Object sigil(String letter, String text) {
        Object r = switch (letter) {
            case "D" -> CalendarParse.date(text);
            case "T" -> CalendarParse.time(text);
            case "N" -> CalendarParse.naive(text);
            default -> CalendarParse.dateTime(text);
        };
        if (r instanceof Tuple t && Atom.OK.equals(t.get(0))) {
            if (letter.equals("U") && !Long.valueOf(0).equals(t.get(2))) throw new ArgumentError("~U[" + text + "] must be in UTC");
            return t.get(1);
        }
        String what = switch (letter) {
            case "D" -> "date";
            case "T" -> "time";
            case "N" -> "naive datetime";
            default -> "UTC DateTime";
        };
        throw new ArgumentError("cannot parse " + Kernel.inspect(text) + " as " + what + ", reason: " + Kernel.inspect(((Tuple) r).get(1)));
    }

    /** An integer argument, as the function's guard {@code is_integer} takes it. */
    static long integer(Object v, String function, int arity) {
        if (Values.normalize(v) instanceof Long n) return n;
        if (Values.normalize(v) instanceof Integer n) return n;
        throw new FunctionClauseError(function, arity);
    }

    /** A string argument. */
    static String string(Object v, String function, int arity) {
        if (Values.normalize(v) instanceof String s) return s;
        throw new FunctionClauseError(function, arity);
    }

    /** {@code :lt}, {@code :eq} or {@code :gt} for a Java comparison's result, as the calendar {@code compare/2} functions answer. */
    static Atom order(int comparison) {
        return Atom.of(comparison < 0 ? "lt" : comparison > 0 ? "gt" : "eq");
    }

    /** A time unit's ticks in a second: {@code :second} 1, {@code :millisecond} 1000, ... */
    static long perSecond(Object unit, String function, int arity) {
        Object u = Values.normalize(unit);
        if (u instanceof Atom a) {
            switch (a.name()) {
                case "second": return 1;
                case "millisecond": return 1_000;
                case "microsecond": return 1_000_000;
                case "nanosecond": return 1_000_000_000;
                default: break;
            }
        }
        if (u instanceof Long n && n > 0) return n;
        throw new ArgumentError("unsupported time unit. Expected :day, :hour, :minute, :second, :millisecond, :microsecond, :nanosecond, or a positive integer, got " + Kernel.inspect(u));
    }

    /** The time with its fraction cut to {@code precision} digits. */
    static LocalTime truncated(LocalTime t, int precision) {
        long step = (long) Math.pow(10, 9 - precision);
        return t.withNano((int) (t.getNano() / step * step));
    }

    /** {@code amount} of {@code unit} ({@code :day}, {@code :hour}, {@code :minute}, {@code :second}, ... or ticks a second) in nanoseconds. */
    static long nanos(Object amount, Object unit, String function, int arity) {
        long n = integer(amount, function, arity);
        Object u = Values.normalize(unit);
        long unitNanos = Atom.of("day").equals(u) ? 86_400_000_000_000L : Atom.of("hour").equals(u) ? 3_600_000_000_000L
                : Atom.of("minute").equals(u) ? 60_000_000_000L : 1_000_000_000L / perSecond(unit, function, arity);
        return Math.multiplyExact(n, unitNanos);
    }

    /**
     * Whole {@code unit}s from {@code b} to {@code a}: rounded toward zero, as the calendar
     * {@code diff/3} functions; {@code floor}: rounded down, as {@code DateTime.to_unix/2}.
     */
    static long diff(LocalDateTime a, LocalDateTime b, Object unit, String function, int arity, boolean floor) {
        long micros = java.time.Duration.between(b, a).toNanos() / 1000;
        Object u = Values.normalize(unit);
        long perUnit = Atom.of("day").equals(u) ? 86_400_000_000L : Atom.of("hour").equals(u) ? 3_600_000_000L
                : Atom.of("minute").equals(u) ? 60_000_000L : 0;
        long scaled = perUnit > 0 ? micros : Math.multiplyExact(micros, perSecond(unit, function, arity));
        long divisor = perUnit > 0 ? perUnit : 1_000_000L;
        return floor ? Math.floorDiv(scaled, divisor) : scaled / divisor;
    }

    /** The precision {@code truncate(term, unit)} leaves: the term's own, at most the unit's. */
    static int truncatedPrecision(Object term, Object unit, String function) {
        return Math.min(precision(term), precisionOf(perSecond(unit, function, 2)));
    }

    /** The precision a unit keeps: 0 for seconds, 3 for ms, 6 finer. */
    static int precisionOf(long perSecond) {
        return perSecond == 1 ? 0 : perSecond <= 1000 ? 3 : 6;
    }
}
