package procshell.runtime.inspect;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;

/**
 * The document algebra of Elixir 1.14's {@code Inspect.Algebra}: a port of
 * {@code lib/elixir/lib/inspect/algebra.ex}, Lindig's "Strictly Pretty" with Elixir's strict and
 * flex breaks. Build a {@link Doc} with these functions and lay it out with
 * {@link #format(Doc, int)}; the layout decisions are the same as Elixir's, so text breaks where
 * iex breaks it.
 *
 * <p>Plain text ({@link #text(String)}) is measured in UTF-8 bytes, as Elixir measures binaries;
 * {@link #string(String)} is measured in graphemes, as Elixir's {@code string/1}.
 */
public final class Algebra {
    /** A width or limit without bound: Elixir's {@code :infinity}. */
    public static final int INFINITY = Integer.MAX_VALUE;
    /** Nesting level meaning "the current column", Elixir's {@code nest(doc, :cursor)}. */
    public static final int CURSOR = -1;
    /** Nesting level meaning "back to column 0", Elixir's {@code nest(doc, :reset)}. */
    public static final int RESET = -2;

    private static final Doc COMMA = text(",");
    /** Elixir's {@code @tail_separator}: between an improper list's last element and its tail. */
    private static final Doc TAIL_SEPARATOR = text(" |");
    private static final Doc ELLIPSIS = text("...");
    private static final String DEFAULT_RESET = "\u001b[0m";

    /** How {@link #containerDoc} separates elements, Elixir's {@code :break} option. */
    public enum BreakMode {
        /** Every separator becomes a newline once the container does not fit. */
        STRICT,
        /** Each separator breaks only when the next element would not fit. */
        FLEX,
        /** {@code FLEX} when every element is plain text, else {@code STRICT}. */
        MAYBE
    }

    private Algebra() {
    }

    /** {@code empty/0}: the document with nothing in it. */
    public static Doc empty() {
        return Doc.Nil.INSTANCE;
    }

    /** {@code line/0}: a mandatory newline. */
    public static Doc line() {
        return Doc.Line.INSTANCE;
    }

    /**
     * A binary used as a document: the text, measured by its UTF-8 byte size as Elixir does.
     *
     * @param s text without newlines (a newline inside is emitted but not measured as one)
     * @return the document
     */
    public static Doc text(String s) {
        return new Doc.Text(s, utf8Length(s));
    }

    /** {@code string/1}: the text, measured by its number of graphemes. */
    public static Doc string(String s) {
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(s);
        int count = 0;
        while (it.next() != BreakIterator.DONE) {
            count++;
        }
        return new Doc.Text(s, count);
    }

    /** {@code concat/2}: {@code left} then {@code right}. */
    public static Doc concat(Doc left, Doc right) {
        return new Doc.Cons(left, right);
    }

    /** {@code concat/1}: the documents one after the other. */
    public static Doc concat(Doc... docs) {
        return concat(Arrays.asList(docs));
    }

    /** {@code concat/1}: the documents one after the other. */
    public static Doc concat(List<Doc> docs) {
        return foldDoc(docs, Algebra::concat);
    }

    /** {@code nest/2}: indents {@code doc}'s line breaks by {@code level} (or {@link #CURSOR}, {@link #RESET}). */
    public static Doc nest(Doc doc, int level) {
        return nest(doc, level, true);
    }

    /**
     * {@code nest/3}: as {@link #nest(Doc, int)}; with {@code always} false (Elixir's
     * {@code :break}) only inside a group that has broken.
     */
    public static Doc nest(Doc doc, int level, boolean always) {
        Objects.requireNonNull(doc, "doc");
        if (level == 0) {
            return doc;
        }
        if (level < RESET) {
            throw new IllegalArgumentException("nesting level must be >= 0, CURSOR or RESET: " + level);
        }
        return new Doc.Nest(doc, level, always);
    }

    /** {@code break/0}: a strict break shown as one space when flat. */
    public static Doc breakDoc() {
        return breakDoc(" ");
    }

    /** {@code break/1}: a strict break shown as {@code s} when flat. */
    public static Doc breakDoc(String s) {
        return new Doc.Break(s, false);
    }

    /** {@code flex_break/0}: a flex break shown as one space when it does not break. */
    public static Doc flexBreak() {
        return flexBreak(" ");
    }

