package procshell.shell.inspect;

import java.util.List;

import procshell.runtime.node.ErrorReason;
import procshell.runtime.node.Tuple;

/**
 * An exit reason made of an error, as the shell formats it: the throwable and the stack it was
 * raised at. Either the runtime's {@link ErrorReason} of a process that died of it (its Java
 * frames), or a {@code {exception, stacktrace}} tuple a program made itself
 * ({@code exit({e, __STACKTRACE__})}), which Elixir's {@code Exception.format_exit/1} formats as
 * the same.
 *
 * @param exception the error
 * @param stack     its frames: {@link StackTraceElement}s, or Elixir's frame tuples
 */
record RaisedReason(Throwable exception, List<?> stack) {
    /** The error {@code reason} is made of, or null when it is not made of one. */
    static RaisedReason of(Object reason) {
        if (reason instanceof ErrorReason r) return new RaisedReason(r.exception(), r.javaStack());
        if (reason instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Throwable e && t.get(1) instanceof List<?> stack) {
            return new RaisedReason(e, stack);
        }
        return null;
    }
}
