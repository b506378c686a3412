package procshell.shell.iex;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ErlangError;

/**
 * The Elixir exception an Erlang error reason becomes, as Elixir's {@code Exception.normalize/2}
 * turns {@code :erlang.error(reason)} into one: {@code :badarg} is an ArgumentError,
 * {@code :badarith} an ArithmeticError, {@code {:badmap, term}} a BadMapError,
 * {@code {:badkey, key}} and {@code {:badkey, key, term}} a KeyError, {@code {:badmatch, term}} a
 * MatchError, {@code :cond_clause} a CondClauseError, {@code {:badbool, op, term}} a
 * BadBooleanError; any other reason an ErlangError.
 */
final class ErlangErrors {
    private ErlangErrors() {}

    /** The exception for an error reason. */
    static RuntimeException of(Object reason) {
        if (reason instanceof Atom a) {
            switch (a.name()) {
                case "badarg":
                    return ArgumentError.badarg();
                case "badarith":
                    return new ArithmeticError("bad argument in arithmetic expression");
                case "system_limit":
                    return new ErlangError(reason);
                case "cond_clause":
                    return new CondClauseError();
                default:
                    break;
            }
        }
        if (reason instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom tag) {
            switch (tag.name()) {
                case "badmap":
                    return new BadMapError(t.get(1));
                case "badkey":
                    return new KeyError("key " + Kernel.inspect(t.get(1)) + " not found").erlang(reason);
                case "badmatch":
                    return new MatchError(t.get(1));
                default:
                    break;
            }
        }
        if (reason instanceof Tuple t && t.size() == 3 && t.get(0) instanceof Atom tag) {
            if (tag.name().equals("badkey")) return new KeyError("key " + Kernel.inspect(t.get(1)) + " not found in: " + Kernel.inspect(t.get(2))).erlang(reason);
            if (tag.name().equals("badbool") && t.get(1) instanceof Atom op) return new BadBooleanError(op.name(), t.get(2));
        }
        return new ErlangError(reason);
    }
}