    /** {@code flex_break/1}: a flex break shown as {@code s} when it does not break. */
    public static Doc flexBreak(String s) {
        return new Doc.Break(s, true);
    }

    /** {@code glue/2}: {@code a}, a strict space break, {@code b}. */
    public static Doc glue(Doc a, Doc b) {
        return glue(a, " ", b);
    }

    /** {@code glue/3}: {@code a}, a strict break shown as {@code s}, {@code b}. */
    public static Doc glue(Doc a, String s, Doc b) {
        return concat(a, concat(breakDoc(s), b));
    }

    /** {@code flex_glue/2}: {@code a}, a flex space break, {@code b}. */
    public static Doc flexGlue(Doc a, Doc b) {
        return flexGlue(a, " ", b);
    }

    /** {@code flex_glue/3}: {@code a}, a flex break shown as {@code s}, {@code b}. */
    public static Doc flexGlue(Doc a, String s, Doc b) {
        return concat(a, concat(flexBreak(s), b));
    }

    /** {@code group/1}: a group laid out flat if it fits, broken otherwise. */
    public static Doc group(Doc doc) {
        return new Doc.Group(doc, false);
    }

    /** {@code group/2}: with {@code inherit} ({@code :inherit}) the group breaks when its parent broke. */
    public static Doc group(Doc doc, boolean inherit) {
        return new Doc.Group(doc, inherit);
    }

    /** {@code space/2}: {@code a}, one space, {@code b}. */
    public static Doc space(Doc a, Doc b) {
        return concat(a, concat(text(" "), b));
    }

    /** {@code line/2}: {@code a}, a mandatory newline, {@code b}. */
    public static Doc line(Doc a, Doc b) {
        return concat(a, concat(line(), b));
    }

    /** {@code collapse_lines/1}: collapses the newlines that follow into at most {@code max}. */
    public static Doc collapseLines(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        return new Doc.Collapse(max);
    }

    /** {@code next_break_fits/2}: {@code enabled} treats {@code doc}'s next break as fitting. */
    public static Doc nextBreakFits(Doc doc, boolean enabled) {
        return new Doc.Fits(doc, enabled);
    }

    /** {@code force_unfit/1}: makes the enclosing group break. */
    public static Doc forceUnfit(Doc doc) {
        return new Doc.Force(doc);
    }

    /** {@code no_limit/1}: lays {@code doc} out on one line whatever the width. */
    public static Doc noLimit(Doc doc) {
        return new Doc.Limit(doc, INFINITY);
    }

    /**
     * {@code fold_doc/2}: folds from the right, {@code folder(d1, folder(d2, ... dn))}; empty for
     * an empty list, the document itself for a single one.
     */
    public static Doc foldDoc(List<Doc> docs, BinaryOperator<Doc> folder) {
        if (docs.isEmpty()) {
            return empty();
        }
        // Iterative right fold: the result is the same as Elixir's recursion without its depth.
        Doc acc = docs.get(docs.size() - 1);
        for (int i = docs.size() - 2; i >= 0; i--) {
            acc = folder.apply(docs.get(i), acc);
        }
        return acc;
    }

    /**
     * {@code color/3}: wraps {@code doc} in the ANSI colour the options give {@code key}, followed
     * by their reset sequence; returns {@code doc} unchanged when that key has no colour.
     */
    public static Doc color(Doc doc, SyntaxColors.Key key, InspectOptions opts) {
        String pre = opts.syntaxColors().get(key);
        if (pre == null) {
            return doc;
        }
        String post = opts.syntaxColors().get(SyntaxColors.Key.RESET);
        return concat(new Doc.Color(doc, pre), new Doc.Color(empty(), post != null ? post : DEFAULT_RESET));
    }

    /** {@code container_doc/5}: separator {@code ","} and {@link BreakMode#MAYBE}. */
    public static Doc containerDoc(Doc left, List<?> collection, Doc right, InspectOptions opts,
                                   BiFunction<Object, InspectOptions, Doc> fun) {
        return containerDoc(left, collection, right, opts, fun, COMMA, BreakMode.MAYBE);
    }

