package procshell.shell.iex;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/** Elixir's {@code Date} (1.14) in the ISO calendar: {@code %Date{}} values printed as {@code ~D[2024-01-31]}. */
@Doc("""
    Dates in the ISO calendar, printed as ~D[2024-01-31]: new, utc_today, add, diff, compare,
    day_of_week, from_iso8601, to_iso8601, to_string.
    """)
@ElixirName("Date")
public final class ElixirDate {
    private ElixirDate() {}

    static {
        CalendarTerms.init();
    }

    /** The struct with its defaults, as {@code __struct__/0}: what a struct literal of the module starts from. */
    @Doc("The struct with its defaults (year, month and day nil, calendar Calendar.ISO), which a struct literal starts from.")
    public static Object __struct__() {
        return CalendarTerms.blank(CalendarTerms.DATE);
    }

    /** {@code {:ok, date}} or {@code {:error, :invalid_date}}, as {@code Date.new/3}. */
    @Doc("""
        Builds a date: {:ok, date} or {:error, :invalid_date}.

        ## Examples

            iex> Date.new(2024, 1, 31)
            {:ok, ~D[2024-01-31]}
        """)
    public static Object new_(Object year, Object month, Object day) {
        try {
            return Tuple.of(Atom.OK, CalendarTerms.date(LocalDate.of((int) CalendarTerms.integer(year, "Date.new", 3), (int) CalendarTerms.integer(month, "Date.new", 3), (int) CalendarTerms.integer(day, "Date.new", 3))));
        } catch (DateTimeException e) {
            return Tuple.of(Atom.ERROR, Atom.of("invalid_date"));
        }
    }

    /**
     * As {@code Date.new!/3}.
     *
     * @throws ArgumentError {@code cannot build date, reason: :invalid_date}
     */
    @Doc("Builds a date, or raises ArgumentError.")
    public static Object new_bang(Object year, Object month, Object day) {
        Object r = new_(year, month, day);
        if (r instanceof Tuple t && Atom.OK.equals(t.get(0))) return t.get(1);
        throw new ArgumentError("cannot build date, reason: " + Kernel.inspect(((Tuple) r).get(1)));
    }

    /** Today in UTC, as {@code Date.utc_today/0}. */
    @Doc("Returns today's date in UTC.")
    public static Object utc_today() {
        return CalendarTerms.date(LocalDate.now(ZoneOffset.UTC));
    }

    /** The date {@code days} later (earlier when negative), as {@code Date.add/2}. */
    @Doc("Adds a number of days (negative goes back).")
    public static Object add(Object date, Object days) {
        return CalendarTerms.date(CalendarTerms.toDate(date, "Date.add", 2).plusDays(CalendarTerms.integer(days, "Date.add", 2)));
    }

    /** Days from {@code b} to {@code a}, as {@code Date.diff/2}. */
    @Doc("Returns the days from the second date to the first.")
    public static Object diff(Object a, Object b) {
        return ChronoUnit.DAYS.between(CalendarTerms.toDate(b, "Date.diff", 2), CalendarTerms.toDate(a, "Date.diff", 2));
    }

    /** {@code :lt}, {@code :eq} or {@code :gt}, as {@code Date.compare/2} (a NaiveDateTime or DateTime compares its date). */
    @Doc("Compares two dates: :lt, :eq or :gt.")
    public static Object compare(Object a, Object b) {
        return CalendarTerms.order(CalendarTerms.toDate(a, "Date.compare", 2).compareTo(CalendarTerms.toDate(b, "Date.compare", 2)));
    }

    /** 1 (Monday) to 7 (Sunday), as {@code Date.day_of_week/1}. */
    @Doc("Returns the day of the week, 1 (Monday) to 7 (Sunday).")
    public static Object day_of_week(Object date) {
        return (long) CalendarTerms.toDate(date, "Date.day_of_week", 1).getDayOfWeek().getValue();
    }

    /** As {@code Date.leap_year?/1}. */
    @Doc("True when the date's year is a leap year.")
    public static Object leap_year_qm(Object date) {
        return CalendarTerms.toDate(date, "Date.leap_year?", 1).isLeapYear();
    }

    /** As {@code Date.days_in_month/1}. */
    @Doc("Returns the number of days in the date's month.")
    public static Object days_in_month(Object date) {
        return (long) CalendarTerms.toDate(date, "Date.days_in_month", 1).lengthOfMonth();
    }

    /** As {@code Date.beginning_of_month/1}. */
    @Doc("Returns the first day of the date's month.")
    public static Object beginning_of_month(Object date) {
        return CalendarTerms.date(CalendarTerms.toDate(date, "Date.beginning_of_month", 1).withDayOfMonth(1));
    }

    /** As {@code Date.end_of_month/1}. */
    @Doc("Returns the last day of the date's month.")
    public static Object end_of_month(Object date) {
        LocalDate d = CalendarTerms.toDate(date, "Date.end_of_month", 1);
        return CalendarTerms.date(d.withDayOfMonth(d.lengthOfMonth()));
    }

    /** {@code "2024-01-31"}, as {@code Date.to_string/1}. */
    @Doc("Returns the date as text: \"2024-01-31\".")
    public static Object to_string(Object date) {
        return CalendarTerms.dateText(CalendarTerms.toDate(date, "Date.to_string", 1));
    }

    /** As {@code Date.to_iso8601/1}. */
    @Doc("Returns the date in ISO 8601: \"2024-01-31\".")
    public static Object to_iso8601(Object date) {
        return CalendarTerms.dateText(CalendarTerms.toDate(date, "Date.to_iso8601", 1));
    }

    /** {@code {:ok, date}} or {@code {:error, reason}}, as {@code Date.from_iso8601/1}. */
    @Doc("Reads \"2024-01-31\": {:ok, date} or {:error, :invalid_format | :invalid_date}.")
    public static Object from_iso8601(Object text) {
        return CalendarParse.date(CalendarTerms.string(text, "Date.from_iso8601", 1));
    }

    /**
     * As {@code Date.from_iso8601!/1}.
     *
     * @throws ArgumentError {@code cannot parse "x" as date, reason: :invalid_format}
     */
    @Doc("Reads \"2024-01-31\", or raises ArgumentError.")
    public static Object from_iso8601_bang(Object text) {
        Object r = from_iso8601(text);
        if (r instanceof Tuple t && Atom.OK.equals(t.get(0))) return t.get(1);
        throw new ArgumentError("cannot parse " + Kernel.inspect(text) + " as date, reason: " + Kernel.inspect(((Tuple) r).get(1)));
    }
}
