package procshell.shell.iex;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * ISO 8601 text read as Elixir 1.14's {@code from_iso8601/1} functions and calendar sigils read
 * it: {@code 2024-01-31}, {@code 10:00:00.123} (the digits after the point are the precision),
 * {@code 2024-01-31T10:00:00} or with a space, and for a DateTime {@code Z} or an offset
 * {@code +01:00}. Answers {@code {:ok, struct}} (a DateTime {@code {:ok, utc, offset_seconds}}) or
 * {@code {:error, :invalid_format | :invalid_date | :invalid_time | :missing_offset}}.
 */
final class CalendarParse {
    private static final Pattern DATE = Pattern.compile("(-?\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,6})\\d*)?");
    private static final Pattern OFFSET = Pattern.compile("Z|([+-])(\\d{2}):?(\\d{2})");
    private static final Atom OK = Atom.OK;
    private static final Atom ERROR = Atom.ERROR;

    private CalendarParse() {}

    static Object date(String s) {
        Matcher m = DATE.matcher(s);
        if (!m.matches()) return error("invalid_format");
        LocalDate d = localDate(m);
        return d == null ? error("invalid_date") : Tuple.of(OK, CalendarTerms.date(d));
    }

    static Object time(String s) {
        Matcher m = TIME.matcher(s);
        if (!m.matches()) return error("invalid_format");
        LocalTime t = localTime(m);
        return t == null ? error("invalid_time") : Tuple.of(OK, CalendarTerms.time(t, precision(m)));
    }

    static Object naive(String s) {
        Matcher d = DATE.matcher(s);
        if (s.length() < 11 || (s.charAt(10) != 'T' && s.charAt(10) != ' ')) return error("invalid_format");
        Matcher t = TIME.matcher(s.substring(11));
        if (!d.region(0, 10).matches() || !t.matches()) return error("invalid_format");
        LocalDate date = localDate(d);
        if (date == null) return error("invalid_date");
        LocalTime time = localTime(t);
        return time == null ? error("invalid_time") : Tuple.of(OK, CalendarTerms.naive(LocalDateTime.of(date, time), precision(t)));
    }

    static Object dateTime(String s) {
        Matcher d = DATE.matcher(s);
        if (s.length() < 11 || (s.charAt(10) != 'T' && s.charAt(10) != ' ') || !d.region(0, 10).matches()) return error("invalid_format");
        String rest = s.substring(11);
        Matcher t = TIME.matcher(rest);
        if (!t.lookingAt()) return error("invalid_format");
        String zone = rest.substring(t.end());
        if (zone.isEmpty()) return error("missing_offset");
        Matcher o = OFFSET.matcher(zone);
        if (!o.matches()) return error("invalid_format");
        LocalDate date = localDate(d);
        if (date == null) return error("invalid_date");
        LocalTime time = localTime(t);
        if (time == null) return error("invalid_time");
        long offset = zone.equals("Z") ? 0 : (o.group(1).equals("-") ? -1 : 1) * (Long.parseLong(o.group(2)) * 3600 + Long.parseLong(o.group(3)) * 60);
        LocalDateTime utc = LocalDateTime.of(date, time).minusSeconds(offset);
        return Tuple.of(OK, CalendarTerms.utc(utc, precision(t)), offset);
    }

    private static LocalDate localDate(Matcher m) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalTime localTime(Matcher m) {
        try {
            String f = m.group(4) == null ? "0" : (m.group(4) + "000000").substring(0, 6);
            return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(f) * 1000);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int precision(Matcher time) {
        return time.group(4) == null ? 0 : time.group(4).length();
    }

    private static Tuple error(String reason) {
        return Tuple.of(ERROR, Atom.of(reason));
    }
}