    /**
     * {@code container_doc/6}: surrounds the documents of {@code collection} with {@code left}
     * and {@code right}, separated by {@code separator} and a break, stopping with {@code "..."}
     * once {@code opts.limit()} elements are shown. Each element is rendered by {@code fun} with a
     * limit one lower than the previous one, as Elixir does.
     *
     * @param mode flex joins lay out as many elements per line as fit (nested by one column);
     *             strict joins put one element per line, nested by two, between {@code left} and
     *             {@code right} on their own lines
     */
    public static Doc containerDoc(Doc left, List<?> collection, Doc right, InspectOptions opts,
                                   BiFunction<Object, InspectOptions, Doc> fun, Doc separator,
                                   BreakMode mode) {
        return containerDoc(left, collection, false, null, right, opts, fun, separator, mode);
    }

    /**
     * {@code container_doc/6} of an improper list {@code [e1, e2 | tail]}: as
     * {@link #containerDoc(Doc, List, Doc, InspectOptions, BiFunction, Doc, BreakMode)}, the last
     * element joined to the tail's document by {@code " |"}.
     *
     * @param elements the heads, at least one
     * @param tail     the final tail (no list)
     */
    public static Doc improperContainerDoc(Doc left, List<?> elements, Object tail, Doc right, InspectOptions opts,
                                           BiFunction<Object, InspectOptions, Doc> fun, Doc separator, BreakMode mode) {
        return containerDoc(left, elements, true, tail, right, opts, fun, separator, mode);
    }

    private static Doc containerDoc(Doc left, List<?> collection, boolean improper, Object tail, Doc right,
                                    InspectOptions opts, BiFunction<Object, InspectOptions, Doc> fun, Doc separator,
                                    BreakMode mode) {
        if (collection.isEmpty()) {
            return concat(left, right);
        }
        List<Doc> docs = new ArrayList<>();
        boolean simple = mode == BreakMode.MAYBE;
        int limit = opts.limit();
        int last = collection.size() - 1;
        int index = 0;
        for (Object term : collection) {
            if (limit == 0) {
                docs.add(ELLIPSIS);
                break;
            }
            if (improper && index++ == last) {
                // Elixir's container_each([left | right], ...): the last cell and its tail, one limit for both
                limit = decrement(limit);
                Doc head = fun.apply(term, opts.withLimit(limit));
                Doc end = fun.apply(tail, opts.withLimit(limit));
                simple = simple && isSimple(head) && isSimple(end);
                docs.add(join(head, end, simple, TAIL_SEPARATOR));
                break;
            }
            int newLimit = decrement(limit);
            Doc doc = fun.apply(term, opts.withLimit(newLimit));
            // Elixir does not count elements that render as nothing.
            if (doc != Doc.Nil.INSTANCE) {
                limit = newLimit;
            }
            docs.add(doc);
            simple = simple && isSimple(doc);
        }
        boolean flex = simple || mode == BreakMode.FLEX;
        Doc joined = foldDoc(docs, (a, b) -> join(a, b, flex, separator));
        return flex
                ? group(concat(concat(left, nest(joined, 1)), right))
                : group(glue(nest(glue(left, "", joined), 2), "", right));
    }

    /**
     * {@code format/2}: lays {@code doc} out for a line {@code width} (or {@link #INFINITY}),
     * starting flat outside any group, and returns the text.
     */
    public static String format(Doc doc, int width) {
        if (width < 0) {
            throw new IllegalArgumentException("width must be >= 0: " + width);
        }
        return DocRenderer.format(doc, width);
    }

    static int decrement(int limit) {
        return limit == INFINITY ? INFINITY : limit - 1;
    }

    static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    private static Doc join(Doc left, Doc right, boolean flex, Doc sep) {
        if (left == Doc.Nil.INSTANCE) {
            return right;
        }
        if (right == Doc.Nil.INSTANCE) {
            return left;
        }
        return flex ? flexGlue(concat(left, sep), right) : glue(concat(left, sep), right);
    }

    /** Elixir's {@code simple?/1}: text made only of strings, colours and concatenations. */
    private static boolean isSimple(Doc doc) {
        while (true) {
            switch (doc) {
                case Doc.Cons c -> {
                    if (!isSimple(c.left())) {
                        return false;
                    }
                    doc = c.right();
                }
                case Doc.Color c -> doc = c.doc();
                case Doc.Text t -> {
                    return true;
                }
                case Doc.Nil n -> {
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }
    }
}
