package procshell.shell.eval;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.process.ErlangError;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;

/**
 * Elixir's {@code receive do pattern [when guard] -> body ... after timeout -> body end}, which
 * the shell's translation ({@link ReceiveSyntax}) turns into {@code _receive_(clauses...)} calls of
 * {@code Kernel}: selective receive over the calling process's mailbox. The oldest message that
 * some clause accepts is taken (the clauses tried in order for each message); the others stay
 * queued in order. The accepting clause's body runs with the pattern's variables as its
 * parameters, so they are visible in the body only, as in Elixir.
 */
public final class Receive {
    private static final Atom TRUE = Atom.of("true");
    private static final Atom INFINITY = Atom.of("infinity");
    private static final Atom TIMEOUT_VALUE = Atom.of("timeout_value");

    private Receive() {}

    /**
     * One {@code pattern when guard -> body} clause.
     *
     * @param pattern   the pattern
     * @param variables the names the pattern binds, in the order of the parameters of
     *                  {@code guard} and {@code body}
     * @param guard     the {@code when} guard, or null; a guard that raises rejects the message,
     *                  as on the BEAM
     * @param body      the body
     */
    public record Clause(Pattern pattern, List<String> variables, Closure<?> guard, Closure<?> body) {
        /** The values of the pattern's variables when {@code message} matches, else null. */
        Object[] accept(Object message) {
            Map<String, Object> bound = new LinkedHashMap<>();
            if (!pattern.match(message, bound)) return null;
            Object[] args = new Object[variables.size()];
            for (int i = 0; i < args.length; i++) args[i] = bound.get(variables.get(i));
            if (guard == null) return args;
            try {
                // a guard passes on true only, as in Elixir (the prompt may give true as :true)
                Object passed = guard.call(args);
                return Boolean.TRUE.equals(passed) || TRUE.equals(passed) ? args : null;
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * The {@code after timeout -> body} clause.
     *
     * @param timeout ms (a non-negative integer) or {@code :infinity}
     * @param body    what the receive returns when no message was accepted in time
     */
    public record After(Object timeout, Closure<?> body) {}

    /**
     * Runs a receive in the calling process.
     *
     * @param parts the clauses in order, then at most one {@link After}; no clauses and no
     *              {@code After} waits forever (Elixir's {@code receive do end})
     * @return the value of the accepting clause's body, or of the after body
     * @throws ErlangError {@code :timeout_value} when the timeout is not a non-negative integer
     *                     or {@code :infinity}, as the BEAM
     */
    public static Object run(Object... parts) {
        List<Clause> clauses = new java.util.ArrayList<>();
        After after = null;
        for (Object p : parts) {
            if (p instanceof After a) after = a;
            else clauses.add((Clause) p);
        }
        long timeoutMs = after == null ? -1 : timeoutMs(after.timeout());
        Clause[] chosen = new Clause[1];
        Object[][] args = new Object[1][];
        Object m = ProcessContext.require().receive(message -> {
            for (Clause c : clauses) {
                Object[] a = c.accept(message);
                if (a != null) {
                    chosen[0] = c;
                    args[0] = a;
                    return true;
                }
            }
            return false;
        }, timeoutMs);
        if (m == Mailbox.TIMEOUT) return after.body().call();
        return chosen[0].body().call(args[0]);
    }

    /**
     * Elixir's {@code case subject do ... end}: the value of the body of the first clause that
     * accepts {@code subject} (its pattern matches and its guard, if any, holds).
     *
     * @param subject the value matched (already normalized to Elixir terms)
     * @param clauses {@link Clause}s in order
     * @throws CaseClauseError when no clause accepts it
     */
    public static Object match(Object subject, Object... clauses) {
        for (Object c : clauses) {
            Object[] args = ((Clause) c).accept(subject);
            if (args != null) return ((Clause) c).body().call(args);
        }
        throw new CaseClauseError(subject);
    }

    /** A self call ending a clause of a method whose whole body is the receive: its arguments. */
    public record TailCall(Object[] arguments) {}

    /**
     * A method whose whole body is a receive, called again from the end of a clause with new
     * arguments: runs {@code receive} and, as long as it ends in a {@link TailCall}, gives the
     * arguments to {@code rebind} (which assigns the method's parameters) and runs it again, so
     * that the stack stays flat, as a tail-recursive loop on the BEAM.
     *
     * @param rebind  takes the arguments (an {@code Object[]}) and assigns the parameters
     * @param receive runs the receive once
     * @return the value of the first clause body that does not end in a self call
     */
    public static Object loop(Closure<?> rebind, Closure<?> receive) {
        while (true) {
            Object result = receive.call();
            if (!(result instanceof TailCall t)) return result;
            rebind.call((Object) t.arguments());
        }
    }

    private static long timeoutMs(Object timeout) {
        if (INFINITY.equals(timeout)) return -1;
        if ((timeout instanceof Integer || timeout instanceof Long || timeout instanceof java.math.BigInteger)
                && ((Number) timeout).longValue() >= 0 && ((Number) timeout).doubleValue() <= Long.MAX_VALUE) {
            return ((Number) timeout).longValue();
        }
        throw new ErlangError(TIMEOUT_VALUE);
    }
}
