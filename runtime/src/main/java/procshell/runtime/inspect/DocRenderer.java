package procshell.runtime.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout engine behind {@link Algebra#format(Doc, int)}: the private {@code format/3} and
 * {@code fits?/4} of Elixir 1.14's {@code Inspect.Algebra}, clause for clause.
 *
 * <p>Elixir walks a list of {@code {indent, mode, doc}} entries recursively; here the list is an
 * immutable linked {@link Cell} chain walked in a loop, so that the "rest of the document" handed
 * to {@code fits?} is shared rather than copied and deep documents do not exhaust the Java stack.
 */
final class DocRenderer {
    /**
     * Layout modes. {@code FLAT_NO_BREAK} and {@code BREAK_NO_FLAT} only occur while fitting,
     * as in Elixir.
     */
    private enum Mode { FLAT, BREAK, FLAT_NO_BREAK, BREAK_NO_FLAT }

    /**
     * One entry of the work list, or (when {@code doc} is null) the {@code {:tail, b?, rest}}
     * marker that {@code fits?} puts after a group to restore the "has a break been seen" flag.
     */
    private record Cell(int indent, Mode mode, Doc doc, boolean tailBroken, Cell next) {
        static Cell of(int indent, Mode mode, Doc doc, Cell next) {
            return new Cell(indent, mode, doc, false, next);
        }

        static Cell tail(boolean broken, Cell next) {
            return new Cell(0, null, null, broken, next);
        }
    }

    /** A {@code doc_collapse} seen while formatting: applied to the output that follows it. */
    private record CollapseMark(int position, int max, int indent) {
    }

    private DocRenderer() {
    }

    static String format(Doc doc, int width) {
        List<String> out = new ArrayList<>();
        List<CollapseMark> collapses = new ArrayList<>();
        int w = width;
        int k = 0;
        Cell stack = Cell.of(0, Mode.FLAT, doc, null);
        while (stack != null) {
            Cell c = stack;
            stack = c.next();
            int i = c.indent();
            Mode m = c.mode();
            switch (c.doc()) {
                case Doc.Nil n -> {
                }
                case Doc.Line l -> {
                    out.add(indent(i));
                    k = i;
                }
                case Doc.Cons cons -> stack = Cell.of(i, m, cons.left(), Cell.of(i, m, cons.right(), stack));
                case Doc.Color color -> {
                    out.add(color.ansi());
                    stack = Cell.of(i, m, color.doc(), stack);
                }
                case Doc.Text t -> {
                    out.add(t.text());
                    k += t.width();
                }
                case Doc.Force f -> stack = Cell.of(i, m, f.doc(), stack);
                case Doc.Fits f -> stack = Cell.of(i, m, f.doc(), stack);
                case Doc.Collapse col -> {
                    collapses.add(new CollapseMark(out.size(), col.max(), i));
                    k = i;
                }
                case Doc.Break b when b.flex() -> {
                    // Flex breaks are decided where they stand, against the rest of the document.
                    k += Algebra.utf8Length(b.text());
                    if (w == Algebra.INFINITY || m == Mode.FLAT || fits(w, k, true, stack)) {
                        out.add(b.text());
                    } else {
                        out.add(indent(i));
                        k = i;
                    }
                }
                case Doc.Break b -> {
                    // Strict breaks follow the mode their group chose.
                    if (m == Mode.BREAK) {
                        out.add(indent(i));
                        k = i;
                    } else {
                        out.add(b.text());
                        k += Algebra.utf8Length(b.text());
                    }
                }
                case Doc.Nest nest -> {
                    int level = nest.always() || m == Mode.BREAK ? applyNesting(i, k, nest.indent()) : i;
                    stack = Cell.of(level, m, nest.doc(), stack);
                }
                case Doc.Group g when m == Mode.BREAK && g.inherit() ->
                        stack = Cell.of(i, Mode.BREAK, g.doc(), stack);
                case Doc.Group g -> {
                    // Only the group itself must fit: what follows it may still break.
                    boolean flat = w == Algebra.INFINITY || fits(w, k, false, Cell.of(i, Mode.FLAT, g.doc(), null));
                    stack = Cell.of(i, flat ? Mode.FLAT : Mode.BREAK, g.doc(), stack);
                }
                case Doc.Limit lim -> {
                    if (lim.width() == Algebra.INFINITY && w != Algebra.INFINITY) {
                        // no_limit: lay out flat, then restore the width.
                        stack = Cell.of(i, Mode.FLAT, lim.doc(), Cell.of(i, m, new Doc.Limit(Algebra.empty(), w), stack));
                    } else {
                        stack = Cell.of(i, m, lim.doc(), stack);
                    }
                    w = lim.width();
                }
            }
        }
        for (int n = collapses.size() - 1; n >= 0; n--) {
            collapse(out, collapses.get(n));
        }
        StringBuilder sb = new StringBuilder();
        for (String s : out) {
            sb.append(s);
        }
        return sb.toString();
    }

    /**
     * Elixir's {@code fits?/4}: whether the entries fit in {@code w} from column {@code k}.
     * {@code broken} is Elixir's {@code b?}: a document without breaks always "fits" its line,
     * since it has no other choice, so overflowing only counts once a break was seen.
     */
    private static boolean fits(int w, int k, boolean broken, Cell list) {
        while (true) {
            if (k > w && broken) {
                return false;
            }
            if (list == null) {
                return true;
            }
            Cell c = list;
            list = c.next();
            if (c.doc() == null) {
                broken = c.tailBroken();
                continue;
            }
            int i = c.indent();
            Mode m = c.mode();
            Doc d = c.doc();
            if (d instanceof Doc.Fits f && !f.enabled()) {
                list = Cell.of(i, Mode.FLAT_NO_BREAK, f.doc(), list);
            } else if (m == Mode.FLAT_NO_BREAK && d instanceof Doc.Fits f) {
                list = Cell.of(i, Mode.FLAT_NO_BREAK, f.doc(), list);
            } else if (d instanceof Doc.Fits f) {
                list = Cell.of(i, Mode.BREAK_NO_FLAT, f.doc(), list);
            } else if (m == Mode.BREAK_NO_FLAT && d instanceof Doc.Force f) {
                list = Cell.of(i, Mode.BREAK_NO_FLAT, f.doc(), list);
            } else if ((m == Mode.BREAK_NO_FLAT || m == Mode.BREAK)
                    && (d instanceof Doc.Break || d instanceof Doc.Line)) {
                return true;
            } else if (m == Mode.BREAK && d instanceof Doc.Group g) {
                list = Cell.of(i, Mode.FLAT, g.doc(), Cell.tail(broken, list));
            } else {
                switch (d) {
                    case Doc.Line l -> {
                        k = i;
                        broken = false;
                    }
                    case Doc.Nil n -> {
                    }
                    case Doc.Collapse col -> k = i;
                    case Doc.Color color -> list = Cell.of(i, m, color.doc(), list);
                    case Doc.Text t -> k += t.width();
                    case Doc.Force f -> {
                        return false;
                    }
                    case Doc.Break b -> {
                        k += Algebra.utf8Length(b.text());
                        broken = true;
                    }
                    case Doc.Nest nest when !nest.always() -> list = Cell.of(i, m, nest.doc(), list);
                    case Doc.Nest nest -> list = Cell.of(applyNesting(i, k, nest.indent()), m, nest.doc(), list);
                    case Doc.Cons cons -> list = Cell.of(i, m, cons.left(), Cell.of(i, m, cons.right(), list));
                    case Doc.Group g -> list = Cell.of(i, m, g.doc(), Cell.tail(broken, list));
                    case Doc.Limit lim -> {
                        if (lim.width() == Algebra.INFINITY && w != Algebra.INFINITY) {
                            list = Cell.of(i, Mode.FLAT, lim.doc(), Cell.of(i, m, new Doc.Limit(Algebra.empty(), w), list));
                        } else {
                            list = Cell.of(i, m, lim.doc(), list);
                        }
                        w = lim.width();
                    }
                    case Doc.Fits f -> throw new AssertionError("handled above");
                }
            }
        }
    }

    private static int applyNesting(int i, int k, int level) {
        return switch (level) {
            case Algebra.CURSOR -> k;
            case Algebra.RESET -> 0;
            default -> i + level;
        };
    }

    /** Elixir's {@code collapse/4}: folds the newlines and empty pieces after a mark into one. */
    private static void collapse(List<String> out, CollapseMark mark) {
        int p = mark.position();
        int count = 0;
        while (p < out.size() && (out.get(p).startsWith("\n") || out.get(p).isEmpty())) {
            if (!out.get(p).isEmpty()) {
                count++;
            }
            out.remove(p);
        }
        out.add(mark.position(), "\n".repeat(Math.min(mark.max(), count)) + " ".repeat(mark.indent()));
    }

    private static String indent(int i) {
        return i == 0 ? "\n" : "\n" + " ".repeat(i);
    }
}
