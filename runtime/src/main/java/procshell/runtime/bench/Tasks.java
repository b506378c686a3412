package procshell.runtime.bench;

import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;

/** Concurrent callers, as the scripts' {@code Task.async/1} + {@code Task.await/2}. */
final class Tasks {
    private Tasks() {}

    /**
     * Runs {@code work} in {@code count} new processes at once and waits until all are done.
     *
     * @throws IllegalStateException when one of them failed
     */
    static void awaitAll(ProcessContext self, int count, Runnable work) {
        Ref tag = self.node().makeRef();
        Pid parent = self.self();
        for (int i = 0; i < count; i++) {
            self.spawn(me -> {
                Object result = "ok";
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    result = e;
                }
                me.send(parent, Tuple.of(tag, result));
            });
        }
        for (int i = 0; i < count; i++) {
            Tuple t = (Tuple) self.receive(x -> x instanceof Tuple r && r.size() == 2 && tag.equals(r.get(0)), -1);
            if (t.get(1) instanceof Throwable e) throw new IllegalStateException("a task failed: " + e, e);
        }
    }
}
