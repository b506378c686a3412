package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Atom;
import procshell.shell.console.PipedSession;

/**
 * Map terms are values shared between processes without copying: one process deriving maps from
 * a map it was sent (or that it closed over) never changes what another process sees of it.
 */
@Timeout(120)
class MapTermSharingTest {

    @Test
    void processesUpdatingOneSharedMapEachSeeOnlyTheirOwnChanges() {
        // what iex prints for the same inputs: every process sees the base intact and its own sums
        List<List<String>> out = PipedSession.outputs(
                "base = Map.new(1..2000, &{&1, &1}); parent = self(); :ok",
                "for i <- 1..40, do: spawn(fn -> m = Enum.reduce(1..2000, base, fn k, m -> Map.put(m, k, k * i) end); "
                        + "m = Map.delete(m, 1); send(parent, {:done, i, Enum.sum(Map.values(m)), map_size(m), Enum.sum(Map.values(base)), map_size(base)}) end); :ok",
                "results = for _ <- 1..40, do: (receive do {:done, i, s, n, b, bn} -> {i, s, n, b, bn} end); length(results)",
                "Enum.all?(results, fn {i, s, n, b, bn} -> s == 2001000 * i - i and n == 1999 and b == 2001000 and bn == 2000 end)",
                "{map_size(base), base[1], Enum.sum(Map.keys(base))}",
                "s = Enum.reduce(1..1000, MapSet.new(), &MapSet.put(&2, &1)); pid = spawn(fn -> receive do {from, set} -> send(from, {:back, MapSet.put(set, 0), set}) end end); send(pid, {self(), s}); :ok",
                "receive do {:back, t, u} -> {MapSet.size(t), MapSet.size(u), MapSet.size(s), u == s, MapSet.member?(t, 0), MapSet.member?(s, 0)} end");
        assertEquals(List.of(":ok", ":ok", "40", "true", "{2000, 1, 2001000}", ":ok", "{1001, 1000, 1000, true, true, false}"),
                out.stream().map(o -> o.isEmpty() ? "" : o.get(0)).toList(), out::toString);
    }

    @Test
    void threadsDerivingFromOneMapTermLeaveItUnchanged() throws InterruptedException {
        MapTerm base = new MapTerm();
        for (int i = 0; i < 5000; i++) base.put(i, Atom.of("v"));
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int id = t;
            threads.add(Thread.ofVirtual().start(() -> {
                MapTerm mine = base;
                for (int i = 0; i < 5000; i++) {
                    mine = i % 2 == 0 ? mine.with(i, id) : mine.without(i);
                    if (base.get(i) != Atom.of("v") || base.size() != 5000) wrong.add("base changed at " + i + " by " + id);
                }
                if (mine.size() != 2500 || !Integer.valueOf(id).equals(mine.get(4998)) || mine.containsKey(4999)) wrong.add("thread " + id + " lost its changes");
            }));
        }
        for (Thread t : threads) t.join();
        assertEquals(List.of(), List.copyOf(wrong));
        assertEquals(5000, base.size());
    }
}
