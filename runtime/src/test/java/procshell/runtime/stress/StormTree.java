package procshell.runtime.stress;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.ChildSpec;
import procshell.runtime.otp.DynamicSupervisor;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.StartOptions;
import procshell.runtime.otp.Supervisor;
import procshell.runtime.otp.SupervisorFlags;
import procshell.runtime.registry.Registry;

/**
 * The storm's supervision tree and the names in it. Under {@code storm_root} (one_for_one):
 * four registries (unique and duplicate keys, 1 and 8 partitions), one group supervisor per
 * strategy (one_for_one, one_for_all, rest_for_one), each over {@code subs} supervisors of its own
 * strategy over {@code workers} {@link StormWorker}s, and a DynamicSupervisor {@code storm_dyn} over
 * {@code dynSups} nested DynamicSupervisors whose workers come and go at run time.
 *
 * <p>Worker {@code i} is named by {@code i % 5}: the local atom {@code storm_w<i>}, or
 * {@code {:via, Registry, {StormU1, {:w, i}}}}, or the same in {@code StormU8}, or gproc's
 * {@code {:via, :gproc, {:n, :l, {:w, i}}}}, or {@code {:global, {:w, i}}}; it joins the group
 * {@code {:group, i % 16}} of {@code StormD1} (even i) or {@code StormD8} (odd i). Dynamic workers
 * are {@code {:via, Registry, {StormU8, {:dyn, n}}}} and answer {@code :ping} with
 * {@code 1_000_000 + n}. Every supervisor has a local name, so that the storm finds it to kill it.
 *
 */
final class StormTree {
    static final Atom U1 = Atom.module("StormU1");
    static final Atom U8 = Atom.module("StormU8");
    static final Atom D1 = Atom.module("StormD1");
    static final Atom D8 = Atom.module("StormD8");
    static final List<Atom> REGISTRIES = List.of(U1, U8, D1, D8);
    static final List<Atom> STRATEGIES = List.of(SupervisorFlags.ONE_FOR_ONE, SupervisorFlags.ONE_FOR_ALL,
            SupervisorFlags.REST_FOR_ONE);
    static final int DYN_BASE = 1_000_000;
    /** How many naming schemes: worker {@code i} uses scheme {@code i % SCHEMES}. */
    static final int SCHEMES = 5;
    static final int LOCAL = 0;
    static final int GPROC_SCHEME = 3;
    static final int GLOBAL_SCHEME = 4;
    static final Atom GPROC = Atom.of("gproc");
    private static final Atom W = Atom.of("w");
    private static final Atom DYN = Atom.of("dyn");
    /** Intensity of the supervisors that must never give up (the root, the groups, storm_dyn). */
    private static final int UNLIMITED = 1_000_000;
    /** Intensity of the leaf supervisors: a storm does exceed it now and then, and their parent restarts them. */
    static final int LEAF_RESTARTS = 10;

    final Node node;
    final int subs;
    final int workers;
    final int dynSups;
    final Atom root;
    final Atom dyn;
    final List<Atom> groups = new ArrayList<>();
    /** [strategy][sub] */
    final Atom[][] subNames;
    final Atom[] dynNames;
    final Atom[] localWorkerNames;
    /** Every partition of every registry, registered as {@code R.PIDPartitionN}. */
    final List<Atom> partitions = new ArrayList<>();

    StormTree(Node node, int subs, int workers, int dynSups) {
        this.node = node;
        this.subs = subs;
        this.workers = workers;
        this.dynSups = dynSups;
        this.root = atom("storm_root");
        this.dyn = atom("storm_dyn");
        subNames = new Atom[STRATEGIES.size()][subs];
        for (int s = 0; s < STRATEGIES.size(); s++) {
            groups.add(atom("storm_group_" + STRATEGIES.get(s).name()));
            for (int k = 0; k < subs; k++) subNames[s][k] = atom("storm_sup_" + STRATEGIES.get(s).name() + "_" + k);
        }
        dynNames = new Atom[dynSups];
        for (int m = 0; m < dynSups; m++) dynNames[m] = atom("storm_dyn_" + m);
        localWorkerNames = new Atom[workerCount()];
        for (int i = 0; i < workerCount(); i += SCHEMES) localWorkerNames[i] = atom("storm_w" + i);
        for (Atom r : REGISTRIES) {
            int n = r == U8 || r == D8 ? 8 : 1;
            for (int p = 0; p < n; p++) partitions.add(atom(r.name() + ".PIDPartition" + p));
        }
    }

    private Atom atom(String name) {
        return node.atoms().intern(name);
    }

    /** The number of statically supervised workers. */
    int workerCount() {
        return STRATEGIES.size() * subs * workers;
    }

