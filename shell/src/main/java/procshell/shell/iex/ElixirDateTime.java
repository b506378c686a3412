package procshell.shell.iex;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Elixir's {@code DateTime} (1.14) in UTC, the one time zone Elixir knows without a zone
 * database: {@code %DateTime{}} values printed as {@code ~U[2024-01-31 10:00:00Z]}.
 */
@Doc("""
    Dates with times in UTC, printed as ~U[2024-01-31 10:00:00Z]: utc_now, add, diff, compare,
    truncate, to_unix, from_unix, to_naive, to_date, to_time, from_iso8601, to_iso8601, to_string.
    """)
@ElixirName("DateTime")
public final class ElixirDateTime {
    private ElixirDateTime() {}

    static {
        CalendarTerms.init();
    }

    /** The struct with its defaults, as {@code __struct__/0}: what a struct literal of the module starts from. */
    @Doc("The struct with its defaults (its date, time and zone fields nil, microsecond {0, 0}, calendar Calendar.ISO), which a struct literal starts from.")
    public static Object __struct__() {
        return CalendarTerms.blank(CalendarTerms.DATE_TIME);
    }

    /** Now, microseconds precise, as {@code DateTime.utc_now/0}. */
    @Doc("""
        Returns the date and time now in UTC.

        ## Examples

            iex> DateTime.utc_now() |> DateTime.to_date() |> is_struct(Date)
            true
        """)
    public static Object utc_now() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        return CalendarTerms.utc(now.with(CalendarTerms.truncated(now.toLocalTime(), 6)), 6);
    }

    /** As {@code DateTime.add/2}: seconds. */
    @Doc("Adds seconds (or :day, :hour, :minute, :millisecond, ... as a third argument).")
    public static Object add(Object dt, Object amount) {
        return add(dt, amount, Atom.of("second"));
    }

    /** As {@code DateTime.add/3}. */
    public static Object add(Object dt, Object amount, Object unit) {
        LocalDateTime t = CalendarTerms.toDateTime(dt, "DateTime.add", 3);
        return CalendarTerms.utc(t.plusNanos(CalendarTerms.nanos(amount, unit, "DateTime.add", 3)), CalendarTerms.precision(dt));
    }

    /** As {@code DateTime.diff/2}: seconds from {@code b} to {@code a}. */
    @Doc("Returns the seconds (or another unit) from the second to the first.")
    public static Object diff(Object a, Object b) {
        return diff(a, b, Atom.of("second"));
    }

    /** As {@code DateTime.diff/3}. */
    public static Object diff(Object a, Object b, Object unit) {
        return CalendarTerms.diff(CalendarTerms.toDateTime(a, "DateTime.diff", 3), CalendarTerms.toDateTime(b, "DateTime.diff", 3), unit, "DateTime.diff", 3, false);
    }

    /** As {@code DateTime.compare/2}. */
    @Doc("Compares two date-times: :lt, :eq or :gt.")
    public static Object compare(Object a, Object b) {
        return CalendarTerms.order(CalendarTerms.toDateTime(a, "DateTime.compare", 2).compareTo(CalendarTerms.toDateTime(b, "DateTime.compare", 2)));
    }

    /** As {@code DateTime.truncate/2}. */
    @Doc("Truncates to :second, :millisecond or :microsecond.")
    public static Object truncate(Object dt, Object unit) {
        int p = CalendarTerms.truncatedPrecision(dt, unit, "DateTime.truncate");
        LocalDateTime t = CalendarTerms.toDateTime(dt, "DateTime.truncate", 2);
        return CalendarTerms.utc(t.with(CalendarTerms.truncated(t.toLocalTime(), p)), p);
    }

    /** Seconds since 1970 (or another unit), as {@code DateTime.to_unix/1,2}. */
    @Doc("Returns the seconds (or another unit) since 1970-01-01 00:00:00Z.")
    public static Object to_unix(Object dt) {
        return to_unix(dt, Atom.of("second"));
    }

    /** As {@code DateTime.to_unix/2}. */
    public static Object to_unix(Object dt, Object unit) {
        return CalendarTerms.diff(CalendarTerms.toDateTime(dt, "DateTime.to_unix", 2), LocalDateTime.of(1970, 1, 1, 0, 0), unit, "DateTime.to_unix", 2, true);
    }

    /** {@code {:ok, datetime}} for seconds (or another unit) since 1970, as {@code DateTime.from_unix/1,2}. */
    @Doc("Builds the date-time that many seconds (or another unit) after 1970: {:ok, datetime}.")
    public static Object from_unix(Object count) {
        return from_unix(count, Atom.of("second"));
    }

    /** As {@code DateTime.from_unix/2}. */
    public static Object from_unix(Object count, Object unit) {
        long per = CalendarTerms.perSecond(unit, "DateTime.from_unix", 2);
        long n = CalendarTerms.integer(count, "DateTime.from_unix", 2);
        Instant at = Instant.ofEpochSecond(Math.floorDiv(n, per), Math.floorMod(n, per) * (1_000_000_000L / per));
        return Tuple.of(Atom.OK, CalendarTerms.utc(LocalDateTime.ofInstant(at, ZoneOffset.UTC), CalendarTerms.precisionOf(per)));
    }

    /** As {@code DateTime.from_unix!/1,2}. */
    @Doc("As from_unix/2, the date-time itself.")
    public static Object from_unix_bang(Object count) {
        return ((Tuple) from_unix(count)).get(1);
    }

    /** As {@code DateTime.from_unix!/2}. */
    public static Object from_unix_bang(Object count, Object unit) {
        return ((Tuple) from_unix(count, unit)).get(1);
    }

    /** As {@code DateTime.to_naive/1}. */
    @Doc("Returns the NaiveDateTime of the same fields.")
    public static Object to_naive(Object dt) {
        return CalendarTerms.naive(CalendarTerms.toDateTime(dt, "DateTime.to_naive", 1), CalendarTerms.precision(dt));
    }

    /** As {@code DateTime.to_date/1}. */
    @Doc("Returns the date part.")
    public static Object to_date(Object dt) {
        return CalendarTerms.date(CalendarTerms.toDate(dt, "DateTime.to_date", 1));
    }

    /** As {@code DateTime.to_time/1}. */
    @Doc("Returns the time part.")
    public static Object to_time(Object dt) {
        return CalendarTerms.time(CalendarTerms.toTime(dt, "DateTime.to_time", 1), CalendarTerms.precision(dt));
    }

    /** As {@code DateTime.to_string/1}: {@code "2024-01-31 10:00:00Z"}. */
    @Doc("Returns the text: \"2024-01-31 10:00:00Z\".")
    public static Object to_string(Object dt) {
        CalendarTerms.toDateTime(dt, "DateTime.to_string", 1);
        return CalendarTerms.text(dt);
    }

    /** As {@code DateTime.to_iso8601/1}: {@code "2024-01-31T10:00:00Z"}. */
    @Doc("Returns ISO 8601: \"2024-01-31T10:00:00Z\".")
    public static Object to_iso8601(Object dt) {
        CalendarTerms.toDateTime(dt, "DateTime.to_iso8601", 1);
        return CalendarTerms.iso8601(dt);
    }

    /** {@code {:ok, utc, offset_seconds}} or {@code {:error, reason}}, as {@code DateTime.from_iso8601/1}. */
    @Doc("Reads \"2024-01-31T10:00:00Z\" or with an offset: {:ok, utc_datetime, offset_seconds} or {:error, reason}.")
    public static Object from_iso8601(Object text) {
        return CalendarParse.dateTime(CalendarTerms.string(text, "DateTime.from_iso8601", 1));
    }
}
