package procshell.shell.iex;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/** Elixir's {@code NaiveDateTime} (1.14), a date and time with no zone, printed as {@code ~N[2024-01-31 10:00:00]}. */
@Doc("""
    Dates with times and no time zone, printed as ~N[2024-01-31 10:00:00]: new, utc_now, add,
    diff, compare, truncate, to_date, to_time, from_iso8601, to_iso8601, to_string.
    """)
@ElixirName("NaiveDateTime")
public final class ElixirNaiveDateTime {
    private ElixirNaiveDateTime() {}

    static {
        CalendarTerms.init();
    }

    /** The struct with its defaults, as {@code __struct__/0}: what a struct literal of the module starts from. */
    @Doc("The struct with its defaults (its date and time fields nil, microsecond {0, 0}, calendar Calendar.ISO), which a struct literal starts from.")
    public static Object __struct__() {
        return CalendarTerms.blank(CalendarTerms.NAIVE);
    }

    /** {@code {:ok, naive}} from a Date and a Time, as {@code NaiveDateTime.new/2}. */
    @Doc("""
        Builds a naive date-time from a date and a time, or from its six fields:
        {:ok, naive} or {:error, reason}.

        ## Examples

            iex> NaiveDateTime.new(~D[2024-01-31], ~T[10:00:00])
            {:ok, ~N[2024-01-31 10:00:00]}
        """)
    public static Object new_(Object date, Object time) {
        return Tuple.of(Atom.OK, CalendarTerms.naive(LocalDateTime.of(CalendarTerms.toDate(date, "NaiveDateTime.new", 2),
                CalendarTerms.toTime(time, "NaiveDateTime.new", 2)), CalendarTerms.precision(time)));
    }

    /** As {@code NaiveDateTime.new/6}. */
    public static Object new_(Object year, Object month, Object day, Object hour, Object minute, Object second) {
        String f = "NaiveDateTime.new";
        Object d = ElixirDate.new_(year, month, day);
        if (!(d instanceof Tuple t && Atom.OK.equals(t.get(0)))) return d;
        try {
            return Tuple.of(Atom.OK, CalendarTerms.naive(CalendarTerms.toDate(t.get(1), f, 6).atTime((int) CalendarTerms.integer(hour, f, 6),
                    (int) CalendarTerms.integer(minute, f, 6), (int) CalendarTerms.integer(second, f, 6)), 0));
        } catch (DateTimeException e) {
            return Tuple.of(Atom.ERROR, Atom.of("invalid_time"));
        }
    }

    /** Now in UTC, microseconds precise, as {@code NaiveDateTime.utc_now/0}. */
    @Doc("Returns the date and time now in UTC.")
    public static Object utc_now() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        return CalendarTerms.naive(now.with(CalendarTerms.truncated(now.toLocalTime(), 6)), 6);
    }

    /** As {@code NaiveDateTime.add/2}: seconds. */
    @Doc("Adds seconds (or :day, :hour, :minute, :millisecond, ... as a third argument).")
    public static Object add(Object naive, Object amount) {
        return add(naive, amount, Atom.of("second"));
    }

    /** As {@code NaiveDateTime.add/3}. */
    public static Object add(Object naive, Object amount, Object unit) {
        LocalDateTime t = CalendarTerms.toDateTime(naive, "NaiveDateTime.add", 3);
        return CalendarTerms.naive(t.plusNanos(CalendarTerms.nanos(amount, unit, "NaiveDateTime.add", 3)), CalendarTerms.precision(naive));
    }

    /** As {@code NaiveDateTime.diff/2}: seconds from {@code b} to {@code a}. */
    @Doc("Returns the seconds (or another unit) from the second to the first.")
    public static Object diff(Object a, Object b) {
        return diff(a, b, Atom.of("second"));
    }

    /** As {@code NaiveDateTime.diff/3}. */
    public static Object diff(Object a, Object b, Object unit) {
        return CalendarTerms.diff(CalendarTerms.toDateTime(a, "NaiveDateTime.diff", 3), CalendarTerms.toDateTime(b, "NaiveDateTime.diff", 3), unit,
                "NaiveDateTime.diff", 3, false);
    }

    /** As {@code NaiveDateTime.compare/2}. */
    @Doc("Compares two naive date-times: :lt, :eq or :gt.")
    public static Object compare(Object a, Object b) {
        return CalendarTerms.order(CalendarTerms.toDateTime(a, "NaiveDateTime.compare", 2).compareTo(CalendarTerms.toDateTime(b, "NaiveDateTime.compare", 2)));
    }

    /** As {@code NaiveDateTime.truncate/2}. */
    @Doc("Truncates to :second, :millisecond or :microsecond.")
    public static Object truncate(Object naive, Object unit) {
        int p = CalendarTerms.truncatedPrecision(naive, unit, "NaiveDateTime.truncate");
        LocalDateTime t = CalendarTerms.toDateTime(naive, "NaiveDateTime.truncate", 2);
        return CalendarTerms.naive(t.with(CalendarTerms.truncated(t.toLocalTime(), p)), p);
    }

    /** As {@code NaiveDateTime.to_date/1}. */
    @Doc("Returns the date part.")
    public static Object to_date(Object naive) {
        return CalendarTerms.date(CalendarTerms.toDate(naive, "NaiveDateTime.to_date", 1));
    }

    /** As {@code NaiveDateTime.to_time/1}. */
    @Doc("Returns the time part.")
    public static Object to_time(Object naive) {
        return CalendarTerms.time(CalendarTerms.toTime(naive, "NaiveDateTime.to_time", 1), CalendarTerms.precision(naive));
    }

    /** As {@code NaiveDateTime.to_string/1}: {@code "2024-01-31 10:00:00"}. */
    @Doc("Returns the text: \"2024-01-31 10:00:00\".")
    public static Object to_string(Object naive) {
        CalendarTerms.toDateTime(naive, "NaiveDateTime.to_string", 1);
        return CalendarTerms.text(naive);
    }

    /** As {@code NaiveDateTime.to_iso8601/1}: {@code "2024-01-31T10:00:00"}. */
    @Doc("Returns ISO 8601: \"2024-01-31T10:00:00\".")
    public static Object to_iso8601(Object naive) {
        CalendarTerms.toDateTime(naive, "NaiveDateTime.to_iso8601", 1);
        return CalendarTerms.iso8601(naive);
    }

    /** As {@code NaiveDateTime.from_iso8601/1}. */
    @Doc("Reads \"2024-01-31T10:00:00\" (or with a space): {:ok, naive} or {:error, reason}.")
    public static Object from_iso8601(Object text) {
        return CalendarParse.naive(CalendarTerms.string(text, "NaiveDateTime.from_iso8601", 1));
    }
}
