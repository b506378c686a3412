package procshell.shell.observer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.observe.ProcessFacts;
import procshell.runtime.otp.GenServer;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;

/**
 * This node, as a process page reads it: {@code Process.info/1,2} of the shell, {@code :sys.get_state}
 * asked by a short-lived process of its own (so that an answer that comes after the timeout lands
 * in no one's mailbox), and the stack of the process's thread (see {@link ProcessStack}). Calls
 * are made from a process (the shell's).
 */
final class LocalNode implements ObservedNode {
    private final Node node;

    LocalNode(Node node) {
        this.node = node;
    }

    @Override
    public Atom name() {
        return node.name();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Tuple> info(Pid pid) {
        return (List<Tuple>) procshell.shell.iex.Process.info(pid);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Tuple> info(Pid pid, List<Atom> items) {
        return (List<Tuple>) procshell.shell.iex.Process.info(pid, items);
    }

    @Override
    public StateRead state(Pid pid, long timeoutMs) {
        LocalProcess p = node.process(pid);
        if (p == null || !p.isAlive()) return StateRead.none("the process is not alive");
        if (!ProcessFacts.PROC_LIB_INIT.equals(ProcessFacts.initialCall(p))) {
            return StateRead.none("not an OTP process: it does not answer :sys.get_state");
        }
        CompletableFuture<StateRead> answer = new CompletableFuture<>();
        node.spawn(self -> {
            try {
                answer.complete(StateRead.of(GenServer.getState(pid, timeoutMs)));
            } catch (ExitException e) {
                answer.complete(StateRead.none(problem(e.reason(), timeoutMs)));
            }
        });
        try {
            // the helper gives up after timeoutMs; the margin covers its start
            return answer.get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return StateRead.none("no answer within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StateRead.none("interrupted");
        }
    }

    /** Words for the exit reason of a failed {@code :sys.get_state}: {@code {:timeout, _}}, {@code {:noproc, _}}, ... */
    static String problem(Object reason, long timeoutMs) {
        Object why = reason instanceof Tuple t && t.size() == 2 ? t.get(0) : reason;
        if (Atom.TIMEOUT.equals(why)) return "no answer within " + timeoutMs + " ms (busy, or it does not handle system messages)";
        if (Atom.NOPROC.equals(why)) return "the process is not alive";
        return ":sys.get_state exited: " + Inspect.inspect(reason);
    }

    @Override
    public List<String> stack(Pid pid) {
        LocalProcess p = node.process(pid);
        return p == null ? List.of() : ProcessStack.lines(p);
    }

    @Override
    public void kill(Pid pid) {
        node.exit(ProcessContext.require().self(), pid, Atom.KILL);
    }
}
