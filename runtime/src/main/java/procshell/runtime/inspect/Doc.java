package procshell.runtime.inspect;

import java.util.Objects;

/**
 * A document of the pretty-printing algebra: the Java form of Elixir's {@code Inspect.Algebra.t}
 * (Elixir 1.14). Build documents with the factory methods of {@link Algebra}; render them with
 * {@link Algebra#format(Doc, int)}.
 *
 * <p>Each record mirrors one Elixir document node ({@code :doc_nil}, {@code :doc_line},
 * {@code doc_string}/binary, {@code doc_cons}, {@code doc_nest}, {@code doc_break},
 * {@code doc_group}, {@code doc_fits}, {@code doc_force}, {@code doc_collapse},
 * {@code doc_color}, {@code doc_limit}).
 */
public sealed interface Doc
        permits Doc.Nil, Doc.Line, Doc.Text, Doc.Cons, Doc.Nest, Doc.Break, Doc.Group, Doc.Fits,
                Doc.Force, Doc.Collapse, Doc.Color, Doc.Limit {

    /** {@code :doc_nil}: nothing. Use {@link Algebra#empty()}. */
    enum Nil implements Doc {
        /** The only empty document. */
        INSTANCE
    }

    /** {@code :doc_line}: a mandatory line break. Use {@link Algebra#line()}. */
    enum Line implements Doc {
        /** The only line document. */
        INSTANCE
    }

    /**
     * A piece of text that never breaks. {@code width} is what the layout counts: Elixir counts a
     * binary by its byte size and a {@code string/1} document by its grapheme count.
     */
    record Text(String text, int width) implements Doc {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code doc_cons}: {@code left} followed by {@code right}. */
    record Cons(Doc left, Doc right) implements Doc {
        public Cons {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /**
     * {@code doc_nest}: indents the line breaks inside {@code doc}. {@code indent} is a column
     * count, or {@link Algebra#CURSOR} / {@link Algebra#RESET}; when {@code always} is false the
     * nesting applies only inside a broken group (Elixir's {@code :break} mode).
     */
    record Nest(Doc doc, int indent, boolean always) implements Doc {
        public Nest {
            Objects.requireNonNull(doc, "doc");
        }
    }

    /**
     * {@code doc_break}: {@code text} when laid out flat, a newline otherwise. A strict break
     * follows its group's decision; a flex break ({@code flex}) is re-decided where it stands.
     */
    record Break(String text, boolean flex) implements Doc {
        public Break {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * {@code doc_group}: a unit that is laid out flat when it fits. With {@code inherit} (Elixir's
     * {@code :inherit}) it breaks whenever its parent broke.
     */
    record Group(Doc doc, boolean inherit) implements Doc {
        public Group {
            Objects.requireNonNull(doc, "doc");
        }
    }

    /** {@code doc_fits}: see {@link Algebra#nextBreakFits(Doc, boolean)}. */
    record Fits(Doc doc, boolean enabled) implements Doc {
        public Fits {
            Objects.requireNonNull(doc, "doc");
        }
    }

    /** {@code doc_force}: makes the enclosing group unfit. */
    record Force(Doc doc) implements Doc {
        public Force {
            Objects.requireNonNull(doc, "doc");
        }
    }

    /** {@code doc_collapse}: collapses the following newlines to at most {@code max}. */
    record Collapse(int max) implements Doc {
    }

    /** {@code doc_color}: emits the ANSI sequence {@code ansi}, then {@code doc}; takes no width. */
    record Color(Doc doc, String ansi) implements Doc {
        public Color {
            Objects.requireNonNull(doc, "doc");
            Objects.requireNonNull(ansi, "ansi");
        }
    }

    /**
     * {@code doc_limit}: lays {@code doc} out with another width; {@link Algebra#INFINITY} as
     * in {@link Algebra#noLimit(Doc)} lays it out on one line.
     */
    record Limit(Doc doc, int width) implements Doc {
        public Limit {
            Objects.requireNonNull(doc, "doc");
        }
    }
}
