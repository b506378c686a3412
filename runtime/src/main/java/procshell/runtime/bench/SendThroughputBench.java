package procshell.runtime.bench;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;

/**
 * {@code send_throughput.exs}: (1) one sender to one receiver, N small messages (an atom), from
 * the first send until the receiver has taken the last; (2) ping-pong with 1, one per core and
 * 1000 pairs exchanging {@code {:ping, from}} / {@code :pong}, about 1,000,000 round trips in all
 * per configuration.
 */
final class SendThroughputBench implements Workload {
    private static final Atom MSG = Atom.of("msg");
    private static final Atom PING = Atom.of("ping");
    private static final Atom PONG = Atom.of("pong");
    private static final Atom STOP = Atom.of("stop");
    private static final Atom SENT_ALL = Atom.of("sent_all");
    private static final Atom RECEIVED_ALL = Atom.of("received_all");
    private static final Atom PAIR_DONE = Atom.of("pair_done");

    @Override
    public String name() {
        return "send_throughput";
    }

    @Override
    public int size(boolean quick) {
        return quick ? 200_000 : 5_000_000;
    }

    @Override
    public void run(ProcessContext self, int n, Figures out) throws Exception {
        oneToOne(self, n, out);
        int total = n >= 5_000_000 ? 1_000_000 : Math.max(1000, n / 5);
        int s = Runtime.getRuntime().availableProcessors();
        pingPong(self, 1, total, out);
        pingPong(self, s, total, out);
        pingPong(self, 1000, total, out);
    }

    private static void oneToOne(ProcessContext self, int n, Figures out) {
        Pid parent = self.self();
        Pid receiver = self.spawn(me -> {
            for (int k = n; k > 0; k--) me.receive(m -> m == MSG, -1);
            me.send(parent, RECEIVED_ALL);
        });
        long t0 = Clock.micros();
        self.spawn(me -> {
            for (int k = n; k > 0; k--) me.send(receiver, MSG);
            me.send(parent, SENT_ALL);
        });
        self.receive(m -> m == SENT_ALL, -1);
        long t1 = Clock.micros();
        self.receive(m -> m == RECEIVED_ALL, -1);
        long t2 = Clock.micros();
        out.add("send_1to1_messages", n, "messages");
        out.add("send_1to1_sender_done_ms", (t1 - t0) / 1000.0, "ms");
        out.add("send_1to1_total_ms", (t2 - t0) / 1000.0, "ms");
        out.rate("send_1to1_rate", n, t2 - t0, "msgs/s");
    }

    private static void pingPong(ProcessContext self, int pairs, int total, Figures out) {
        int per = total / pairs;
        Pid parent = self.self();
        List<Pid> pongers = new ArrayList<>(pairs);
        for (int i = 0; i < pairs; i++) {
            pongers.add(self.spawn(me -> {
                while (true) {
                    Object m = me.receive(x -> x == STOP || (x instanceof Tuple t && t.isTagged(PING, 2)), -1);
                    if (m == STOP) return;
                    me.send(((Tuple) m).get(1), PONG);
                }
            }));
        }
        long t0 = Clock.micros();
        for (Pid pg : pongers) {
            self.spawn(me -> {
                Tuple ping = Tuple.of(PING, me.self());
                for (int k = per; k > 0; k--) {
                    me.send(pg, ping);
                    me.receive(m -> m == PONG, -1);
                }
                me.send(parent, PAIR_DONE);
            });
        }
        for (int i = 0; i < pairs; i++) self.receive(m -> m == PAIR_DONE, -1);
        long us = Clock.micros() - t0;
        for (Pid pg : pongers) self.send(pg, STOP);
        long rt = (long) per * pairs;
        String p = "pingpong_" + pairs + "pairs";
        out.add(p + "_roundtrips", rt, "roundtrips");
        out.rate(p + "_roundtrip_rate", rt, us, "roundtrips/s");
        out.rate(p + "_msg_rate", 2.0 * rt, us, "msgs/s");
        if (pairs == 1) out.add(p + "_roundtrip_mean_us", (double) us / rt, "us");
    }
}
