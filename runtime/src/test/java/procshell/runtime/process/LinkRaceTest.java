package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * Links and monitors made while their other end is being killed ({@link LocalProcess#tryLink}
 * and {@link LocalProcess#monitor} add themselves to the other side without that side's lock):
 * every linker that traps exits hears of the death exactly once, {@code {:EXIT, pid, :killed}}
 * when the link was in place first, else {@code {:EXIT, pid, :noproc}}, and every monitor fires
 * exactly once, with {@code :killed} or {@code :noproc}, as on the BEAM.
 */
class LinkRaceTest {
    private static final Atom GO = Atom.of("go");
    private static final Atom DONE = Atom.of("done");

    @RegisterExtension
    final TestNode rt = new TestNode();

    /** The same for monitors: each monitor made while its target is killed fires exactly once. */
    @Test
    void aMonitorRacingAKillBringsExactlyOneDown() {
        int rounds = 300, watchers = 4;
        for (int round = 0; round < rounds; round++) {
            Pid target = rt.node().spawn(self -> self.receive());
            Pid me = rt.pid();
            List<Pid> ws = new ArrayList<>();
            for (int i = 0; i < watchers; i++) {
                ws.add(rt.node().spawn(self -> {
                    self.receive(m -> m == GO, -1);
                    procshell.runtime.node.Ref ref = self.monitor(target);
                    self.receive(m -> m == DONE, -1);
                    List<Object> reasons = new ArrayList<>();
                    Object m;
                    while ((m = self.receive(x -> x instanceof Tuple t && t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)), 0)) != Mailbox.TIMEOUT) {
                        reasons.add(((Tuple) m).get(4));
                    }
                    self.send(me, Tuple.of(Atom.of("heard"), reasons));
                }));
            }
            for (Pid w : ws) rt.self().send(w, GO);
            rt.kill(target);
            for (Pid w : ws) rt.self().send(w, DONE);
            for (int i = 0; i < watchers; i++) {
                Tuple heard = (Tuple) Await.receive(rt.self(), m -> m instanceof Tuple t && t.isTagged(Atom.of("heard"), 2), "a watcher's count");
                @SuppressWarnings("unchecked")
                List<Object> reasons = (List<Object>) heard.get(1);
                assertEquals(1, reasons.size(), "round " + round + ": " + reasons);
                Object r = reasons.get(0);
                assertEquals(true, Atom.KILLED.equals(r) || Atom.NOPROC.equals(r), "round " + round + ": " + r);
            }
        }
    }

    @Test
    void aLinkRacingAKillBringsExactlyOneExit() {
        int rounds = 300, linkers = 4;
        for (int round = 0; round < rounds; round++) {
            Pid target = rt.node().spawn(self -> self.receive());
            Pid me = rt.pid();
            List<Pid> ls = new ArrayList<>();
            for (int i = 0; i < linkers; i++) {
                ls.add(rt.node().spawn(self -> {
                    self.trapExit(true);
                    self.receive(m -> m == GO, -1);
                    self.link(target);
                    self.receive(m -> m == DONE, -1);
                    // Every signal of the kill and of the link is queued by now: count them.
                    List<Object> reasons = new ArrayList<>();
                    Object m;
                    while ((m = self.receive(x -> x instanceof Tuple t && t.isTagged(Atom.EXIT, 3) && target.equals(t.get(1)), 0)) != Mailbox.TIMEOUT) {
                        reasons.add(((Tuple) m).get(2));
                    }
                    self.send(me, Tuple.of(Atom.of("heard"), reasons));
                }));
            }
            for (Pid l : ls) rt.self().send(l, GO);
            rt.kill(target);
            for (Pid l : ls) rt.self().send(l, DONE);
            for (int i = 0; i < linkers; i++) {
                Tuple heard = (Tuple) Await.receive(rt.self(), m -> m instanceof Tuple t && t.isTagged(Atom.of("heard"), 2), "a linker's count");
                @SuppressWarnings("unchecked")
                List<Object> reasons = (List<Object>) heard.get(1);
                assertEquals(1, reasons.size(), "round " + round + ": " + reasons);
                Object r = reasons.get(0);
                assertEquals(true, Atom.KILLED.equals(r) || Atom.NOPROC.equals(r), "round " + round + ": " + r);
            }
        }
    }
}
