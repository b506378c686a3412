package procshell.shell.console;

import java.util.List;
import java.util.Set;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.shell.eval.Evaluator;

/**
 * What completes as an argument, from the live node (what iex cannot offer): in
 * {@code Registry.lookup(MyReg, } the registry's keys and in {@code Registry.lookup(} the
 * registries; in {@code :ets.lookup(} the named tables; in {@code :global.whereis_name(} the
 * global names; in {@code GenServer.call(}, {@code Process.whereis(}, {@code send(} and the like
 * the registered process names.
 */
final class ArgumentCompletions {
    /** Modules whose functions take a process (a pid or a name) first. */
    private static final Set<String> PROCESS_MODULES = Set.of("GenServer", "Process", "Agent", "Supervisor",
            "DynamicSupervisor", "Task.Supervisor", ":sys", ":erlang");
    /** Functions called without a module that take a process first. */
    private static final Set<String> PROCESS_FUNCTIONS = Set.of("send", "process_info", "i", "link", "unlink",
            "monitor", "exit", "demonitor");
    /** Registry's functions that take a key second. */
    private static final Set<String> KEYED = Set.of("lookup", "register", "unregister", "unregister_match", "match",
            "count_match", "dispatch", "update_value", "values", "meta", "put_meta", "delete_meta");

    private final NodeNames names;
    private final Evaluator evaluator;

    ArgumentCompletions(Node node, Evaluator evaluator) {
        this.names = new NodeNames(node);
        this.evaluator = evaluator;
    }

    /** Adds the candidates for the argument the cursor is in, if its call is one of those above. */
    void add(CompletionInput in, List<Completion> out) {
        CompletionInput.Call call = in.call();
        String module = call.module();
        if ("Registry".equals(module)) {
            if (call.argument() == 0) {
                for (Atom r : names.registries()) out.add(ShellCompleter.word(typed(r)));
            } else if (call.argument() == 1 && KEYED.contains(call.function()) && atomValue(call.before().get(0)) instanceof Atom r) {
                for (Object key : names.registryKeys(r)) out.add(ShellCompleter.word(Inspect.inspect(key)));
            }
        } else if (":ets".equals(module) && call.argument() == 0) {
            for (Atom t : names.tables()) out.add(ShellCompleter.word(typed(t)));
        } else if (":global".equals(module) && call.argument() == 0) {
            for (Object g : names.globalNames()) out.add(ShellCompleter.word(Inspect.inspect(g)));
        } else if (call.argument() == 0 && (module == null ? PROCESS_FUNCTIONS.contains(call.function()) : PROCESS_MODULES.contains(module))) {
            for (String n : names.atoms()) out.add(ShellCompleter.word(":" + n));
            for (String n : names.modules()) out.add(ShellCompleter.word(n));
        }
    }

    /** An atom as typed: {@code MyReg} for {@code :"Elixir.MyReg"}, else {@code :name}. */
    private static String typed(Atom a) {
        return Inspect.inspect(a);
    }

    /** The atom an argument's source names: an alias, an atom literal, or a variable bound to an atom. */
    private Object atomValue(String source) {
        if (source.matches("[A-Z][A-Za-z0-9_.]*")) return Atom.of("Elixir." + source);
        if (source.matches(":[a-z_][A-Za-z0-9_@]*")) return Atom.of(source.substring(1));
        if (source.matches("[a-z_][A-Za-z0-9_]*") && evaluator.variableNames().contains(source)) {
            try {
                return evaluator.binding().getVariable(source);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