    /** The name worker {@code i} is registered under (see the class comment). */
    Object nameOf(int i) {
        return switch (i % SCHEMES) {
            case LOCAL -> localWorkerNames[i];
            case 1 -> via(U1, Tuple.of(W, i));
            case 2 -> via(U8, Tuple.of(W, i));
            case GPROC_SCHEME -> Tuple.of(Atom.VIA, GPROC, gprocKey(i));
            default -> Tuple.of(Atom.GLOBAL, globalKey(i));
        };
    }

    /** The {@code :global} name of worker {@code i}: {@code {:w, i}}. */
    static Tuple globalKey(int i) {
        return Tuple.of(W, i);
    }

    /** gproc's unique local name of worker {@code i}: {@code {:n, :l, {:w, i}}}. */
    static Tuple gprocKey(int i) {
        return Tuple.of(Atom.of("n"), Atom.of("l"), Tuple.of(W, i));
    }

    /** The name of dynamic worker {@code n}. */
    static Tuple dynName(long n) {
        return via(U8, Tuple.of(DYN, n));
    }

    static Tuple via(Atom registry, Object key) {
        return Tuple.of(Atom.VIA, Registry.MODULE, Tuple.of(registry, key));
    }

    /** The duplicate registry worker {@code i} joins. */
    static Atom groupRegistry(int i) {
        return i % 2 == 0 ? D1 : D8;
    }

    /** Starts the tree linked to the calling process; returns the root's pid. */
    Pid start() {
        List<ChildSpec> children = new ArrayList<>();
        for (Atom r : REGISTRIES) {
            boolean unique = r == U1 || r == U8;
            int n = r == U8 || r == D8 ? 8 : 1;
            children.add(Registry.childSpec(List.of(Tuple.of(Atom.of("keys"), Atom.of(unique ? "unique" : "duplicate")),
                    Tuple.of(Atom.of("name"), r), Tuple.of(Atom.of("partitions"), n))));
        }
        for (int s = 0; s < STRATEGIES.size(); s++) {
            int strategy = s;
            children.add(ChildSpec.supervisor(groups.get(s), () -> Supervisor.startLink(groupChildren(strategy),
                    SupervisorFlags.of(STRATEGIES.get(strategy)).withIntensity(UNLIMITED, 1), groups.get(strategy))));
        }
        children.add(ChildSpec.supervisor(dyn, () -> DynamicSupervisor.startLink(
                DynamicSupervisor.Flags.defaults().withIntensity(UNLIMITED, 1), dyn)));
        Object started = Supervisor.startLink(children, SupervisorFlags.oneForOne().withIntensity(UNLIMITED, 1), root);
        if (!(started instanceof Tuple t && Atom.OK.equals(t.get(0)))) throw new IllegalStateException("storm tree: " + started);
        for (int m = 0; m < dynSups; m++) ensureDynSup(m);
        return (Pid) ((Tuple) started).get(1);
    }

    private List<ChildSpec> groupChildren(int s) {
        List<ChildSpec> out = new ArrayList<>();
        for (int k = 0; k < subs; k++) {
            int sub = k;
            out.add(ChildSpec.supervisor(subNames[s][k], () -> Supervisor.startLink(workerSpecs(s, sub),
                    SupervisorFlags.of(STRATEGIES.get(s)).withIntensity(LEAF_RESTARTS, 1), subNames[s][sub])));
        }
        return out;
    }

    private List<ChildSpec> workerSpecs(int s, int k) {
        List<ChildSpec> out = new ArrayList<>();
        int base = (s * subs + k) * workers;
        for (int j = 0; j < workers; j++) {
            int i = base + j;
            out.add(ChildSpec.worker(i, () -> GenServer.startLink(new StormWorker(i, groupRegistry(i), i % 7 == 0),
                    null, StartOptions.named(nameOf(i)))));
        }
        return out;
    }

    /**
     * The child spec of nested dynamic supervisor {@code m}: temporary, for the storm's agents
     * start it again when they find it gone. (Were it permanent, an agent could start it anew
     * before storm_dyn handled the old one's exit; storm_dyn's restart would then fail with
     * {@code {:already_started, pid}} and be tried again and again, as OTP's would.)
     */
    ChildSpec dynSupSpec(int m) {
        return ChildSpec.supervisor(dynNames[m], () -> DynamicSupervisor.startLink(
                DynamicSupervisor.Flags.defaults().withIntensity(LEAF_RESTARTS, 1), dynNames[m])).withRestart(Atom.of("temporary"));
    }

    /**
     * Starts nested dynamic supervisor {@code m} under {@code storm_dyn} unless it runs.
     *
     * @return what start_child answered
     */
    Object ensureDynSup(int m) {
        return DynamicSupervisor.startChild(dyn, dynSupSpec(m));
    }

    /** The child spec of dynamic worker {@code n}, with restart type {@code restart}. */
    static ChildSpec dynWorkerSpec(long n, Atom restart) {
        return ChildSpec.worker(n, () -> GenServer.startLink(new StormWorker((int) (DYN_BASE + n), null, n % 5 == 0), null,
                StartOptions.named(dynName(n)))).withRestart(restart);
    }
}
