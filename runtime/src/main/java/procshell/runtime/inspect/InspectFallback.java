package procshell.runtime.inspect;

import java.util.Objects;
import java.util.function.Function;

/**
 * Renders objects that are not runtime terms, the way a custom {@code Inspect} protocol
 * implementation does in Elixir: the shell registers one for Groovy classes (module names),
 * closures ({@code #Function<...>}), ranges ({@code 1..10}) and so on.
 *
 * <p>A fallback returns null for objects it does not know; the next one is then tried (the
 * options' fallback, then the process-wide {@link Inspect#setDefaultFallback default}, then
 * {@link String#valueOf(Object)}).
 */
@FunctionalInterface
public interface InspectFallback {
    /**
     * Text for {@code term}, or null when this fallback does not handle it.
     *
     * @param term the object, never a runtime term such as an atom, list or tuple
     * @param opts the options in effect (for nested terms, call {@link Inspect#toDoc})
     */
    String inspect(Object term, InspectOptions opts);

    /**
     * The document for {@code term}, or null when not handled. Override it to return a
     * breakable document; by default it wraps {@link #inspect(Object, InspectOptions)}'s text.
     */
    default Doc toDoc(Object term, InspectOptions opts) {
        String text = inspect(term, opts);
        return text == null ? null : Algebra.text(text);
    }

    /** Adapts a plain function (returning null for objects it does not handle). */
    static InspectFallback of(Function<Object, String> function) {
        Objects.requireNonNull(function, "function");
        return (term, opts) -> function.apply(term);
    }
}
