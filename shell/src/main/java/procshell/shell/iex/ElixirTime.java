package procshell.shell.iex;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneOffset;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/** Elixir's {@code Time} (1.14) in the ISO calendar: {@code %Time{}} values printed as {@code ~T[10:00:00]}. */
@Doc("""
    Times of day in the ISO calendar, printed as ~T[10:00:00]: new, utc_now, add, diff, compare,
    truncate, from_iso8601, to_iso8601, to_string.
    """)
@ElixirName("Time")
public final class ElixirTime {
    private ElixirTime() {}

    static {
        CalendarTerms.init();
    }

    /** The struct with its defaults, as {@code __struct__/0}: what a struct literal of the module starts from. */
    @Doc("The struct with its defaults (hour, minute and second nil, microsecond {0, 0}, calendar Calendar.ISO), which a struct literal starts from.")
    public static Object __struct__() {
        return CalendarTerms.blank(CalendarTerms.TIME);
    }

    /** {@code {:ok, time}} or {@code {:error, :invalid_time}}, as {@code Time.new/3}. */
    @Doc("""
        Builds a time: {:ok, time} or {:error, :invalid_time}.

        ## Examples

            iex> Time.new(10, 0, 0)
            {:ok, ~T[10:00:00]}
        """)
    public static Object new_(Object hour, Object minute, Object second) {
        try {
            return Tuple.of(Atom.OK, CalendarTerms.time(LocalTime.of((int) CalendarTerms.integer(hour, "Time.new", 3),
                    (int) CalendarTerms.integer(minute, "Time.new", 3), (int) CalendarTerms.integer(second, "Time.new", 3)), 0));
        } catch (DateTimeException e) {
            return Tuple.of(Atom.ERROR, Atom.of("invalid_time"));
        }
    }

    /** The time now in UTC, microseconds precise, as {@code Time.utc_now/0}. */
    @Doc("Returns the time of day now in UTC.")
    public static Object utc_now() {
        return CalendarTerms.time(CalendarTerms.truncated(LocalTime.now(ZoneOffset.UTC), 6), 6);
    }

    /** The time {@code amount} seconds later (wrapping at midnight), as {@code Time.add/2}. */
    @Doc("Adds seconds (or another unit: Time.add(t, 500, :millisecond)), wrapping at midnight.")
    public static Object add(Object time, Object amount) {
        return add(time, amount, Atom.of("second"));
    }

    /** As {@code Time.add/3}. */
    public static Object add(Object time, Object amount, Object unit) {
        long per = CalendarTerms.perSecond(unit, "Time.add", 3);
        long nanos = Math.multiplyExact(CalendarTerms.integer(amount, "Time.add", 3), 1_000_000_000L / per);
        return CalendarTerms.time(CalendarTerms.toTime(time, "Time.add", 3).plusNanos(nanos), CalendarTerms.precision(time));
    }

    /** Seconds (or {@code unit}s) from {@code b} to {@code a}, as {@code Time.diff/2,3}. */
    @Doc("Returns the seconds (or another unit) from the second time to the first.")
    public static Object diff(Object a, Object b) {
        return diff(a, b, Atom.of("second"));
    }

    /** As {@code Time.diff/3}. */
    public static Object diff(Object a, Object b, Object unit) {
        long per = CalendarTerms.perSecond(unit, "Time.diff", 3);
        long micros = (CalendarTerms.toTime(a, "Time.diff", 3).toNanoOfDay() - CalendarTerms.toTime(b, "Time.diff", 3).toNanoOfDay()) / 1000;
        return micros * per / 1_000_000L; // toward zero, as Elixir's
    }

    /** As {@code Time.compare/2}. */
    @Doc("Compares two times: :lt, :eq or :gt.")
    public static Object compare(Object a, Object b) {
        return CalendarTerms.order(CalendarTerms.toTime(a, "Time.compare", 2).compareTo(CalendarTerms.toTime(b, "Time.compare", 2)));
    }

    /** As {@code Time.truncate/2}: {@code :second}, {@code :millisecond} or {@code :microsecond}. */
    @Doc("Truncates to :second, :millisecond or :microsecond.")
    public static Object truncate(Object time, Object unit) {
        int p = CalendarTerms.truncatedPrecision(time, unit, "Time.truncate");
        return CalendarTerms.time(CalendarTerms.truncated(CalendarTerms.toTime(time, "Time.truncate", 2), p), p);
    }

    /** As {@code Time.to_string/1}. */
    @Doc("Returns the time as text: \"10:00:00\".")
    public static Object to_string(Object time) {
        return CalendarTerms.timeText(CalendarTerms.toTime(time, "Time.to_string", 1), CalendarTerms.precision(time));
    }

    /** As {@code Time.to_iso8601/1}. */
    @Doc("Returns the time in ISO 8601: \"10:00:00\".")
    public static Object to_iso8601(Object time) {
        return CalendarTerms.timeText(CalendarTerms.toTime(time, "Time.to_iso8601", 1), CalendarTerms.precision(time));
    }

    /** As {@code Time.from_iso8601/1}. */
    @Doc("Reads \"10:00:00\": {:ok, time} or {:error, reason}.")
    public static Object from_iso8601(Object text) {
        return CalendarParse.time(CalendarTerms.string(text, "Time.from_iso8601", 1));
    }
}
