package procshell.shell.iex;

import java.util.Iterator;
import java.util.function.Supplier;

/**
 * A lazy enumerable made by {@code Stream} functions: nothing runs until it is enumerated, and
 * then only as far as the consumer pulls ({@code Stream.iterate(0, f) |> Enum.take(3)} computes
 * three elements). Each enumeration starts afresh from its source, as Elixir's streams do.
 */
public final class LazyStream implements Iterable<Object> {
    private final Supplier<Iterator<Object>> source;

    LazyStream(Supplier<Iterator<Object>> source) {
        this.source = source;
    }

    /** A fresh walk over the stream's elements. */
    @Override
    public Iterator<Object> iterator() {
        return source.get();
    }

    /** As iex shows a stream whose functions it cannot print: {@code #Stream<[...]>}. */
    @Override
    public String toString() {
        return "#Stream<[enum: ..., funs: [...]]>";
    }
}
