package procshell.runtime.inspect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import procshell.runtime.dist.ImproperList;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

import static procshell.runtime.inspect.Algebra.color;
import static procshell.runtime.inspect.Algebra.concat;
import static procshell.runtime.inspect.Algebra.text;

/**
 * The per-type rules of Elixir 1.14's {@code Inspect} protocol ({@code lib/elixir/lib/inspect.ex}):
 * {@code Inspect.Atom}, {@code Inspect.BitString}, {@code Inspect.List}, {@code Inspect.Tuple},
 * {@code Inspect.Map}, {@code Inspect.Integer}, {@code Inspect.Float}, {@code Inspect.PID} and
 * {@code Inspect.Reference}, over the runtime's Java representation of terms.
 */
final class TermDocs {
    private static final Doc ELLIPSIS = text("...");

    private TermDocs() {
    }

    /** {@code Inspect.Algebra.to_doc/2}: the document of any term. */
    static Doc toDoc(Object term, InspectOptions opts) {
        if (term == null) {
            return color(text("nil"), SyntaxColors.Key.NIL, opts);
        }
        if (term instanceof Boolean b) {
            return color(text(b.toString()), SyntaxColors.Key.BOOLEAN, opts);
        }
        if (term instanceof Atom a) {
            return atom(a.name(), opts);
        }
        if (Terms.isInteger(term)) {
            return integer(term, opts);
        }
        if (Terms.isFloat(term)) {
            return color(text(FloatFormat.format(((Number) term).doubleValue())), SyntaxColors.Key.NUMBER, opts);
        }
        if (term instanceof String s) {
            return binary(s, opts);
        }
        if (term instanceof Tuple t) {
            return tuple(t, opts);
        }
        if (term instanceof Pid || term instanceof Ref) {
            return text(term.toString());
        }
        if (term instanceof ImproperList il) {
            return improperList(il, opts);
        }
        // Other classes (a Groovy range is a List, for one) get to the fallbacks first.
        Doc custom = fallback(term, opts);
        if (custom != null) {
            return custom;
        }
        if (term instanceof CharSequence cs) {
            return binary(cs.toString(), opts);
        }
        if (term instanceof byte[] bytes) {
            return bytes(bytes, opts);
        }
        if (term instanceof Bitstring bits) {
            return bits.trailingBits() == 0 ? bytes(Bitstring.bytes(bits), opts) : bitstring(Bitstring.bytes(bits), bits.trailingBits(), opts);
        }
        if (term instanceof List<?> list) {
            return list(list, opts);
        }
        if (term instanceof Map<?, ?> map) {
            return map(map, opts);
        }
        return text(String.valueOf(term));
    }

    /** {@code Inspect.Atom}: nil and booleans get their own colour keys. */
    static Doc atom(String name, InspectOptions opts) {
        SyntaxColors.Key key = switch (name) {
            case "nil" -> SyntaxColors.Key.NIL;
            case "true", "false" -> SyntaxColors.Key.BOOLEAN;
            default -> SyntaxColors.Key.ATOM;
        };
        return color(text(AtomNames.literal(name)), key, opts);
    }

    /** {@code Inspect.Integer} in base 10. */
    private static Doc integer(Object n, InspectOptions opts) {
        return color(text(n.toString()), SyntaxColors.Key.NUMBER, opts);
    }

    /** {@code Inspect.BitString} for a binary held as Java text. */
    private static Doc binary(String s, InspectOptions opts) {
        // Escaping reads at most two code points per counted character ("#{" counts once).
        Escape.Units units = Escape.Units.of(s, prefixLength(opts));
        if (asString(units, opts)) {
            return quotedString(units, opts);
        }
        return bitstring(utf8Prefix(s, opts.limit()), 0, opts);
    }

    /** Enough of {@code s}'s UTF-8 bytes to show {@code limit} of them and tell whether more follow. */
    private static byte[] utf8Prefix(String s, int limit) {
        // Every char takes at least one byte, so limit + 1 chars give more than limit bytes.
        String prefix = limit == Algebra.INFINITY || s.length() <= limit ? s : s.substring(0, limit + 1);
        return prefix.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code Inspect.BitString} for raw bytes: a string when its first characters are printable UTF-8. */
    private static Doc bytes(byte[] bytes, InspectOptions opts) {
        Escape.Units units = Escape.Units.of(bytes, prefixLength(opts));
        if (asString(units, opts)) {
            return quotedString(units, opts);
        }
        return bitstring(bytes, 0, opts);
    }

