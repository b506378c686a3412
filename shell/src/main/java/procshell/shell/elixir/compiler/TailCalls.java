package procshell.shell.elixir.compiler;

import java.util.List;

/**
 * Finds the calls a function makes to itself in tail position: the last expression of its body,
 * and through the bodies of {@code case}, {@code cond}, {@code if}/{@code unless},
 * {@code receive} (and its {@code after}) and {@code with}. Such a function compiles to a loop,
 * so that a process loop runs in constant stack as on the BEAM.
 */
final class TailCalls {
    private TailCalls() {}

    /** True when {@code body} calls {@code name/arity} (locally) in tail position. */
    static boolean callsItself(Object body, String name, int arity) {
        if (body == null || !Quoted.isNode(body)) return false;
        String n = Quoted.name(body);
        List<Object> args = Quoted.args(body);
        if (n == null || args == null) return false;
        switch (n) {
            case "__block__":
                return !args.isEmpty() && callsItself(args.get(args.size() - 1), name, arity);
            case "case", "receive", "cond":
                for (Object opts : args) {
                    if (!(opts instanceof List<?>)) continue;
                    for (String key : new String[] {"do", "after"}) {
                        for (Object arrow : Quoted.clauses(Quoted.keyword(opts, key))) {
                            if (callsItself(Quoted.args(arrow).get(1), name, arity)) return true;
                        }
                    }
                }
                return false;
            case "if", "unless":
                return args.size() == 2 && (callsItself(Quoted.keyword(args.get(1), "do"), name, arity)
                        || callsItself(Quoted.keyword(args.get(1), "else"), name, arity));
            case "with": {
                Object opts = args.get(args.size() - 1);
                if (callsItself(Quoted.keyword(opts, "do"), name, arity)) return true;
                for (Object arrow : Quoted.clauses(Quoted.keyword(opts, "else"))) {
                    if (callsItself(Quoted.args(arrow).get(1), name, arity)) return true;
                }
                return false;
            }
            case "|>":
                return args.size() == 2 && Quoted.name(args.get(1)) != null && name.equals(Quoted.name(args.get(1)))
                        && Quoted.args(args.get(1)) != null && Quoted.args(args.get(1)).size() + 1 == arity;
            default:
                return n.equals(name) && args.size() == arity;
        }
    }
}
