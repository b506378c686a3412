package procshell.shell.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Start-up work on a thread of its own (the node, the terminal), so that the steps on the way to
 * the first prompt overlap; whoever needs the result joins it and gets the task's own exception.
 */
final class Background {
    private Background() {}

    /** Runs {@code work} on a new platform thread called {@code name}. */
    static <T> CompletableFuture<T> start(String name, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofPlatform().name(name).start(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * The result, waiting for it.
     *
     * @throws RuntimeException the task's unchecked exception as it was thrown; an
     *         {@link IOException} comes as an {@link UncheckedIOException}
     */
    static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            if (e.getCause() instanceof IOException io) throw new UncheckedIOException(io);
            throw e;
        }
    }
}