    /** Whether a binary prints as a string: by the {@code :binaries} option, else when it is printable. */
    private static boolean asString(Escape.Units units, InspectOptions opts) {
        return switch (opts.binaries()) {
            case AS_STRINGS -> true;
            case AS_BINARIES -> false;
            case INFER -> Escape.isPrintable(units, opts.printableLimit());
        };
    }

    private static int prefixLength(InspectOptions opts) {
        int limit = opts.printableLimit();
        return limit >= Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : 2 * limit + 1;
    }

    /** {@code "text"}, truncated at the printable limit with {@code <> ...}. */
    private static Doc quotedString(Escape.Units units, InspectOptions opts) {
        Escape.Result r = Escape.escape(units, '"', opts.printableLimit());
        String body = '"' + r.escaped() + '"' + (r.truncated() ? " <> ..." : "");
        return color(text(body), SyntaxColors.Key.STRING, opts);
    }

    /**
     * {@code inspect_bitstring/2}: {@code <<1, 2, 3>>}, at most {@code limit} elements then
     * {@code ...}; the bits past the last whole byte (the high {@code trailingBits} of the last
     * byte) print as {@code 1::size(3)}.
     */
    private static Doc bitstring(byte[] bytes, int trailingBits, InspectOptions opts) {
        if (bytes.length == 0) {
            return color(text("<<>>"), SyntaxColors.Key.BINARY, opts);
        }
        int limit = opts.limit();
        int shown = limit == Algebra.INFINITY ? bytes.length : Math.min(bytes.length, limit);
        // each_bit/3, built from the right: "..." when elements remain past the limit.
        Doc inner = shown < bytes.length ? ELLIPSIS : element(bytes, shown - 1, trailingBits, opts);
        for (int i = (shown < bytes.length ? shown : shown - 1) - 1; i >= 0; i--) {
            inner = Algebra.flexGlue(concat(integer(bytes[i] & 0xFF, opts), text(",")), inner);
        }
        Doc left = color(text("<<"), SyntaxColors.Key.BINARY, opts);
        Doc right = color(text(">>"), SyntaxColors.Key.BINARY, opts);
        return Algebra.group(concat(concat(left, Algebra.nest(inner, 2)), right));
    }

    /** The last element shown: a byte, or the trailing bits as {@code value::size(n)}. */
    private static Doc element(byte[] bytes, int i, int trailingBits, InspectOptions opts) {
        if (i < bytes.length - 1 || trailingBits == 0) {
            return integer(bytes[i] & 0xFF, opts);
        }
        int value = (bytes[i] & 0xFF) >> (8 - trailingBits);
        return concat(integer(value, opts), text("::size(" + trailingBits + ")"));
    }

    /** {@code Inspect.List}: charlist, keyword list or plain list. */
    private static Doc list(List<?> list, InspectOptions opts) {
        if (list.isEmpty()) {
            return color(text("[]"), SyntaxColors.Key.LIST, opts);
        }
        Doc charlist = charlist(list, opts);
        if (charlist != null) {
            return charlist;
        }
        Doc open = color(text("["), SyntaxColors.Key.LIST, opts);
        Doc sep = color(text(","), SyntaxColors.Key.LIST, opts);
        Doc close = color(text("]"), SyntaxColors.Key.LIST, opts);
        if (isKeyword(list)) {
            return Algebra.containerDoc(open, list, close, opts, TermDocs::keywordPair, sep, Algebra.BreakMode.STRICT);
        }
        return Algebra.containerDoc(open, list, close, opts, TermDocs::toDoc, sep, Algebra.BreakMode.MAYBE);
    }

    /** {@code Inspect.List} of {@code [1, 2 | 3]}: never a charlist nor a keyword list, its tail after {@code " |"}. */
    private static Doc improperList(ImproperList list, InspectOptions opts) {
        Doc open = color(text("["), SyntaxColors.Key.LIST, opts);
        Doc sep = color(text(","), SyntaxColors.Key.LIST, opts);
        Doc close = color(text("]"), SyntaxColors.Key.LIST, opts);
        return Algebra.improperContainerDoc(open, list.elements(), list.tail(), close, opts, TermDocs::toDoc, sep, Algebra.BreakMode.MAYBE);
    }

