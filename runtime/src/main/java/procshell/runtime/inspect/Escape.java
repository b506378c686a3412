package procshell.runtime.inspect;

/**
 * Escaping of quoted text as Elixir 1.14's {@code Code.Identifier.escape/3}, and the
 * printability tests of {@code String.printable?/2} and {@code List.ascii_printable?/2}.
 */
final class Escape {
    /** Text escaped up to a character limit, and whether characters were left out. */
    record Result(String escaped, boolean truncated) {
    }

    /**
     * A prefix of a binary as code points, long enough for the checks below; an invalid UTF-8
     * byte {@code b} is held as {@code -1 - b}. {@code more} tells whether the binary goes on.
     */
    record Units(int[] units, boolean more) {
        /** The first code points of {@code s} (at most {@code max}). */
        static Units of(String s, int max) {
            // a loop, not a stream: this runs for every string an input prints, mostly on cold code
            int[] all = new int[Math.min(s.length(), max)];
            int n = 0;
            int i = 0;
            while (i < s.length() && n < all.length) {
                int cp = s.codePointAt(i);
                all[n++] = cp;
                i += Character.charCount(cp);
            }
            if (n < all.length) all = java.util.Arrays.copyOf(all, n);
            return new Units(all, i < s.length());
        }

        /** The first units of UTF-8 {@code bytes} (at most {@code max}). */
        static Units of(byte[] bytes, int max) {
            int[] out = new int[Math.min(bytes.length, max)];
            int n = 0;
            int i = 0;
            while (i < bytes.length && n < out.length) {
                int len = sequenceLength(bytes, i);
                if (len == 0) {
                    out[n++] = -1 - (bytes[i] & 0xFF);
                    i++;
                } else {
                    int cp = len == 1 ? bytes[i] : bytes[i] & (0xFF >> (len + 1));
                    for (int j = 1; j < len; j++) {
                        cp = (cp << 6) | (bytes[i + j] & 0x3F);
                    }
                    out[n++] = cp;
                    i += len;
                }
            }
            return new Units(java.util.Arrays.copyOf(out, n), i < bytes.length);
        }

        /** Length of the well-formed UTF-8 sequence at {@code i}, or 0 when it is not one. */
        private static int sequenceLength(byte[] b, int i) {
            int b0 = b[i] & 0xFF;
            int len;
            int min;
            if (b0 < 0x80) {
                return 1;
            } else if (b0 >= 0xC2 && b0 <= 0xDF) {
                len = 2;
                min = 0x80;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                len = 3;
                min = 0x800;
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                len = 4;
                min = 0x10000;
            } else {
                return 0;
            }
            if (i + len > b.length) {
                return 0;
            }
            int cp = b0 & (0xFF >> (len + 1));
            for (int j = 1; j < len; j++) {
                if ((b[i + j] & 0xC0) != 0x80) {
                    return 0;
                }
                cp = (cp << 6) | (b[i + j] & 0x3F);
            }
            boolean valid = cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
            return valid ? len : 0;
        }
    }

    private Escape() {
    }

    /** {@link #escape(Units, char, int)} of a whole string. */
    static Result escape(String text, char quote, int limit) {
        return escape(Units.of(text, Integer.MAX_VALUE), quote, limit);
    }

    /**
     * {@code Code.Identifier.escape(text, quote, limit)}: escapes the quote character, {@code #{},
     * backslash and non-printable characters, stopping after {@code limit} characters (a
     * {@code #{} counts as one).
     */
    static Result escape(Units text, char quote, int limit) {
        int[] u = text.units();
        StringBuilder sb = new StringBuilder(u.length + 8);
        int count = limit;
        for (int i = 0; i < u.length; i++) {
            if (count == 0) {
                return new Result(sb.toString(), true);
            }
            int cp = u[i];
            if (cp == quote) {
                sb.append('\\').append(quote);
            } else if (cp == '#' && i + 1 < u.length && u[i + 1] == '{') {
                // Interpolation must not come back to life when the text is read again.
                sb.append("\\#{");
                i++;
            } else if (cp < 0) {
                sb.append("\\x").append(hex(-1 - cp, 2));
            } else {
                appendChar(sb, cp);
            }
            count = Algebra.decrement(count);
        }
        return new Result(sb.toString(), text.more());
    }

    /** {@code String.printable?(text, limit)}: only the first {@code limit} code points are checked. */
    static boolean isPrintable(Units text, int limit) {
        int[] u = text.units();
        for (int i = 0; i < u.length && i < limit; i++) {
            if (!isPrintableChar(u[i])) {
                return false;
            }
        }
        return true;
    }

    /** A code point that {@code String.printable?/1} accepts. */
    static boolean isPrintableChar(int cp) {
        return (cp >= 32 && cp <= 127) || (cp >= 7 && cp <= 13) || cp == 27
                || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** A list element that {@code List.ascii_printable?/1} accepts. */
    static boolean isAsciiPrintable(int c) {
        return (c >= 32 && c <= 126) || (c >= 7 && c <= 13) || c == 27;
    }

    private static void appendChar(StringBuilder sb, int cp) {
        switch (cp) {
            case 7 -> sb.append("\\a");
            case 8 -> sb.append("\\b");
            case 127 -> sb.append("\\d");
            case 27 -> sb.append("\\e");
            case 12 -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case 11 -> sb.append("\\v");
            case '\\' -> sb.append("\\\\");
            case 0 -> sb.append("\\0");
            case 0xFEFF -> sb.append("\\uFEFF");
            default -> {
                if ((cp >= 32 && cp <= 126) || (cp >= 0xA0 && cp <= 0xD7FF)
                        || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF)) {
                    sb.appendCodePoint(cp);
                } else if (cp < 0x100) {
                    sb.append("\\x").append(hex(cp, 2));
                } else if (cp < 0x10000) {
                    sb.append("\\x{").append(hex(cp, 4)).append('}');
                } else {
                    sb.append("\\x{").append(hex(cp, 6)).append('}');
                }
            }
        }
    }

    private static String hex(int value, int digits) {
        String h = Integer.toHexString(value).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(Math.max(0, digits - h.length())) + h;
    }
}
