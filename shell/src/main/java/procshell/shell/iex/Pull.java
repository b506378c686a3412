package procshell.shell.iex;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * An iterator that computes each element only when asked, as a stream's consumer pulls: the
 * step returns the next element or {@link #END}. The building block of {@link ElixirStream}.
 */
final class Pull implements Iterator<Object> {
    /** What a step returns when there is nothing more. */
    static final Object END = new Object();

    private final Supplier<Object> step;
    private Object next;
    private boolean ready;
    private boolean done;

    private Pull(Supplier<Object> step) {
        this.step = step;
    }

    /** An iterator over the step's results until it returns {@link #END}. */
    static Pull of(Supplier<Object> step) {
        return new Pull(step);
    }

    @Override
    public boolean hasNext() {
        if (done) return false;
        if (!ready) {
            procshell.runtime.process.Reductions.tick(); // an endless stream stays preemptible and stoppable
            next = step.get();
            ready = true;
            if (next == END) done = true;
        }
        return !done;
    }

    @Override
    public Object next() {
        if (!hasNext()) throw new NoSuchElementException();
        ready = false;
        return next;
    }
}