    /** The {@code 'abc'} form, or null when the list is not printed as a charlist. */
    private static Doc charlist(List<?> list, InspectOptions opts) {
        InspectOptions.Charlists mode = opts.charlists();
        if (mode == InspectOptions.Charlists.AS_LISTS) {
            return null;
        }
        // List.ascii_printable?/2 decides on no more elements than the printable limit.
        int checked = mode == InspectOptions.Charlists.INFER ? opts.printableLimit() : Algebra.INFINITY;
        int cap = prefixLength(opts);
        StringBuilder sb = new StringBuilder();
        int count = 0;
        boolean more = false;
        for (Object o : list) {
            int c = Terms.asInt(o);
            boolean ok = count < checked && mode == InspectOptions.Charlists.INFER
                    ? Escape.isAsciiPrintable(c)
                    : isCodePoint(c);
            if (!ok && count < checked) {
                return null;
            }
            if (!ok || count == cap) {
                // Escaping stops before this point (or Elixir could not convert past it).
                more = true;
                break;
            }
            sb.appendCodePoint(c);
            count++;
        }
        Escape.Units units = new Escape.Units(sb.codePoints().toArray(), more);
        Escape.Result r = Escape.escape(units, '\'', opts.printableLimit());
        String body = "'" + r.escaped() + "'" + (r.truncated() ? " ++ ..." : "");
        return color(text(body), SyntaxColors.Key.CHARLIST, opts);
    }

    private static boolean isCodePoint(int c) {
        return c >= 0 && c <= Character.MAX_CODE_POINT && (c < 0xD800 || c > 0xDFFF);
    }

    /** {@code Inspect.List.keyword?/1}: two-element tuples with atom keys that are not aliases. */
    private static boolean isKeyword(List<?> list) {
        for (Object o : list) {
            if (!(o instanceof Tuple t) || t.size() != 2 || !isKeywordKey(t.get(0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKeywordKey(Object key) {
        return key == null || key instanceof Boolean
                || (key instanceof Atom a && !a.name().startsWith("Elixir."));
    }

    /** {@code Inspect.List.keyword/2}: {@code key: value}. */
    private static Doc keywordPair(Object pair, InspectOptions opts) {
        Tuple t = (Tuple) pair;
        return keywordPair(t.get(0), t.get(1), opts);
    }

    private static Doc keywordPair(Object key, Object value, InspectOptions opts) {
        Doc k = color(text(AtomNames.key(TermOrder.atomName(key))), SyntaxColors.Key.ATOM, opts);
        return concat(k, concat(text(" "), toDoc(value, opts)));
    }

    /** {@code Inspect.Tuple}: flex breaks, as many elements per line as fit. */
    private static Doc tuple(Tuple tuple, InspectOptions opts) {
        Doc open = color(text("{"), SyntaxColors.Key.TUPLE, opts);
        Doc sep = color(text(","), SyntaxColors.Key.TUPLE, opts);
        Doc close = color(text("}"), SyntaxColors.Key.TUPLE, opts);
        return Algebra.containerDoc(open, tuple.toList(), close, opts, TermDocs::toDoc, sep, Algebra.BreakMode.FLEX);
    }

    /**
     * {@code Inspect.Map}: {@code %{a: 1}} when every key is a keyword key, else
     * {@code %{"a" => 1}}; keys in the order {@code :maps.to_list/1} gives small maps.
     */
    private static Doc map(Map<?, ?> map, InspectOptions opts) {
        return fields("%{", TermOrder.sortedEntries(map), opts);
    }

    /** A map's or a struct's braces ({@code open} is {@code %{} or {@code %Name{}) around its entries in the given order. */
    static Doc fields(String opening, List<Map.Entry<?, ?>> entries, InspectOptions opts) {
        boolean keyword = entries.stream().allMatch(e -> isKeywordKey(e.getKey()));
        Doc arrow = color(text(" => "), SyntaxColors.Key.MAP, opts);
        Doc open = color(text(opening), SyntaxColors.Key.MAP, opts);
        Doc sep = color(text(","), SyntaxColors.Key.MAP, opts);
        Doc close = color(text("}"), SyntaxColors.Key.MAP, opts);
        return Algebra.containerDoc(open, entries, close, opts, (o, elementOpts) -> {
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            return keyword
                    ? keywordPair(e.getKey(), e.getValue(), elementOpts)
                    : concat(concat(toDoc(e.getKey(), elementOpts), arrow), toDoc(e.getValue(), elementOpts));
        }, sep, Algebra.BreakMode.STRICT);
    }

    /** The options' fallback, then the process-wide one; null when neither handles the object. */
    private static Doc fallback(Object term, InspectOptions opts) {
        InspectFallback own = opts.fallback();
        if (own != null) {
            Doc doc = own.toDoc(term, opts);
            if (doc != null) {
                return doc;
            }
        }
        InspectFallback global = Inspect.defaultFallback();
        return global != null && global != own ? global.toDoc(term, opts) : null;
    }
}
