package procshell.shell.inspect;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Tuple;

/**
 * Report terms as the BEAM holds them: an {@code {exception, stacktrace}} whose stacktrace is the
 * JVM's frames becomes {@code {exception, [{module, function, arity, [file: 'lib/gen_server.ex',
 * line: 832]}, ...]}} ({@link StackFormatter#stacktraceTerm(Throwable, List)}), wherever it sits
 * in the term, so that a crash report's {@code Last message: {:EXIT, pid, reason}} shows no Java
 * frame.
 */
public final class ElixirStacktrace {
    private ElixirStacktrace() {}

    /** The term with every {@code {Throwable, [StackTraceElement...]}} inside it given Elixir frames. */
    public static Object terms(Object term) {
        if (term instanceof procshell.runtime.node.ErrorReason r) {
            // a crash report's term shows the frames the error names itself too ({HelloServer, :handle_cast, 2, ...})
            return Tuple.of(r.get(0), StackFormatter.stacktraceTerm(r.exception(), r.javaStack()));
        }
        if (term instanceof Tuple t) {
            if (t.size() == 2 && t.get(0) instanceof Throwable e && t.get(1) instanceof List<?> stack && javaFrames(stack)) {
                return Tuple.of(e, StackFormatter.stacktraceTerm(e, stack));
            }
            Object[] out = new Object[t.size()];
            for (int i = 0; i < t.size(); i++) out[i] = terms(t.get(i));
            return Tuple.of(out);
        }
        if (term instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(terms(o));
            return out;
        }
        return term;
    }

    private static boolean javaFrames(List<?> stack) {
        return !stack.isEmpty() && stack.stream().allMatch(StackTraceElement.class::isInstance);
    }
}
