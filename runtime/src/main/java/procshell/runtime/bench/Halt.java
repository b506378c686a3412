package procshell.runtime.bench;

import java.util.concurrent.CompletableFuture;

import procshell.runtime.node.Node;

/**
 * Boots a node, runs one process and exits: the runtime without the shell, timed by the startup
 * benchmark as the counterpart of {@code erl -noshell -eval 'halt().'}.
 */
public final class Halt {
    private Halt() {}

    /** Entry point; ignores its arguments and exits 0. */
    public static void main(String[] args) throws Exception {
        Node node = new Node();
        CompletableFuture<Void> ran = new CompletableFuture<>();
        node.spawn(self -> ran.complete(null));
        ran.get();
        node.shutdown();
        System.exit(0);
    }
}
